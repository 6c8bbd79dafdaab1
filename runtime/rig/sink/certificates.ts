// A throw-away certificate authority and a server certificate it signed, made fresh for each test
// run or demo with the openssl CLI, so HTTPS on loopback is verified like in production: clients
// trust the run's CA through `ca` / `--ca-file` and nothing else.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface TestCertificates {
  /** Directory holding every file below. */
  dir: string;
  /** PEM file of the CA certificate: what `--ca-file` and `NODE_EXTRA_CA_CERTS` take. */
  caFile: string;
  caCertPem: string;
  /** Server certificate for 127.0.0.1 and localhost (subjectAltName), signed by the CA. */
  serverCertPem: string;
  serverKeyPem: string;
}

/** The openssl binary; `OPENSSL` overrides the one on PATH. */
const OPENSSL = process.env.OPENSSL ?? 'openssl';

/** Long enough for any run, short enough that a leaked CA is useless tomorrow. */
const VALID_DAYS = '2';

/** P-256 keys: generated in milliseconds and cheap to handshake with, in Node and in Go alike. */
const KEY_OPTIONS = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

const SERVER_EXTENSIONS = [
  'basicConstraints = critical, CA:FALSE',
  'keyUsage = critical, digitalSignature, keyEncipherment',
  'extendedKeyUsage = serverAuth',
  'subjectAltName = IP:127.0.0.1, DNS:localhost',
  'subjectKeyIdentifier = hash',
  'authorityKeyIdentifier = keyid, issuer',
].join('\n');

async function openssl(args: string[], cwd: string): Promise<void> {
  try {
    await execFileAsync(OPENSSL, args, { cwd });
  } catch (error) {
    const detail = error as NodeJS.ErrnoException & { stderr?: string };
    if (detail.code === 'ENOENT') {
      throw new Error(`generateCertificates: the openssl CLI was not found (looked for "${OPENSSL}"; set OPENSSL or install openssl)`);
    }
    throw new Error(`generateCertificates: openssl ${args[0]} failed: ${(detail.stderr ?? String(error)).trim()}`);
  }
}

/**
 * Creates a new CA and a server certificate signed by it in `dir` (a new temp directory when
 * omitted). Every call makes a different CA, so nothing from an earlier run is trusted.
 */
export async function generateCertificates(dir?: string): Promise<TestCertificates> {
  let target: string;
  if (dir === undefined) {
    target = await mkdtemp(join(tmpdir(), 'keepalive-ca-'));
  } else {
    target = resolve(dir);
    await mkdir(target, { recursive: true });
  }
  const runId = randomBytes(6).toString('hex');

  await openssl(
    [
      'req', '-x509', ...KEY_OPTIONS,
      '-keyout', 'ca.key', '-out', 'ca.pem', '-days', VALID_DAYS,
      '-subj', `/O=keepalive tests/CN=keepalive test CA ${runId}`,
      '-addext', 'basicConstraints=critical,CA:TRUE',
      '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
    ],
    target,
  );
  await openssl(
    ['req', '-new', ...KEY_OPTIONS, '-keyout', 'server.key', '-out', 'server.csr', '-subj', `/O=keepalive tests/CN=localhost`],
    target,
  );
  await writeFile(join(target, 'server.ext'), `${SERVER_EXTENSIONS}\n`);
  await openssl(
    [
      'x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key',
      '-set_serial', `0x${randomBytes(8).toString('hex')}`,
      '-days', VALID_DAYS, '-extfile', 'server.ext', '-out', 'server.pem',
    ],
    target,
  );

  const [caCertPem, serverCertPem, serverKeyPem] = await Promise.all([
    readFile(join(target, 'ca.pem'), 'utf8'),
    readFile(join(target, 'server.pem'), 'utf8'),
    readFile(join(target, 'server.key'), 'utf8'),
  ]);
  return { dir: target, caFile: join(target, 'ca.pem'), caCertPem, serverCertPem, serverKeyPem };
}
