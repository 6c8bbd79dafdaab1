/**
 * Process-wide places a connection pool can be installed in, shared by every request of the
 * process: undici's global dispatcher (used by the global `fetch`), Node's `http.globalAgent` /
 * `https.globalAgent` (used by requests without an `agent`), and the agents of axios's default
 * instance. Installing a new pool there on every call builds a new pool per call and abandons the
 * previous one with its connections. Data only; `client-lifetime/client-constructions.ts` reads it.
 */
import type { PackageExportSpec } from '../imports/export-spec';

/** Calls that install their first argument as the process-wide dispatcher, with a label for messages. */
export const GLOBAL_DISPATCHER_SETTERS: readonly (PackageExportSpec & { readonly label: string })[] = [
  { from: 'package', package: 'undici', name: 'setGlobalDispatcher', label: 'the global dispatcher' },
];

/** Properties whose value every request without its own agent goes through. */
export const GLOBAL_AGENT_PROPERTIES: readonly PackageExportSpec[] = [
  { from: 'package', package: 'http', name: 'globalAgent' },
  { from: 'package', package: 'https', name: 'globalAgent' },
  { from: 'package', package: 'axios', name: ['defaults.httpAgent', 'defaults.httpsAgent'] },
];
