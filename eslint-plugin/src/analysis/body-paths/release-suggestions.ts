/**
 * Which statement releases a leaking body, and where it goes: before each exit that leaks, at the
 * end of the block the response is written in, around a status helper that may throw, in place of
 * a discarded `await fetch(...)`, or chained onto the request (`.then(async (response) => { await
 * response.arrayBuffer(); return response; })`) when only the status or headers are ever used.
 * Per client (docs/library-facts.md), reading or draining comes first because it keeps the
 * connection: `await res.arrayBuffer()` for fetch, `await body.dump()` for undici (bounded: larger
 * bodies close the socket), `res.resume()` for node:http streams; `await res.body?.cancel()` is the
 * alternative that skips the download but closes the connection unless the body already arrived.
 * Outside `async` functions the promise-returning releases run without `await`, their rejection
 * caught. None is offered where a path that already read the body reaches the same place (the
 * release would run twice).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isTestedForAbsence } from '../../ast/is-tested-for-absence';
import { isInlineFunction, type FunctionNode } from '../../ast/function-node';
import { stripWrappers } from '../../ast/strip-wrappers';
import type { ReleaseSuggestion } from './body-findings';
import { reachableSegments, type CodePathRecorder, type PathEvent, type PathPosition } from './code-paths';
import { ownerOf, type ResponseBinding } from './response-binding';
import type { ResponseSource } from './response-sources';
import type { BodyHolder, ResponseClient } from '../libraries/response-sources';

type ReleaseKind = ReleaseSuggestion['kind'];

/** One way to release a body: the statement inserted, and the expression shown in the suggestion. */
interface Release {
  readonly kind: ReleaseKind;
  readonly name: string;
  readonly code: string;
}

/** The parameter name of the `.then()` callback that reads a response before passing it on. */
const PASSED_RESPONSE = 'response';

export class ReleaseSuggestions {
  constructor(
    private readonly recorder: CodePathRecorder,
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
  ) {}

  /** Releases inserted before `statement`, unless a consuming path also reaches it. */
  before(
    binding: ResponseBinding,
    statement: TSESTree.Node | undefined,
    exitSegments: readonly TSESLint.CodePathSegment[],
    events: readonly PathEvent[],
  ): ReleaseSuggestion[] {
    if (!statement || reachedAfterConsumption(binding.start, exitSegments, events)) return [];
    if (!isInScopeOf(binding, statement.range[0])) return [];
    const parent = statement.parent;
    const inBlock =
      parent?.type === AST_NODE_TYPES.BlockStatement ||
      parent?.type === AST_NODE_TYPES.Program ||
      parent?.type === AST_NODE_TYPES.SwitchCase ||
      parent?.type === AST_NODE_TYPES.StaticBlock;
    return this.releases(binding).map((release) => ({
      ...release,
      fix: (fixer: TSESLint.RuleFixer) =>
        inBlock
          ? fixer.insertTextBefore(statement, `${release.code};${separatorBefore(statement, this.sourceCode.text)}`)
          : fixer.replaceText(statement, `{ ${release.code}; ${this.sourceCode.getText(statement)} }`),
    }));
  }

  /**
   * Releases appended to the block the response is written in (the function body for a callback
   * parameter): every path that leaves that block without a jump passes there — a path that falls
   * off the end of the function, or comes back round a loop to make the next request.
   */
  atBlockEnd(binding: ResponseBinding, events: readonly PathEvent[]): ReleaseSuggestion[] {
    const block = writerBlock(binding);
    // Only for a variable that ends with the block: one declared outside may be returned or read
    // after it (`let res` kept past a retry loop), and the release would take its body away.
    const scope = binding.variable.scope.block;
    if (!block || !(scope === block || scope === block.parent || (block.range[0] <= scope.range[0] && scope.range[1] <= block.range[1]))) {
      return [];
    }
    const end = block && this.recorder.exitPosition(block);
    if (!block || !end || end.codePath !== binding.start.codePath) return [];
    if (end.segments.every((segment) => !segment.reachable)) return [];
    if (reachedAfterConsumption(binding.start, end.segments, events)) return [];
    const last = block.body.at(-1);
    return this.releases(binding).map((release) => ({
      ...release,
      fix: (fixer: TSESLint.RuleFixer) =>
        last
          ? fixer.insertTextAfter(last, `${separatorAfter(last, this.sourceCode.text)}${release.code};`)
          : fixer.replaceText(block, `{ ${release.code}; }`),
    }));
  }

  /**
   * `assertOk(res);` that may throw before the body is read → the same call in a `try` whose
   * `catch` releases the body and throws again.
   */
  aroundThrowingCall(binding: ResponseBinding, call: TSESTree.CallExpression, events: readonly PathEvent[]): ReleaseSuggestion[] {
    const statement = statementOf(call);
    if (statement?.parent?.type !== AST_NODE_TYPES.BlockStatement) return [];
    const position = this.recorder.enterPosition(call);
    if (!position) return [];
    // A read later in the same straight-line code (`assertOk(res); return res.json()`) does not count.
    const later = (event: PathEvent) =>
      event.position.order > position.order && event.position.segments.some((segment) => position.segments.includes(segment));
    if (reachedAfterConsumption(binding.start, position.segments, events.filter((event) => !later(event)))) return [];
    const indent = indentOf(statement);
    const error = binding.variable.name === 'error' ? 'failure' : 'error';
    return this.releases(binding).map((release) => ({
      ...release,
      fix: (fixer: TSESLint.RuleFixer) =>
        fixer.replaceText(
          statement,
          `try {\n${indent}  ${this.sourceCode.getText(statement)}\n${indent}} catch (${error}) {\n` +
            `${indent}  ${release.code};\n${indent}  throw ${error};\n${indent}}`,
        ),
    }));
  }

  /** `await fetch(url, { method: 'POST' });` → read or cancel the body in the same statement. */
  forDiscarded(carrier: TSESTree.Node, call: TSESTree.CallExpression, source: ResponseSource): ReleaseSuggestion[] {
    if (carrier.type !== AST_NODE_TYPES.AwaitExpression || stripWrappers(carrier.argument) !== call) return [];
    const callText = this.sourceCode.getText(call);
    return holderReleases(`(await ${callText})`, source.holder, source.client, true).map((release) => ({
      ...release,
      name: '(response)',
      fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(carrier, release.code),
    }));
  }

  /**
   * `fetch(url)` → `fetch(url).then(async (response) => { await response.arrayBuffer(); return response; })`:
   * the body is read before anyone sees the response, which still carries its status and headers.
   * Only where nothing reads the body later. `collection`: `promises` is an array of response
   * promises (the argument of `Promise.all`), each of which gets the same `.then()`.
   */
  readFirst(promise: TSESTree.Node, source: ResponseSource, collection = false): ReleaseSuggestion[] {
    // An object holding the response (`{ response, release }`) is not a response to chain onto.
    if (source.delivery !== 'promise' || source.property !== undefined) return [];
    const value = stripWrappers(promise);
    const simple =
      value === promise &&
      (value.type === AST_NODE_TYPES.CallExpression ||
        value.type === AST_NODE_TYPES.Identifier ||
        value.type === AST_NODE_TYPES.MemberExpression);
    return holderReleases(PASSED_RESPONSE, source.holder, source.client, true).map((release) => {
      const then = `.then(async (${PASSED_RESPONSE}) => { ${release.code}; return ${PASSED_RESPONSE}; })`;
      const suffix = collection ? `.map((pending) => pending${then})` : then;
      return {
        ...release,
        fix: (fixer: TSESLint.RuleFixer) =>
          simple
            ? fixer.insertTextAfter(promise, suffix)
            : [fixer.insertTextBefore(promise, '('), fixer.insertTextAfter(promise, `)${suffix}`)],
      };
    });
  }

  /**
   * `return null` in a helper of this file that leaves before reading its response parameter
   * `parameter` (unread-early-exits.ts) → the release inserted before that exit.
   */
  beforeHelperExit(
    exit: TSESTree.ReturnStatement | TSESTree.ThrowStatement,
    parameter: string,
    helper: FunctionNode,
    holder: BodyHolder,
    client: ResponseClient,
  ): ReleaseSuggestion[] {
    const parent = exit.parent;
    const inBlock = parent?.type === AST_NODE_TYPES.BlockStatement;
    const name = 'id' in helper && helper.id?.type === AST_NODE_TYPES.Identifier ? `\`${helper.id.name}()\`` : 'the helper';
    // The helper gave up on the body: cancelling it comes first (reading it all may be what it avoids).
    const releases = holderReleases(parameter, holder, client, helper.async).sort(
      (a, b) => Number(b.kind === 'cancel') - Number(a.kind === 'cancel'),
    );
    return releases.map((release) => ({
      ...release,
      at: `in ${name} before its \`${exit.type === AST_NODE_TYPES.ThrowStatement ? 'throw' : 'return'}\` at line ${exit.loc.start.line}`,
      fix: (fixer: TSESLint.RuleFixer) =>
        inBlock
          ? fixer.insertTextBefore(exit, `${release.code};${separatorBefore(exit, this.sourceCode.text)}`)
          : fixer.replaceText(exit, `{ ${release.code}; ${this.sourceCode.getText(exit)} }`),
    }));
  }

  /** `res.destroy()` on a node:http stream → `res.resume()`. */
  insteadOfDestroy(call: TSESTree.CallExpression, binding: ResponseBinding, name: string): ReleaseSuggestion[] {
    const callee = call.callee;
    if (
      binding.client === 'undici' ||
      binding.client === 'fetch' ||
      call.arguments.length > 0 ||
      callee.type !== AST_NODE_TYPES.MemberExpression ||
      callee.computed
    ) {
      return [];
    }
    return [
      {
        kind: 'resume-instead-of-destroy',
        name,
        code: `${name}.resume()`,
        fix: (fixer) => fixer.replaceText(callee.property, 'resume'),
      },
    ];
  }

  /** The releases of `binding`'s body (promise-returning ones awaited only inside `async` functions). */
  private releases(binding: ResponseBinding): Release[] {
    const owner = ownerOf(binding, this.recorder, this.sourceCode.ast);
    const isAsync = 'async' in owner && owner.async === true;
    // A kept response (`last = res`) may still be unset where the release goes; so may the response
    // of an error-first callback (`(err, res) => ...`) on a path that did not test `err`, and one the
    // code itself tests for absence (`if (!res || !res.ok)`: a wrapper that may return nothing).
    const mayBeUnset =
      binding.aliasOf !== undefined || (binding.errorVariables?.length ?? 0) > 0 || isTestedForAbsence(binding.variable);
    const name = mayBeUnset ? `${responseName(binding)}?` : responseName(binding);
    return holderReleases(name, binding.holder, binding.client, isAsync).map((release) => ({
      ...release,
      name: suggestionName(binding, release.kind),
    }));
  }
}

/**
 * Every release, best first, of a body held as `holder` in the expression `name` (`res`, or `res?`
 * for a response that may be unset). `awaiting`: inside an `async` function; elsewhere promises are
 * left to settle, with their rejection caught so that it cannot crash the process.
 */
function holderReleases(name: string, holder: BodyHolder, client: ResponseClient, awaiting: boolean): Release[] {
  const settle = (promise: string) => (awaiting ? `await ${promise}` : `void ${promise}.catch(() => {})`);
  const member = (path: string) => `${name}.${path}`;
  switch (holder) {
    case 'stream':
      if (client === 'undici') return [{ kind: 'dump', name, code: settle(member('dump()')) }];
      if (client === 'fetch') return [];
      return [{ kind: 'resume', name, code: member('resume()') }];
    case 'fetch-response':
      if (client === 'node-fetch') {
        return [
          { kind: 'resume', name, code: member('body.resume()') },
          { kind: 'read', name, code: settle(member('arrayBuffer()')) },
        ];
      }
      return [
        { kind: 'read', name, code: settle(member('arrayBuffer()')) },
        // cancel() settles without a network error to catch; not awaited, it still frees the socket.
        { kind: 'cancel', name, code: awaiting ? `await ${member('body?.cancel()')}` : `void ${member('body?.cancel()')}` },
      ];
    case 'axios-response':
      return [{ kind: 'resume', name, code: member('data.resume()') }];
    case 'undici-response':
      return [{ kind: 'dump', name, code: settle(member('body.dump()')) }];
  }
}

/**
 * One suggestion per kind that every list offers, applying all of their fixes at once: the
 * releases for every exit of one response. Undefined when some place has no release of any shared
 * kind (a suggestion must fix them all).
 */
export function combineReleases(places: readonly (readonly ReleaseSuggestion[])[]): ReleaseSuggestion[] {
  const [first, ...rest] = places;
  if (!first) return [];
  if (rest.length === 0) return [...first];
  return first
    .filter((release) => rest.every((other) => other.some((candidate) => candidate.kind === release.kind)))
    .map((release) => {
      const fixes = [release, ...rest.map((other) => other.find((candidate) => candidate.kind === release.kind))].filter(
        (candidate): candidate is ReleaseSuggestion => candidate !== undefined,
      );
      return {
        ...release,
        places: fixes.length,
        fix: (fixer: TSESLint.RuleFixer) => fixes.flatMap((candidate) => flattenFix(candidate.fix(fixer))),
      };
    });
}

function flattenFix(fix: ReturnType<TSESLint.ReportFixFunction>): TSESLint.RuleFix[] {
  if (fix === null) return [];
  if (Symbol.iterator in fix) return [...(fix as Iterable<TSESLint.RuleFix>)];
  return [fix as TSESLint.RuleFix];
}

/** The block whose statement writes the response (the body of a callback that receives it). */
function writerBlock(binding: ResponseBinding): TSESTree.BlockStatement | undefined {
  const writer = binding.writer;
  if (isInlineFunction(writer) || writer.type === AST_NODE_TYPES.FunctionDeclaration) {
    return writer.body.type === AST_NODE_TYPES.BlockStatement ? writer.body : undefined;
  }
  for (let node: TSESTree.Node | undefined = writer; node?.parent; node = node.parent) {
    if (isInlineFunction(node) || node.type === AST_NODE_TYPES.FunctionDeclaration) return undefined;
    if (node.parent.type === AST_NODE_TYPES.BlockStatement) return node.parent;
    if (node.parent.type === AST_NODE_TYPES.Program || node.parent.type === AST_NODE_TYPES.SwitchCase) return undefined;
  }
  return undefined;
}

/** The statement that contains `node`, when `node` is (part of) an expression statement. */
export function statementOf(node: TSESTree.Node): TSESTree.Node | undefined {
  let current: TSESTree.Node | undefined = node;
  while (current && current.type !== AST_NODE_TYPES.ExpressionStatement) {
    if (current.type.endsWith('Statement') || current.type.endsWith('Declaration') || isInlineFunction(current)) {
      return undefined;
    }
    current = current.parent;
  }
  return current;
}

/** True when code inserted at `offset` can still name the response variable. */
function isInScopeOf(binding: ResponseBinding, offset: number): boolean {
  const [start, end] = binding.variable.scope.block.range;
  return start <= offset && offset <= end;
}

/** How code names the response: `res`, or `result.response` for an object holding it. */
function responseName(binding: ResponseBinding): string {
  return binding.property === undefined ? binding.variable.name : `${binding.variable.name}.${binding.property}`;
}

function suggestionName(binding: ResponseBinding, kind: ReleaseKind): string {
  const name = responseName(binding);
  if (kind === 'dump' && binding.holder === 'undici-response') return `${name}.body`;
  if (kind === 'resume' && binding.holder === 'axios-response') return `${name}.data`;
  if (kind === 'resume' && binding.holder === 'fetch-response') return `${name}.body`;
  return name;
}

/** True when some path that consumed the body also reaches these segments. */
function reachedAfterConsumption(
  start: PathPosition,
  segments: readonly TSESLint.CodePathSegment[],
  events: readonly PathEvent[],
): boolean {
  const consumedAt = events
    .filter((event) => event.kind === 'consumed' || event.kind === 'destroyed')
    .flatMap((event) => event.position.segments);
  if (consumedAt.length === 0) return false;
  const reachable = reachableSegments(consumedAt, new Set(start.segments));
  return segments.some((segment) => reachable.has(segment));
}

function indentOf(node: TSESTree.Node): string {
  return ' '.repeat(node.loc.start.column);
}

/**
 * What goes between a statement inserted before `node` and `node`: a new line at its indentation
 * when `node` starts its line, a space when it follows other code on it (`{ done(null); return; }`).
 */
function separatorBefore(node: TSESTree.Node, text: string): string {
  const lineStart = text.lastIndexOf('\n', node.range[0] - 1) + 1;
  return /^[ \t]*$/.test(text.slice(lineStart, node.range[0])) ? `\n${indentOf(node)}` : ' ';
}

/** Likewise after `node`: a new line when `node` ends its line, a space when code follows on it. */
function separatorAfter(node: TSESTree.Node, text: string): string {
  const lineEnd = text.indexOf('\n', node.range[1]);
  return /^[ \t]*$/.test(text.slice(node.range[1], lineEnd === -1 ? undefined : lineEnd)) ? `\n${indentOf(node)}` : ' ';
}
