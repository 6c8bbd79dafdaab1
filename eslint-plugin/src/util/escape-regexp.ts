/**
 * `text` with the characters that mean something in a regular expression escaped, except `*`:
 * callers split wildcard names (`@aws-sdk/client-*`, `*Client`) on `*` before escaping the parts.
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
