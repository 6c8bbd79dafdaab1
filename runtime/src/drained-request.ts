// One attempt of the corrected pattern, as a plain undici dispatch handler: the status decides the
// outcome, and the body is read to its end (discarded, up to a limit) so the connection goes back
// to the pool. It does what `request()` + `body.dump({ limit })` do without building a response
// stream and the promises around it for every message (measured in the runtime README, "Connections").
import type { Dispatcher } from 'undici';
import { classifyError, classifyStatus, type DeliveryOutcome } from './delivery-outcome.js';
import { dispatchOptionsOf } from './dispatch-options.js';
import type { PostRequest } from './http.js';

/** Aborts a response that has sent more than the drain limit: its connection is given up, as dump() does. */
class DrainLimitReached extends Error {}

class DrainingHandler implements Dispatcher.DispatchHandler {
  private controller?: Dispatcher.DispatchController;
  private status?: number;
  private retryAfter?: string | string[];
  private bytesRead = 0;
  private outcome?: DeliveryOutcome;
  /** Set when the deadline passed: the attempt is over even if undici has not started the request. */
  private deadlineError?: Error;

  constructor(
    private readonly maxDrainBytes: number,
    private readonly settle: (outcome: DeliveryOutcome) => void,
  ) {}

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.deadlineError) controller.abort(this.deadlineError);
  }

  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number, headers: Record<string, string | string[] | undefined>): void {
    this.status = statusCode;
    this.retryAfter = headers['retry-after'];
    const declared = Number(headers['content-length']);
    // Known to be too long to drain: give the connection up now rather than read it.
    if (declared > this.maxDrainBytes) this.stopReading(controller);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.bytesRead += chunk.length;
    if (this.bytesRead > this.maxDrainBytes) this.stopReading(controller);
  }

  onResponseEnd(): void {
    this.finish(classifyStatus(this.status ?? 0, this.retryAfter));
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (error instanceof DrainLimitReached && this.status !== undefined) this.finish(classifyStatus(this.status, this.retryAfter));
    else this.finish(classifyError(this.deadlineError ?? error));
  }

  /** The attempt's deadline: settles at once as a timeout and aborts the request wherever it is. */
  expire(timeoutMs: number): void {
    if (this.outcome) return;
    this.deadlineError = Object.assign(new Error(`request timed out after ${timeoutMs} ms`), { code: 'ETIMEDOUT' });
    this.finish(classifyError(this.deadlineError));
    this.controller?.abort(this.deadlineError);
  }

  private stopReading(controller: Dispatcher.DispatchController): void {
    const outcome = classifyStatus(this.status ?? 0, this.retryAfter);
    this.finish(outcome);
    controller.abort(new DrainLimitReached(`response body over ${this.maxDrainBytes} bytes: connection closed instead of drained`));
  }

  private finish(outcome: DeliveryOutcome): void {
    if (this.outcome) return;
    this.outcome = outcome;
    this.settle(outcome);
  }
}

/**
 * Sends `request` through `dispatcher` and resolves with its outcome once the response body is
 * drained (or, past `maxDrainBytes`, the connection closed); never rejects.
 */
export function sendDrained(dispatcher: Dispatcher, request: PostRequest, maxDrainBytes: number): Promise<DeliveryOutcome> {
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const handler = new DrainingHandler(maxDrainBytes, (outcome) => {
      clearTimeout(timer);
      resolve(outcome);
    });
    // The deadline covers the whole attempt: waiting for a connection, connect, headers and body.
    timer = setTimeout(() => handler.expire(request.timeoutMs), request.timeoutMs);
    dispatcher.dispatch(dispatchOptionsOf(request), handler);
  });
}
