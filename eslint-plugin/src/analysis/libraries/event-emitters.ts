/**
 * Node's EventEmitter API, as far as the rules need it: every method that adds a listener
 * (`emitter.on(event, fn)`, `once`, `prepend*`). For listeners that run on every emit (per request
 * or message), see `LISTENER_METHODS` in request-handlers.ts, which leaves the `once` forms out.
 */
export const EVENT_LISTENER_METHODS: ReadonlySet<string> = new Set([
  'on',
  'once',
  'addListener',
  'prependListener',
  'prependOnceListener',
]);
