// The CA certificates HTTPS destinations are verified against, the union of what a Go program
// (nsq_to_http) and a Node program trust on the same machine:
// - the system roots, found as Go finds them on Linux: the first readable bundle file
//   (SSL_CERT_FILE replaces the list) plus every file in the certificate directories
//   (SSL_CERT_DIR, colon-separated, replaces the list);
// - Node's bundled Mozilla roots and NODE_EXTRA_CA_CERTS (which Node drops once a `ca` is given);
// - --ca-file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';

/** Go's crypto/x509 list for Linux (root_linux.go). */
const SYSTEM_BUNDLE_FILES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/tls/cacert.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/cert.pem',
];
const SYSTEM_CERT_DIRS = ['/etc/ssl/certs', '/etc/pki/tls/certs'];

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export interface TrustSources {
  env: NodeJS.ProcessEnv;
  /** PEM text from --ca-file. */
  caPem?: string;
}

export interface TrustStore {
  /** Every trusted certificate, PEM, without duplicates. */
  certificates: string[];
  /** Where they came from, with counts, for the start-up log line. */
  description: string;
  /** Files named by SSL_CERT_FILE / NODE_EXTRA_CA_CERTS that could not be read. */
  warnings: string[];
}

function pemCertificates(text: string): string[] {
  return text.match(PEM_CERTIFICATE) ?? [];
}

function tryRead(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Go's system roots: SSL_CERT_FILE (or the first readable bundle) plus the certificate directories. */
export function systemCertificates(env: NodeJS.ProcessEnv): { certificates: string[]; warnings: string[] } {
  const warnings: string[] = [];
  const certificates: string[] = [];
  const files = env.SSL_CERT_FILE ? [env.SSL_CERT_FILE] : SYSTEM_BUNDLE_FILES;
  const bundle = files.map(tryRead).find((text) => text !== undefined);
  if (bundle !== undefined) certificates.push(...pemCertificates(bundle));
  else if (env.SSL_CERT_FILE) warnings.push(`SSL_CERT_FILE=${env.SSL_CERT_FILE} cannot be read`);
  const dirs = env.SSL_CERT_DIR ? env.SSL_CERT_DIR.split(':').filter(Boolean) : SYSTEM_CERT_DIRS;
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const text = tryRead(join(dir, name));
      if (text !== undefined) certificates.push(...pemCertificates(text));
    }
  }
  return { certificates, warnings };
}

export function loadTrustStore(sources: TrustSources): TrustStore {
  const system = systemCertificates(sources.env);
  const warnings = [...system.warnings];
  let extra: string[] = [];
  const extraFile = sources.env.NODE_EXTRA_CA_CERTS;
  if (extraFile) {
    const text = tryRead(extraFile);
    if (text === undefined) warnings.push(`NODE_EXTRA_CA_CERTS=${extraFile} cannot be read`);
    else extra = pemCertificates(text);
  }
  const fromCaFile = sources.caPem ? pemCertificates(sources.caPem) : [];
  const parts: [string, string[]][] = [
    ['system', system.certificates],
    ['bundled', [...rootCertificates]],
    ['NODE_EXTRA_CA_CERTS', extra],
    ['--ca-file', fromCaFile],
  ];
  const unique = new Set<string>();
  for (const [, certificates] of parts) for (const certificate of certificates) unique.add(certificate.trim());
  return {
    certificates: [...unique],
    description: parts.filter(([, list]) => list.length > 0).map(([name, list]) => `${name} ${list.length}`).join(', '),
    warnings,
  };
}
