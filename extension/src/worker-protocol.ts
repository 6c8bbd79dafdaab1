/** Messages between the extension host (`lint-worker-client.ts`) and the lint worker (`lint-worker.ts`). */
import type { FixAllResult, LintRequest, LintResult, RuleInfo } from './lint-types';

export type WorkerRequest =
  | { readonly id: number; readonly kind: 'rules' }
  | { readonly id: number; readonly kind: 'lint'; readonly request: LintRequest }
  | { readonly id: number; readonly kind: 'fixAll'; readonly request: LintRequest }
  /** Use `text` for `file` instead of its content on disk (an unsaved editor); undefined removes it. */
  | { readonly id: number; readonly kind: 'setOverlay'; readonly file: string; readonly text: string | undefined }
  /** `file` changed on disk: forget what was learnt from it. */
  | { readonly id: number; readonly kind: 'invalidate'; readonly file: string }
  /** Load the TypeScript parser now (idle time), not when the first TypeScript file asks. */
  | { readonly id: number; readonly kind: 'warmTypeScript' };

export type WorkerResponse =
  | { readonly id: number; readonly kind: 'rules'; readonly rules: RuleInfo[] }
  | { readonly id: number; readonly kind: 'lint'; readonly result: LintResult }
  | { readonly id: number; readonly kind: 'fixAll'; readonly result: FixAllResult }
  | { readonly id: number; readonly kind: 'done' }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };
