import https from 'node:https';

export function createKeepAliveAgent(maxSockets = 16): https.Agent {
  return new https.Agent({ keepAlive: true, maxSockets });
}

/** The agent every service of the platform shares. */
export const sharedAgent = createKeepAliveAgent(64);
