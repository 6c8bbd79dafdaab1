// Publishes messages that cannot be delivered to the dead-letter topic as a JSON envelope carrying
// the original body: over TCP (PUB) to the nsqd the message came from, then nsqd's HTTP /pub as a
// fall-back, so nothing is ever dropped silently.
import { NsqdApi } from './nsqd-api.js';
import { NsqdProducer } from './nsqd-producer.js';

export interface DeadLetter {
  topic: string;
  channel: string;
  messageId: string;
  /** The nsqd (TCP host:port) the message was consumed from. */
  nsqdAddress: string;
  attempts: number;
  /** The last HTTP status, when there was a response. */
  status?: number;
  reason: string;
  destination: string;
  failedAt: string;
  /** The original body: UTF-8 text when it is valid UTF-8, otherwise base64. */
  body: string;
  bodyEncoding: 'utf8' | 'base64';
}

export function encodeBody(body: Buffer): Pick<DeadLetter, 'body' | 'bodyEncoding'> {
  const text = body.toString('utf8');
  return Buffer.from(text, 'utf8').equals(body) ? { body: text, bodyEncoding: 'utf8' } : { body: body.toString('base64'), bodyEncoding: 'base64' };
}

export function decodeDeadLetterBody(letter: Pick<DeadLetter, 'body' | 'bodyEncoding'>): Buffer {
  return Buffer.from(letter.body, letter.bodyEncoding === 'base64' ? 'base64' : 'utf8');
}

/** Where a dead letter can be published: nsqd's TCP protocol (PUB) or its HTTP /pub. */
export type DeadLetterRoute = { kind: 'tcp'; address: string } | { kind: 'http'; address: string };

export function describeRoute(route: DeadLetterRoute): string {
  return `${route.kind === 'tcp' ? 'PUB' : 'HTTP /pub'} ${route.address}`;
}

const PUBLISH_TIMEOUT_MS = 10_000;

export class DeadLetterPublisher {
  private readonly apis = new Map<string, NsqdApi>();
  private readonly producers = new Map<string, NsqdProducer>();

  /**
   * @param topic the dead-letter topic
   * @param routes where to publish, preferred first (re-evaluated per publish)
   */
  constructor(
    readonly topic: string,
    private readonly routes: (letter: DeadLetter) => DeadLetterRoute[],
  ) {}

  /** Publishes to the first route that accepts it; throws naming every route's failure when none does. */
  async publish(letter: DeadLetter): Promise<DeadLetterRoute> {
    const routes = this.routes(letter);
    if (routes.length === 0) throw new Error('no nsqd known to publish the dead letter to');
    const body = JSON.stringify(letter);
    const failures: string[] = [];
    for (const route of routes) {
      try {
        if (route.kind === 'tcp') await this.producer(route.address).publish(this.topic, body);
        else await this.api(route.address).publish(this.topic, body);
        return route;
      } catch (error) {
        failures.push(`${describeRoute(route)}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    throw new Error(`dead-letter publish failed (${failures.join('; ')})`);
  }

  close(): void {
    for (const producer of this.producers.values()) producer.close();
    this.producers.clear();
  }

  private producer(address: string): NsqdProducer {
    let producer = this.producers.get(address);
    if (!producer) {
      producer = new NsqdProducer(address, { timeoutMs: PUBLISH_TIMEOUT_MS });
      this.producers.set(address, producer);
    }
    return producer;
  }

  private api(address: string): NsqdApi {
    let api = this.apis.get(address);
    if (!api) {
      api = new NsqdApi(address);
      this.apis.set(address, api);
    }
    return api;
  }
}
