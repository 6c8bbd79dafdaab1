// The benchmark's reference row `http_only`: the same message bodies POSTed straight to the sink by
// one keep-alive undici Agent, as many at once as the forwarders may hold in flight, with no NSQ at
// all. It measures what the HTTP leg alone reaches on this machine and sink — the ceiling any Node
// forwarder built on undici can approach — so a forwarder's distance from Little's limit can be
// split into what NSQ costs and what the rig itself costs.
//
// Runs as a child process, like a forwarder: sends every body once (a non-2xx answer is an error:
// the sink answers 2xx in benchmarks), then stays up until SIGTERM, so the run ends the same way
// for every kind.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Agent } from 'undici';
import { makeMessageBodies } from './message-bodies.js';

function fail(message: string): never {
  process.stderr.write(`http-only-client: ${message}\n`);
  process.exit(2);
}

function positiveInteger(name: string, text: string | undefined): number {
  const value = Number(text);
  if (text === undefined || !Number.isInteger(value) || value < 1) fail(`--${name} must be a positive integer, got ${JSON.stringify(text)}`);
  return value;
}

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    'ca-file': { type: 'string' },
    'run-id': { type: 'string' },
    messages: { type: 'string' },
    'message-bytes': { type: 'string' },
    concurrency: { type: 'string' },
  },
  strict: true,
});
if (!values.url) fail('--url is required');
if (!values['run-id']) fail('--run-id is required');
const destination = new URL(values.url);
const messages = positiveInteger('messages', values.messages);
const concurrency = positiveInteger('concurrency', values.concurrency);
const bodies = makeMessageBodies(values['run-id'], messages, values['message-bytes'] === undefined ? undefined : positiveInteger('message-bytes', values['message-bytes']));
const ca = values['ca-file'] === undefined ? undefined : readFileSync(values['ca-file'], 'utf8');

const agent = new Agent({ connections: concurrency, pipelining: 1, ...(ca === undefined ? {} : { connect: { ca } }) });
const headers = { 'content-type': 'application/json' };
let next = 0;

async function sendUntilDone(): Promise<void> {
  while (next < bodies.length) {
    const body = bodies[next]!;
    next += 1;
    const response = await agent.request({ origin: destination.origin, path: destination.pathname, method: 'POST', headers, body });
    await response.body.dump();
    if (response.statusCode < 200 || response.statusCode > 299) throw new Error(`the sink answered ${response.statusCode}`);
  }
}

process.once('SIGTERM', () => {
  void agent.close().finally(() => process.exit(0));
});
try {
  await Promise.all(Array.from({ length: concurrency }, () => sendUntilDone()));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
// Stay up until the benchmark stops us (SIGTERM), as a forwarder does.
setInterval(() => undefined, 60_000);
