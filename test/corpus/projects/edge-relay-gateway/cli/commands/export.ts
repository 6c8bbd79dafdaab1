// `relay export <out>`: a yargs command module; one agent for the whole run.
import https from 'node:https';
import type { Argv } from 'yargs';
import { fetchAllPages } from '../pages';

export const command = 'export <out>';
export const describe = 'download every item as NDJSON';
export const builder = (yargs: Argv) => yargs.positional('out', { type: 'string' });

export async function handler(argv: { out: string; url: string }) {
  const agent = new https.Agent({ keepAlive: true, maxSockets: 4 });
  try {
    await fetchAllPages(argv.url, agent, argv.out);
  } finally {
    agent.destroy();
  }
}
