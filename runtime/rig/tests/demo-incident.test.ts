// The demo's key observable, asserted: with real WAN latency (a real toxiproxy-server) between a
// real nsqd's consumers and the HTTPS sink, the naive forwarder (a new TLS connection per message,
// one handler, no TOUCH) lets messages wait in flight past nsqd's msg-timeout, so nsqd times them out
// and logs E_FIN_FAILED for their late FINs; the shared forwarder at the same rate gets neither.
// Without toxiproxy-server (runtime/scripts/go-tool-bin.sh toxiproxy) this fails, it never skips.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { CleanupOnExit } from '../bench/cleanup-on-exit.js';
import { keyByMessageId } from '../bench/message-bodies.js';
import { DEMO_DEFAULTS } from '../demo/demo-options.js';
import { runSteady, type SteadyRunResult } from '../demo/steady-run.js';
import { startNsqd, type NsqdProcess } from '../harness/nsqd.js';
import { startToxiproxy, type LatencyProxy, type ToxiproxyServer } from '../harness/toxiproxy.js';
import { generateCertificates, type TestCertificates } from '../sink/certificates.js';
import { startHttpsSink, type HttpsSink } from '../sink/https-sink.js';

const SECONDS = 8;
const cleanup = new CleanupOnExit();
let certificates: TestCertificates;
let nsqd: NsqdProcess;
let sink: HttpsSink;
let toxiproxy: ToxiproxyServer;
let wan: LatencyProxy;

before(async () => {
  certificates = await generateCertificates();
  cleanup.add('certificates', () => rm(certificates.dir, { recursive: true, force: true }));
  nsqd = await startNsqd({ msgTimeoutMs: DEMO_DEFAULTS.msgTimeoutMs });
  cleanup.add('nsqd', () => nsqd.stop());
  sink = await startHttpsSink({ certificates, latencyMs: DEMO_DEFAULTS.sinkLatencyMs, responseBytes: DEMO_DEFAULTS.responseBytes, keyOf: keyByMessageId });
  cleanup.add('sink', () => sink.close());
  toxiproxy = await startToxiproxy();
  cleanup.add('toxiproxy', () => toxiproxy.stop());
  wan = await toxiproxy.createLatencyProxy('sink', new URL(sink.url).host, DEMO_DEFAULTS.wanLatencyMs);
});

after(() => cleanup.runAll());

function run(kind: 'naive' | 'shared'): Promise<SteadyRunResult> {
  return runSteady(
    {
      runId: `incident-${Date.now().toString(36)}-${kind}`,
      kind,
      publishRate: DEMO_DEFAULTS.publishRate,
      seconds: SECONDS,
      maxInFlight: DEMO_DEFAULTS.maxInFlight,
      handlers: DEMO_DEFAULTS.handlers,
    },
    { nsqd, sink, certificates, cleanup, postOrigin: `https://${wan.listen}` },
  );
}

test('through WAN latency, naive gets nsqd msg-timeouts and E_FIN_FAILED; shared, at the same rate, none', async () => {
  const naive = await run('naive');
  const shared = await run('shared');
  const describe = (result: SteadyRunResult): string => {
    const { samples, finFailedLines, summary, ...counts } = result;
    return `${JSON.stringify(counts)}\ndepths ${samples.map((sample) => sample.depth).join(' ')}`;
  };

  assert.ok(naive.timeoutCount > 0, `naive: nsqd timed out nothing\n${describe(naive)}`);
  assert.ok(naive.finFailedCount > 0, `naive: nsqd logged no E_FIN_FAILED\n${describe(naive)}`);
  assert.match(naive.finFailedLines[0] ?? '', /E_FIN_FAILED FIN [0-9a-f]+ failed ID not in flight/);
  assert.ok(naive.connections > naive.maxInFlight, `naive should open a connection per message\n${describe(naive)}`);
  assert.ok(naive.finalDepth > shared.finalDepth, `naive's depth should end above shared's\n${describe(naive)}\n${describe(shared)}`);

  assert.equal(shared.timeoutCount, 0, describe(shared));
  assert.equal(shared.finFailedCount, 0, describe(shared));
  assert.ok(shared.connections <= shared.maxInFlight, describe(shared));
  assert.equal(shared.published, Math.round(DEMO_DEFAULTS.publishRate * SECONDS));
});
