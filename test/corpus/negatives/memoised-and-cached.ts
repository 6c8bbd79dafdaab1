import https from 'node:https';
import { Agent, Pool } from 'undici';
import express from 'express';

let sharedAgent: https.Agent | undefined;

function getAgent(): https.Agent {
  if (!sharedAgent) sharedAgent = new https.Agent({ keepAlive: true, maxSockets: 32 });
  return sharedAgent;
}

let fallback: Agent | null = null;
function fallbackDispatcher(): Agent {
  fallback ||= new Agent({ connections: 4 });
  return fallback;
}

const poolsByOrigin = new Map<string, Pool>();

function poolFor(origin: string): Pool {
  let pool = poolsByOrigin.get(origin);
  if (!pool) {
    pool = new Pool(origin, { connections: 8 });
    poolsByOrigin.set(origin, pool);
  }
  return pool;
}

const tenantAgents = new Map<string, https.Agent>();

function agentForTenant(tenant: { id: string; cert: string; key: string }): https.Agent {
  const existing = tenantAgents.get(tenant.id);
  if (existing) return existing;
  const agent = new https.Agent({ keepAlive: true, cert: tenant.cert, key: tenant.key });
  tenantAgents.set(tenant.id, agent);
  return agent;
}

class Upstream {
  private client?: Pool;

  constructor(private readonly origin: string) {}

  private pool(): Pool {
    this.client ??= new Pool(this.origin, { connections: 16 });
    return this.client;
  }

  async get(path: string): Promise<string> {
    const { body } = await this.pool().request({ path, method: 'GET' });
    return body.text();
  }
}

const upstream = new Upstream('https://upstream.example.com');
const app = express();

app.get('/a', async (req, res) => {
  https.get('https://a.example.com/', { agent: getAgent() }, (r) => r.pipe(res));
});

app.get('/b', async (req, res) => {
  const r = await fetch('https://b.example.com/', { dispatcher: fallbackDispatcher() } as RequestInit);
  res.send(await r.text());
});

app.get('/c/:origin', async (req, res) => {
  const { body } = await poolFor(`https://${req.params.origin}`).request({ path: '/', method: 'GET' });
  res.send(await body.text());
});

app.get('/tenant/:id', async (req, res) => {
  const tenant = { id: req.params.id, cert: String(req.headers['x-cert']), key: '' };
  https.get('https://tenant.example.com/', { agent: agentForTenant(tenant) }, (r) => r.pipe(res));
});

app.get('/d', async (req, res) => {
  res.send(await upstream.get('/d'));
});

export default app;
