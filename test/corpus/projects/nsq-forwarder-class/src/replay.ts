import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Forwarder } from './forwarder';

/** Re-sends a file of dead-lettered messages, one per line; returns how many failed again. */
export async function replayFile(path: string, target: string): Promise<number> {
  let failed = 0;
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) {
    const forwarder = new Forwarder(target); // expect: no-client-per-request
    const res = await forwarder.post(Buffer.from(line, 'base64'));
    await res.arrayBuffer();
    if (!res.ok) failed += 1;
  }
  return failed;
}
