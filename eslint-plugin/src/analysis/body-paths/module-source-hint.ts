/**
 * What a project module must show before the response questions parse it for a file that names no
 * client itself: an import of a package that gives responses (node:http(s), undici, node-fetch,
 * cross-fetch, axios, got, a configured source's package) or, in code, the name of a global source
 * (`fetch`, a configured global). Comments and strings do not count: `'The fetch size is invalid'`,
 * a doc comment's `import { request } from 'undici'`, or the protocol name `'http'` return no
 * response.
 */
import type { ExportSpec } from '../imports/export-spec';
import { importsPackageOf } from '../imports/package-mentions';
import type { ResponseSourceSpec } from '../libraries/response-sources';
import { isCodeAt, type TextHint } from '../modules';
import { escapeRegExp } from '../../util/escape-regexp';

const hints = new Map<string, TextHint>();

/** The hint for `sources` (built-in plus configured), which the rule options key `optionsKey` identifies. */
export function moduleSourceHint(sources: readonly ResponseSourceSpec[], optionsKey: string): TextHint {
  let hint = hints.get(optionsKey);
  if (!hint) {
    hint = hintFor(sources, optionsKey);
    hints.set(optionsKey, hint);
  }
  return hint;
}

function hintFor(sources: readonly ResponseSourceSpec[], optionsKey: string): TextHint {
  const packages: ExportSpec[] = sources.map((source) => source.function).filter((spec) => spec.from === 'package');
  const globals = new Set<string>();
  for (const { function: spec } of sources) {
    if (spec.from !== 'global') continue;
    for (const name of typeof spec.name === 'string' ? [spec.name] : spec.name) {
      const root = name.split('.')[0];
      if (root && !root.includes('*')) globals.add(root);
    }
  }
  const globalName = globals.size === 0 ? undefined : new RegExp(`(?<![\\w$])(?:${[...globals].map(escapeRegExp).join('|')})(?![\\w$])`, 'g');
  return {
    key: `body-paths/module-source/${optionsKey}`,
    mentions: (text, specifiers) =>
      importsPackageOf(specifiers, packages) ||
      (globalName !== undefined && [...text.matchAll(globalName)].some((match) => isCodeAt(text, match.index))),
  };
}
