/**
 * Calls that keep a promise only to wait for it and never look at its value: a platform's
 * `waitUntil(promise)` (Cloudflare Workers' `ctx.waitUntil()`, the service-worker `FetchEvent`'s
 * `event.waitUntil()`, Vercel's `waitUntil()` from `@vercel/functions`) and Next.js's `after()` from
 * `next/server`, which takes a promise as well as a callback. A response promise handed to one is a
 * fire-and-forget request: nobody reads the response. Data only; `body-paths/promise-sinks.ts`
 * reads it.
 */
import type { PackageExportSpec } from '../imports/export-spec';

/** Method names that take a promise to wait for, on any receiver (the receiver is a platform object). */
export const PROMISE_SINK_METHODS: ReadonlySet<string> = new Set(['waitUntil']);

/** Imported functions that take a promise to wait for. */
export const PROMISE_SINK_FUNCTIONS: readonly PackageExportSpec[] = [
  { from: 'package', package: '@vercel/functions', name: 'waitUntil' },
  { from: 'package', package: 'next/server', name: ['after', 'unstable_after'] },
];
