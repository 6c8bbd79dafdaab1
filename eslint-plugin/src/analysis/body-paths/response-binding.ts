/**
 * A variable that holds an HTTP response (or its body stream) from one write on: the unit whose
 * paths `binding-paths.ts` walks and whose release `release-suggestions.ts` proposes.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { BodyHolder, ResponseClient } from '../libraries/response-sources';
import type { CodePathRecorder, PathPosition } from './code-paths';
import type { ResponseSource } from './response-sources';

export interface ResponseBinding {
  readonly variable: TSESLint.Scope.Variable;
  readonly holder: BodyHolder;
  readonly client: ResponseClient;
  /** Where the response comes from when that is not visible in this file (an imported wrapper). */
  readonly origin?: string;
  readonly start: PathPosition;
  /** The declarator / assignment / function that writes the response into the variable. */
  readonly writer: TSESTree.Node;
  readonly reportNode: TSESTree.Node;
  /** Other calls that release the response's socket: `req.abort()` / `req.destroy()` on its request. */
  readonly releases?: readonly TSESTree.Node[];
  /** Locals destructured next to the body that hold the status (`const { statusCode, body } = ...`). */
  readonly statusVariables?: readonly TSESLint.Scope.Variable[];
  /**
   * The error parameter of an error-first callback the response is forwarded to (`(err, res) => ...`
   * after `cb(null, res)`): where it is set, there is no response (`if (err) return done(err)`).
   */
  readonly errorVariables?: readonly TSESLint.Scope.Variable[];
  /**
   * Set for a local that keeps a response another binding held (`last = res` in a retry loop):
   * running `writer` again (the next iteration) replaces the kept response, and reads of the
   * original after the hand-over (`await res.body?.cancel()`) release it too.
   */
  readonly aliasOf?: TSESLint.Scope.Variable;
  /**
   * The request call whose promise delivers the response, when the binding gets it from there
   * directly (`const res = await fetch()`, `fetch().then((res) => ...)`): where a suggestion can
   * read the body before anyone sees the response.
   */
  readonly promise?: { readonly call: TSESTree.CallExpression; readonly source: ResponseSource };
  /**
   * Set when the variable holds an object with the response in this property (`const result =
   * await guardedFetch()`, response-objects.ts): `result.response` is the response, the object's
   * other fields (`result.release()`) do not touch it.
   */
  readonly property?: string;
  /**
   * A status helper the response went through before it reached the variable (`await
   * fetch(url).then(handleErrors)`, `await handleErrors(fetch(url))`): when it throws, the response
   * is left unread before the variable ever holds it.
   */
  readonly thrownBefore?: ThrownHelper;
}

/** A helper call that may throw while it holds the response, the helper as written, and the line it is called at. */
export interface ThrownHelper {
  readonly call: TSESTree.CallExpression;
  readonly helper: string;
  readonly line: number;
}

/** The function (or program) whose code path the binding lives in. */
export function ownerOf(binding: ResponseBinding, recorder: CodePathRecorder, program: TSESTree.Program): TSESTree.Node {
  let node: TSESTree.Node | undefined = binding.writer;
  while (node) {
    if (recorder.codePathOf(node) === binding.start.codePath) return node;
    node = node.parent;
  }
  return program;
}
