/**
 * Request methods picked at run time: `axios[method](url, config)`, `http[verb](url, cb)`,
 * `got[method](url, options)`. For a module listed here, a member access with a computed key stands
 * for any of these exports, and module-refs resolves it to all of them; a rule then acts only when
 * every candidate gives it the same answer (precision first).
 *
 * Every name listed must be a function that sends one request, so that questions answered with
 * "some candidate" (is it a pool constructor? a server factory?) stay false for all of them. HEAD
 * is left out, as for a `{ method }` option held in a variable: a method chosen at run time is not
 * taken to be HEAD. Sources: Node.js http docs, axios, got, ky and needle READMEs (see
 * docs/library-facts.md).
 */
export const COMPUTED_REQUEST_METHODS: ReadonlyMap<string, readonly string[]> = new Map([
  ['http', ['request', 'get']],
  ['https', ['request', 'get']],
  ['axios', ['request', 'get', 'delete', 'options', 'post', 'put', 'patch']],
  ['got', ['get', 'post', 'put', 'patch', 'delete']],
  ['ky', ['get', 'post', 'put', 'patch', 'delete']],
  ['needle', ['get', 'post', 'put', 'patch', 'delete']],
]);
