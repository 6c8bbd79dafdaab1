/**
 * Calls that read a value and keep nothing of it: passing a client or an options object holding
 * one to these neither uses it for a request nor lets it outlive the call (a cache key built with
 * `JSON.stringify(options)`, a log line). Data only; `client-lifetime/single-use.ts` reads it.
 */
import type { GlobalSpec } from '../imports/export-spec';

export const INSPECTING_CALLS: readonly GlobalSpec[] = [
  { from: 'global', name: ['JSON.stringify', 'Object.keys', 'Object.values', 'Object.entries', 'String', 'Boolean'] },
  { from: 'global', name: ['console.log', 'console.debug', 'console.info', 'console.warn', 'console.error'] },
];

/**
 * Built-in error constructors: `new Error(value)` turns its message argument into a string and keeps
 * nothing else of it, so `throw new Error(res)` reads no body (a subclass of the project may keep
 * what it is given, and stays unknown).
 */
export const STRINGIFYING_CONSTRUCTORS: readonly GlobalSpec[] = [
  { from: 'global', name: ['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError'] },
];
