// Stock and map tile routes, served through the shared upstream clients.
import type { Request, Response } from 'express';
import { SESClient } from '@aws-sdk/client-ses';
import { inventoryApi, tiles } from '../lib/upstreams';
import { Mailer } from '../services/mailer';

const sharedSes = new SESClient({});
const mailer = new Mailer(sharedSes);

export async function exportStock(_req: Request, res: Response) {
  const upstream = await inventoryApi.get('/stock/export', { responseType: 'stream' }); // expect: no-unconsumed-body
  if (upstream.headers['content-type'] !== 'text/csv') {
    res.sendStatus(415);
    return;
  }
  upstream.data.pipe(res);
}

export async function tile(req: Request, res: Response) {
  const { statusCode, body } = await tiles.request({ path: req.path, method: 'GET' }); // expect: no-unconsumed-body
  if (statusCode !== 200) {
    res.sendStatus(404);
    return;
  }
  res.send(Buffer.from(await body.arrayBuffer()));
}

export async function stockJson(_req: Request, res: Response) {
  const upstream = await inventoryApi.get('/stock');
  res.json(upstream.data);
}

export async function receipt(req: Request, res: Response) {
  await new Mailer().send(String(req.query.to), 'thanks'); // expect: no-client-per-request
  res.sendStatus(202);
}

export async function receiptShared(req: Request, res: Response) {
  await mailer.send(String(req.query.to), 'thanks');
  res.sendStatus(202);
}
