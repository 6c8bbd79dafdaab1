/**
 * The plugin as a new user meets it: `npm pack` of the workspace, the tarball installed with a real
 * `npm install` (no workspace link) into a fresh project per ESLint major (9 and 10, from the
 * registry through the shared npm cache), and every config snippet of the READMEs run verbatim.
 *
 * The snippets are read from the READMEs, so docs and test cannot drift: each config block is
 * preceded by `<!-- install-test: KIND FILE -->`, and KIND names the sources and the findings
 * expected below. Each snippet is written as FILE into its own folder of the installed project and
 * linted with the real ESLint CLI (or oxlint, for `.oxlintrc.json`); `eslint.config.ts` is also
 * typechecked with `tsc --noEmit` (strict, without skipLibCheck).
 * Run `npm run build -w eslint-plugin-keepalive` first (`npm test` does).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TEXTBOOK_SERVICE, TEXTBOOK_SERVICE_TS } from './support/textbook-service';

const repoRoot = dirname(__dirname);
const pluginDir = join(repoRoot, 'eslint-plugin');
const oxlintBin = join(repoRoot, 'node_modules', '.bin', 'oxlint');
const READMES = [join(repoRoot, 'README.md'), join(pluginDir, 'README.md')];

/** What each fresh project installs besides the tarball (ranges as the repository's own). */
const PROJECT_DEPENDENCIES = {
  '@typescript-eslint/parser': '^8.74.0',
  jiti: '^2.7.0',
  typescript: '~6.0.3',
};
const ESLINT_MAJORS = [
  { label: 'ESLint 9', range: '^9.39.5' },
  { label: 'ESLint 10', range: '^10.15.0' },
] as const;

// ---- the snippets ----------------------------------------------------------------------------------

interface Snippet {
  readonly readme: string;
  readonly kind: string;
  readonly file: string;
  readonly text: string;
}

const SNIPPET = /<!-- install-test: (\S+) (\S+) -->\n```\w*\n([\s\S]*?)```\n/g;

function readSnippets(readme: string): Snippet[] {
  const text = readFileSync(readme, 'utf8');
  return [...text.matchAll(SNIPPET)].map((match) => ({
    readme: relative(repoRoot, readme),
    kind: match[1] ?? '',
    file: match[2] ?? '',
    text: match[3] ?? '',
  }));
}

// ---- what each kind of project holds and must report -----------------------------------------------

const SERVICE = TEXTBOOK_SERVICE;
const SERVICE_TS = TEXTBOOK_SERVICE_TS;

/** Per request only once `settings.keepalive` names the wrapper and the registration. */
const BUS_CONSUMER = `import { HttpClient } from '@acme/http';
import { bus } from './bus-instance.js';

bus.subscribe('orders', async (order) => {
  const client = new HttpClient({ baseUrl: 'https://orders.internal' });
  await client.post('/orders', order);
});
`;

/** The expected findings of SERVICE / SERVICE_TS in FILE, as `file:line rule`. */
function serviceFindings(file: string, rules = ['no-client-per-request', 'no-unconsumed-body', 'no-disabled-keepalive']): string[] {
  const all = [
    `${file}:7 keepalive/no-client-per-request`,
    `${file}:8 keepalive/no-unconsumed-body`,
    `${file}:13 keepalive/no-unconsumed-body`,
    `${file}:20 keepalive/no-disabled-keepalive`,
  ];
  return all.filter((finding) => rules.some((rule) => finding.endsWith(`/${rule}`)));
}

interface Kind {
  /** Files of the project, relative to the folder that holds the config. */
  readonly files: Readonly<Record<string, string>>;
  /** Workspace packages linked into `node_modules` as the package manager does: name -> folder. */
  readonly workspaceLinks?: Readonly<Record<string, string>>;
  /** Every finding, `file:line rule`. */
  readonly expected: readonly string[];
}

const KINDS: Readonly<Record<string, Kind>> = {
  // A JS project: the .ts file is not linted (ESLint's default file set), the bus consumer is quiet
  // without settings.
  'js-esm': {
    files: { 'src/service.js': SERVICE, 'src/service.ts': SERVICE_TS, 'src/bus.js': BUS_CONSUMER },
    expected: serviceFindings('src/service.js'),
  },
  'js-cjs': {
    files: { 'src/service.js': SERVICE, 'src/service.ts': SERVICE_TS },
    expected: serviceFindings('src/service.js'),
  },
  'ts-parser': {
    files: { 'src/service.js': SERVICE, 'src/service.ts': SERVICE_TS },
    expected: [...serviceFindings('src/service.js'), ...serviceFindings('src/service.ts')],
  },
  'ts-define-config': {
    files: {
      'src/service.ts': SERVICE_TS,
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          target: 'es2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['eslint.config.ts'],
      }),
    },
    expected: serviceFindings('src/service.ts'),
  },
  'test-files': {
    // no-client-per-request skips test files by name on its own (not `test/helpers.js`); the
    // override turns no-unconsumed-body off in all three.
    files: {
      'src/service.js': SERVICE,
      'src/service.spec.js': SERVICE,
      'test/service.test.js': SERVICE,
      'test/helpers.js': SERVICE,
    },
    expected: [
      ...serviceFindings('src/service.js'),
      ...serviceFindings('src/service.spec.js', ['no-disabled-keepalive']),
      ...serviceFindings('test/service.test.js', ['no-disabled-keepalive']),
      ...serviceFindings('test/helpers.js', ['no-client-per-request', 'no-disabled-keepalive']),
    ],
  },
  monorepo: {
    files: {
      'package.json': JSON.stringify({ name: 'acme', private: true, type: 'module', workspaces: ['packages/*'] }),
      'packages/http/package.json': JSON.stringify({ name: '@acme/http', type: 'module', main: 'src/index.ts' }),
      'packages/http/src/index.ts': `import https from 'node:https';

export function makeAgent(): https.Agent {
  return new https.Agent({ keepAlive: true });
}
`,
      'packages/api/package.json': JSON.stringify({ name: '@acme/api', type: 'module', dependencies: { '@acme/http': '*' } }),
      'packages/api/src/server.ts': `import https from 'node:https';
import express from 'express';
import { makeAgent } from '@acme/http';

const app = express();

app.get('/users/:id', (req, res) => {
  const options = { agent: makeAgent() };
  https.get(\`https://users.internal/\${req.params.id}\`, options, (upstream) => upstream.pipe(res));
});
`,
    },
    workspaceLinks: { '@acme/http': 'packages/http' },
    expected: ['packages/api/src/server.ts:8 keepalive/no-client-per-request'],
  },
  settings: {
    files: { 'src/service.js': SERVICE, 'src/bus.js': BUS_CONSUMER },
    expected: [...serviceFindings('src/service.js'), 'src/bus.js:5 keepalive/no-client-per-request'],
  },
  oxlint: {
    files: { 'src/service.js': SERVICE },
    expected: serviceFindings('src/service.js'),
  },
};

// ---- running ---------------------------------------------------------------------------------------

function run(command: string, args: readonly string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolvePromise({ status, stdout, stderr }));
  });
}

function packPlugin(destination: string): string {
  if (!existsSync(join(pluginDir, 'dist', 'index.js'))) {
    assert.fail('The built plugin is missing: run `npm run build -w eslint-plugin-keepalive` (the root `npm test` does).');
  }
  // --ignore-scripts: `prepack` would rebuild; the tests run against the build `npm test` made.
  const pack = spawnSync('npm', ['pack', '-w', 'eslint-plugin-keepalive', '--ignore-scripts', '--json', '--pack-destination', destination], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  assert.equal(pack.status, 0, `npm pack failed:\n${pack.stderr}`);
  const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  assert.ok(packed, 'npm pack reported the tarball');
  const shipped = packed.files.map((file) => file.path);
  for (const needed of ['README.md', 'LICENSE', 'package.json', 'dist/index.js', 'dist/index.d.ts', 'docs/rules/no-unconsumed-body.md']) {
    assert.ok(shipped.includes(needed), `the tarball carries ${needed}`);
  }
  assert.deepEqual(shipped.filter((file) => /^(src|tests|scripts)\//.test(file)), [], 'the tarball carries no sources or tests');
  return join(destination, packed.filename);
}

/** A fresh project with the tarball and ESLint `range` installed from the registry (shared npm cache). */
async function installProject(
  root: string,
  tarball: string,
  eslintRange: string,
  dependencies: Record<string, string> = PROJECT_DEPENDENCIES,
): Promise<void> {
  mkdirSync(root, { recursive: true });
  writeFileSync(
    join(root, 'package.json'),
    `${JSON.stringify(
      {
        name: 'keepalive-install-check',
        private: true,
        type: 'module',
        devDependencies: { eslint: eslintRange, ...dependencies, 'eslint-plugin-keepalive': `file:${tarball}` },
      },
      null,
      2,
    )}\n`,
  );
  const install = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], root);
  assert.equal(install.status, 0, `npm install in ${root} failed:\n${install.stderr}`);
  // A real copy, not a link into the workspace.
  const installed = join(root, 'node_modules', 'eslint-plugin-keepalive');
  for (const file of ['README.md', 'LICENSE', 'dist/index.js']) {
    assert.ok(existsSync(join(installed, file)), `installed package has ${file}`);
  }
}

/** Writes KIND's files and the snippet into `<root>/<readme>/<kind>/` and returns that folder. */
function writeSnippetProject(root: string, snippet: Snippet): string {
  const kind = KINDS[snippet.kind];
  assert.ok(kind, `${snippet.readme}: unknown install-test kind "${snippet.kind}"`);
  const dir = join(root, snippet.readme.replace(/[/.]/g, '_'), snippet.kind);
  for (const [file, text] of Object.entries(kind.files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  for (const [name, folder] of Object.entries(kind.workspaceLinks ?? {})) {
    mkdirSync(dirname(join(dir, 'node_modules', name)), { recursive: true });
    symlinkSync(join(dir, folder), join(dir, 'node_modules', name), 'dir');
  }
  writeFileSync(join(dir, snippet.file), snippet.text);
  return dir;
}

interface LintResult {
  readonly filePath: string;
  readonly messages: readonly { ruleId: string | null; line: number; message: string; fatal?: boolean }[];
}

async function eslintFindings(root: string, dir: string): Promise<string[]> {
  const lint = await run(join(root, 'node_modules', '.bin', 'eslint'), ['--format', 'json', '.'], dir);
  assert.ok(lint.status === 0 || lint.status === 1, `eslint exited with ${lint.status}:\n${lint.stderr}${lint.stdout}`);
  const results = JSON.parse(lint.stdout) as LintResult[];
  return results.flatMap((result) =>
    result.messages.map(
      (message) => `${relative(dir, result.filePath).split(sep).join('/')}:${message.line} ${message.ruleId ?? `fatal: ${message.message}`}`,
    ),
  );
}

async function oxlintFindings(dir: string): Promise<string[]> {
  const lint = await run(oxlintBin, ['-c', '.oxlintrc.json', '--format', 'json', 'src'], dir);
  assert.ok(lint.status === 0 || lint.status === 1, `oxlint exited with ${lint.status}:\n${lint.stderr}${lint.stdout}`);
  const { diagnostics } = JSON.parse(lint.stdout) as {
    diagnostics: { code?: string; filename: string; labels?: { span: { line: number } }[] }[];
  };
  return diagnostics
    .filter((diagnostic) => diagnostic.code?.startsWith('keepalive('))
    .map((diagnostic) => {
      const file = relative(dir, resolve(dir, diagnostic.filename)).split(sep).join('/');
      const rule = (diagnostic.code ?? '').replace(/^(.*)\((.*)\)$/, '$1/$2');
      return `${file}:${diagnostic.labels?.[0]?.span.line ?? 0} ${rule}`;
    });
}

// ---- the tests -------------------------------------------------------------------------------------

const snippets = READMES.flatMap(readSnippets);

describe('the READMEs install and config snippets, in fresh projects with the packed plugin', () => {
  let workDir = '';
  const projects = new Map<string, string>();

  before(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'keepalive-install-'));
    const tarball = packPlugin(workDir);
    await Promise.all([
      ...ESLINT_MAJORS.map(async ({ label, range }) => {
        const root = join(workDir, label.replace(' ', '-'));
        await installProject(root, tarball, range);
        projects.set(label, root);
      }),
      (async () => {
        const root = join(workDir, 'plain-js');
        await installProject(root, tarball, ESLINT_MAJORS[0].range, {});
        projects.set('plain JS', root);
      })(),
    ]);
  });

  it('a plain JavaScript project (ESLint and the plugin only) installs no TypeScript and still gets findings', async () => {
    const root = projects.get('plain JS') ?? assert.fail('the plain JS project was not installed');
    assert.equal(existsSync(join(root, 'node_modules', 'typescript')), false, 'typescript is not installed');
    writeFileSync(
      join(root, 'eslint.config.js'),
      "import keepalive from 'eslint-plugin-keepalive';\nexport default [keepalive.configs.recommended];\n",
    );
    writeFileSync(
      join(root, 'notify.js'),
      "export async function notify(url, event) {\n  const res = await fetch(url, { method: 'POST', body: JSON.stringify(event) });\n  if (!res.ok) throw new Error(`HTTP ${res.status}`);\n  return res.status;\n}\n",
    );
    const lint = await run(join(root, 'node_modules', '.bin', 'eslint'), ['--format', 'json', 'notify.js'], root);
    const [result] = JSON.parse(lint.stdout) as { messages: { ruleId: string | null; line: number }[] }[];
    assert.deepEqual(
      result?.messages.map((message) => `${message.line} ${message.ruleId}`),
      ['2 keepalive/no-unconsumed-body'],
      lint.stderr,
    );
  });

  after(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('finds every kind of snippet in the READMEs', () => {
    const kinds = new Set(snippets.map((snippet) => snippet.kind));
    assert.deepEqual([...kinds].sort(), Object.keys(KINDS).sort());
    assert.ok(
      snippets.some((snippet) => snippet.readme === 'README.md'),
      'the root README install snippets are checked too',
    );
  });

  for (const snippet of snippets.filter((candidate) => candidate.kind !== 'oxlint')) {
    for (const { label } of ESLINT_MAJORS) {
      it(`${label}: ${snippet.readme} ${snippet.kind} (${snippet.file}) gives the expected findings`, async () => {
        const root = projects.get(label) ?? assert.fail(`${label} project was not installed`);
        const dir = writeSnippetProject(root, snippet);
        if (snippet.file.endsWith('.ts')) {
          const tsc = await run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], dir);
          assert.equal(tsc.status, 0, `tsc --noEmit on ${snippet.file}:\n${tsc.stdout}${tsc.stderr}`);
        }
        assert.deepEqual((await eslintFindings(root, dir)).sort(), [...(KINDS[snippet.kind]?.expected ?? [])].sort());
      });
    }
  }

  for (const snippet of snippets.filter((candidate) => candidate.kind === 'oxlint')) {
    it(`oxlint: ${snippet.readme} ${snippet.file} loads the installed plugin and gives the expected findings`, async () => {
      if (!existsSync(oxlintBin)) assert.fail(`${oxlintBin} is missing: run \`npm ci\`.`);
      const root = projects.get('ESLint 9') ?? assert.fail('the ESLint 9 project was not installed');
      const dir = writeSnippetProject(root, snippet);
      assert.deepEqual((await oxlintFindings(dir)).sort(), [...(KINDS[snippet.kind]?.expected ?? [])].sort());
    });
  }
});
