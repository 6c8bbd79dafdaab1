/**
 * A real VS Code for tests: code-server 4.99.4 (VS Code 1.99.3) installed by
 * extension/scripts/install-code-server.sh, started on loopback with a fresh profile, extensions
 * installed from .vsix files, and stopped with its whole process tree.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { stopProcessTree } from './code-server-processes';

export const CODE_SERVER_VERSION = '4.99.4';
export const CHROMIUM = '/usr/bin/chromium';
export const REPO_ROOT = join(__dirname, '..', '..');

/** The code-server binary, or a clear error naming the script that installs it. */
export function codeServerBinary(): string {
  const cache = process.env.KEEPALIVE_CACHE ?? join(homedir(), '.cache', 'keepalive');
  const binary = join(cache, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', '.bin', 'code-server');
  if (!existsSync(binary)) {
    throw new Error(
      `code-server ${CODE_SERVER_VERSION} is not installed at ${binary}. ` +
        'Run `bash extension/scripts/install-code-server.sh` (or `node test/setup.mjs`) first.',
    );
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}. Run \`bash extension/scripts/install-code-server.sh\` (installs it with apt).`);
  }
  return binary;
}

/** Runs a command to completion, failing with its output. */
export function runChecked(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 180_000 });
  if (result.error) throw new Error(`cannot run ${command}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`\`${command} ${args.join(' ')}\` exited with ${result.status}:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/**
 * Packages the extension as a user gets it (`scripts/package.mjs`: vsce, offline, with the module
 * resolver's native binding for this platform) into `outDir`, building the bundle first when
 * `dist/` is missing or predates the shipped resolver, and returns the .vsix path.
 */
export function packageExtension(outDir: string): string {
  const extensionDir = join(REPO_ROOT, 'extension');
  const built = ['extension.js', 'lint-worker.js', 'vsce-targets'].every((file) => existsSync(join(extensionDir, 'dist', file)));
  if (!built) runChecked(process.execPath, ['scripts/build.mjs'], extensionDir);
  const vsix = join(outDir, 'keepalive-vscode.vsix');
  runChecked(process.execPath, ['scripts/package.mjs', '--out', vsix], extensionDir);
  return vsix;
}

/** Packages a plain-JavaScript test extension folder (no build step) into a .vsix. */
export function packageFolder(folder: string, outDir: string, name: string): string {
  const vsix = join(outDir, `${name}.vsix`);
  const vsce = join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  runChecked(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix],
    folder,
  );
  return vsix;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Settings that keep a fresh profile quiet and offline. */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
};

export interface CodeServerOptions {
  /** Folder opened as the workspace. */
  readonly workspace: string;
  readonly vsixFiles: readonly string[];
  /** User settings, merged over QUIET_SETTINGS. */
  readonly userSettings?: Record<string, unknown>;
  /**
   * A profile folder kept across servers (extensions' global storage survives, as for a user who
   * opens a second window); by default a fresh one, removed on stop.
   */
  readonly userDataDir?: string;
}

export interface RunningCodeServer {
  readonly url: string;
  /** The server process (its descendants include the extension host). */
  readonly pid: number;
  readonly runDir: string;
  readonly env: NodeJS.ProcessEnv;
  /** Server log so far (stdout and stderr). */
  log(): string;
  stop(): Promise<void>;
}

export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const binary = codeServerBinary();
  const runDir = mkdtempSync(join(tmpdir(), 'keepalive-code-server-'));
  const dirs = {
    extensions: join(runDir, 'exts'),
    userData: options.userDataDir ?? join(runDir, 'udd'),
    xdg: join(runDir, 'xdg'),
  };
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(
    join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...options.userSettings }, null, 2),
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: join(runDir, 'home'),
    XDG_CONFIG_HOME: join(dirs.xdg, 'config'),
    XDG_DATA_HOME: join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: join(dirs.xdg, 'cache'),
  };
  mkdirSync(env.HOME as string, { recursive: true });
  const common = ['--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData];
  for (const vsix of options.vsixFiles) {
    runChecked(binary, [...common, '--install-extension', vsix], runDir, env);
  }

  const port = await freePort();
  const configFile = join(runDir, 'config.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const child: ChildProcess = spawn(
    binary,
    [
      '--config', configFile,
      ...common,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      options.workspace,
    ],
    { cwd: runDir, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const pid = child.pid;
  if (pid === undefined) throw new Error(`code-server did not start:\n${output}`);

  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    await stopProcessTree(pid);
    rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    await waitForHealth(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid, runDir, env, log: () => output, stop };
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  // Bounded: 600 × 100 ms. Startup normally takes under a second.
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) {
        await response.arrayBuffer();
        return;
      }
      await response.body?.cancel();
    } catch {
      // Not listening yet.
    }
    await delay(100);
  }
  throw new Error(`code-server did not answer ${url}/healthz:\n${log()}`);
}

/** Copies a fixture folder into a fresh temp dir (the editor writes to it). */
export function copyFixture(fixture: string): string {
  const target = mkdtempSync(join(tmpdir(), 'keepalive-ws-'));
  cpSync(fixture, target, { recursive: true });
  return target;
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
