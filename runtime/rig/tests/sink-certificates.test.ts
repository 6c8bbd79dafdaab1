import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateCertificates } from '../sink/certificates.js';

test('generateCertificates makes a CA and a server certificate for 127.0.0.1 and localhost', async () => {
  const certificates = await generateCertificates();
  try {
    const ca = new X509Certificate(certificates.caCertPem);
    const server = new X509Certificate(certificates.serverCertPem);
    assert.equal(ca.ca, true);
    assert.equal(server.ca, false);
    assert.equal(server.verify(ca.publicKey), true, 'server certificate is signed by the CA');
    assert.equal(server.checkIssued(ca), true);
    assert.equal(server.checkIP('127.0.0.1'), '127.0.0.1');
    assert.equal(server.checkHost('localhost'), 'localhost');
    assert.equal(server.checkHost('example.com'), undefined);
    assert.equal(server.checkPrivateKey(createPrivateKey(certificates.serverKeyPem)), true);
    assert.equal(readFileSync(certificates.caFile, 'utf8'), certificates.caCertPem);
  } finally {
    await rm(certificates.dir, { recursive: true, force: true });
  }
});

test('every call makes a different CA', async () => {
  const first = await generateCertificates();
  const second = await generateCertificates();
  try {
    assert.notEqual(first.dir, second.dir);
    assert.notEqual(first.caCertPem, second.caCertPem);
    const secondServer = new X509Certificate(second.serverCertPem);
    assert.equal(secondServer.verify(new X509Certificate(first.caCertPem).publicKey), false);
  } finally {
    await rm(first.dir, { recursive: true, force: true });
    await rm(second.dir, { recursive: true, force: true });
  }
});

test('generateCertificates writes into a given directory, creating it', async () => {
  const parent = await mkdtemp(join(tmpdir(), 'keepalive-ca-test-'));
  try {
    const dir = join(parent, 'nested', 'certs');
    const certificates = await generateCertificates(dir);
    assert.equal(certificates.dir, dir);
    assert.equal(certificates.caFile, join(dir, 'ca.pem'));
    assert.ok(existsSync(join(dir, 'server.pem')));
  } finally {
    await rm(parent, { recursive: true, force: true });
  }
});
