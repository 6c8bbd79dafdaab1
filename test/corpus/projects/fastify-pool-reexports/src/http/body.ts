import type { Dispatcher } from 'undici';

/** Reads and throws away a body we do not need, so that its connection goes back to the pool. */
export async function discardBody(body: Dispatcher.ResponseData['body']): Promise<void> {
  await body.dump({ limit: 1 << 20 });
}
