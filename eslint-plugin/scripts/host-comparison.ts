/**
 * The `hosts` case of `npm run bench:lint`: the same keepalive rules run by oxlint (its JS plugins)
 * and by ESLint, each as its real CLI, on the same real-world files. Each host lints the sample in
 * one process with the BUILT plugin and every keepalive rule at `error` and nothing else (oxlint's
 * own rules off); ESLint parses every file with @typescript-eslint/parser, oxlint with its own
 * parser. Wall time of the whole process (oxlint lints on several threads, so CPU time would not
 * compare), runs alternating which host goes first, fastest run per host. The keepalive findings
 * are counted too: they show both hosts did the work (the parsers differ on some real-world files,
 * so the counts may too; test/oxlint-parity.test.ts asserts identical findings on the corpus).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PLUGIN_DIR, REPO_ROOT, type CorpusFile } from './realworld-corpus';

const requireFromRepo = createRequire(join(REPO_ROOT, 'package.json'));
const RULES = ['no-client-per-request', 'no-unconsumed-body', 'no-disabled-keepalive'];

export interface HostTimes {
  readonly files: number;
  readonly runs: number;
  readonly eslintMs: number;
  readonly oxlintMs: number;
  /** oxlint time / ESLint time. */
  readonly ratio: number;
  readonly eslintFindings: number;
  readonly oxlintFindings: number;
}

export function benchHosts(
  files: readonly CorpusFile[],
  cwd: string,
  runs: number,
  log: (line: string) => void,
): HostTimes {
  const dir = mkdtempSync(join(tmpdir(), 'keepalive-hosts-'));
  try {
    const plugin = join(PLUGIN_DIR, 'dist', 'index.js');
    const rules = Object.fromEntries(RULES.map((rule) => [`keepalive/${rule}`, 'error']));
    const eslintConfig = join(dir, 'eslint.config.cjs');
    writeFileSync(
      eslintConfig,
      `module.exports = [
  { ignores: ['!**/node_modules/'] },
  {
    files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
    languageOptions: { parser: require(${JSON.stringify(requireFromRepo.resolve('@typescript-eslint/parser'))}), ecmaVersion: 'latest' },
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
    plugins: { keepalive: require(${JSON.stringify(plugin)}) },
    rules: ${JSON.stringify(rules)},
  },
];
`,
    );
    const oxlintConfig = join(dir, '.oxlintrc.json');
    writeFileSync(oxlintConfig, JSON.stringify({ jsPlugins: [plugin], categories: { correctness: 'off' }, rules }));
    const list = files.map((file) => file.path);
    const eslint = (): { ms: number; findings: number } =>
      timed(join(REPO_ROOT, 'node_modules', '.bin', 'eslint'), ['--no-config-lookup', '-c', eslintConfig, '--no-ignore', '--format', 'json', ...list], cwd, (stdout) =>
        (JSON.parse(stdout) as { messages: { ruleId: string | null }[] }[]).reduce(
          (sum, result) => sum + result.messages.filter((message) => message.ruleId?.startsWith('keepalive/')).length,
          0,
        ),
      );
    const oxlint = (): { ms: number; findings: number } =>
      timed(join(REPO_ROOT, 'node_modules', '.bin', 'oxlint'), ['-c', oxlintConfig, '--format', 'json', ...list], cwd, (stdout) =>
        (JSON.parse(stdout) as { diagnostics: { code?: string }[] }).diagnostics.filter((diagnostic) =>
          diagnostic.code?.startsWith('keepalive('),
        ).length,
      );

    log(`bench:lint hosts: oxlint and ESLint CLIs with the keepalive rules on the same ${files.length} files, ${runs} runs`);
    const eslintRuns: { ms: number; findings: number }[] = [];
    const oxlintRuns: { ms: number; findings: number }[] = [];
    for (let run = 0; run < runs; run++) {
      if (run % 2 === 0) {
        eslintRuns.push(eslint());
        oxlintRuns.push(oxlint());
      } else {
        oxlintRuns.push(oxlint());
        eslintRuns.push(eslint());
      }
      log(`  run ${run + 1}: ESLint ${eslintRuns.at(-1)?.ms.toFixed(0)} ms, oxlint ${oxlintRuns.at(-1)?.ms.toFixed(0)} ms`);
    }
    const eslintMs = Math.min(...eslintRuns.map((entry) => entry.ms));
    const oxlintMs = Math.min(...oxlintRuns.map((entry) => entry.ms));
    const times: HostTimes = {
      files: files.length,
      runs,
      eslintMs: Math.round(eslintMs),
      oxlintMs: Math.round(oxlintMs),
      ratio: Math.round((oxlintMs / eslintMs) * 1000) / 1000,
      eslintFindings: eslintRuns[0]?.findings ?? 0,
      oxlintFindings: oxlintRuns[0]?.findings ?? 0,
    };
    log(
      `oxlint + keepalive ${times.oxlintMs} ms, ESLint + keepalive ${times.eslintMs} ms: oxlint takes ${times.ratio.toFixed(2)}× ESLint's time ` +
        `(findings: oxlint ${times.oxlintFindings}, ESLint ${times.eslintFindings})`,
    );
    return times;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function timed(
  command: string,
  args: readonly string[],
  cwd: string,
  count: (stdout: string) => number,
): { ms: number; findings: number } {
  const started = performance.now();
  const run = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  // Both CLIs exit 1 when they report findings.
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`${command} exited with ${run.status ?? run.signal}:\n${run.stderr.slice(0, 2000)}`);
  }
  return { ms, findings: count(run.stdout) };
}
