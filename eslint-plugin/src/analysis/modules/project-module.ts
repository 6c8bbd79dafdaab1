/** The shapes module summaries hand to analysis code: a project module and one of its exports. */
import type { TSESTree } from '@typescript-eslint/utils';
import { buildExportTable, type ExportTable } from './export-table';
import type { ForeignSourceCode } from './foreign-source-code';

/**
 * A module of the project (never a file under node_modules, except the repo's own workspace
 * packages reached through a symlink), parsed once per process with the linted file's parser.
 */
export interface ProjectModule {
  /** Absolute real path. */
  readonly file: string;
  /** SourceCode-like view of the module (AST with `parent` links, scopes, text). */
  readonly sourceCode: ForeignSourceCode;
}

/**
 * An export of a project module after following re-exports and local bindings to the node that
 * defines its value.
 */
export interface ResolvedExport {
  /** The module whose code defines the value. */
  readonly module: ProjectModule;
  /** The export name ('default' for the default export; `a.b` for a property of an export). */
  readonly name: string;
  /**
   * A FunctionDeclaration, function/arrow expression, ClassDeclaration/ClassExpression, or the
   * initializer expression of the exported variable.
   */
  readonly node: TSESTree.Node;
}

/** A parsed project module with its version and lazily built export table. */
export class LoadedModule implements ProjectModule {
  private table: ExportTable | undefined;

  constructor(
    readonly file: string,
    readonly sourceCode: ForeignSourceCode,
    /** Identifies the file content the module was parsed from (see module-versions). */
    readonly version: string,
  ) {}

  /** What the module exports, by name, read from its own syntax only. */
  get exportTable(): ExportTable {
    this.table ??= buildExportTable(this.sourceCode);
    return this.table;
  }
}
