/** True when a variable is only ever written by its own declaration (`const`, or a `let` never assigned again). */
import type { TSESLint } from '@typescript-eslint/utils';

/**
 * Answers per variable: a module-level binding read at every call site of a file would otherwise
 * have all its references scanned at each read, which is quadratic in the file size.
 */
const answers = new WeakMap<TSESLint.Scope.Variable, boolean>();

export function isNeverReassigned(variable: TSESLint.Scope.Variable): boolean {
  let answer = answers.get(variable);
  if (answer === undefined) {
    answer = variable.references.every((reference) => !reference.isWrite() || reference.init === true);
    answers.set(variable, answer);
  }
  return answer;
}
