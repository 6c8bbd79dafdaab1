/**
 * What a module exports, read from its own top-level syntax only (other modules are consulted at
 * lookup time, see export-lookup):
 *
 *   export function f() {}  export class C {}          f, C          -> the declaration
 *   export const x = init;  export { a, b as c }       x, a, c       -> the local binding
 *   export default <expr>;  export = <expr>            default       -> the expression
 *   export { x as y } from './m'; export * as ns from  y, ns         -> re-export of './m'
 *   export * from './m'                                (names not found here are looked up in './m')
 *   module.exports = <expr>                            default       -> the expression
 *   module.exports = require('./m')                    everything    -> './m'
 *   exports.a = <expr>; module.exports.a = <expr>      a             -> the expression
 *
 * A property of `module.exports = { a, b }` (or of any default export object, also one spread in:
 * `{ ...require('./m') }`) is found by the lookup, not listed here. Type-only exports are skipped.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { stripWrappers } from '../../ast/strip-wrappers';
import { moduleSpecifierOfLoad } from '../imports/module-refs';
import type { ForeignSourceCode } from './foreign-source-code';
import { commonJsExportProperty, isModuleExports } from '../../ast/commonjs-export-property';

export type ExportEntry =
  /** A function or class declaration: the definition itself. */
  | { readonly kind: 'definition'; readonly node: TSESTree.Node }
  /** An expression or local name whose value is the export (followed at lookup). */
  | { readonly kind: 'expression'; readonly node: TSESTree.Node }
  /** `path` inside the module `specifier` names (`[]` = its default export / module object). */
  | { readonly kind: 'reexport'; readonly specifier: string; readonly path: readonly string[] };

export interface ExportTable {
  /** Exports by name; the default export is 'default'. */
  readonly named: ReadonlyMap<string, ExportEntry>;
  /** Specifiers of `export * from` (every name but 'default'). */
  readonly stars: readonly string[];
  /** `module.exports = require(specifier)`: the whole module is that module's exports. */
  readonly delegate: string | undefined;
}

export function buildExportTable(sourceCode: ForeignSourceCode): ExportTable {
  const named = new Map<string, ExportEntry>();
  const stars: string[] = [];
  let delegate: string | undefined;

  for (const statement of sourceCode.ast.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.ExportAllDeclaration:
        if (statement.exportKind === 'type') break;
        if (statement.exported) {
          named.set(exportedName(statement.exported), {
            kind: 'reexport',
            specifier: statement.source.value,
            path: [],
          });
        } else {
          stars.push(statement.source.value);
        }
        break;
      case AST_NODE_TYPES.ExportNamedDeclaration:
        if (statement.exportKind === 'type') break;
        addNamedExports(statement, named);
        break;
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        named.set('default', defaultEntry(statement.declaration));
        break;
      case AST_NODE_TYPES.TSExportAssignment:
        named.set('default', defaultEntry(statement.expression));
        break;
      case AST_NODE_TYPES.ExpressionStatement: {
        const assignment = statement.expression;
        if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=') {
          break;
        }
        if (isModuleExports(assignment.left, sourceCode.getScope(assignment.left))) {
          const specifier = moduleSpecifierOfLoad(assignment.right);
          if (specifier !== undefined) {
            delegate = specifier;
            named.set('default', { kind: 'reexport', specifier, path: [] });
          } else {
            named.set('default', defaultEntry(assignment.right));
          }
          break;
        }
        const name = commonJsExportProperty(assignment.left, sourceCode.getScope(assignment.left));
        if (name !== undefined) named.set(name, { kind: 'expression', node: assignment.right });
        break;
      }
      default:
        break;
    }
  }
  return { named, stars, delegate };
}

function addNamedExports(
  statement: TSESTree.ExportNamedDeclaration,
  named: Map<string, ExportEntry>,
): void {
  if (statement.source) {
    const specifier = statement.source.value;
    for (const spec of statement.specifiers) {
      if (spec.exportKind === 'type') continue;
      const local = exportedName(spec.local);
      named.set(exportedName(spec.exported), {
        kind: 'reexport',
        specifier,
        path: [local],
      });
    }
    return;
  }
  const declaration = statement.declaration;
  if (declaration) {
    switch (declaration.type) {
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.ClassDeclaration:
        if (declaration.id && !declaration.declare) {
          named.set(declaration.id.name, { kind: 'definition', node: declaration });
        }
        break;
      case AST_NODE_TYPES.VariableDeclaration:
        if (declaration.declare) break;
        for (const declarator of declaration.declarations) {
          for (const identifier of patternIdentifiers(declarator.id)) {
            named.set(identifier.name, { kind: 'expression', node: identifier });
          }
        }
        break;
      default:
        // Types, enums, namespaces, `declare function` overloads: not a runtime value we follow.
        break;
    }
  }
  for (const spec of statement.specifiers) {
    if (spec.exportKind === 'type' || spec.local.type !== AST_NODE_TYPES.Identifier) continue;
    named.set(exportedName(spec.exported), { kind: 'expression', node: spec.local });
  }
}

function defaultEntry(node: TSESTree.Node): ExportEntry {
  if (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.ClassDeclaration
  ) {
    return { kind: 'definition', node };
  }
  return { kind: 'expression', node: stripWrappers(node) };
}

/** The identifiers a declarator's pattern binds (`const { a, b: [c] } = ...` -> a, c). */
function patternIdentifiers(pattern: TSESTree.Node): TSESTree.Identifier[] {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return [pattern];
    case AST_NODE_TYPES.ObjectPattern:
      return pattern.properties.flatMap((property) =>
        patternIdentifiers(
          property.type === AST_NODE_TYPES.Property ? property.value : property.argument,
        ),
      );
    case AST_NODE_TYPES.ArrayPattern:
      return pattern.elements.flatMap((element) => (element ? patternIdentifiers(element) : []));
    case AST_NODE_TYPES.AssignmentPattern:
      return patternIdentifiers(pattern.left);
    case AST_NODE_TYPES.RestElement:
      return patternIdentifiers(pattern.argument);
    default:
      return [];
  }
}

function exportedName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}

