// The MESSAGE frame fields and the answer commands, byte for byte as nsqd's protocol defines them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { finishCommand, readMessageFrame, requeueCommand, touchCommand } from '../src/nsqd-frames.js';

describe('nsqd frames', () => {
  it('reads id, attempts and body from a MESSAGE payload', () => {
    const payload = Buffer.concat([
      Buffer.from([0, 0, 0, 0, 0, 0, 0, 42]), // timestamp
      Buffer.from([0x01, 0x02]), // attempts 258
      Buffer.from('0123456789abcdef'),
      Buffer.from('hello'),
    ]);
    assert.deepEqual(readMessageFrame(payload), { id: '0123456789abcdef', attempts: 258, body: Buffer.from('hello') });
  });

  it('reads attempts above 32767 as nsqd counts them (unsigned)', () => {
    const payload = Buffer.concat([Buffer.alloc(8), Buffer.from([0x80, 0x00]), Buffer.from('0123456789abcdef')]);
    assert.equal(readMessageFrame(payload).attempts, 32_768);
    assert.equal(readMessageFrame(payload).body.length, 0);
  });

  it('writes FIN, REQ (whole, non-negative milliseconds) and TOUCH', () => {
    assert.equal(finishCommand('0123456789abcdef'), 'FIN 0123456789abcdef\n');
    assert.equal(requeueCommand('0123456789abcdef', 1500.4), 'REQ 0123456789abcdef 1500\n');
    assert.equal(requeueCommand('0123456789abcdef', -3), 'REQ 0123456789abcdef 0\n');
    assert.equal(touchCommand('0123456789abcdef'), 'TOUCH 0123456789abcdef\n');
  });
});
