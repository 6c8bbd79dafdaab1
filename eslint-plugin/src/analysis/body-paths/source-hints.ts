/**
 * A cheap text check before any analysis: can this text name a response source at all? Every
 * built-in source needs the word `fetch` (the global, `node-fetch`, `cross-fetch`), `undici`, or an
 * import of `http`, `https`, `axios`, `got` or `follow-redirects`; custom sources need their package or global name.
 * `prefetch` or `fetchUser` alone do not count: neither can resolve to a response source.
 */
import type { ExportSpec } from '../imports/export-spec';

const SOURCE_HINT = /\bfetch\b|undici|['"`](?:node:)?https?['"`]|['"`]axios['"`]|['"`]got['"`]|follow-redirects/;

/** False only when `text` cannot name a built-in client or one of `custom`. */
export function mayNameClient(text: string, custom: readonly ExportSpec[]): boolean {
  if (SOURCE_HINT.test(text)) return true;
  return custom.some((spec) => {
    const names = spec.from === 'package' ? [spec.package] : typeof spec.name === 'string' ? [spec.name] : spec.name;
    return names.some((name) => name.split('*').some((part) => part.length > 0 && text.includes(part.split('.')[0] ?? part)));
  });
}
