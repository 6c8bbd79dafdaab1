/**
 * Does a file run in a browser? Global `fetch` there is the browser's: its connection pool is the
 * browser's own, and browsers reclaim unread bodies far more promptly than Node's garbage collector
 * (undici README, "Garbage Collection"), so Node connection-reuse advice does not apply.
 *
 * Evidence is a reference to a global that only browsers (and web workers) define — `window`,
 * `document`, `navigator`, `location`, `self`, `XMLHttpRequest`, `localStorage`, ... — whether
 * undeclared or declared through `languageOptions.globals`, or a `'use client'` directive: a React
 * client component (Next.js, React Server Components), whose requests run in the browser's event
 * handlers and effects.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { hasDirective } from '../../ast/has-directive';

const BROWSER_GLOBALS: ReadonlySet<string> = new Set([
  'window',
  'document',
  'navigator',
  'location',
  'self',
  'XMLHttpRequest',
  'localStorage',
  'sessionStorage',
  'HTMLElement',
  'importScripts',
]);

/** True when the file is a React client component (`'use client'` among its directives). */
export function isClientComponent(program: TSESTree.Program): boolean {
  return hasDirective(program.body, 'use client');
}

/** True when the file reads a browser-only global. */
export function usesBrowserGlobals(scopeManager: TSESLint.Scope.ScopeManager | null): boolean {
  const globalScope = scopeManager?.globalScope;
  if (!globalScope) return false;
  if (globalScope.through.some((reference) => BROWSER_GLOBALS.has(reference.identifier.name))) return true;
  for (const name of BROWSER_GLOBALS) {
    const variable = globalScope.set.get(name);
    if (variable && variable.defs.length === 0 && variable.references.length > 0) return true;
  }
  return false;
}
