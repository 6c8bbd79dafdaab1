// The demo and bench scripts as a user runs them: flag errors, --help, and Ctrl-C stopping
// everything the demo started (nsqd, the sink, Toxiproxy, the forwarder process).
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { RUNTIME_ROOT } from '../bench/forwarder-command.js';

function runScript(script: string, args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(RUNTIME_ROOT, 'scripts', script), ...args], {
    cwd: RUNTIME_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal, stdout, stderr }));
  return { child, exited, output: () => stdout + stderr };
}

function portAccepts(address: string): Promise<boolean> {
  const [host, port] = [address.slice(0, address.lastIndexOf(':')), Number(address.slice(address.lastIndexOf(':') + 1))];
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

test('a bad flag exits 2 with the flag named; --help exits 0 with every flag', async () => {
  const bad = await runScript('demo.ts', ['--rate', '0']).exited;
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /demo: --rate must be from 1 to 10000, got 0/);
  const help = await runScript('demo.ts', ['--help']).exited;
  assert.equal(help.code, 0);
  for (const flag of ['--rate', '--seconds', '--max-in-flight', '--handlers', '--wan-latency-ms', '--msg-timeout-ms', '--sink-latency-ms', '--response-bytes', '--output-dir']) assert.ok(help.stdout.includes(flag), flag);
  const benchBad = await runScript('bench.ts', ['--forwarders', 'curl']).exited;
  assert.equal(benchBad.code, 2);
  assert.match(benchBad.stderr, /bench: --forwarders: unknown value "curl"/);
});

test('Ctrl-C during the demo stops nsqd, the sink, Toxiproxy and the forwarder, and exits 130', async () => {
  const demo = runScript('demo.ts', ['--skip-lint', '--seconds', '600', '--no-progress', '--output-dir', join(tmpdir(), 'keepalive-demo-unused')]);
  // Bounded wait (600 × 100 ms) for the first progress line: nsqd, sink, proxy and forwarder are all running then.
  for (let poll = 0; poll < 600 && !/naive : [\d,]+\/600/.test(demo.output()) && demo.child.exitCode === null; poll += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const nsqdAddress = /nsqd (127\.0\.0\.1:\d+)/.exec(demo.output())?.[1];
  const sinkAddress = /sink https:\/\/(127\.0\.0\.1:\d+)/.exec(demo.output())?.[1];
  const proxyAddress = /Toxiproxy (127\.0\.0\.1:\d+)/.exec(demo.output())?.[1];
  assert.ok(nsqdAddress && sinkAddress && proxyAddress, `demo did not start:\n${demo.output()}`);
  assert.equal(await portAccepts(nsqdAddress), true);

  demo.child.kill('SIGINT');
  const result = await demo.exited;
  assert.equal(result.code, 130, result.stderr);
  assert.match(result.stderr, /SIGINT: stopping everything this run started/);
  assert.equal(await portAccepts(nsqdAddress), false, 'nsqd stopped');
  assert.equal(await portAccepts(sinkAddress), false, 'sink closed');
  assert.equal(await portAccepts(proxyAddress), false, 'toxiproxy stopped');
  // The forwarder is the only process with this nsqd address on its command line.
  const processes = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  assert.ok(!processes.includes(`--nsqd-tcp-address ${nsqdAddress}`), 'forwarder stopped');
});

test('a small demo run writes demo.json and demo.svg with both forwarders', async () => {
  const outputDir = await mkdtemp(join(tmpdir(), 'keepalive-demo-test-'));
  try {
    const args = ['--seconds', '2', '--rate', '10', '--response-bytes', '1KiB', '--no-progress', '--output-dir', outputDir];
    const result = await runScript('demo.ts', args).exited;
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /keepalive\/no-client-per-request/);
    assert.match(result.stdout, /--- a\/runtime\/examples\/broken\/nsq-consumer\.mjs/);
    assert.match(result.stdout, /^forwarder\s+published\s+delivered\s+msg\/s\s+depth at end\s+nsqd timeouts\s+E_FIN_FAILED/m);
    assert.match(result.stdout, /^depth after\s+0 s/m);
    const json = JSON.parse(await readFile(join(outputDir, 'demo.json'), 'utf8'));
    assert.equal(json.kind, 'keepalive-demo');
    assert.deepEqual(json.runs.map((run: { kind: string }) => run.kind), ['naive', 'shared']);
    assert.deepEqual(json.runs.map((run: { published: number }) => run.published), [20, 20]);
    assert.deepEqual(json.settings, { publishRate: 10, seconds: 2, maxInFlight: 16, handlers: 1, wanLatencyMs: 25, msgTimeoutMs: 1000, sinkLatencyMs: 5, responseBytes: 1024 });
    assert.ok((await readFile(join(outputDir, 'demo.svg'), 'utf8')).startsWith('<svg '));
  } finally {
    await rm(outputDir, { recursive: true, force: true });
  }
});

test('a small bench run writes bench.md, bench.json and bench.svg', async () => {
  const outputDir = await mkdtemp(join(tmpdir(), 'keepalive-bench-test-'));
  try {
    const args = ['--messages', '60', '--runs', '1', '--sink-latency-ms', '0', '--forwarders', 'shared,nsq_to_http', '--no-progress', '--output-dir', outputDir];
    const result = await runScript('bench.ts', args).exited;
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(await readFile(join(outputDir, 'bench.json'), 'utf8'));
    assert.equal(json.kind, 'keepalive-bench');
    // The sink-latency row, then the WAN row through Toxiproxy (default +10 ms each way).
    assert.deepEqual(
      json.medians.map((m: { kind: string; wanLatencyMs: number }) => `${m.wanLatencyMs} ${m.kind}`),
      ['0 shared', '0 nsq_to_http', '10 shared', '10 nsq_to_http'],
    );
    assert.ok(json.goals.length > 0);
    const markdown = await readFile(join(outputDir, 'bench.md'), 'utf8');
    assert.match(markdown, /\| 0 ms \| shared \|/);
    assert.match(markdown, /\| 0 ms \| nsq_to_http \|/);
    assert.match(markdown, /\| WAN \+10 ms each way \| shared \|/);
    assert.ok((await readFile(join(outputDir, 'bench.svg'), 'utf8')).startsWith('<svg '));
  } finally {
    await rm(outputDir, { recursive: true, force: true });
  }
});
