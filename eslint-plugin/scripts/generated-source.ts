/**
 * Realistic TypeScript service code of a chosen length, for the scaling case of `npm run bench:lint`.
 *
 * The text is a module header (imports of the HTTP clients the rules know, shared agents and pools, an
 * Express app) followed by numbered sections of about 160 lines, each the kind of code a service
 * file holds: fetch/undici/axios/http wrappers that check the status before reading the body,
 * route handlers, a service class whose methods call each other and a shared client, queue
 * callbacks, retry loops, lazily built clients and plain data helpers. One section in ten carries
 * the bugs the rules exist for (a client per request, an unread body, keep-alive off), as real code
 * does. Deterministic: the same length always gives the same text.
 */

const HEADER = `import http from 'node:http';
import https from 'node:https';
import { EventEmitter } from 'node:events';
import axios from 'axios';
import express from 'express';
import { Agent, Pool, request } from 'undici';

const BASE = process.env.API_BASE ?? 'https://api.example.com';
const keepAliveAgent = new https.Agent({ keepAlive: true, maxSockets: 64 });
const pool = new Pool(BASE, { connections: 32 });
const dispatcher = new Agent({ keepAliveTimeout: 10_000 });
const api = axios.create({ baseURL: BASE, httpsAgent: keepAliveAgent, timeout: 5_000 });
const app = express();
const events = new EventEmitter();

interface Item {
  id: string;
  name: string;
  tags: string[];
  price: number;
}

type Handler = (payload: Record<string, unknown>) => Promise<void>;
`;

/** One section of code, numbered `n` so that every name is unique in the file. */
function section(n: number): string {
  const buggy = n % 10 === 7;
  return `
// ---------------------------------------------------------------- section ${n}

export async function getItem${n}(id: string): Promise<Item> {
  const res = await fetch(\`\${BASE}/items/${n}/\${encodeURIComponent(id)}\`, {
    headers: { accept: 'application/json' },
    dispatcher,
  });
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(\`item \${id}: HTTP \${res.status}\`);
  }
  const item = (await res.json()) as Item;
  return { ...item, tags: item.tags ?? [] };
}

export async function postEvent${n}(kind: string, data: unknown): Promise<number> {
  const res = await fetch(\`\${BASE}/events/${n}\`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind, data, at: Date.now() }),
  });
  ${buggy ? '' : 'await res.arrayBuffer();'}
  return res.status;
}

async function readStock${n}(sku: string): Promise<number> {
  const { statusCode, body } = await request(\`\${BASE}/stock/${n}/\${sku}\`, { dispatcher: pool });
  if (statusCode === 404) {
    ${buggy ? 'return 0;' : 'await body.dump();\n    return 0;'}
  }
  const json = (await body.json()) as { count?: number };
  return typeof json.count === 'number' ? json.count : 0;
}

function ping${n}(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = https.get({ host, path: '/health/${n}', agent: keepAliveAgent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.setTimeout(2_000, () => req.destroy(new Error('timeout')));
  });
}

app.get('/items/${n}/:id', async (req, res, next) => {
  try {
    ${buggy ? "const perRequest = new https.Agent({ maxSockets: 4 });\n    const reply = await api.get(`/items/${req.params.id}`, { httpsAgent: perRequest });" : 'const reply = await api.get(`/items/${req.params.id}`);'}
    const stock = await readStock${n}(req.params.id);
    const item = await getItem${n}(req.params.id);
    res.json({ item, stock, cached: reply.headers['x-cache'] === 'HIT' });
  } catch (error) {
    next(error);
  }
});

app.post('/items/${n}', async (req, res) => {
  const payload = req.body as Partial<Item>;
  const errors = validate${n}(payload);
  if (errors.length > 0) {
    res.status(400).json({ errors });
    return;
  }
  const status = await postEvent${n}('created', payload);
  res.status(status === 202 ? 201 : 500).end();
});

function validate${n}(payload: Partial<Item>): string[] {
  const errors: string[] = [];
  if (!payload.id || payload.id.length > 64) errors.push('id');
  if (!payload.name) errors.push('name');
  if (typeof payload.price !== 'number' || payload.price < 0) errors.push('price');
  for (const tag of payload.tags ?? []) {
    if (!/^[a-z0-9-]+$/.test(tag)) errors.push(\`tag \${tag}\`);
  }
  return errors;
}

export class CatalogService${n} {
  private readonly cache = new Map<string, Item>();
  private client: Pool | undefined;

  constructor(private readonly origin: string, private readonly retries = 3) {}

  private pool(): Pool {
    if (!this.client) this.client = new Pool(this.origin, { connections: 8 });
    return this.client;
  }

  async find(id: string): Promise<Item | undefined> {
    const hit = this.cache.get(id);
    if (hit) return hit;
    for (let attempt = 0; attempt < this.retries; attempt++) {
      const { statusCode, body } = await this.pool().request({ path: \`/items/\${id}\`, method: 'GET' });
      if (statusCode >= 500) {
        await body.dump();
        continue;
      }
      const item = (await body.json()) as Item;
      this.cache.set(id, item);
      return item;
    }
    return undefined;
  }

  async findMany(ids: readonly string[]): Promise<Item[]> {
    const items = await Promise.all(ids.map((id) => this.find(id)));
    return items.filter((item): item is Item => item !== undefined);
  }

  async close(): Promise<void> {
    this.cache.clear();
    await this.client?.close();
  }
}

const onOrder${n}: Handler = async (payload) => {
  const service = new CatalogService${n}(BASE);
  const ids = Array.isArray(payload.ids) ? payload.ids.map(String) : [];
  const items = await service.findMany(ids);
  const total = items.reduce((sum, item) => sum + item.price, 0);
  events.emit('order-total', { section: ${n}, total });
};

events.on('order', (payload: Record<string, unknown>) => {
  onOrder${n}(payload).catch((error: unknown) => console.error('order ${n}', error));
});

export function legacyGet${n}(path: string, done: (error: Error | null, body?: string) => void): void {
  http
    .get({ host: 'legacy.internal', path, headers: { accept: 'text/plain' }${buggy ? ', agent: false' : ''} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done(null, text));
    })
    .on('error', (error) => done(error));
}

export async function pingAll${n}(hosts: readonly string[]): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const host of hosts) {
    result[host] = await ping${n}(host).catch(() => -1);
  }
  return result;
}
`;
}

/** About `lines` lines of service code (never fewer than one section). */
export function generatedSource(lines: number): string {
  const sections: string[] = [HEADER];
  let count = HEADER.split('\n').length;
  for (let n = 1; count < lines; n++) {
    const text = section(n);
    sections.push(text);
    count += text.split('\n').length - 1;
  }
  return sections.join('');
}
