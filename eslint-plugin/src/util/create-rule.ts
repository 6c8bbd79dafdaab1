/**
 * `createRule`: a rule module with its docs URL and its options' defaults applied, typed with
 * typescript-eslint's rule types. The same contract as typescript-eslint's `RuleCreator`, written
 * here so that `@typescript-eslint/utils` (which requires TypeScript as a peer) is needed at build
 * time only: a plain JavaScript project installs the plugin without TypeScript.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { optionsWithDefaults } from './options-with-defaults';

/** Where each rule's documentation lives; `meta.docs.url` points here. */
export const DOCS_BASE_URL =
  'https://github.com/keepalive-dev/keepalive/blob/main/eslint-plugin/docs/rules/';

export interface KeepaliveRuleDocs {
  /** Enabled in `configs.recommended`. */
  recommended: boolean;
}

type RuleMeta<MessageIds extends string, Options extends readonly unknown[]> = Omit<
  TSESLint.RuleMetaData<MessageIds, KeepaliveRuleDocs, Options>,
  'docs'
> & { docs: KeepaliveRuleDocs & Omit<TSESLint.RuleMetaDataDocs, 'url'> };

export interface RuleDefinition<Options extends readonly unknown[], MessageIds extends string> {
  readonly name: string;
  readonly meta: RuleMeta<MessageIds, Options>;
  readonly defaultOptions: Readonly<Options>;
  readonly create: (
    context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
    optionsWithDefault: Readonly<Options>,
  ) => TSESLint.RuleListener;
}

export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  definition: RuleDefinition<Options, MessageIds>,
): TSESLint.RuleModule<MessageIds, Options, KeepaliveRuleDocs> & { name: string } {
  const { name, meta, defaultOptions, create } = definition;
  // Most configurations give no options: one copy of the defaults serves every file then.
  let defaultsOnly: Options | undefined;
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: `${DOCS_BASE_URL}${name}.md` } },
    defaultOptions,
    create: (context) =>
      create(
        context,
        context.options.length === 0
          ? (defaultsOnly ??= optionsWithDefaults(defaultOptions, []))
          : optionsWithDefaults(defaultOptions, context.options),
      ),
  };
}
