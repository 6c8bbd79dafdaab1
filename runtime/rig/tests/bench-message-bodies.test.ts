import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keyByMessageId, makeMessageBodies, messageIdOf } from '../bench/message-bodies.js';

test('bodies are distinct JSON events of the requested size, without newlines (mpub-safe)', () => {
  const bodies = makeMessageBodies('run-1', 50, 300);
  assert.equal(new Set(bodies).size, 50);
  for (const body of bodies) {
    assert.equal(Buffer.byteLength(body), 300);
    assert.ok(!body.includes('\n'));
    assert.equal(JSON.parse(body).event, 'order.created');
  }
  assert.equal(JSON.parse(bodies[7]!).id, 'run-1:7');
});

test('messageIdOf and keyByMessageId read the id back; other bodies have none', () => {
  const [body] = makeMessageBodies('bench.x_1', 1);
  assert.equal(messageIdOf(Buffer.from(body!)), 'bench.x_1:0');
  assert.equal(keyByMessageId({}, Buffer.from(body!)), 'bench.x_1:0');
  assert.equal(messageIdOf(Buffer.from('{"other":1}')), undefined);
});

test('bad arguments are refused', () => {
  assert.throws(() => makeMessageBodies('has space', 1), /run id/);
  assert.throws(() => makeMessageBodies('ok', 0), /positive integer/);
});
