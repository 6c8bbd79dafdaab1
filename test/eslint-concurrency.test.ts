/**
 * ESLint's `--concurrency` lints files in worker threads, each with its own module caches, so a rule
 * that follows imports into other modules must not give different findings depending on which worker
 * linted what first. Copies several multi-file mini-projects of the corpus to a temporary directory
 * (workspace packages linked into `node_modules`), writes a flat config that loads the BUILT plugin
 * and @typescript-eslint/parser, runs the real ESLint CLI once with `--concurrency=off` and once with
 * `--concurrency=2`, and compares the findings. Run `npm run build -w eslint-plugin-keepalive` first.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ESLint } from 'eslint';
import { builtPlugin, builtPluginFlatConfig } from './support/built-plugin-config';
import { copyCorpus, expectedRulesByLine, PROJECTS_DIR } from './support/corpus-copy';

const repoRoot = dirname(__dirname);
const eslintBin = join(repoRoot, 'node_modules', '.bin', 'eslint');

/** Projects whose every labelled finding needs another module of the project to be read. */
const CROSS_FILE_PROJECTS = [
  'fetch-json-helpers',
  'lambda-storage-service',
  'report-service-chain',
  'response-check-helpers',
  'tsconfig-paths-gateway',
  'workspace-monorepo',
];
/** A project with findings the rules make within one file, so the comparison has findings today. */
const SAME_FILE_PROJECTS = ['wrapped-lambda-handlers'];

interface Finding {
  readonly ruleId: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** Runs the ESLint CLI in `cwd`; returns every message, sorted, with paths relative to `cwd`. */
function lintWithCli(cwd: string, concurrency: string): Finding[] {
  const run = spawnSync(eslintBin, [`--concurrency=${concurrency}`, '--format', 'json', '.'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // 0: no findings, 1: findings; anything else is a crash or a configuration error
  assert.ok(run.status === 0 || run.status === 1, `eslint --concurrency=${concurrency} exited with ${run.status}:\n${run.stderr}`);
  const results = JSON.parse(run.stdout) as ESLint.LintResult[];
  const findings = results.flatMap((result) =>
    result.messages.map((message) => ({
      ruleId: message.ruleId ?? 'fatal',
      file: relative(cwd, result.filePath).split(sep).join('/'),
      line: message.line,
      column: message.column,
      message: message.message,
    })),
  );
  const key = (finding: Finding) => `${finding.file}\0${String(finding.line).padStart(6, '0')}\0${String(finding.column).padStart(6, '0')}\0${finding.ruleId}\0${finding.message}`;
  return findings.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

describe('ESLint --concurrency on a multi-file project', () => {
  let workDir = '';
  let sequential: Finding[] = [];
  let parallel: Finding[] = [];

  before(() => {
    if (!existsSync(builtPlugin)) {
      assert.fail(`The built plugin is missing (${builtPlugin}). Run \`npm run build -w eslint-plugin-keepalive\` first.`);
    }
    const projects = [...CROSS_FILE_PROJECTS, ...SAME_FILE_PROJECTS].map((name) => `${PROJECTS_DIR}/${name}`);
    workDir = copyCorpus('keepalive-concurrency-', projects);
    writeFileSync(join(workDir, 'eslint.config.mjs'), builtPluginFlatConfig());
    sequential = lintWithCli(workDir, 'off');
    parallel = lintWithCli(workDir, '2');
  });

  after(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('reports no fatal errors and no rule crashes', () => {
    const crashes = [...sequential, ...parallel].filter((finding) => !finding.ruleId.startsWith('keepalive/'));
    assert.deepEqual(crashes, []);
  });

  it('gives the same findings (rule, file, line, column, message) with --concurrency=2 as with off', () => {
    assert.ok(sequential.length > 0, 'the fixture produces findings');
    assert.deepEqual(parallel, sequential);
  });

  it('finds at least one bug that spans two modules', () => {
    const labelled = new Set<string>();
    for (const name of CROSS_FILE_PROJECTS) {
      for (const finding of sequential.filter((candidate) => candidate.file.startsWith(`${PROJECTS_DIR}/${name}/`))) {
        const text = readFileSync(join(workDir, finding.file), 'utf8');
        const expected = expectedRulesByLine(text).some(
          ({ line, rule }) => line === finding.line && `keepalive/${rule}` === finding.ruleId,
        );
        if (expected) labelled.add(`${finding.file}:${finding.line} ${finding.ruleId}`);
      }
    }
    const all = sequential.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`).join('\n');
    assert.ok(labelled.size > 0, `no labelled cross-file finding in ${CROSS_FILE_PROJECTS.join(', ')}; findings:\n${all}`);
  });
});
