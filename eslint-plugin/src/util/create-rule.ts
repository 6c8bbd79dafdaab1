import { ESLintUtils } from '@typescript-eslint/utils';

/** Where each rule's documentation lives; `meta.docs.url` points here. */
export const DOCS_BASE_URL =
  'https://github.com/keepalive-dev/keepalive/blob/main/eslint-plugin/docs/rules/';

export interface KeepaliveRuleDocs {
  /** Enabled in `configs.recommended`. */
  recommended: boolean;
}

export const createRule = ESLintUtils.RuleCreator<KeepaliveRuleDocs>(
  (name) => `${DOCS_BASE_URL}${name}.md`,
);
