/**
 * Which statement releases a leaking body, and where it can be inserted: before the exit that
 * leaks, at the end of the function, or in place of a discarded `await fetch(...)`. Per client
 * (docs/library-facts.md): `res.resume()` for node:http streams, `await res.body?.cancel()` or
 * `await res.arrayBuffer()` for fetch, `await body.dump()` for undici. Awaiting releases are only
 * offered inside `async` functions, and none where a path that already read the body reaches the
 * same exit (the inserted release would run twice).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { isInlineFunction } from '../../ast/function-node';
import { stripWrappers } from '../../ast/strip-wrappers';
import type { ReleaseSuggestion } from './body-findings';
import { reachableSegments, type CodePathRecorder, type PathEvent, type PathPosition } from './code-paths';
import { ownerOf, type ResponseBinding } from './response-binding';
import type { ResponseSource } from './response-sources';

type ReleaseKind = ReleaseSuggestion['kind'];

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
    return this.releaseStatements(binding).map(({ kind, text }) => ({
      kind,
      name: suggestionName(binding, kind),
      fix: (fixer: TSESLint.RuleFixer) =>
        inBlock
          ? fixer.insertTextBefore(statement, `${text}\n${indentOf(statement)}`)
          : fixer.replaceText(statement, `{ ${text} ${this.sourceCode.getText(statement)} }`),
    }));
  }

  /** Releases appended to the body of the function the binding lives in. */
  atFunctionEnd(
    binding: ResponseBinding,
    exitSegments: readonly TSESLint.CodePathSegment[],
    events: readonly PathEvent[],
  ): ReleaseSuggestion[] {
    const owner = ownerOf(binding, this.recorder, this.sourceCode.ast);
    if (!isInlineFunction(owner) && owner.type !== AST_NODE_TYPES.FunctionDeclaration) return [];
    const body = owner.body;
    if (body.type !== AST_NODE_TYPES.BlockStatement || reachedAfterConsumption(binding.start, exitSegments, events)) return [];
    const last = body.body.at(-1);
    // `const res` declared inside a `try` block is out of scope at the end of the function.
    if (!isInScopeOf(binding, last ? last.range[1] : body.range[0] + 1)) return [];
    return this.releaseStatements(binding).map(({ kind, text }) => ({
      kind,
      name: suggestionName(binding, kind),
      fix: (fixer: TSESLint.RuleFixer) =>
        last ? fixer.insertTextAfter(last, `\n${indentOf(last)}${text}`) : fixer.replaceText(body, `{ ${text} }`),
    }));
  }

  /** `await fetch(url, { method: 'POST' });` → read or cancel the body in the same statement. */
  forDiscarded(carrier: TSESTree.Node, call: TSESTree.CallExpression, source: ResponseSource): ReleaseSuggestion[] {
    if (carrier.type !== AST_NODE_TYPES.AwaitExpression || stripWrappers(carrier.argument) !== call) return [];
    const callText = this.sourceCode.getText(call);
    const replace = (text: string) => (fixer: TSESLint.RuleFixer) => fixer.replaceText(carrier, text);
    switch (source.holder) {
      case 'fetch-response':
        if (source.client === 'node-fetch') {
          return [{ kind: 'read', name: '(response)', fix: replace(`await (await ${callText}).arrayBuffer()`) }];
        }
        return [
          { kind: 'cancel', name: '(response)', fix: replace(`await (await ${callText}).body?.cancel()`) },
          { kind: 'read', name: '(response)', fix: replace(`await (await ${callText}).arrayBuffer()`) },
        ];
      case 'undici-response':
        return [{ kind: 'dump', name: '(response).body', fix: replace(`await (await ${callText}).body.dump()`) }];
      default:
        return [];
    }
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
    return [{ kind: 'resume-instead-of-destroy', name, fix: (fixer) => fixer.replaceText(callee.property, 'resume') }];
  }

  /** `res.resume();`-style statements that release the body, per client (awaiting ones only where allowed). */
  private releaseStatements(binding: ResponseBinding): { kind: ReleaseKind; text: string }[] {
    // A kept response (`last = res`) may still be unset where the release would go.
    if (binding.aliasOf) return [];
    const name = binding.variable.name;
    const owner = ownerOf(binding, this.recorder, this.sourceCode.ast);
    const isAsync = 'async' in owner && owner.async === true;
    switch (binding.holder) {
      case 'stream':
        if (binding.client === 'undici') return isAsync ? [{ kind: 'dump', text: `await ${name}.dump();` }] : [];
        if (binding.client === 'fetch') return [];
        return [{ kind: 'resume', text: `${name}.resume();` }];
      case 'fetch-response':
        if (binding.client === 'node-fetch') {
          return [
            { kind: 'resume', text: `${name}.body.resume();` },
            ...(isAsync ? [{ kind: 'read' as const, text: `await ${name}.arrayBuffer();` }] : []),
          ];
        }
        return isAsync
          ? [
              { kind: 'cancel', text: `await ${name}.body?.cancel();` },
              { kind: 'read', text: `await ${name}.arrayBuffer();` },
            ]
          : [];
      case 'axios-response':
        return [{ kind: 'resume', text: `${name}.data.resume();` }];
      case 'undici-response':
        return isAsync ? [{ kind: 'dump', text: `await ${name}.body.dump();` }] : [];
    }
  }
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

function suggestionName(binding: ResponseBinding, kind: ReleaseKind): string {
  const name = binding.variable.name;
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
