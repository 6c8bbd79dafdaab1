/**
 * `npm run lint:realworld`: lints every JS/TS file of the pinned real-world packages with every
 * rule of the built plugin at `error`, and writes each finding to a report for review:
 *
 *   <cache>/realworld/report.json   every finding, parse failure and crash
 *   <cache>/realworld/report.md     the same, readable: file:line, rule, message, source line
 *
 * Exit status 1 when any rule throws (a crash); files the parser cannot read are counted and listed,
 * not failures. Options: `--only <text>` lints only files whose path contains <text>.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Linter } from 'eslint';
import {
  cacheDir,
  collectCorpus,
  configFor,
  ensureInstalled,
  loadBuiltPlugin,
  loadLinter,
  readPackageList,
  type CorpusFile,
} from './realworld-corpus';

interface Finding {
  readonly file: string;
  readonly packageName: string;
  readonly line: number;
  readonly column: number;
  readonly rule: string;
  readonly message: string;
  readonly source: string;
}

interface Problem {
  readonly file: string;
  readonly message: string;
}

function parseArgs(argv: readonly string[]): { only: string | undefined } {
  let only: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--only') {
      only = argv[++index];
      if (!only) throw new Error('--only needs a path fragment, e.g. --only axios/lib');
    } else {
      throw new Error(`unknown argument ${arg} (accepted: --only <path fragment>)`);
    }
  }
  return { only };
}

function main(): number {
  const { only } = parseArgs(process.argv.slice(2));
  const log = (line: string) => console.log(line);
  const list = readPackageList();
  const modules = ensureInstalled(list, log);
  const corpus = collectCorpus(modules);
  const files = only ? corpus.files.filter((file) => file.relativePath.includes(only)) : corpus.files;

  const plugin = loadBuiltPlugin();
  const { Linter: ESLintLinter, parser } = loadLinter();
  const linter = new ESLintLinter({ configType: 'flat', cwd: modules });
  const ruleIds = Object.keys(plugin.rules).map((rule) => `keepalive/${rule}`);

  const findings: Finding[] = [];
  const parseFailures: Problem[] = [];
  const crashes: Problem[] = [];
  const started = performance.now();
  log(`linting ${files.length} files with ${ruleIds.join(', ')} ...`);

  files.forEach((file, index) => {
    if (index > 0 && index % 1000 === 0) log(`  ${index}/${files.length}`);
    lintOne(file);
  });

  function lintOne(file: CorpusFile): void {
    const text = readFileSync(file.path, 'utf8');
    let messages: Linter.LintMessage[];
    try {
      messages = linter.verify(text, configFor(file, parser, plugin.configs.all), file.path);
    } catch (error) {
      // ESLint rethrows a rule's exception with the file and rule in its message: a crash to fix.
      crashes.push({ file: file.relativePath, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      return;
    }
    const lines = text.split('\n');
    for (const message of messages) {
      if (message.fatal) {
        parseFailures.push({ file: file.relativePath, message: `${message.line}:${message.column} ${message.message}` });
        continue;
      }
      // Notes about the file's own eslint comments (ignored through noInlineConfig) are not findings.
      if (message.ruleId === null || !message.ruleId.startsWith('keepalive/')) continue;
      findings.push({
        file: file.relativePath,
        packageName: file.packageName,
        line: message.line,
        column: message.column,
        rule: message.ruleId,
        message: message.message,
        source: (lines[message.line - 1] ?? '').trim().slice(0, 240),
      });
    }
  }

  const seconds = (performance.now() - started) / 1000;
  const dir = cacheDir();
  const summary = {
    packages: list.packages,
    filesLinted: files.length,
    declarationFilesNotLinted: corpus.declarationFiles,
    skipped: corpus.skipped,
    parseFailures,
    crashes,
    findingsByRule: Object.fromEntries(ruleIds.map((rule) => [rule, findings.filter((f) => f.rule === rule).length])),
    seconds: Math.round(seconds),
  };
  writeFileSync(join(dir, 'report.json'), `${JSON.stringify({ ...summary, findings }, null, 2)}\n`);
  writeFileSync(join(dir, 'report.md'), markdownReport(summary, findings));

  log('');
  log(`linted ${files.length} files in ${seconds.toFixed(0)} s (${corpus.declarationFiles} .d.ts files not linted)`);
  log(`skipped ${corpus.skipped.length}: ${corpus.skipped.map((s) => `${s.relativePath} (${s.reason})`).join('; ') || 'none'}`);
  log(`parse failures: ${parseFailures.length}${parseFailures.length ? ` (listed in report.md)` : ''}`);
  for (const rule of ruleIds) log(`${rule}: ${summary.findingsByRule[rule]} findings`);
  log(`crashes: ${crashes.length}`);
  for (const crash of crashes) log(`  CRASH ${crash.file}\n${crash.message}`);
  log(`report: ${join(dir, 'report.md')} and report.json`);
  return crashes.length > 0 ? 1 : 0;
}

function markdownReport(
  summary: {
    filesLinted: number;
    declarationFilesNotLinted: number;
    skipped: readonly { relativePath: string; reason: string }[];
    parseFailures: readonly Problem[];
    crashes: readonly Problem[];
    findingsByRule: Record<string, number>;
    packages: Readonly<Record<string, string>>;
    seconds: number;
  },
  findings: readonly Finding[],
): string {
  const out: string[] = ['# keepalive real-world lint report', ''];
  out.push(`Packages (pinned): ${Object.entries(summary.packages).map(([n, v]) => `${n}@${v}`).join(', ')}`, '');
  out.push(`- files linted: ${summary.filesLinted} (${summary.seconds} s)`);
  out.push(`- .d.ts files not linted: ${summary.declarationFilesNotLinted}`);
  out.push(`- skipped: ${summary.skipped.length}`);
  for (const skipped of summary.skipped) out.push(`  - ${skipped.relativePath}: ${skipped.reason}`);
  out.push(`- parse failures: ${summary.parseFailures.length}`);
  for (const failure of summary.parseFailures) out.push(`  - ${failure.file}: ${failure.message}`);
  out.push(`- crashes: ${summary.crashes.length}`);
  for (const crash of summary.crashes) out.push(`  - ${crash.file}: ${crash.message.split('\n')[0]}`);
  for (const [rule, count] of Object.entries(summary.findingsByRule)) out.push(`- ${rule}: ${count} findings`);
  for (const rule of Object.keys(summary.findingsByRule)) {
    out.push('', `## ${rule}`, '');
    const ofRule = findings.filter((finding) => finding.rule === rule);
    if (ofRule.length === 0) out.push('No findings.');
    for (const finding of ofRule) {
      out.push(`- \`${finding.file}:${finding.line}:${finding.column}\` (${finding.packageName})`);
      out.push(`  - ${finding.message}`);
      out.push(`  - \`${finding.source.replaceAll('`', "'")}\``);
    }
  }
  return `${out.join('\n')}\n`;
}

process.exitCode = main();
