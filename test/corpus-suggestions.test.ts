/**
 * Every suggestion the BUILT plugin offers on the labelled corpus, applied one at a time and the
 * file linted again (real ESLint, @typescript-eslint/parser, `configs.all`, the file at its own path
 * in a copy of the corpus so imports still resolve): the output parses, and the finding is gone —
 * fewer findings of the same rule on a node with the reported text (the response or client may have
 * moved). Also: every `no-unconsumed-body` finding of the corpus comes with at least one suggestion.
 * Run `npm run build -w eslint-plugin-keepalive` first.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ESLint, type Linter } from 'eslint';
import { copyCorpus } from './support/corpus-copy';

const repoRoot = dirname(__dirname);
const requireFromRoot = createRequire(join(repoRoot, 'package.json'));
const builtPlugin = join(repoRoot, 'eslint-plugin', 'dist', 'index.js');

interface Applied {
  /** `file:line rule: suggestion description`, for failure messages. */
  readonly label: string;
  readonly file: string;
  readonly rule: string;
  /** The output of the suggestion. */
  readonly output: string;
  /** The source text of the reported node, and how many findings of the rule had it before. */
  readonly nodeText: string;
  readonly before: number;
}

function createLinter(cwd: string): ESLint {
  if (!existsSync(builtPlugin)) assert.fail(`${builtPlugin} is missing: run \`npm run build -w eslint-plugin-keepalive\`.`);
  const plugin = requireFromRoot(builtPlugin) as { configs: { all: Linter.Config } };
  const tsParser = requireFromRoot('@typescript-eslint/parser') as Linter.Parser;
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
        languageOptions: { parser: tsParser, sourceType: 'module', ecmaVersion: 'latest' },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
      },
      plugin.configs.all,
    ],
  });
}

interface Located {
  readonly ruleId: string | null;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/** Offset of 1-based `line`/`column` in `text`. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current += 1) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

/** The source text a message reports. */
function reportedText(text: string, message: Located): string {
  const from = offsetOf(text, message.line, message.column);
  const to = message.endLine === undefined ? from : offsetOf(text, message.endLine, message.endColumn ?? message.column);
  return text.slice(from, to);
}

/** How many of `messages` report `rule` on a node whose text is `nodeText`. */
function countOf(text: string, messages: readonly Located[], rule: string, nodeText: string): number {
  return messages.filter((message) => message.ruleId === rule && reportedText(text, message) === nodeText).length;
}

describe('corpus: every suggestion, applied and linted again', () => {
  let workDir = '';
  let eslint: ESLint;
  const applied: Applied[] = [];
  const withoutSuggestion: string[] = [];
  let findings = 0;

  before(async () => {
    workDir = copyCorpus('keepalive-suggestions-');
    eslint = createLinter(workDir);
    for (const result of await eslint.lintFiles(['.'])) {
      const file = relative(workDir, result.filePath).split(sep).join('/');
      const source = readFileSync(result.filePath, 'utf8');
      for (const message of result.messages) {
        if (!message.ruleId?.startsWith('keepalive/')) continue;
        findings += 1;
        const suggestions = message.suggestions ?? [];
        if (suggestions.length === 0 && message.ruleId === 'keepalive/no-unconsumed-body') {
          withoutSuggestion.push(`${file}:${message.line}:${message.column} ${message.message.slice(0, 120)}`);
        }
        const nodeText = reportedText(source, message);
        const before = countOf(source, result.messages, message.ruleId, nodeText);
        for (const suggestion of suggestions) {
          const { range, text } = suggestion.fix;
          applied.push({
            label: `${file}:${message.line}:${message.column} ${message.ruleId}: ${suggestion.desc}`,
            file,
            rule: message.ruleId,
            output: source.slice(0, range[0]) + text + source.slice(range[1]),
            nodeText,
            before,
          });
        }
      }
    }
  });

  after(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('offers a suggestion for every no-unconsumed-body finding', () => {
    assert.ok(findings >= 100, `the corpus produces findings (${findings})`);
    assert.deepEqual(withoutSuggestion, []);
  });

  it('gives output that parses and has no finding of the same rule left at that place', async () => {
    assert.ok(applied.length >= 50, `suggestions were offered (${applied.length})`);
    const failures: string[] = [];
    for (const suggestion of applied) {
      const [result] = await eslint.lintText(suggestion.output, { filePath: join(workDir, suggestion.file) });
      const messages = result?.messages ?? [];
      const fatal = messages.filter((message) => message.fatal || message.ruleId === null);
      if (fatal.length > 0) {
        failures.push(`${suggestion.label}\n    does not parse: ${fatal.map((message) => message.message).join('; ')}`);
        continue;
      }
      const after = countOf(suggestion.output, messages, suggestion.rule, suggestion.nodeText);
      if (after >= suggestion.before) {
        const still = messages.filter((message) => message.ruleId === suggestion.rule && reportedText(suggestion.output, message) === suggestion.nodeText);
        failures.push(`${suggestion.label}\n    still reported: ${still.map((message) => `${message.line}: ${message.message.slice(0, 160)}`).join('; ')}`);
      }
    }
    assert.deepEqual(failures, [], `${failures.length} of ${applied.length} suggestions:\n${failures.join('\n')}`);
  });
});
