/**
 * GraphQL resolvers: functions of a resolver map, which the server runs once per field it
 * resolves, so once (or more) per request.
 *
 *   new ApolloServer({ typeDefs, resolvers: { Query: { weather: async (_, { city }) => ... } } })
 *   const resolvers = { Query: { ... }, Mutation: { ... }, User: { posts(parent) { ... } } };
 *   makeExecutableSchema({ typeDefs, resolvers })     createSchema({ typeDefs, resolvers })
 *   buildSubgraphSchema([{ typeDefs, resolvers }])    resolvers: [base, extra]
 *   export const resolvers = { Query: { ... } }       export default { Mutation: { ... } }
 *   Subscription: { onMessage: { subscribe: () => ..., resolve: (payload) => ... } }
 *
 * A map counts when it is given as `resolvers` to a known schema or server factory, or exported
 * with a root type (`Query`, `Mutation`, `Subscription`) or a name that says so (`userResolvers`).
 * Maps whose type objects are separate variables (`const Query = {...}; { Query }`) stay unknown.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { outermostCarrier } from '../../ast/outermost-carrier';
import { propertyKeyName } from '../../ast/property-key-name';
import { staticPropertyName } from '../../ast/static-property-name';
import { findExportSpec } from '../imports/export-spec';
import { resolveModuleRefs } from '../imports/module-refs';
import {
  FIELD_CONFIG_FUNCTIONS,
  RESOLVER_MAP_CONSUMERS,
  RESOLVER_MAP_NAME,
  ROOT_OPERATION_TYPES,
} from '../libraries/graphql';
import type { ContextEnvironment, RequestContext } from './request-context';

/** The context of a function value at `position` when it is a resolver of a resolver map. */
export function resolverContext(position: TSESTree.Node, env: ContextEnvironment): RequestContext | undefined {
  let field = propertyHolding(outermostCarrier(position));
  if (!field) return undefined;
  let fieldName = propertyKeyName(field.property);
  // `onMessage: { subscribe() {...}, resolve() {...} }`: the field is one level up.
  if (fieldName !== undefined && FIELD_CONFIG_FUNCTIONS.has(fieldName)) {
    const outer = propertyHolding(outermostCarrier(field.object));
    if (outer) {
      field = outer;
      fieldName = propertyKeyName(outer.property);
    }
  }
  const type = propertyHolding(outermostCarrier(field.object));
  const typeName = type && propertyKeyName(type.property);
  if (!type || typeName === undefined || fieldName === undefined || !isResolverMap(type.object, env)) return undefined;
  return {
    kind: 'request',
    description: `the GraphQL resolver \`${typeName}.${fieldName}\`, once per request`,
    via: [],
  };
}

/** The property whose value `carrier` is, and the object literal it belongs to. */
function propertyHolding(
  carrier: TSESTree.Node,
): { readonly property: TSESTree.Property; readonly object: TSESTree.ObjectExpression } | undefined {
  const property = carrier.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== carrier || property.kind !== 'init') return undefined;
  const object = property.parent;
  return object.type === AST_NODE_TYPES.ObjectExpression ? { property, object } : undefined;
}

function isResolverMap(map: TSESTree.ObjectExpression, env: ContextEnvironment): boolean {
  const hasRootType = map.properties.some(
    (property) => property.type === AST_NODE_TYPES.Property && ROOT_OPERATION_TYPES.has(propertyKeyName(property) ?? ''),
  );
  const carrier = outermostCarrier(map);
  if (isGivenAsResolvers(carrier, env)) return true;
  const holder = carrier.parent;
  if (holder?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return hasRootType;
  if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.right === carrier) {
    return hasRootType && isModuleExports(holder.left);
  }
  if (
    holder?.type !== AST_NODE_TYPES.VariableDeclarator ||
    holder.init !== carrier ||
    holder.id.type !== AST_NODE_TYPES.Identifier
  ) {
    return false;
  }
  const exportable = hasRootType || RESOLVER_MAP_NAME.test(holder.id.name);
  if (exportable && holder.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return true;
  const variable = env.sourceCode.getDeclaredVariables(holder)[0];
  return (
    variable?.references.some((reference) => {
      if (reference.init || !reference.isRead()) return false;
      const use = outermostCarrier(reference.identifier);
      if (isGivenAsResolvers(use, env)) return true;
      return exportable && isExported(use);
    }) ?? false
  );
}

/**
 * `carrier` is the `resolvers` option of a schema or server factory, directly or as an element of
 * an array there: `new ApolloServer({ typeDefs, resolvers })`, `resolvers: [a, b]`.
 */
function isGivenAsResolvers(carrier: TSESTree.Node, env: ContextEnvironment): boolean {
  let value = carrier;
  if (value.parent?.type === AST_NODE_TYPES.ArrayExpression) value = outermostCarrier(value.parent);
  const option = propertyHolding(value);
  if (!option || propertyKeyName(option.property) !== 'resolvers') return false;
  let argument = outermostCarrier(option.object);
  if (argument.parent?.type === AST_NODE_TYPES.ArrayExpression) argument = outermostCarrier(argument.parent);
  const call = argument.parent;
  if (
    (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) ||
    !call.arguments.includes(argument as TSESTree.CallExpressionArgument)
  ) {
    return false;
  }
  const refs = resolveModuleRefs(call.callee, env.sourceCode.getScope(call));
  return refs?.some((ref) => findExportSpec(ref, RESOLVER_MAP_CONSUMERS) !== undefined) ?? false;
}

/** `export { resolvers }`, `export default resolvers`, `module.exports = resolvers`, `module.exports = { resolvers }`. */
function isExported(use: TSESTree.Node): boolean {
  const parent = use.parent;
  if (parent?.type === AST_NODE_TYPES.ExportSpecifier || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === use) return isModuleExports(parent.left);
  const property = propertyHolding(use);
  const assignment = property && outermostCarrier(property.object).parent;
  return assignment?.type === AST_NODE_TYPES.AssignmentExpression && isModuleExports(assignment.left);
}

/** `module.exports` or `exports.name` / `module.exports.name`. */
function isModuleExports(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = node.object;
  if (object.type === AST_NODE_TYPES.Identifier) {
    return (object.name === 'module' && staticPropertyName(node) === 'exports') || object.name === 'exports';
  }
  return isModuleExports(object);
}
