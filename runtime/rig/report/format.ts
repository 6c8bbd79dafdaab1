// Number formatting shared by the demo and benchmark reports, so every table reads the same way.

/** "1,234" for whole counts. */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** Messages per second: no decimals above 100, one below. */
export function formatRate(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value >= 100 ? formatCount(value) : value.toFixed(1);
}

/** Milliseconds with precision that fits the size: 0.42 ms, 4.2 ms, 42 ms, 1,234 ms. */
export function formatMs(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return 'n/a';
  if (value >= 100) return `${formatCount(value)} ms`;
  if (value >= 10) return `${value.toFixed(0)} ms`;
  if (value >= 1) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

/** "12×", "5.3×", "1.04×", "0.96×": two decimals below 2 so a goal of 1.0× is never decided by rounding. */
export function formatRatio(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return 'n/a';
  return `${value >= 10 ? value.toFixed(0) : value.toFixed(value >= 2 ? 1 : 2)}×`;
}

/** "95 %" */
export function formatPercent(fraction: number | undefined): string {
  if (fraction === undefined || !Number.isFinite(fraction)) return 'n/a';
  return `${(fraction * 100).toFixed(0)} %`;
}

/** "256 KiB", "1 MiB", "512 B". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}
