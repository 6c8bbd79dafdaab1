/**
 * How long to wait after the last keystroke before linting a document on type. A file whose last
 * lint took long waits longer, so typing in it starts no lint that the next keystroke makes
 * pointless: the delay grows to twice the last lint time, within the setting and a ceiling.
 */
export const MAX_ON_TYPE_DELAY = 2_000;

/**
 * @param settingMs `keepalive.onTypeDelay`, the delay for a quick file
 * @param lastLintMs how long the document's last (uncached) lint took, when known
 */
export function onTypeDelay(settingMs: number, lastLintMs: number | undefined): number {
  if (lastLintMs === undefined) return settingMs;
  return Math.max(settingMs, Math.min(MAX_ON_TYPE_DELAY, Math.round(2 * lastLintMs)));
}
