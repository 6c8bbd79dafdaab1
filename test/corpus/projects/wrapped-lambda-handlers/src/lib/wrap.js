import { logger } from './logger.js';

/** Our Lambda wrapper: request-scoped logging and timing around any handler. */
export function wrap(fn) {
  return async (event, context) => {
    const started = Date.now();
    try {
      return await fn(event, context);
    } catch (err) {
      logger.error({ err: String(err), requestId: context.awsRequestId }, 'handler failed');
      throw err;
    } finally {
      logger.info({ ms: Date.now() - started, requestId: context.awsRequestId }, 'handler done');
    }
  };
}
