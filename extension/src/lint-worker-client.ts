/**
 * The extension host's side of the lint worker. Per document at most one lint runs; a newer request
 * for the same document supersedes both a queued one and the running one (whose result, when it comes
 * back, is dropped), so a burst of keystrokes costs at most two lints and never publishes stale
 * results. A worker that crashes or stops answering is replaced on the next request.
 *
 * Unsaved editor buffers of project modules (overlays) live here too: they are sent to the worker
 * when they change and replayed to every new worker before its first request, so a restart never
 * makes cross-file findings fall back to the text on disk.
 */
import { Worker } from 'node:worker_threads';
import type { FixAllResult, LintRequest, LintResult, RuleInfo } from './lint-types';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

/** A request failed because the worker was restarted on purpose (restart command, timeout). */
export class WorkerRestartedError extends Error {
  constructor() {
    super('lint worker restarted');
    this.name = 'WorkerRestartedError';
  }
}

export type LintOutcome = { readonly status: 'done'; readonly result: LintResult } | { readonly status: 'superseded' };

interface Pending {
  resolve(response: WorkerResponse): void;
  reject(error: Error): void;
}

interface DocumentState {
  running: { superseded: boolean; resolve(outcome: LintOutcome): void; reject(error: Error): void } | undefined;
  queued: { request: LintRequest; resolve(outcome: LintOutcome): void; reject(error: Error): void } | undefined;
}

type RequestBody =
  | { readonly kind: 'rules' }
  | { readonly kind: 'lint'; readonly request: LintRequest }
  | { readonly kind: 'fixAll'; readonly request: LintRequest }
  | { readonly kind: 'setOverlay'; readonly file: string; readonly text: string | undefined }
  | { readonly kind: 'invalidate'; readonly file: string };

export class LintWorkerClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly documents = new Map<string, DocumentState>();
  private readonly overlays = new Map<string, string>();

  /**
   * @param scriptPath absolute path of `dist/lint-worker.js`
   * @param requestTimeoutMs a request not answered within this time restarts the worker
   */
  constructor(
    private readonly scriptPath: string,
    private readonly log: (line: string) => void,
    private readonly requestTimeoutMs = 60_000,
  ) {}

  async rules(): Promise<RuleInfo[]> {
    const response = await this.send({ kind: 'rules' });
    if (response.kind !== 'rules') throw new Error(`lint worker answered ${response.kind} to rules`);
    return response.rules;
  }

  async fixAll(request: LintRequest): Promise<FixAllResult> {
    const response = await this.send({ kind: 'fixAll', request });
    if (response.kind !== 'fixAll') throw new Error(`lint worker answered ${response.kind} to fixAll`);
    return response.result;
  }

  /** Lints `request` as the newest version of the document `documentKey`. */
  lint(documentKey: string, request: LintRequest): Promise<LintOutcome> {
    let state = this.documents.get(documentKey);
    if (!state) {
      state = { running: undefined, queued: undefined };
      this.documents.set(documentKey, state);
    }
    return new Promise<LintOutcome>((resolve, reject) => {
      const current = state;
      if (current.running) {
        current.queued?.resolve({ status: 'superseded' });
        current.queued = { request, resolve, reject };
        if (!current.running.superseded) {
          current.running.superseded = true;
          current.running.resolve({ status: 'superseded' });
        }
        return;
      }
      this.start(documentKey, current, request, resolve, reject);
    });
  }

  /**
   * Makes the worker read `text` for the module `file` (absolute real path) instead of the file on
   * disk; `undefined` removes the overlay. Requests sent afterwards see the change. Returns whether
   * anything changed.
   */
  setOverlay(file: string, text: string | undefined): boolean {
    if (this.overlays.get(file) === text) return false;
    if (text === undefined) this.overlays.delete(file);
    else this.overlays.set(file, text);
    // Without a running worker there is nothing to tell: the next one gets every overlay at start.
    if (this.worker) this.notify(this.worker, { kind: 'setOverlay', file, text });
    return true;
  }

  /** `file` changed on disk: the worker forgets what it learnt from it. */
  invalidate(file: string): void {
    if (this.worker) this.notify(this.worker, { kind: 'invalidate', file });
  }

  /** Files with an overlay (for the output log and tests). */
  overlayFiles(): string[] {
    return [...this.overlays.keys()];
  }

  /** Stops the worker; the next request starts a fresh one. Outstanding requests fail. */
  async restart(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new WorkerRestartedError());
    if (worker) await worker.terminate();
  }

  dispose(): Promise<void> {
    return this.restart();
  }

  private start(
    documentKey: string,
    state: DocumentState,
    request: LintRequest,
    resolve: (outcome: LintOutcome) => void,
    reject: (error: Error) => void,
  ): void {
    const running = { superseded: false, resolve, reject };
    state.running = running;
    const finish = (): void => {
      state.running = undefined;
      const next = state.queued;
      state.queued = undefined;
      if (next) this.start(documentKey, state, next.request, next.resolve, next.reject);
      else this.documents.delete(documentKey);
    };
    this.send({ kind: 'lint', request }).then(
      (response) => {
        if (!running.superseded) {
          if (response.kind === 'lint') running.resolve({ status: 'done', result: response.result });
          else running.reject(new Error(`lint worker answered ${response.kind} to lint`));
        }
        finish();
      },
      (error: Error) => {
        if (!running.superseded) running.reject(error);
        finish();
      },
    );
  }

  private send(body: RequestBody): Promise<WorkerResponse> {
    return this.request(this.ensureWorker(), body);
  }

  /** A request whose answer nobody waits for; a failure is logged unless the worker was restarted. */
  private notify(worker: Worker, body: RequestBody): void {
    this.request(worker, body).catch((error: Error) => {
      if (!(error instanceof WorkerRestartedError)) this.log(`lint worker failed ${body.kind}: ${error.message}`);
    });
  }

  private request(worker: Worker, body: RequestBody): Promise<WorkerResponse> {
    const id = this.nextId++;
    return new Promise<WorkerResponse>((resolve, reject) => {
      const timer = setTimeout(() => {
        const message = `lint worker did not answer request ${id} (${body.kind}) within ${this.requestTimeoutMs} ms`;
        this.log(`${message}; restarting it`);
        const timedOut = this.pending.get(id);
        this.pending.delete(id);
        timedOut?.reject(new Error(message));
        void this.restart();
      }, this.requestTimeoutMs);
      this.pending.set(id, {
        resolve: (response) => {
          clearTimeout(timer);
          if (response.kind === 'error') reject(new Error(response.message));
          else resolve(response);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      worker.postMessage({ id, ...body } as WorkerRequest);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.scriptPath);
    worker.on('message', (response: WorkerResponse) => {
      const pending = this.pending.get(response.id);
      this.pending.delete(response.id);
      pending?.resolve(response);
    });
    worker.on('error', (error) => {
      this.log(`lint worker crashed: ${error.stack ?? error.message}`);
      if (this.worker === worker) this.worker = undefined;
      this.failAll(error);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) {
        this.worker = undefined;
        this.failAll(new Error(`lint worker exited with code ${code}`));
      }
    });
    this.worker = worker;
    for (const [file, text] of this.overlays) this.notify(worker, { kind: 'setOverlay', file, text });
    return worker;
  }

  private failAll(error: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const entry of pending) entry.reject(error);
  }
}
