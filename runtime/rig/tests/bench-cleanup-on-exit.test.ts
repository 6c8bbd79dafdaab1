import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CleanupOnExit } from '../bench/cleanup-on-exit.js';

test('steps run newest first, once, and a failing step does not stop the rest', async () => {
  const cleanup = new CleanupOnExit();
  const order: string[] = [];
  const logged: string[] = [];
  cleanup.add('nsqd', () => void order.push('nsqd'));
  cleanup.add('sink', async () => {
    order.push('sink');
    throw new Error('already closed');
  });
  const unregister = cleanup.add('stopped early', () => void order.push('stopped early'));
  cleanup.add('forwarder', () => void order.push('forwarder'));
  unregister();
  await Promise.all([cleanup.runAll((line) => logged.push(line)), cleanup.runAll((line) => logged.push(line))]);
  await cleanup.runAll();
  assert.deepEqual(order, ['forwarder', 'sink', 'nsqd']);
  assert.deepEqual(logged, ['cleanup: sink failed: already closed']);
});
