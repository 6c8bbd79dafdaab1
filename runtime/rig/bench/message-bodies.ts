// The messages a demo or benchmark run publishes: small JSON events, each with a run-unique id, so
// the sink can count deliveries by body for forwarders that send no Idempotency-Key (nsq_to_http).
import type { IncomingHttpHeaders } from 'node:http';

const PAYLOAD_FILLER = 'x';

/** `count` distinct bodies of about `bodyBytes` bytes (never less than the JSON envelope). */
export function makeMessageBodies(runId: string, count: number, bodyBytes = 200): string[] {
  if (!/^[\w.-]+$/.test(runId)) throw new Error(`run id must be letters, digits, "-", "_" or ".", got "${runId}"`);
  if (!Number.isInteger(count) || count < 1) throw new Error(`message count must be a positive integer, got ${count}`);
  const bodies: string[] = [];
  for (let seq = 0; seq < count; seq += 1) {
    const envelope = { id: `${runId}:${seq}`, event: 'order.created', payload: '' };
    const padding = Math.max(0, bodyBytes - JSON.stringify(envelope).length);
    bodies.push(JSON.stringify({ ...envelope, payload: PAYLOAD_FILLER.repeat(padding) }));
  }
  return bodies;
}

/** The `id` of a body made by makeMessageBodies; undefined for anything else. */
export function messageIdOf(body: Buffer): string | undefined {
  const head = body.subarray(0, 200).toString('utf8');
  return /^\{"id":"([^"]+)"/.exec(head)?.[1];
}

/** A sink `keyOf` that counts deliveries by message id, whatever headers the forwarder sends. */
export function keyByMessageId(_headers: IncomingHttpHeaders, body: Buffer): string | undefined {
  return messageIdOf(body);
}
