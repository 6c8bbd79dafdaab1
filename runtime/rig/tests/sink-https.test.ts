import assert from 'node:assert/strict';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { after, before, test } from 'node:test';
import { Agent, request } from 'undici';
import { generateCertificates, type TestCertificates } from '../sink/certificates.js';
import { startHttpsSink } from '../sink/https-sink.js';

let certificates: TestCertificates;
before(async () => {
  certificates = await generateCertificates();
});
after(async () => {
  await rm(certificates.dir, { recursive: true, force: true });
});

/** One POST through node's https module; resolves with status, headers and the drained body size. */
function postWithNodeHttps(url: string, agent: HttpsAgent | false, key: string, body = 'payload') {
  return new Promise<{ status: number; headers: Record<string, unknown>; bytes: number }>((resolve, reject) => {
    const req = httpsRequest(
      `${url}/ingest`,
      { method: 'POST', agent, ca: certificates.caCertPem, headers: { 'idempotency-key': key } },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

test('a keep-alive undici Agent costs one connection and one handshake for many requests', async () => {
  const sink = await startHttpsSink({ certificates, responseBytes: 1000 });
  // connections: 1 — an unlimited pool may dial a second socket when a request follows the previous
  // response's end in the same tick, before undici marks the first socket idle (seen with undici 7.30).
  const agent = new Agent({ connections: 1, connect: { ca: certificates.caCertPem } });
  try {
    for (let i = 0; i < 10; i += 1) {
      const res = await request(`${sink.url}/ingest`, {
        method: 'POST',
        dispatcher: agent,
        headers: { 'idempotency-key': `k${i}` },
        body: `message ${i}`,
      });
      assert.equal(res.statusCode, 200);
      assert.equal((await res.body.arrayBuffer()).byteLength, 1000);
    }
    assert.deepEqual(sink.stats(), {
      requests: 10,
      connections: 1,
      tlsHandshakes: 1,
      delivered: 10,
      byStatus: { '200': 10 },
      openConnections: 1,
    });
    assert.equal(sink.deliveredBodies().get('k3')?.toString(), 'message 3');
  } finally {
    await agent.close();
    await sink.close();
  }
});

test('node https without an agent opens a connection and a handshake per request', async () => {
  const sink = await startHttpsSink({ certificates });
  try {
    for (let i = 0; i < 5; i += 1) {
      const { status } = await postWithNodeHttps(sink.url, false, `n${i}`);
      assert.equal(status, 200);
    }
    const stats = sink.stats();
    assert.equal(stats.requests, 5);
    assert.equal(stats.connections, 5);
    assert.equal(stats.tlsHandshakes, 5);
  } finally {
    await sink.close();
  }
});

test('deliveries are de-duplicated by Idempotency-Key and seenBefore counts earlier requests', async () => {
  const seen: Array<[string | undefined, number]> = [];
  const sink = await startHttpsSink({
    certificates,
    respond: (req) => {
      seen.push([req.key, req.seenBefore]);
      return undefined;
    },
  });
  const agent = new HttpsAgent({ keepAlive: true, ca: certificates.caCertPem });
  try {
    await postWithNodeHttps(sink.url, agent, 'same', 'first');
    await postWithNodeHttps(sink.url, agent, 'same', 'second');
    await postWithNodeHttps(sink.url, agent, 'other');
    assert.deepEqual(seen, [['same', 0], ['same', 1], ['other', 0]]);
    assert.deepEqual(sink.deliveredKeys(), new Set(['same', 'other']));
    assert.equal(sink.deliveredBodies().get('same')?.toString(), 'first');
    assert.equal(sink.stats().delivered, 2);
    assert.equal(sink.stats().requests, 3);
    assert.equal(sink.stats().connections, 1, 'a keepAlive https.Agent reuses its socket');
  } finally {
    agent.destroy();
    await sink.close();
  }
});

test('faults: a key answered 503 first is delivered only once it gets a 2xx', async () => {
  const sink = await startHttpsSink({
    certificates,
    respond: (req) => (req.seenBefore === 0 ? { status: 503, headers: { 'retry-after': '1' }, bodyBytes: 5 } : undefined),
  });
  const agent = new HttpsAgent({ keepAlive: true, ca: certificates.caCertPem });
  try {
    const first = await postWithNodeHttps(sink.url, agent, 'retry-me');
    assert.equal(first.status, 503);
    assert.equal(first.headers['retry-after'], '1');
    assert.equal(first.bytes, 5);
    assert.equal(sink.stats().delivered, 0);
    const second = await postWithNodeHttps(sink.url, agent, 'retry-me');
    assert.equal(second.status, 200);
    assert.deepEqual(sink.stats().byStatus, { '200': 1, '503': 1 });
    assert.equal(sink.stats().delivered, 1);
  } finally {
    agent.destroy();
    await sink.close();
  }
});

test('setResponder swaps behaviour mid-run, and a throwing responder answers 500', async () => {
  const sink = await startHttpsSink({ certificates });
  const agent = new HttpsAgent({ keepAlive: true, ca: certificates.caCertPem });
  try {
    sink.setResponder(() => ({ status: 400 }));
    assert.equal((await postWithNodeHttps(sink.url, agent, 'a')).status, 400);
    sink.setResponder(() => {
      throw new Error('boom');
    });
    assert.equal((await postWithNodeHttps(sink.url, agent, 'b')).status, 500);
    sink.setResponder(undefined);
    assert.equal((await postWithNodeHttps(sink.url, agent, 'c')).status, 200);
    assert.deepEqual(sink.stats().byStatus, { '400': 1, '500': 1, '200': 1 });
    assert.deepEqual(sink.deliveredKeys(), new Set(['c']));
  } finally {
    agent.destroy();
    await sink.close();
  }
});

test('a stalled answer abandoned by the client is not counted as delivered', async () => {
  const sink = await startHttpsSink({ certificates, respond: () => ({ stallMs: 60_000 }) });
  const agent = new Agent({ connect: { ca: certificates.caCertPem } });
  try {
    const controller = new AbortController();
    const pending = request(`${sink.url}/slow`, {
      method: 'POST',
      dispatcher: agent,
      headers: { 'idempotency-key': 'stalled' },
      body: 'x',
      signal: controller.signal,
    });
    // Abort once the sink has the request, so the abandon happens during the stall.
    for (let i = 0; i < 200 && sink.stats().requests === 0; i += 1) await new Promise((r) => setTimeout(r, 10));
    assert.equal(sink.stats().requests, 1);
    controller.abort();
    await assert.rejects(pending);
    assert.equal(sink.stats().delivered, 0);
    assert.deepEqual(sink.stats().byStatus, {});
  } finally {
    await agent.close();
    await sink.close();
  }
});

test('a client that does not trust the run CA is refused', async () => {
  const sink = await startHttpsSink({ certificates });
  const agent = new Agent();
  try {
    await assert.rejects(request(sink.url, { dispatcher: agent }), (error: NodeJS.ErrnoException) => {
      assert.match(String(error.code), /UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED|UNABLE_TO_GET_ISSUER/);
      return true;
    });
    assert.equal(sink.stats().connections, 1);
    assert.equal(sink.stats().requests, 0);
  } finally {
    await agent.close();
    await sink.close();
  }
});

test('close() destroys open keep-alive sockets and stalled requests', async () => {
  const sink = await startHttpsSink({ certificates, latencyMs: 60_000 });
  const agent = new HttpsAgent({ keepAlive: true, ca: certificates.caCertPem });
  try {
    const req = httpsRequest(`${sink.url}/`, { method: 'POST', agent });
    const failed = once(req, 'error');
    req.end('x');
    for (let i = 0; i < 200 && sink.stats().requests === 0; i += 1) await new Promise((r) => setTimeout(r, 10));
    await sink.close();
    const [error] = (await failed) as [NodeJS.ErrnoException];
    assert.equal(error.code, 'ECONNRESET');
  } finally {
    agent.destroy();
  }
});

test('bad options are refused with the option named', async () => {
  await assert.rejects(startHttpsSink({ certificates, latencyMs: -1 }), /latencyMs/);
  await assert.rejects(startHttpsSink({ certificates, responseBytes: Number.NaN }), /responseBytes/);
  await assert.rejects(startHttpsSink({ certificates: undefined as unknown as TestCertificates }), /certificates/);
});

test('keyOf picks the de-duplication key, and reset() starts a new run on the same sink', async () => {
  const sink = await startHttpsSink({ certificates, keyOf: (_headers, body) => body.toString().split(' ')[0] });
  const agent = new HttpsAgent({ keepAlive: true, ca: certificates.caCertPem });
  try {
    assert.deepEqual(sink.timeline(), {});
    await postWithNodeHttps(sink.url, agent, 'ignored-1', 'm1 first');
    await postWithNodeHttps(sink.url, agent, 'ignored-2', 'm1 again');
    await postWithNodeHttps(sink.url, agent, 'ignored-3', 'm2');
    assert.deepEqual(sink.deliveredKeys(), new Set(['m1', 'm2']));
    const { firstRequestAt, lastDeliveryAt } = sink.timeline();
    assert.ok(firstRequestAt !== undefined && lastDeliveryAt !== undefined && lastDeliveryAt >= firstRequestAt);
    sink.reset();
    assert.deepEqual(sink.stats(), { requests: 0, connections: 0, tlsHandshakes: 0, delivered: 0, byStatus: {}, openConnections: 1 });
    assert.deepEqual(sink.timeline(), {});
    await postWithNodeHttps(sink.url, agent, 'ignored-4', 'm1 after reset');
    assert.equal(sink.stats().delivered, 1);
    assert.equal(sink.stats().connections, 0, 'the kept-alive socket from before the reset is reused');
  } finally {
    agent.destroy();
    await sink.close();
  }
});

test('a client that leaves large bodies unread keeps its connections open at the sink', async () => {
  const sink = await startHttpsSink({ certificates, responseBytes: 1024 * 1024 });
  const agent = new HttpsAgent({ keepAlive: true, ca: certificates.caCertPem });
  const abandoned: Array<import('node:http').IncomingMessage> = [];
  try {
    for (let i = 0; i < 3; i += 1) {
      await new Promise<void>((resolve, reject) => {
        const req = httpsRequest(`${sink.url}/`, { method: 'POST', agent }, (res) => {
          abandoned.push(res); // never read: the socket cannot go back to the agent
          resolve();
        });
        req.on('error', reject);
        req.end(`leak ${i}`);
      });
    }
    assert.equal(sink.stats().connections, 3);
    assert.equal(sink.stats().openConnections, 3);
  } finally {
    for (const res of abandoned) res.destroy();
    agent.destroy();
    await sink.close();
  }
});

test('waitForIdle resolves once connections are closed and no new one arrives', async () => {
  const sink = await startHttpsSink({ certificates });
  const agent = new HttpsAgent({ keepAlive: true, ca: certificates.caCertPem });
  try {
    await postWithNodeHttps(sink.url, agent, 'a');
    assert.deepEqual(await sink.waitForIdle({ quietMs: 10, timeoutMs: 50 }), { idle: false, openConnections: 1 });
    agent.destroy();
    assert.deepEqual(await sink.waitForIdle({ quietMs: 10, timeoutMs: 10_000 }), { idle: true, openConnections: 0 });
  } finally {
    agent.destroy();
    await sink.close();
  }
});
