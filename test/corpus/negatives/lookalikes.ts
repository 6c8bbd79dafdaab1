// Names that look like HTTP pools but come from other packages.
import { Pool, Client } from 'pg';
import mysql from 'mysql2/promise';
import { createClient } from 'redis';
import request from 'supertest';
import { Agent } from './agent';
import express from 'express';

const app = express();

app.get('/users/:id', async (req, res) => {
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const { rows } = await db.query('select * from users where id = $1', [req.params.id]);
  await db.end();
  res.json(rows[0]);
});

app.get('/orders', async (req, res) => {
  const pool = new Pool({ max: 2 });
  const conn = await mysql.createConnection({ host: 'db', user: 'app' });
  const [orders] = await conn.query('select * from orders');
  await conn.end();
  await pool.end();
  res.json(orders);
});

app.get('/cache/:key', async (req, res) => {
  const redis = createClient({ url: process.env.REDIS_URL });
  await redis.connect();
  res.send(await redis.get(req.params.key));
  await redis.quit();
});

app.get('/agents', (req, res) => {
  const agent = new Agent({ name: String(req.query.name) });
  res.json(agent.describe());
});

export async function smokeTest(): Promise<void> {
  const res = await request(app).get('/users/1').set('Connection', 'close');
  if (res.status !== 200) throw new Error('smoke test failed');
}

function fetchLike(url: string) {
  return { url, ok: true, json: async () => ({}) };
}

export async function local(url: string): Promise<boolean> {
  const res = fetchLike(url);
  return res.ok;
}
