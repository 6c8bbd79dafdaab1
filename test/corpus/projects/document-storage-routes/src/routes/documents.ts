import { Router } from 'express';
import { documentKey, readDocument, removeDocument, writeDocument } from '../lib/blob-store';
import { readThumbnail } from '../lib/thumbnail-store';

export const documents = Router();

documents.get('/:id', async (req, res) => {
  const text = await readDocument(req.params.id); // expect: no-client-per-request
  if (text === undefined) return void res.sendStatus(404);
  res.type('text/plain').send(text);
});

documents.get('/:id/thumbnail', async (req, res) => {
  const bytes = await readThumbnail(req.params.id);
  if (!bytes) return void res.sendStatus(404);
  res.type('image/png').send(Buffer.from(bytes));
});

documents.put('/:id', async (req, res) => {
  await writeDocument(req.params.id, String(req.body)); // expect: no-client-per-request
  res.status(201).json({ key: documentKey(req.params.id) });
});

documents.delete('/:id', async (req, res) => {
  await removeDocument(req.params.id); // expect: no-client-per-request
  res.sendStatus(204);
});
