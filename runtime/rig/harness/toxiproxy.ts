// A real toxiproxy-server (Toxiproxy v2.5.0, built by runtime/scripts/go-tool-bin.sh) on loopback,
// driven through its HTTP API, to put WAN latency between a forwarder and the HTTPS sink. The
// latency toxic delays every chunk of data in one direction, so it is added both ways: a request on
// a kept-alive connection pays one round trip, a new connection also pays the TLS handshake's.
import { createServer, type AddressInfo } from 'node:net';
import { request } from 'undici';
import { spawnLogged, waitUntil, type LoggedProcess } from './daemon-process.js';
import { findToxiproxyServer } from './go-tool-binaries.js';

export interface LatencyProxy {
  name: string;
  /** host:port that forwards to `upstream` with the latency set. */
  listen: string;
  upstream: string;
  /** Latency added to each direction, in ms (a round trip costs twice this). */
  setLatency(perDirectionMs: number): Promise<void>;
  delete(): Promise<void>;
}

export interface ToxiproxyServer {
  /** The API's base URL, e.g. http://127.0.0.1:41234 */
  apiUrl: string;
  /** A proxy on a free loopback port to `upstream` (host:port), with `perDirectionMs` latency each way. */
  createLatencyProxy(name: string, upstream: string, perDirectionMs: number): Promise<LatencyProxy>;
  stop(): Promise<void>;
}

const DIRECTIONS = ['upstream', 'downstream'] as const;

/** A free loopback port for the API (toxiproxy-server has no port-0 announcement to read back). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function call(apiUrl: string, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
  const response = await request(`${apiUrl}${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  const text = await response.body.text();
  if (response.statusCode >= 300) throw new Error(`toxiproxy ${method} ${path}: ${response.statusCode} ${text.trim()}`);
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

export async function startToxiproxy(): Promise<ToxiproxyServer> {
  const binary = findToxiproxyServer();
  const port = await freePort();
  const server: LoggedProcess = spawnLogged(binary, ['-host', '127.0.0.1', '-port', String(port)]);
  const apiUrl = `http://127.0.0.1:${port}`;
  let startError: Error | undefined;
  server.child.once('error', (error) => {
    startError = new Error(`toxiproxy-server could not be started from ${binary}: ${error.message}`);
  });
  try {
    await waitUntil(`toxiproxy-server API at ${apiUrl}`, async () => {
      if (startError) throw startError;
      if (server.child.exitCode !== null) throw new Error(`toxiproxy-server exited (code ${server.child.exitCode}):\n${server.recentLog()}`);
      await call(apiUrl, 'GET', '/proxies');
    }, 15_000);
  } catch (error) {
    await server.stop();
    throw error;
  }

  return {
    apiUrl,
    async createLatencyProxy(name, upstream, perDirectionMs) {
      const created = (await call(apiUrl, 'POST', '/proxies', { name, listen: '127.0.0.1:0', upstream, enabled: true })) as { listen?: string };
      if (typeof created?.listen !== 'string' || created.listen.endsWith(':0')) {
        throw new Error(`toxiproxy did not report the port of proxy ${name}: ${JSON.stringify(created)}`);
      }
      for (const stream of DIRECTIONS) {
        await call(apiUrl, 'POST', `/proxies/${name}/toxics`, {
          name: `latency_${stream}`,
          type: 'latency',
          stream,
          toxicity: 1,
          attributes: { latency: perDirectionMs, jitter: 0 },
        });
      }
      return {
        name,
        listen: created.listen,
        upstream,
        async setLatency(ms) {
          for (const stream of DIRECTIONS) {
            await call(apiUrl, 'POST', `/proxies/${name}/toxics/latency_${stream}`, { attributes: { latency: ms, jitter: 0 } });
          }
        },
        async delete() {
          await call(apiUrl, 'DELETE', `/proxies/${name}`);
        },
      };
    },
    stop: () => server.stop(),
  };
}
