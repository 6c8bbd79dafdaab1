/**
 * What a project module must show before the response questions parse it for a file that names no
 * client itself: an import of a package that gives responses (node:http(s), undici, node-fetch,
 * cross-fetch, axios, got, a configured source's package) or, in code, the name of a global source
 * (`fetch`, a configured global). Comments and strings do not count: `'The fetch size is invalid'`,
 * a doc comment's `import { request } from 'undici'`, or the protocol name `'http'` return no
 * response. A function type that returns a fetch response (`fn: () => Promise<Response>`,
 * response-function-types.ts) counts too: calling such a parameter gives one.
 */
import type { ExportSpec } from '../imports/export-spec';
import { importsPackageOf, namesGlobalOf } from '../imports/package-mentions';
import type { ResponseSourceSpec } from '../libraries/response-sources';
import type { TextHint } from '../modules';

const hints = new Map<string, TextHint>();

/** `=> Promise<Response>` / `=> Response`, as a function type spells it (not `=> Response.json(...)`). */
const RESPONSE_FUNCTION_TYPE = /=>\s*(?:Promise\s*<\s*Response\s*>|Response\b(?!\s*[.(]))/;

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
  const specs: ExportSpec[] = sources.map((source) => source.function);
  return {
    key: `body-paths/module-source/${optionsKey}`,
    mentions: (text, specifiers) =>
      importsPackageOf(specifiers, specs) || namesGlobalOf(text, specs) || RESPONSE_FUNCTION_TYPE.test(text),
  };
}
