/**
 * GraphQL resolver maps: `{ Query: { weather: (parent, args, context) => ... }, User: { ... } }`.
 * A GraphQL server calls a resolver once per field it resolves, so once (or more) per request.
 * Data only; `contexts/graphql-resolvers.ts` reads it.
 */
import type { PackageExportSpec } from '../imports/export-spec';

/** The root operation types of a schema; a resolver map has at least one of them. */
export const ROOT_OPERATION_TYPES: ReadonlySet<string> = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Functions whose options take a resolver map as `resolvers` (also inside an array of options, as
 * `buildSubgraphSchema([{ typeDefs, resolvers }])` does): Apollo Server (4 and 2/3),
 * graphql-tools `makeExecutableSchema`, GraphQL Yoga `createSchema`, Apollo Federation
 * `buildSubgraphSchema`.
 */
export const RESOLVER_MAP_CONSUMERS: readonly PackageExportSpec[] = [
  { from: 'package', package: '@apollo/server', name: 'ApolloServer' },
  { from: 'package', package: 'apollo-server', name: 'ApolloServer' },
  { from: 'package', package: 'apollo-server-*', name: 'ApolloServer' },
  { from: 'package', package: '@graphql-tools/schema', name: 'makeExecutableSchema' },
  { from: 'package', package: 'graphql-tools', name: 'makeExecutableSchema' },
  { from: 'package', package: 'graphql-yoga', name: 'createSchema' },
  { from: 'package', package: '@apollo/subgraph', name: 'buildSubgraphSchema' },
];

/** Field configs may give the resolver as `{ resolve }` / `{ subscribe }` instead of a function. */
export const FIELD_CONFIG_FUNCTIONS: ReadonlySet<string> = new Set(['resolve', 'subscribe']);

/** An exported resolver map without a root type is recognised by its name: `userResolvers`. */
export const RESOLVER_MAP_NAME = /[Rr]esolvers?$/;
