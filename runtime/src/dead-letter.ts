// Publishes messages that cannot be delivered to the dead-letter topic through nsqd's HTTP /pub,
// as a JSON envelope carrying the original body, so nothing is ever dropped silently.
import { NsqdApi } from './nsqd-api.js';

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

export class DeadLetterPublisher {
  private readonly apis = new Map<string, NsqdApi>();

  /**
   * @param topic the dead-letter topic
   * @param httpAddresses nsqd HTTP addresses to try, preferred first (re-evaluated per publish)
   */
  constructor(
    readonly topic: string,
    private readonly httpAddresses: (letter: DeadLetter) => string[],
  ) {}

  /** Publishes to the first nsqd that accepts it; throws when none does (the caller then requeues). */
  async publish(letter: DeadLetter): Promise<void> {
    const addresses = this.httpAddresses(letter);
    if (addresses.length === 0) throw new Error('no nsqd HTTP address known to publish the dead letter to');
    const failures: string[] = [];
    for (const address of addresses) {
      let api = this.apis.get(address);
      if (!api) {
        api = new NsqdApi(address);
        this.apis.set(address, api);
      }
      try {
        await api.publish(this.topic, JSON.stringify(letter));
        return;
      } catch (error) {
        failures.push(`${address}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    throw new Error(`dead-letter publish failed (${failures.join('; ')})`);
  }
}
