import http from 'node:http';
import https from 'node:https';

/** Promisified GET: resolves with the IncomingMessage, which the caller must read or drain. */
export function get(url, options = {}) {
  const client = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    client.get(url, options, resolve).on('error', reject);
  });
}
