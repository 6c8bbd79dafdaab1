// Acceptance 5: bad input exits 2 with one line naming the problem; --help documents every flag
// with its default and environment variable; metrics are served in Prometheus text format.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FLAGS, envName } from '../runtime/src/config.ts';
import { runForwarderToExit } from '../runtime/rig/harness/forwarder-process.ts';

const VALID = ['--topic', 'orders', '--nsqd-tcp-address', '127.0.0.1:4150', '--post', 'https://127.0.0.1:8443/in'];

async function expectUsageError(args: string[], pattern: RegExp, env: NodeJS.ProcessEnv = {}): Promise<void> {
  const exit = await runForwarderToExit(args, env);
  assert.equal(exit.code, 2, `exit code for ${args.join(' ')}; stderr: ${exit.stderr}`);
  const lines = exit.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `expected one line, got:\n${exit.stderr}`);
  assert.match(lines[0]!, pattern);
}

describe('command line', { timeout: 120_000 }, () => {
  it('unknown flag', () => expectUsageError([...VALID, '--max-inflight', '3'], /^keepalive-nsq: unknown flag --max-inflight/));
  it('missing topic', () => expectUsageError(VALID.slice(2), /^keepalive-nsq: --topic is required/));
  it('invalid URL', () => expectUsageError([...VALID.slice(0, 4), '--post', 'not a url'], /^keepalive-nsq: --post: "not a url" is not a valid URL/));
  it('non-HTTP URL', () => expectUsageError([...VALID.slice(0, 4), '--post', 'ftp://example.com/x'], /--post: .* must be an https:\/\/ or http:\/\/ URL/));
  it('unreadable CA file', () => expectUsageError([...VALID, '--ca-file', '/nonexistent/ca.pem'], /^keepalive-nsq: --ca-file: cannot read \/nonexistent\/ca\.pem \(ENOENT\)/));
  it('no nsqd or lookupd address', () => expectUsageError(['--topic', 'orders', '--post', 'https://x.test/'], /--nsqd-tcp-address or --lookupd-http-address is required/));
  it('bad numbers and durations name their flag', async () => {
    await expectUsageError([...VALID, '--max-in-flight', '0'], /--max-in-flight: 0 is outside 1\.\.2500/);
    await expectUsageError([...VALID, '--http-client-request-timeout', 'soon'], /--http-client-request-timeout: "soon" is not a duration/);
    await expectUsageError([...VALID, '--mode', 'fast'], /--mode: "fast" is not one of shared, naive/);
    await expectUsageError([...VALID, '--header', 'no-colon'], /--header: "no-colon" is not a 'Name: value' header/);
  });
  it('environment variables stand in for flags, and flags win over them', async () => {
    await expectUsageError(VALID.slice(2), /--max-in-flight: 0 is outside/, { KEEPALIVE_NSQ_TOPIC: 'orders', KEEPALIVE_NSQ_MAX_IN_FLIGHT: '0' });
    await expectUsageError([...VALID, '--max-in-flight', '-'], /--max-in-flight: "-" is not a whole number/, { KEEPALIVE_NSQ_MAX_IN_FLIGHT: '7' });
  });

  it('--help documents every flag with its default and environment variable', async () => {
    const exit = await runForwarderToExit(['--help']);
    assert.equal(exit.code, 0);
    for (const flag of FLAGS) {
      assert.match(exit.stdout, new RegExp(`--${flag.name}\\b`), `--help lacks --${flag.name}`);
      assert.ok(exit.stdout.includes(envName(flag.name)), `--help lacks ${envName(flag.name)}`);
      if (flag.defaultValue) assert.ok(exit.stdout.includes(`(default ${flag.defaultValue})`), `--help lacks the default of --${flag.name}`);
    }
    assert.match(exit.stdout, /\{"event":"summary"/);
  });
});
