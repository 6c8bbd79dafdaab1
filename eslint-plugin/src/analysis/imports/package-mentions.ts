/**
 * "Does this module import one of these packages?", asked of the import specifiers a text scan found
 * (`importedSpecifiers` of modules/text-hints.ts) before a module is parsed. A specifier names a
 * package when it is the package (`'undici'`, `'node:https'`), a subpath of it (`'undici/lib/api'`,
 * `'aws-sdk/clients/s3'`), or, for a wildcard name such as `@aws-sdk/client-*`, starts with the part
 * before the first `*` (`'@aws-sdk/client-s3'`). Global specs never match (globals need no import).
 */
import type { ExportSpec } from './export-spec';
import { isCodeAt } from '../modules/code-text';
import { escapeRegExp } from '../../util/escape-regexp';

/** True when one of `specifiers` imports a package of `specs`. */
export function importsPackageOf(specifiers: readonly string[], specs: readonly ExportSpec[]): boolean {
  const pattern = packagePattern(specs);
  return specifiers.some((specifier) => pattern.test(specifier));
}

const patterns = new WeakMap<readonly ExportSpec[], RegExp>();

function packagePattern(specs: readonly ExportSpec[]): RegExp {
  let pattern = patterns.get(specs);
  if (!pattern) {
    const names = new Set<string>();
    for (const spec of specs) {
      if (spec.from !== 'package') continue;
      const wildcard = spec.package.indexOf('*');
      // An exact name ends the specifier or starts a subpath (`https`, `undici/x`, never
      // `https-proxy-agent`); a wildcard name may go on after its prefix.
      const name = wildcard < 0 ? `${escapeRegExp(spec.package)}(?:$|/)` : escapeRegExp(spec.package.slice(0, wildcard));
      if (name.length > 0) names.add(name);
    }
    pattern = names.size === 0 ? /(?!)/ : new RegExp(`^(?:node:)?(?:${[...names].join('|')})`);
    patterns.set(specs, pattern);
  }
  return pattern;
}

const globalPatterns = new WeakMap<readonly ExportSpec[], RegExp | null>();

/**
 * True when `text` names, in code, the root of a global export of `specs` (`fetch` for
 * `fetch` / `fetch.*`). Comments and strings do not count (`'The fetch size is invalid'`).
 */
export function namesGlobalOf(text: string, specs: readonly ExportSpec[]): boolean {
  let pattern = globalPatterns.get(specs);
  if (pattern === undefined) {
    const roots = new Set<string>();
    for (const spec of specs) {
      if (spec.from !== 'global') continue;
      for (const name of typeof spec.name === 'string' ? [spec.name] : spec.name) {
        const root = name.split('.')[0];
        if (root && !root.includes('*')) roots.add(root);
      }
    }
    pattern = roots.size === 0 ? null : new RegExp(`(?<![\\w$])(?:${[...roots].map(escapeRegExp).join('|')})(?![\\w$])`, 'g');
    globalPatterns.set(specs, pattern);
  }
  if (!pattern) return false;
  for (const match of text.matchAll(pattern)) if (isCodeAt(text, match.index)) return true;
  return false;
}
