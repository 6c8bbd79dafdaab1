// The keepalive-nsq forwarder ends with a one-line machine-readable summary; this finds and reads it.

export interface ForwarderSummary {
  /** The summary object exactly as printed. */
  raw: Record<string, unknown>;
  latencyP50Ms?: number;
  latencyP99Ms?: number;
  /** 'exact': quantiles the forwarder printed; 'histogram': estimated from its latency buckets. */
  latencySource?: 'exact' | 'histogram';
}

interface LatencyHistogram {
  /** Cumulative counts per upper bound in seconds, as in the Prometheus exposition. */
  buckets: { le: number; count: number }[];
  count: number;
}

/** The last line of `output` that holds a JSON object (text before the first "{" is ignored). */
export function readForwarderSummary(output: string): ForwarderSummary | undefined {
  const lines = output.split('\n');
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const line = lines[index] ?? '';
    const start = line.indexOf('{');
    if (start < 0 || !line.trimEnd().endsWith('}')) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line.slice(start));
    } catch {
      continue;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) continue;
    const raw = parsed as Record<string, unknown>;
    return { raw, ...latencyOf(raw) };
  }
  return undefined;
}

function numberAt(record: Record<string, unknown>, path: readonly string[]): number | undefined {
  let value: unknown = record;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function isHistogram(value: unknown): value is LatencyHistogram {
  if (value === null || typeof value !== 'object') return false;
  const { buckets, count } = value as Partial<LatencyHistogram>;
  return (
    typeof count === 'number' &&
    Array.isArray(buckets) &&
    buckets.every((bucket) => typeof bucket?.le === 'number' && typeof bucket.count === 'number')
  );
}

/**
 * Prometheus' histogram_quantile: linear interpolation inside the bucket that holds the rank.
 * Returns milliseconds; undefined for an empty histogram. Beyond the last bound it returns that bound.
 */
export function histogramQuantileMs(histogram: LatencyHistogram, quantile: number): number | undefined {
  if (histogram.count <= 0) return undefined;
  const rank = quantile * histogram.count;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const bucket of [...histogram.buckets].sort((a, b) => a.le - b.le)) {
    if (bucket.count >= rank) {
      const inBucket = bucket.count - lowerCount;
      const fraction = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
      return (lowerBound + (bucket.le - lowerBound) * fraction) * 1000;
    }
    lowerBound = bucket.le;
    lowerCount = bucket.count;
  }
  return lowerBound * 1000;
}

function latencyOf(raw: Record<string, unknown>): Pick<ForwarderSummary, 'latencyP50Ms' | 'latencyP99Ms' | 'latencySource'> {
  const p50 = numberAt(raw, ['latencyMs', 'p50']);
  const p99 = numberAt(raw, ['latencyMs', 'p99']);
  if (p50 !== undefined && p99 !== undefined) return { latencyP50Ms: p50, latencyP99Ms: p99, latencySource: 'exact' };
  if (isHistogram(raw.latency)) {
    const estimatedP50 = histogramQuantileMs(raw.latency, 0.5);
    const estimatedP99 = histogramQuantileMs(raw.latency, 0.99);
    if (estimatedP50 !== undefined && estimatedP99 !== undefined) {
      return { latencyP50Ms: estimatedP50, latencyP99Ms: estimatedP99, latencySource: 'histogram' };
    }
  }
  return {};
}
