import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { rootCertificates } from 'node:tls';
import { loadTrustStore, systemCertificates } from '../src/trust-store.js';

/** Stand-in PEM blocks: the trust store only collects them (HTTPS verification is tested in test/). */
function pem(name: string): string {
  return `-----BEGIN CERTIFICATE-----\n${Buffer.from(name).toString('base64')}\n-----END CERTIFICATE-----`;
}

describe('trust store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keepalive-trust-'));
  const bundle = join(dir, 'bundle.pem');
  writeFileSync(bundle, `${pem('file-1')}\n${pem('file-2')}\n`);
  const certDir = join(dir, 'certs');
  mkdirSync(certDir);
  writeFileSync(join(certDir, 'one.pem'), pem('dir-1'));
  writeFileSync(join(certDir, 'README'), 'not a certificate');
  const extra = join(dir, 'extra.pem');
  writeFileSync(extra, pem('extra'));

  it('SSL_CERT_FILE and SSL_CERT_DIR replace the system locations, as in Go', () => {
    const { certificates } = systemCertificates({ SSL_CERT_FILE: bundle, SSL_CERT_DIR: `${certDir}:/nonexistent` });
    assert.deepEqual(certificates, [pem('file-1'), pem('file-2'), pem('dir-1')]);
  });

  it('--ca-file adds to the system roots, the bundled roots and NODE_EXTRA_CA_CERTS', () => {
    const store = loadTrustStore({ env: { SSL_CERT_FILE: bundle, SSL_CERT_DIR: certDir, NODE_EXTRA_CA_CERTS: extra }, caPem: `${pem('ca-file')}\n${pem('file-1')}` });
    for (const name of ['file-1', 'file-2', 'dir-1', 'extra', 'ca-file']) assert.ok(store.certificates.includes(pem(name)), name);
    assert.ok(store.certificates.includes(rootCertificates[0]!.trim()), 'the bundled roots are kept');
    assert.equal(store.certificates.filter((certificate) => certificate === pem('file-1')).length, 1, 'duplicates are dropped');
    assert.match(store.description, /^system 3, bundled \d+, NODE_EXTRA_CA_CERTS 1, --ca-file 2$/);
    assert.deepEqual(store.warnings, []);
  });

  it('unreadable SSL_CERT_FILE and NODE_EXTRA_CA_CERTS are reported', () => {
    const store = loadTrustStore({ env: { SSL_CERT_FILE: join(dir, 'missing.pem'), SSL_CERT_DIR: certDir, NODE_EXTRA_CA_CERTS: join(dir, 'gone.pem') } });
    assert.deepEqual(store.warnings, [`SSL_CERT_FILE=${join(dir, 'missing.pem')} cannot be read`, `NODE_EXTRA_CA_CERTS=${join(dir, 'gone.pem')} cannot be read`]);
  });
});
