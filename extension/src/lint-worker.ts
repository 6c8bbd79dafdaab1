/**
 * The lint worker thread (bundled as `dist/lint-worker-main.js`, loaded by `lint-worker-bootstrap.ts`). Parsing and linting take
 * hundreds of milliseconds on large files; here they never block the extension host. Requests are
 * answered one at a time, in order: an overlay or invalidation posted before a lint is seen by it.
 */
import { parentPort } from 'node:worker_threads';
import { LintEngine } from './lint-engine';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('lint-worker.js must run in a worker thread');

const engine = new LintEngine();

port.on('message', (message: WorkerRequest) => {
  port.postMessage(answer(message));
});

function answer(message: WorkerRequest): WorkerResponse {
  try {
    switch (message.kind) {
      case 'rules':
        return { id: message.id, kind: 'rules', rules: engine.rules() };
      case 'lint':
        return { id: message.id, kind: 'lint', result: engine.lint(message.request) };
      case 'fixAll':
        return { id: message.id, kind: 'fixAll', result: engine.fixAll(message.request) };
      case 'setOverlay':
        engine.setOverlay(message.file, message.text);
        return { id: message.id, kind: 'done' };
      case 'invalidate':
        engine.invalidate(message.file);
        return { id: message.id, kind: 'done' };
      case 'warmTypeScript':
        engine.warmTypeScript();
        return { id: message.id, kind: 'done' };
    }
  } catch (error) {
    return { id: message.id, kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
