/**
 * Finds the node that defines an export of a project module, following re-exports into other
 * modules (`export { x } from`, `export *`, `module.exports = require(...)`), local bindings
 * (`export { a as b }`, `const x = require('./y').z`, `import { a } from './y'; export { a }`) and
 * properties of exported object literals and classes (`api.getJson`, `Service.create`).
 *
 * The walk is bounded: at most MAX_STEPS lookups per query, and a (module, path) pair already on
 * the way is a cycle, so `a` re-exporting `b` re-exporting `a` ends without an answer.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isNeverReassigned } from '../../ast/is-never-reassigned';
import { lookupProperty } from '../../ast/lookup-property';
import { propertyKeyName } from '../../ast/property-key-name';
import { stripWrappers } from '../../ast/strip-wrappers';
import { GLOBAL, resolveModuleRefs } from '../imports/module-refs';
import type { ExportEntry } from './export-table';
import type { LoadedModule, ResolvedExport } from './project-module';
import { findVariable } from '../../ast/find-variable';

/** Lookups per query: enough for barrels of barrels, small enough to stay cheap on odd graphs. */
const MAX_STEPS = 64;

export interface ModuleLoader {
  /** The project module `specifier` names when imported from `fromFile`, parsed; else undefined. */
  load(fromFile: string, specifier: string): LoadedModule | undefined;
}

interface Found {
  readonly kind: 'found';
  readonly module: LoadedModule;
  readonly node: TSESTree.Node;
  readonly name: string;
}

/** The value is `path` inside another module. */
interface Forward {
  readonly kind: 'forward';
  readonly module: LoadedModule;
  readonly path: readonly string[];
}

type Step = Found | Forward | undefined;

/**
 * The definition of `path` inside `module` (`[]` = the default export / module object, as in
 * module references), or undefined when it cannot be followed.
 */
export function lookupExport(
  loader: ModuleLoader,
  module: LoadedModule,
  path: readonly string[],
): ResolvedExport | undefined {
  const found = new ExportLookup(loader).inModule(module, path);
  return found && { module: found.module, name: found.name, node: found.node };
}

class ExportLookup {
  private steps = MAX_STEPS;
  private readonly onTheWay = new Set<string>();

  constructor(private readonly loader: ModuleLoader) {}

  inModule(module: LoadedModule, path: readonly string[]): Found | undefined {
    if (--this.steps < 0) return undefined;
    const key = `${module.file}\0${path.join('\0')}`;
    if (this.onTheWay.has(key)) return undefined;
    this.onTheWay.add(key);
    try {
      return this.inModuleUncached(module, path);
    } finally {
      this.onTheWay.delete(key);
    }
  }

  private inModuleUncached(module: LoadedModule, path: readonly string[]): Found | undefined {
    const [first = 'default', ...rest] = path;
    const table = module.exportTable;
    const entry = table.named.get(first);
    if (entry) return this.then(this.entry(module, entry, first), rest);
    if (first === 'default') return undefined;
    for (const specifier of table.stars) {
      const target = this.loader.load(module.file, specifier);
      const found = target && this.inModule(target, path);
      if (found) return found;
    }
    if (table.delegate !== undefined) {
      const target = this.loader.load(module.file, table.delegate);
      return target && this.inModule(target, path);
    }
    // `import api from './api'; api.getJson()` reads a property of the default export.
    const defaultEntry = table.named.get('default');
    return defaultEntry && this.then(this.entry(module, defaultEntry, 'default'), path);
  }

  /** Continues from `step` with the remaining property path. */
  private then(step: Step, rest: readonly string[]): Found | undefined {
    let current = step;
    for (let index = 0; index <= rest.length; index++) {
      if (!current) return undefined;
      if (current.kind === 'forward') {
        return this.inModule(current.module, [...current.path, ...rest.slice(index)]);
      }
      const segment = rest[index];
      if (segment === undefined) return current;
      current = this.property(current, segment);
    }
    return undefined;
  }

  private entry(module: LoadedModule, entry: ExportEntry, name: string): Step {
    switch (entry.kind) {
      case 'definition':
        return { kind: 'found', module, node: entry.node, name };
      case 'expression':
        return this.expression(module, entry.node, name);
      case 'reexport':
        return this.forward(module, entry.specifier, entry.path);
    }
  }

  private forward(module: LoadedModule, specifier: string, path: readonly string[]): Step {
    const target = this.loader.load(module.file, specifier);
    return target && { kind: 'forward', module: target, path };
  }

  /** The value of `node`: a local name followed to its definition, a module load, or itself. */
  private expression(module: LoadedModule, node: TSESTree.Node, name: string): Step {
    if (--this.steps < 0) return undefined;
    const value = stripWrappers(node);
    if (value.type === AST_NODE_TYPES.Identifier) return this.binding(module, value, name);
    const refs = resolveModuleRefs(value, module.sourceCode.getScope(value));
    const ref = refs?.length === 1 ? refs[0] : undefined;
    // `require('./y').z`: the export z of './y' (undefined when './y' is not project code).
    if (ref && ref.module !== GLOBAL) return this.forward(module, ref.module, ref.path);
    return { kind: 'found', module, node: value, name };
  }

  /** Follows a local name to its declaration. */
  private binding(module: LoadedModule, identifier: TSESTree.Identifier, name: string): Step {
    const scope = module.sourceCode.getScope(identifier);
    const variable = findVariable(scope, identifier);
    if (!variable) return undefined;
    // Overloads (`function f(): A; function f() {}`) and types share the name: keep the value.
    const defs = variable.defs.filter(
      (def) => def.type !== 'Type' && def.node.type !== AST_NODE_TYPES.TSDeclareFunction,
    );
    const def = defs.length === 1 ? defs[0] : undefined;
    if (!def) return undefined;
    switch (def.type) {
      case 'FunctionName':
      case 'ClassName':
        return { kind: 'found', module, node: def.node, name };
      case 'ImportBinding':
        return this.moduleRef(module, def.name, scope);
      case 'Variable': {
        if (!isNeverReassigned(variable)) return undefined;
        const declarator = def.node;
        if (declarator.id.type !== AST_NODE_TYPES.Identifier) {
          // const { get } = require('./http')
          return this.moduleRef(module, def.name, scope);
        }
        return declarator.init ? this.expression(module, declarator.init, name) : undefined;
      }
      default:
        return undefined;
    }
  }

  private moduleRef(
    module: LoadedModule,
    identifier: TSESTree.Identifier,
    scope: TSESLint.Scope.Scope,
  ): Step {
    const refs = resolveModuleRefs(identifier, scope);
    const ref = refs?.length === 1 ? refs[0] : undefined;
    if (!ref || ref.module === GLOBAL) return undefined;
    return this.forward(module, ref.module, ref.path);
  }

  /**
   * `module.exports = { ...require('./upstream'), ping }` or `{ ...upstream }` with `const upstream =
   * require('./upstream')`: a member the literal does not write is the last spread module's export
   * of that name. Any other spread (a value we cannot see into) leaves it unknown.
   */
  private spreadProperty(module: LoadedModule, object: TSESTree.ObjectExpression, segment: string): Step {
    const spreads = object.properties.filter((member): member is TSESTree.SpreadElement => member.type === AST_NODE_TYPES.SpreadElement);
    for (const spread of spreads.reverse()) {
      const step = this.expression(module, spread.argument, segment);
      if (step?.kind !== 'forward') return undefined;
      const found = this.inModule(step.module, [...step.path, segment]);
      if (found) return found;
    }
    return undefined;
  }

  /** The member `segment` of an object literal or the static member of a class. */
  private property(found: Found, segment: string): Step {
    const node = stripWrappers(found.node);
    const name = `${found.name}.${segment}`;
    if (node.type === AST_NODE_TYPES.ObjectExpression) {
      const { property, certain } = lookupProperty(node, segment);
      if (!property) return this.spreadProperty(found.module, node, segment);
      if (!certain || property.kind !== 'init') return undefined;
      return this.expression(found.module, property.value, name);
    }
    if (
      node.type === AST_NODE_TYPES.ClassDeclaration ||
      node.type === AST_NODE_TYPES.ClassExpression
    ) {
      for (const member of node.body.body) {
        if (
          (member.type !== AST_NODE_TYPES.MethodDefinition &&
            member.type !== AST_NODE_TYPES.PropertyDefinition) ||
          !member.static ||
          propertyKeyName(member) !== segment
        ) {
          continue;
        }
        if (member.type === AST_NODE_TYPES.MethodDefinition) {
          return member.kind === 'method'
            ? { kind: 'found', module: found.module, node: member.value, name }
            : undefined;
        }
        return member.value ? this.expression(found.module, member.value, name) : undefined;
      }
    }
    return undefined;
  }
}
