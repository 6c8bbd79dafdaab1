// The probe against real HTTPS on loopback (CA generated per run), for undici, global fetch and
// node:https, with and without connection reuse.
import assert from 'node:assert/strict';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import { rm } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { Agent } from 'undici';
import { watchConnections } from '../src/probe.js';
import { generateCertificates, type TestCertificates } from '../rig/sink/certificates.js';
import { startHttpsSink, type HttpsSink } from '../rig/sink/https-sink.js';

function nodeHttpsPost(url: string, agent: HttpsAgent, ca: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { method: 'POST', agent, ca }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end('x');
  });
}

describe('watchConnections', () => {
  let certificates: TestCertificates;
  let sink: HttpsSink;
  before(async () => {
    certificates = await generateCertificates();
    sink = await startHttpsSink({ certificates });
  });
  after(async () => {
    await sink.close();
    await rm(certificates.dir, { recursive: true, force: true });
  });

  it('counts one connection for sequential undici requests through one single-connection Agent', async () => {
    const probe = watchConnections();
    // With an unlimited pool undici may open a second connection for the request that follows a
    // dump() (the first client is not idle yet when dump() resolves), so the exact count uses 1.
    const agent = new Agent({ connections: 1, connect: { ca: certificates.caCertPem } });
    try {
      for (let i = 0; i < 5; i += 1) {
        const response = await agent.request({ origin: sink.url, path: '/a', method: 'POST', body: 'x' });
        await response.body.dump();
      }
    } finally {
      await agent.close();
      probe.stop();
    }
    const counts = probe.origin(sink.url);
    assert.equal(counts.requests, 5);
    assert.equal(counts.connections, 1);
    assert.equal(counts.tlsHandshakes, 1);
    probe.assertReuse({ origin: sink.url, maxConnections: 1, minRequestsPerConnection: 5 });
  });

  it('with requests: false, counts undici connections and emits no request events', async () => {
    const probe = watchConnections({ requests: false });
    const kinds: string[] = [];
    probe.onEvent((event) => kinds.push(event.kind));
    const agent = new Agent({ connections: 1, connect: { ca: certificates.caCertPem } });
    try {
      for (let i = 0; i < 3; i += 1) {
        const response = await agent.request({ origin: sink.url, path: '/c', method: 'POST', body: 'x' });
        await response.body.dump();
      }
    } finally {
      await agent.close();
      probe.stop();
    }
    assert.deepEqual(kinds, ['connection']);
    assert.deepEqual({ ...probe.origin(sink.url), tlsSessionsResumed: 0 }, { requests: 0, connections: 1, tlsHandshakes: 1, tlsSessionsResumed: 0, connectErrors: 0 });
  });

  it('counts a connection per request for a new client per request, and assertReuse fails', async () => {
    const probe = watchConnections();
    try {
      for (let i = 0; i < 4; i += 1) {
        const agent = new Agent({ connect: { ca: certificates.caCertPem } });
        const response = await agent.request({ origin: sink.url, path: '/b', method: 'POST', body: 'x' });
        await response.body.dump();
        await agent.close();
      }
    } finally {
      probe.stop();
    }
    assert.deepEqual({ ...probe.origin(sink.url), tlsSessionsResumed: 0 }, { requests: 4, connections: 4, tlsHandshakes: 4, tlsSessionsResumed: 0, connectErrors: 0 });
    assert.throws(() => probe.assertReuse({ origin: sink.url, maxConnections: 1 }), /connection reuse check failed for https:\/\/127\.0\.0\.1:\d+: 4 new connections > allowed 1/);
  });

  it('sees node:https requests and whether their socket was reused', async () => {
    const probe = watchConnections();
    const keepAlive = new HttpsAgent({ keepAlive: true, maxSockets: 1 });
    const noKeepAlive = new HttpsAgent({ keepAlive: false });
    try {
      for (let i = 0; i < 3; i += 1) await nodeHttpsPost(`${sink.url}/c`, keepAlive, certificates.caCertPem);
      const reused = probe.origin(sink.url);
      assert.equal(reused.requests, 3);
      assert.equal(reused.connections, 1);
      for (let i = 0; i < 3; i += 1) await nodeHttpsPost(`${sink.url}/d`, noKeepAlive, certificates.caCertPem);
    } finally {
      keepAlive.destroy();
      noKeepAlive.destroy();
      probe.stop();
    }
    const all = probe.origin(sink.url);
    assert.equal(all.requests, 6);
    assert.equal(all.connections, 4);
    assert.equal(all.tlsHandshakes, 4);
  });

  it('counts TLS verification failures as connect errors', async () => {
    const probe = watchConnections();
    const agent = new Agent(); // the run's CA is not trusted
    try {
      await assert.rejects(agent.request({ origin: sink.url, path: '/e', method: 'GET' }));
    } finally {
      await agent.close();
      probe.stop();
    }
    assert.equal(probe.origin(sink.url).connectErrors, 1);
    assert.equal(probe.origin(sink.url).connections, 0);
  });

  it('stops counting after stop()', async () => {
    const probe = watchConnections();
    probe.stop();
    const agent = new Agent({ connect: { ca: certificates.caCertPem } });
    const response = await agent.request({ origin: sink.url, path: '/f', method: 'GET' });
    await response.body.dump();
    await agent.close();
    assert.deepEqual(probe.report().total.requests, 0);
  });
});
