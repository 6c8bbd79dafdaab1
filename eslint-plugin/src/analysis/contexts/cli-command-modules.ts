/**
 * A yargs command module: a file that exports `command` (with `describe` and `builder`) beside its
 * `handler`. That `handler` runs one CLI command per process; it is not an AWS Lambda handler,
 * although the export name is the same.
 *
 *   export const command = 'export <out>';            exports.command = 'export <out>';
 *   export async function handler(argv) { ... }      module.exports = { command, builder, handler };
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { commonJsExportProperty, isModuleExports } from '../../ast/commonjs-export-property';
import { propertyKeyName } from '../../ast/property-key-name';
import { CLI_COMMAND_MODULE_EXPORT } from '../libraries/request-handlers';

type SourceCode = Readonly<TSESLint.SourceCode>;

const answers = new WeakMap<TSESTree.Program, boolean>();

/** True when the file's top-level statements export `command`. */
export function isCliCommandModule(sourceCode: SourceCode): boolean {
  const program = sourceCode.ast;
  let answer = answers.get(program);
  if (answer === undefined) {
    answer = program.body.some((statement) => exportsCommand(statement, sourceCode));
    answers.set(program, answer);
  }
  return answer;
}

function exportsCommand(statement: TSESTree.ProgramStatement, sourceCode: SourceCode): boolean {
  if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
    const declaration = statement.declaration;
    if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
      return declaration.declarations.some(
        (declarator) => declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === CLI_COMMAND_MODULE_EXPORT,
      );
    }
    return statement.specifiers.some(
      (specifier) => specifier.exported.type === AST_NODE_TYPES.Identifier && specifier.exported.name === CLI_COMMAND_MODULE_EXPORT,
    );
  }
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) {
    return false;
  }
  const { left, right } = statement.expression;
  const scope = sourceCode.getScope(statement);
  // exports.command = '...' / module.exports.command = '...'
  if (commonJsExportProperty(left, scope) === CLI_COMMAND_MODULE_EXPORT) return true;
  // module.exports = { command, builder, handler }
  return (
    isModuleExports(left, scope) &&
    right.type === AST_NODE_TYPES.ObjectExpression &&
    right.properties.some(
      (property) => property.type === AST_NODE_TYPES.Property && !property.computed && propertyKeyName(property) === CLI_COMMAND_MODULE_EXPORT,
    )
  );
}
