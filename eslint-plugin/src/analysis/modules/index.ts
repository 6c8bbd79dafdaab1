/**
 * Module summaries (cross-file analysis without a type checker): resolve an imported name to the
 * project module that defines it, parse that module once per process with the linted file's
 * parser, and memoise answers about its exports. See docs/cross-file.md.
 */
export type { ForeignSourceCode } from './foreign-source-code';
export type { ModuleSummaries } from './module-summaries';
export { moduleSummariesOf } from './module-summaries';
export type { ProjectModule, ResolvedExport } from './project-module';
export { isCodeAt } from './code-text';
export { importedSpecifiers, mayReachText, type TextHint } from './text-hints';
export { mayMatterInFile } from './file-relevance';
