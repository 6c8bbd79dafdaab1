/**
 * A text check for "could this file import one of these packages?", used before parsing a module:
 * a package is mentioned when its name (or, for a wildcard name such as `@aws-sdk/client-*`, the
 * part before the first `*`) appears right after a quote, as it does in every `import`, `require`
 * and dynamic `import()` of it (`'undici'`, `"node:https"`, `'@aws-sdk/client-s3'`,
 * `'aws-sdk/clients/s3'`), but not inside a URL (`'https://…'`). Global specs never match (globals
 * need no import).
 */
import type { ExportSpec } from './export-spec';

/** True when `text` may import a package of `specs`. */
export function mentionsPackageOf(text: string, specs: readonly ExportSpec[]): boolean {
  return packagePattern(specs).test(text);
}

const patterns = new WeakMap<readonly ExportSpec[], RegExp>();

function packagePattern(specs: readonly ExportSpec[]): RegExp {
  let pattern = patterns.get(specs);
  if (!pattern) {
    const names = new Set<string>();
    for (const spec of specs) {
      if (spec.from !== 'package') continue;
      const wildcard = spec.package.indexOf('*');
      // An exact name ends at the closing quote or a subpath (`'https'`, `'undici/x'`, never the URL
      // `'https://…'`); a wildcard name may go on after its prefix (`'@aws-sdk/client-s3'`).
      const name = wildcard < 0 ? `${escape(spec.package)}(?:['"\`/](?!/))` : escape(spec.package.slice(0, wildcard));
      if (name.length > 0) names.add(name);
    }
    pattern = names.size === 0 ? /(?!)/ : new RegExp(`['"\`](?:node:)?(?:${[...names].join('|')})`);
    patterns.set(specs, pattern);
  }
  return pattern;
}

function escape(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
