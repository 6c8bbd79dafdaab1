import { Readable } from 'node:stream';
import express from 'express';
import { newDispatcher } from '@lib/dispatcher';
import { fetchUpstream, headUpstream } from '@lib/upstream';

const app = express();
const reportsDispatcher = newDispatcher(4);

app.get('/status', async (_req, res) => {
  const upstream = await fetchUpstream('/status'); // expect: no-unconsumed-body
  res.sendStatus(upstream.ok ? 200 : 503);
});

app.get('/health', async (_req, res) => {
  const probe = await headUpstream('/health');
  res.sendStatus(probe.ok ? 200 : 503);
});

app.get('/items', async (_req, res) => {
  const upstream = await fetchUpstream('/items');
  res.status(upstream.status).json(await upstream.json());
});

app.get('/reports/:id', async (req, res) => {
  const upstream = await fetchUpstream(`/reports/${encodeURIComponent(req.params.id)}`, { dispatcher: reportsDispatcher });
  res.status(upstream.status).type('json').send(await upstream.text());
});

app.get('/exports/:id', async (req, res) => {
  const dispatcher = newDispatcher(); // expect: no-client-per-request
  const upstream = await fetchUpstream(`/exports/${encodeURIComponent(req.params.id)}`, { dispatcher });
  if (!upstream.body) {
    res.sendStatus(upstream.status);
    return;
  }
  res.status(upstream.status);
  Readable.fromWeb(upstream.body).pipe(res);
});

app.listen(8080);
