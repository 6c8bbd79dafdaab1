// Go-style durations ("500ms", "2s", "1m30s") as used by nsq_to_http's flags.
const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const UNIT = '(?:ns|us|µs|μs|ms|s|m|h)';

/** Parses a Go-style duration into milliseconds; returns undefined when the text is not one. */
export function parseDurationMs(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  if (!new RegExp(`^(\\d+(\\.\\d+)?${UNIT})+$`).test(trimmed)) return undefined;
  let total = 0;
  for (const match of trimmed.matchAll(new RegExp(`(\\d+(?:\\.\\d+)?)(${UNIT})`, 'g'))) {
    total += Number(match[1]) * (UNIT_MS[match[2]!] ?? NaN);
  }
  return Number.isFinite(total) ? Math.round(total) : undefined;
}

export function formatDurationMs(ms: number): string {
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
