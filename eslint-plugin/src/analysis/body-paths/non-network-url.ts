/**
 * A request whose URL is a literal with a scheme that never opens a connection (`about:blank`,
 * `data:...`, `blob:...`, `file:...`): fetch answers it without a socket, so there is no
 * connection to return to a pool and no body to release for reuse. Used for capability probes such
 * as `fetch('about:blank', { get dispatcher() { ... } })`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { staticString } from '../../ast/static-string';

const NON_NETWORK_SCHEME = /^(?:about|data|blob|file):/i;

/** True when `url` is a literal URL that fetch resolves without a network connection. */
export function isNonNetworkUrl(url: TSESTree.Node | undefined): boolean {
  if (!url) return false;
  const value = staticString(url);
  return value !== undefined && NON_NETWORK_SCHEME.test(value.trim());
}
