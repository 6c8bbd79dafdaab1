// Publishing over nsqd's TCP protocol (PUB) through one reused nsqjs Writer per nsqd, so dead letters
// go back to the very nsqd a message came from, without knowing its HTTP address. Wrapped because
// of nsqjs 0.13 Writer traps (verified in its source):
// - publish() before 'ready' both queues the message and sends it again once ready: publish only
//   when ready, after waiting for 'ready' here;
// - a closed or failed Writer never reconnects, and publish() on it throws: replace it;
// - a publish whose answer never comes never calls back: each one has a deadline here;
// - 'error' without a listener crashes the process: always listened to;
// - an error frame (E_PUB_FAILED, E_BAD_TOPIC…) closes the connection.
import { Writer } from 'nsqjs';

export interface NsqdProducerOptions {
  /** Deadline for connecting + IDENTIFY, and for each publish's OK. */
  timeoutMs: number;
}

function splitHostPort(address: string): { host: string; port: number } {
  const index = address.lastIndexOf(':');
  return { host: address.slice(0, index).replace(/^\[|\]$/g, ''), port: Number(address.slice(index + 1)) };
}

function withDeadline<T>(promise: Promise<T>, timeoutMs: number, what: string, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new Error(`${what} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** One producer connection to one nsqd (host:port of its TCP listener), connected on first use. */
export class NsqdProducer {
  private writer?: Writer;
  private ready?: Promise<Writer>;
  private closed = false;

  constructor(
    readonly address: string,
    private readonly options: NsqdProducerOptions,
  ) {}

  async publish(topic: string, body: string | Buffer): Promise<void> {
    const writer = await this.connected();
    await withDeadline(
      new Promise<void>((resolve, reject) => {
        writer.publish(topic, body, (error) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve()));
      }),
      this.options.timeoutMs,
      `PUB to nsqd ${this.address}`,
      () => this.discard(writer),
    );
  }

  close(): void {
    this.closed = true;
    if (this.writer) this.discard(this.writer);
  }

  private connected(): Promise<Writer> {
    if (this.closed) return Promise.reject(new Error(`producer for nsqd ${this.address} is closed`));
    if (this.ready) return this.ready;
    const { host, port } = splitHostPort(this.address);
    const writer = new Writer(host, port, { clientId: 'keepalive-nsq-dead-letters' });
    this.writer = writer;
    // Listened to for the Writer's whole life: an 'error' without a listener would crash the process.
    // It closes itself after an error; only the reference is dropped then.
    writer.on('error', () => this.forget(writer));
    writer.on('closed', () => this.forget(writer));
    const ready = withDeadline(
      new Promise<Writer>((resolve, reject) => {
        writer.once('ready', () => resolve(writer));
        writer.once('error', (error: Error) => reject(new Error(`cannot connect to nsqd ${this.address}: ${error.message}`)));
        writer.once('closed', () => reject(new Error(`nsqd ${this.address} closed the connection`)));
      }),
      this.options.timeoutMs,
      `connecting to nsqd ${this.address}`,
      () => this.discard(writer),
    );
    this.ready = ready;
    writer.connect();
    return ready;
  }

  /** Forgets a Writer that failed or closed; the next publish connects anew. */
  private forget(writer: Writer): void {
    if (this.writer !== writer) return;
    this.writer = undefined;
    this.ready = undefined;
  }

  /** Closes a Writer that stopped answering, and forgets it. */
  private discard(writer: Writer): void {
    this.forget(writer);
    try {
      writer.close();
    } catch {
      // Not connected yet, or already closed.
    }
  }
}
