/**
 * What the body-path analysis finds, independent of wording: `no-unconsumed-body` turns each finding
 * into a message and each release into a suggestion.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ResponseClient } from '../libraries/response-sources';

/** A statement the user may insert to release the body (never an automatic fix). */
export interface ReleaseSuggestion {
  readonly kind: 'resume' | 'dump' | 'cancel' | 'read' | 'resume-instead-of-destroy';
  /** The expression the release is called on, as shown in the suggestion text. */
  readonly name: string;
  /** The release as inserted, e.g. `await res.arrayBuffer()`, for the suggestion text. */
  readonly code: string;
  /** How many places the fix releases the body at (every exit that leaves it unread), when more than one. */
  readonly places?: number;
  /** Where the release goes when that is not next to the report (`in \`readBounded()\` before its \`return\``). */
  readonly at?: string;
  readonly fix: TSESLint.ReportFixFunction;
}

interface FindingBase {
  readonly node: TSESTree.Node;
  readonly client: ResponseClient;
  /** Where the response comes from when that is not visible at the report (an imported wrapper). */
  readonly origin?: string;
}

export type BodyFinding =
  /** Some path leaves at `line` without reading the body, other paths read it. */
  | (FindingBase & { readonly kind: 'unconsumed-on-path'; readonly line: number; readonly suggestions: readonly ReleaseSuggestion[] })
  /**
   * No path reads the body (only status or headers); the function leaves at `line`. `resultField`:
   * the response was put in this field of a result object that nothing reads (unread-result-fields.ts).
   */
  | (FindingBase & {
      readonly kind: 'never-consumed';
      readonly line: number;
      readonly resultField?: string;
      readonly suggestions: readonly ReleaseSuggestion[];
    })
  /** The variable is overwritten at `line` while the body is unread. */
  | (FindingBase & { readonly kind: 'replaced-unread'; readonly line: number; readonly suggestions: readonly ReleaseSuggestion[] })
  /** A loop makes the request again (at `line`: the `continue`, or the request) while the body is unread. */
  | (FindingBase & { readonly kind: 'retried-unread'; readonly line: number; readonly suggestions: readonly ReleaseSuggestion[] })
  /** The response is dropped where it is produced. */
  | (FindingBase & { readonly kind: 'discarded'; readonly suggestions: readonly ReleaseSuggestion[] })
  /** `helper(res)` at `line` may throw, and the helper only looks at the status or headers. */
  | (FindingBase & { readonly kind: 'helper-throws'; readonly helper: string; readonly line: number; readonly suggestions: readonly ReleaseSuggestion[] })
  /** `notFound()` at `line` ends the request by throwing before the body is read (request-ending-calls.ts). */
  | (FindingBase & { readonly kind: 'request-ended-unread'; readonly helper: string; readonly line: number; readonly suggestions: readonly ReleaseSuggestion[] })
  /**
   * `helper(res)` at `node` reads the body, except on an early `return`/`throw` (`exit`, at `line` of
   * the helper's module `file` when imported) taken on the response's status or headers.
   */
  | (FindingBase & {
      readonly kind: 'helper-exits-unread';
      readonly helper: string;
      readonly exit: 'return' | 'throw';
      readonly line: number;
      readonly file?: string;
      readonly suggestions: readonly ReleaseSuggestion[];
    })
  /** A collection of responses (`Promise.all(urls.map(fetch))`) of which only status or headers are read. */
  | (FindingBase & { readonly kind: 'collected-unread'; readonly suggestions: readonly ReleaseSuggestion[] })
  /** `Promise.race` over several responses: the losers are never read or released. */
  | (FindingBase & { readonly kind: 'race-losers-unread' })
  /** `name.destroy()` before the body was read: the socket is closed instead of reused. */
  | {
      readonly kind: 'destroyed-unread';
      readonly node: TSESTree.Node;
      readonly name: string;
      readonly drain: string;
      readonly suggestions: readonly ReleaseSuggestion[];
    };
