// Other ways the same bug gets written: each function below works, and each one quietly gives up
// connection reuse. `npm run demo` lints this file next to the NSQ consumer.
import https from 'node:https';
import { request } from 'undici';

// Created to set maxSockets and a CA; keepAlive defaults to false, so this agent pools nothing.
const agent = new https.Agent({ maxSockets: 16, ca: process.env.CA_PEM });

/** Posts one event with node:https and resolves with the status code. */
export function postEvent(url, event) {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      // Only the status is needed... but an unread response keeps its socket forever.
      resolve(res.statusCode);
    });
    req.on('error', reject);
    req.end(JSON.stringify(event));
  });
}

/** Health check with undici: the body is never read or dumped. */
export async function isHealthy(origin) {
  const { statusCode } = await request(new URL('/health', origin));
  return statusCode === 200;
}

/** A one-off GET that opts out of pooling altogether. */
export function fetchConfig(url, onConfig) {
  https.get(url, { agent: false }, (res) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk) => (text += chunk));
    res.on('end', () => onConfig(JSON.parse(text)));
  });
}
