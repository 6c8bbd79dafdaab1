/**
 * The extension host's side of the lint worker. Per document at most one lint runs; a newer request
 * for the same document supersedes both a queued one and the running one (whose result, when it comes
 * back, is dropped), so a burst of keystrokes costs at most two lints and never publishes stale
 * results. A worker that crashes or stops answering is replaced on the next request.
 *
 * A superseded lint that has already run for `cancelAfterMs` (a big file) is cancelled outright:
 * ESLint cannot stop a lint half-way, so the worker thread is terminated and a warm spare (started
 * while idle once a lint took that long) takes over, and is told every overlay again. That happens
 * only while no other lint, fix or rules request waits on the worker, so nothing else is lost.
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

export interface LintWorkerClientOptions {
  /** A request not answered within this time restarts the worker. */
  readonly requestTimeoutMs?: number;
  /** A superseded lint running at least this long is cancelled by replacing the worker. */
  readonly cancelAfterMs?: number;
  /** Where the worker keeps its V8 code caches (the extension's global storage). */
  readonly codeCacheDir?: string;
  /** Informational lines (cancellations, spare workers) for the output channel. */
  readonly trace?: (line: string) => void;
}

interface Pending {
  /** A notification (overlay, invalidation, warm-up): a new worker is told again, nothing is lost. */
  readonly replayable: boolean;
  resolve(response: WorkerResponse): void;
  reject(error: Error): void;
}

/** One worker thread and the requests it has not answered yet. */
interface WorkerThread {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
}

interface RunningLint {
  superseded: boolean;
  resolve(outcome: LintOutcome): void;
  reject(error: Error): void;
  /** Set once the request is posted. */
  sent?: { readonly id: number; readonly thread: WorkerThread; readonly at: number };
}

interface DocumentState {
  running: RunningLint | undefined;
  queued: { request: LintRequest; resolve(outcome: LintOutcome): void; reject(error: Error): void } | undefined;
}

type RequestBody =
  | { readonly kind: 'rules' }
  | { readonly kind: 'lint'; readonly request: LintRequest }
  | { readonly kind: 'fixAll'; readonly request: LintRequest }
  | { readonly kind: 'setOverlay'; readonly file: string; readonly text: string | undefined }
  | { readonly kind: 'invalidate'; readonly file: string }
  | { readonly kind: 'warmTypeScript' };

/** A file this long (about 1,500 lines) can take longer to lint than a spare worker takes to start. */
const BIG_FILE_CHARS = 50_000;

/** How long the worker must have been idle before a spare worker starts (it costs a core for a while). */
const SPARE_AFTER_IDLE_MS = 1_000;

export class LintWorkerClient {
  private current: WorkerThread | undefined;
  private spare: WorkerThread | undefined;
  private spareTimer: NodeJS.Timeout | undefined;
  private wantsSpare = false;
  private typescriptNeeded = false;
  private nextId = 1;
  private readonly documents = new Map<string, DocumentState>();
  private readonly overlays = new Map<string, string>();
  private readonly requestTimeoutMs: number;
  private readonly cancelAfterMs: number;
  private readonly trace: (line: string) => void;
  /** Superseded lints cancelled so far (for the output log and tests). */
  cancelledLints = 0;

  /** @param scriptPath absolute path of `dist/lint-worker.js` */
  constructor(
    private readonly scriptPath: string,
    private readonly log: (line: string) => void,
    private readonly options: LintWorkerClientOptions = {},
  ) {
    this.requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
    this.cancelAfterMs = options.cancelAfterMs ?? 150;
    this.trace = options.trace ?? (() => undefined);
  }

  async rules(): Promise<RuleInfo[]> {
    const response = await this.send({ kind: 'rules' });
    if (response.kind !== 'rules') throw new Error(`lint worker answered ${response.kind} to rules`);
    return response.rules;
  }

  /** Loads the TypeScript parser now, in this and every later worker, before a TypeScript file asks. */
  warmTypeScript(): void {
    if (this.typescriptNeeded) return;
    this.typescriptNeeded = true;
    this.notify(this.ensureWorker(), { kind: 'warmTypeScript' });
    if (this.spare) this.notify(this.spare, { kind: 'warmTypeScript' });
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
          this.cancelIfLong(documentKey, current.running);
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
    for (const thread of [this.current, this.spare]) if (thread) this.notify(thread, { kind: 'setOverlay', file, text });
    return true;
  }

  /** `file` changed on disk: the worker forgets what it learnt from it. */
  invalidate(file: string): void {
    for (const thread of [this.current, this.spare]) if (thread) this.notify(thread, { kind: 'invalidate', file });
  }

  /** Files with an overlay (for the output log and tests). */
  overlayFiles(): string[] {
    return [...this.overlays.keys()];
  }

  /** Whether a warm spare worker is running (for tests). */
  hasSpare(): boolean {
    return this.spare !== undefined;
  }

  /** Stops the workers; the next request starts a fresh one. Outstanding requests fail. */
  async restart(): Promise<void> {
    clearTimeout(this.spareTimer);
    this.spareTimer = undefined;
    this.wantsSpare = false;
    const threads = [this.current, this.spare].filter((t): t is WorkerThread => t !== undefined);
    this.current = undefined;
    this.spare = undefined;
    for (const thread of threads) this.failAll(thread, new WorkerRestartedError());
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
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
    const running: RunningLint = { superseded: false, resolve, reject };
    state.running = running;
    const finish = (): void => {
      state.running = undefined;
      const next = state.queued;
      state.queued = undefined;
      if (next) this.start(documentKey, state, next.request, next.resolve, next.reject);
      else this.documents.delete(documentKey);
    };
    if (/\.[cm]?tsx?$/.test(request.filename)) this.typescriptNeeded = true;
    const thread = this.ensureWorker();
    this.request(thread, { kind: 'lint', request }, (id) => (running.sent = { id, thread, at: performance.now() })).then(
      (response) => {
        if (!running.superseded) {
          if (response.kind === 'lint') running.resolve({ status: 'done', result: response.result });
          else running.reject(new Error(`lint worker answered ${response.kind} to lint`));
        }
        // A big file that lints slowly: later lints of it may be worth cancelling. (A small file's
        // first lint can be slow too, while TypeScript loads: no reason for a spare.)
        if (response.kind === 'lint' && response.result.durationMs >= this.cancelAfterMs && request.text.length >= BIG_FILE_CHARS) {
          this.keepSpare();
        }
        finish();
      },
      (error: Error) => {
        if (!running.superseded) running.reject(error);
        finish();
      },
    );
  }

  /** Cancels a superseded lint that has run long, when it is the only request its worker has. */
  private cancelIfLong(documentKey: string, running: RunningLint): void {
    const sent = running.sent;
    if (!sent || sent.thread !== this.current) return;
    const elapsed = performance.now() - sent.at;
    if (elapsed < this.cancelAfterMs) return;
    // Another document's lint, a fix or the rules would be lost with the worker: let this one finish.
    for (const [id, pending] of sent.thread.pending) if (id !== sent.id && !pending.replayable) return;
    this.cancelledLints++;
    this.trace(
      `cancelled the superseded lint of ${documentKey} after ${Math.round(elapsed)} ms; ${
        this.spare ? 'the warm spare worker takes over' : 'starting a new worker'
      }`,
    );
    const thread = sent.thread;
    this.current = undefined;
    this.failAll(thread, new WorkerRestartedError());
    void thread.worker.terminate();
    this.keepSpare();
  }

  /** Big files are linted here: keep a spare worker, started once the workers are idle. */
  private keepSpare(): void {
    this.wantsSpare = true;
    if (this.spare) return;
    clearTimeout(this.spareTimer);
    this.spareTimer = setTimeout(() => {
      this.spareTimer = undefined;
      const busy = this.current !== undefined && this.current.pending.size > 0;
      if (busy) return this.keepSpare();
      if (!this.wantsSpare || this.spare) return;
      this.spare = this.spawn();
      this.trace('started a warm spare lint worker');
    }, SPARE_AFTER_IDLE_MS);
    this.spareTimer.unref?.();
  }

  private send(body: RequestBody): Promise<WorkerResponse> {
    return this.request(this.ensureWorker(), body);
  }

  /** A request whose answer nobody waits for; a failure is logged unless the worker was restarted. */
  private notify(thread: WorkerThread, body: RequestBody): void {
    this.request(thread, body, undefined, true).catch((error: Error) => {
      if (!(error instanceof WorkerRestartedError)) this.log(`lint worker failed ${body.kind}: ${error.message}`);
    });
  }

  private request(
    thread: WorkerThread,
    body: RequestBody,
    posted?: (id: number) => void,
    replayable = false,
  ): Promise<WorkerResponse> {
    const id = this.nextId++;
    return new Promise<WorkerResponse>((resolve, reject) => {
      const timer = setTimeout(() => {
        const message = `lint worker did not answer request ${id} (${body.kind}) within ${this.requestTimeoutMs} ms`;
        this.log(`${message}; restarting it`);
        const timedOut = thread.pending.get(id);
        thread.pending.delete(id);
        timedOut?.reject(new Error(message));
        void this.restart();
      }, this.requestTimeoutMs);
      thread.pending.set(id, {
        replayable,
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
      thread.worker.postMessage({ id, ...body } as WorkerRequest);
      posted?.(id);
    });
  }

  private ensureWorker(): WorkerThread {
    if (this.current) return this.current;
    this.current = this.spare ?? this.spawn();
    this.spare = undefined;
    if (this.wantsSpare) this.keepSpare();
    return this.current;
  }

  private spawn(): WorkerThread {
    const worker = new Worker(this.scriptPath, { workerData: { codeCacheDir: this.options.codeCacheDir } });
    const thread: WorkerThread = { worker, pending: new Map() };
    worker.on('message', (response: WorkerResponse) => {
      const pending = thread.pending.get(response.id);
      thread.pending.delete(response.id);
      pending?.resolve(response);
    });
    worker.on('error', (error) => {
      this.log(`lint worker crashed: ${error.stack ?? error.message}`);
      this.drop(thread);
      this.failAll(thread, error);
    });
    worker.on('exit', (code) => {
      if (this.drop(thread)) this.failAll(thread, new Error(`lint worker exited with code ${code}`));
    });
    for (const [file, text] of this.overlays) this.notify(thread, { kind: 'setOverlay', file, text });
    if (this.typescriptNeeded) this.notify(thread, { kind: 'warmTypeScript' });
    return thread;
  }

  /** Forgets a thread that died; returns whether it was still in use. */
  private drop(thread: WorkerThread): boolean {
    if (this.current === thread) this.current = undefined;
    else if (this.spare === thread) this.spare = undefined;
    else return false;
    return true;
  }

  private failAll(thread: WorkerThread, error: Error): void {
    const pending = [...thread.pending.values()];
    thread.pending.clear();
    for (const entry of pending) entry.reject(error);
  }
}
