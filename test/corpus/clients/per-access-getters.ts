import https from 'node:https';
import express from 'express';
import { Pool } from 'undici';

class SearchGateway {
  constructor(private readonly origin: string) {}

  /** Looks like a field, but builds a new pool on every access. */
  get pool(): Pool {
    return new Pool(this.origin, { connections: 4 }); // expect: no-client-per-request
  }

  async search(query: string): Promise<unknown> {
    const { body } = await this.pool.request({ path: `/search?q=${encodeURIComponent(query)}`, method: 'GET' });
    return body.json();
  }
}

class SuggestGateway {
  #pool: Pool | undefined;

  constructor(private readonly origin: string) {}

  get pool(): Pool {
    this.#pool ??= new Pool(this.origin, { connections: 4 });
    return this.#pool;
  }

  async suggest(prefix: string): Promise<unknown> {
    const { body } = await this.pool.request({ path: `/suggest?prefix=${encodeURIComponent(prefix)}`, method: 'GET' });
    return body.json();
  }
}

class MetricsPusher {
  private agent: https.Agent | undefined;

  push(sample: Record<string, number>): void {
    this.agent = new https.Agent({ keepAlive: true, maxSockets: 1 }); // expect: no-client-per-request
    const req = https.request('https://metrics.example.com/push', { method: 'POST', agent: this.agent }, (res) => res.resume());
    req.on('error', () => undefined);
    req.end(JSON.stringify(sample));
  }
}

class AuditPusher {
  private agent: https.Agent | undefined;

  push(entry: Record<string, string>): void {
    if (!this.agent) this.agent = new https.Agent({ keepAlive: true, maxSockets: 1 });
    const req = https.request('https://audit.example.com/entries', { method: 'POST', agent: this.agent }, (res) => res.resume());
    req.on('error', () => undefined);
    req.end(JSON.stringify(entry));
  }
}

const search = new SearchGateway('https://search.internal.example.com');
const suggest = new SuggestGateway('https://suggest.internal.example.com');
const metrics = new MetricsPusher();
const audit = new AuditPusher();

const app = express();

app.get('/search', async (req, res) => {
  const started = Date.now();
  const results = await search.search(String(req.query.q ?? ''));
  metrics.push({ searchMs: Date.now() - started });
  audit.push({ query: String(req.query.q ?? ''), user: String(req.headers['x-user'] ?? 'anonymous') });
  res.json(results);
});

app.get('/suggest', async (req, res) => {
  res.json(await suggest.suggest(String(req.query.prefix ?? '')));
});

app.listen(3000);
