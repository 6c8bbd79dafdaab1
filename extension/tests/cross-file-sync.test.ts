import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { CrossFileSync, type CrossFileHost } from '../src/cross-file-sync';

/** The host side as the extension wires it: overlays as the worker client keeps them, calls in order. */
class RecordingHost implements CrossFileHost {
  readonly calls: string[] = [];
  private readonly overlays = new Map<string, string>();

  setOverlay(file: string, text: string | undefined): boolean {
    if (this.overlays.get(file) === text) return false;
    if (text === undefined) this.overlays.delete(file);
    else this.overlays.set(file, text);
    this.calls.push(`overlay ${file} ${text === undefined ? '(removed)' : JSON.stringify(text)}`);
    return true;
  }

  invalidate(file: string): void {
    this.calls.push(`invalidate ${file}`);
  }

  relint(documentKeys: readonly string[]): void {
    this.calls.push(`relint ${documentKeys.join(' ')}`);
  }
}

const HANDLER = 'file:///p/handler.ts';
const WORKER = 'file:///p/worker.ts';
const HTTP_DOC = 'file:///p/lib/http.ts';
const HTTP = '/p/lib/http.ts';

function setup(): { host: RecordingHost; sync: CrossFileSync } {
  const host = new RecordingHost();
  const sync = new CrossFileSync(host, 5);
  sync.linted(HANDLER, [HTTP]);
  sync.linted(WORKER, ['/p/lib/queue.ts']);
  return { host, sync };
}

describe('CrossFileSync', () => {
  it('sends an edited module\'s text before re-linting the documents that use it', () => {
    const { host, sync } = setup();
    sync.bufferChanged(HTTP_DOC, HTTP, 'v2');
    assert.deepEqual(host.calls, [`overlay ${HTTP} "v2"`, `relint ${HANDLER}`]);
  });

  it('does nothing when the buffer did not change what the worker sees', () => {
    const { host, sync } = setup();
    // A clean document (matches the disk) that never had an overlay: every lint of it says so.
    sync.bufferChanged(HTTP_DOC, HTTP, undefined);
    sync.bufferChanged(HTTP_DOC, HTTP, 'v2');
    sync.bufferChanged(HTTP_DOC, HTTP, 'v2');
    assert.deepEqual(host.calls, [`overlay ${HTTP} "v2"`, `relint ${HANDLER}`]);
  });

  it('removes the overlay when edits are undone or the module is closed unsaved', () => {
    const { host, sync } = setup();
    sync.bufferChanged(HTTP_DOC, HTTP, 'v2');
    sync.bufferChanged(HTTP_DOC, HTTP, undefined); // undone back to the saved text
    sync.bufferChanged(HTTP_DOC, HTTP, 'v3');
    sync.closed(HTTP_DOC, HTTP); // closed without saving
    assert.deepEqual(host.calls, [
      `overlay ${HTTP} "v2"`,
      `relint ${HANDLER}`,
      `overlay ${HTTP} (removed)`,
      `relint ${HANDLER}`,
      `overlay ${HTTP} "v3"`,
      `relint ${HANDLER}`,
      `overlay ${HTTP} (removed)`,
      `relint ${HANDLER}`,
    ]);
  });

  it('never re-lints the changed document itself through its own dependencies', () => {
    const host = new RecordingHost();
    const sync = new CrossFileSync(host, 5);
    // Two modules importing each other.
    sync.linted('file:///p/a.ts', ['/p/b.ts']);
    sync.linted('file:///p/b.ts', ['/p/a.ts']);
    sync.bufferChanged('file:///p/a.ts', '/p/a.ts', 'edited');
    assert.deepEqual(host.calls, ['overlay /p/a.ts "edited"', 'relint file:///p/b.ts']);
  });

  it('invalidates each file changed on disk at once and re-lints each dependent once per burst', async () => {
    const { host, sync } = setup();
    sync.diskChanged(HTTP);
    sync.diskChanged('/p/lib/queue.ts');
    sync.diskChanged(HTTP);
    sync.diskChanged('/p/lib/unused.ts');
    assert.deepEqual(host.calls, [`invalidate ${HTTP}`, 'invalidate /p/lib/queue.ts', `invalidate ${HTTP}`, 'invalidate /p/lib/unused.ts']);
    await delay(30);
    assert.deepEqual(host.calls.slice(4), [`relint ${HANDLER} ${WORKER}`]);
  });

  it('a closed or no longer linted document is not re-linted', async () => {
    const { host, sync } = setup();
    sync.closed(HANDLER, '/p/handler.ts');
    sync.forget(WORKER);
    sync.bufferChanged(HTTP_DOC, HTTP, 'v2');
    sync.diskChanged('/p/lib/queue.ts');
    await delay(30);
    assert.deepEqual(host.calls, [`overlay ${HTTP} "v2"`, 'invalidate /p/lib/queue.ts']);
    assert.deepEqual(sync.dependentsOf(HTTP), []);
  });

  it('reset drops pending disk changes and dependencies', async () => {
    const { host, sync } = setup();
    sync.diskChanged(HTTP);
    sync.reset();
    await delay(30);
    assert.deepEqual(host.calls, [`invalidate ${HTTP}`]);
    assert.deepEqual(sync.dependentsOf(HTTP), []);
  });
});
