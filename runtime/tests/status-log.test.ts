import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StatusLog, formatStatus } from '../src/status-log.js';

describe('--status-every', () => {
  it('logs percentiles and the average every N requests, in timer_metrics format', () => {
    const lines: string[] = [];
    const status = new StatusLog(100, { info: (line) => lines.push(line), warn() {}, error() {} });
    for (let i = 1; i <= 250; i += 1) status.record(i % 100 === 0 ? 100 : i % 100);
    assert.equal(lines.length, 2);
    assert.equal(lines[0], '[aggregate]: finished 100 requests - 99th: 99.00ms - 95th: 95.00ms - avg: 50.50ms');
  });

  it('0 disables it', () => {
    const lines: string[] = [];
    const status = new StatusLog(0, { info: (line) => lines.push(line), warn() {}, error() {} });
    for (let i = 0; i < 1000; i += 1) status.record(1);
    assert.equal(lines.length, 0);
    assert.match(formatStatus('[x]:', [1, 2, 3]), /^\[x\]: finished 3 requests/);
  });
});
