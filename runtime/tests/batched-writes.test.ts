// batchWritesPerTick on a real TCP socket: the writes of one round of callbacks stay corked and go
// out together once it ends; closing with end() still delivers them.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { test } from 'node:test';
import type { NSQDConnection } from 'nsqjs';
import { batchWritesPerTick } from '../src/batched-writes.js';

async function socketPair(): Promise<{ client: Socket; received: () => string; closed: Promise<unknown>; stop: () => void }> {
  let text = '';
  let accepted!: (socket: Socket) => void;
  const server = createServer((socket) => accepted(socket));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const serverSide = new Promise<Socket>((resolve) => (accepted = resolve));
  const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
  await once(client, 'connect');
  const peer = await serverSide;
  peer.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { client, received: () => text, closed: once(peer, 'end'), stop: () => server.close() };
}

/** The two members of nsqjs's NSQDConnection that batchWritesPerTick uses, over a real socket. */
function connectionOver(socket: Socket): NSQDConnection {
  const connection = { outWriter: socket, write: (data: Buffer | string) => void socket.write(data) };
  return connection as unknown as NSQDConnection;
}

test('writes in one round of callbacks are corked together and flushed after it', async () => {
  const pair = await socketPair();
  const connection = connectionOver(pair.client);
  batchWritesPerTick(connection);
  for (let index = 0; index < 16; index += 1) connection.write(`FIN ${index}\n`);
  assert.equal(pair.client.writableCorked, 1, 'corked while the wave is being answered');
  assert.equal(pair.client.writableLength > 0, true, 'nothing written to the socket yet');
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(pair.client.writableCorked, 0);
  pair.client.end();
  await pair.closed;
  assert.equal(pair.received(), Array.from({ length: 16 }, (_, index) => `FIN ${index}\n`).join(''));
  pair.stop();
});

test('end() right after a write (nsqjs close) still delivers what was corked', async () => {
  const pair = await socketPair();
  const connection = connectionOver(pair.client);
  batchWritesPerTick(connection);
  connection.write('REQ a 0\n');
  pair.client.end('CLS\n');
  await pair.closed;
  assert.equal(pair.received(), 'REQ a 0\nCLS\n');
  pair.stop();
});
