import { AsyncLocalStorage } from 'node:async_hooks';

export const traceContext = new AsyncLocalStorage<{ traceId: string }>();

type Handler = (args: { request: { headers?: Record<string, string> } }) => Promise<unknown>;

interface InstrumentableClient {
  middlewareStack: {
    add(middleware: (next: Handler) => Handler, options: { step: 'build'; name: string }): void;
  };
}

/** Adds the current trace id to every request the client sends; returns the same client. */
export function captureAWSv3Client<T extends InstrumentableClient>(client: T): T {
  client.middlewareStack.add(
    (next) => async (args) => {
      const traceId = traceContext.getStore()?.traceId;
      if (traceId && args.request.headers) args.request.headers['x-amzn-trace-id'] = traceId;
      return next(args);
    },
    { step: 'build', name: 'traceHeader' },
  );
  return client;
}
