import { Agent } from 'undici';

export function newDispatcher(connections = 16): Agent {
  return new Agent({ connections, keepAliveTimeout: 30_000 });
}
