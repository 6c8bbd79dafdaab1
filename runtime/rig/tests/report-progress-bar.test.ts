import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { createProgress, renderProgressBar } from '../report/progress-bar.js';

function collect(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return { stream, text: () => chunks.join('') };
}

test('renderProgressBar fills in proportion and clamps', () => {
  assert.equal(renderProgressBar(0, 10, 10), '[..........]  0/10   0%');
  assert.equal(renderProgressBar(5, 10, 10), '[#####.....]  5/10  50%');
  assert.equal(renderProgressBar(1500, 2000, 4), '[###.] 1,500/2,000  75%');
  assert.equal(renderProgressBar(12, 10, 10), '[##########] 10/10 100%');
  assert.throws(() => renderProgressBar(1, 0), /positive integer/);
});

test('on a terminal the bar is redrawn in place and ends with a newline', () => {
  const { stream, text } = collect();
  const progress = createProgress({ label: 'shared', total: 4, stream, interactive: true, width: 4 });
  progress.update(1);
  progress.update(1);
  progress.update(4);
  progress.finish('900 msg/s');
  assert.equal(
    text(),
    '\r  shared [#...] 1/4  25%' + '\r  shared [####] 4/4 100%' + '\r  shared [####] 4/4 100%  900 msg/s\n',
  );
});

test('without a terminal it prints a line at the first delivery, when a quarter is passed, and at the end', () => {
  const { stream, text } = collect();
  const progress = createProgress({ label: 'naive', total: 1000, stream, interactive: false });
  for (const done of [0, 10, 100, 300, 320, 800, 1000]) progress.update(done);
  progress.finish();
  progress.update(1000);
  assert.deepEqual(text().trimEnd().split('\n'), [
    '  naive: 10/1,000 (1%)',
    '  naive: 300/1,000 (30%)',
    '  naive: 800/1,000 (80%)',
    '  naive: 1,000/1,000 done',
  ]);
});
