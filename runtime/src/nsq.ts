// NSQ consumer built on nsqjs's per-connection protocol handling (NSQDConnection), with the
// consumer-level parts done here so nsqjs's Reader traps cannot bite:
// - every connection has `error` listeners (E_FIN_FAILED & co. would otherwise crash the process);
// - a message gets at most one FIN/REQ (the guard is synchronous, unlike nsqjs's nextTick flag);
// - RDY is spread over connections without losing the remainder, and set once per change:
//   nsqd keeps sending while a connection's in-flight count is below its RDY, so the full
//   max-in-flight stays in flight without re-issuing RDY after every message;
// - attempts/discard are the forwarder's business (no auto-finish), REQ delays are explicit;
// - connections are re-established after nsqd restarts, and nsqlookupd is polled for producers.
import { NSQDConnection } from 'nsqjs';
import { hostname } from 'node:os';
import { request } from 'undici';
import { batchWritesPerTick } from './batched-writes.js';
import type { NsqConnectionSettings } from './consumer-options.js';
import type { Logger } from './logger.js';
import { finishCommand, readMessageFrame, requeueCommand, touchCommand } from './nsqd-frames.js';

export interface NsqMessage {
  readonly id: string;
  readonly body: Buffer;
  /** 1 on first delivery, incremented by nsqd on every redelivery. */
  readonly attempts: number;
  /** The nsqd (host:port) this delivery came from. */
  readonly nsqdAddress: string;
  /** nsqd's message timeout for this connection, in ms (TOUCH before it runs out). */
  readonly msgTimeoutMs: number;
  /** The hard limit TOUCH cannot extend past, in ms after delivery. */
  readonly maxMsgTimeoutMs: number;
  readonly responded: boolean;
  /** FIN; false when the message was already answered or its connection is gone (nsqd will redeliver). */
  finish(): boolean;
  /** REQ with a delay; false as for finish(). */
  requeue(delayMs: number): boolean;
  /** TOUCH; false when answered or the connection is gone. */
  touch(): boolean;
}

export interface NsqProducer {
  tcpAddress: string;
  httpAddress: string;
}

export interface NsqConsumerOptions {
  topic: string;
  channel: string;
  nsqdTcpAddresses: string[];
  lookupdHttpAddresses: string[];
  lookupdPollIntervalMs: number;
  maxInFlight: number;
  /** IDENTIFY settings (--consumer-opt); unset ones keep the defaults below. */
  connection?: NsqConnectionSettings;
  onMessage(message: NsqMessage): void;
  /** A connection became ready (subscribed) or was lost. */
  onConnectionChange?(address: string, connected: boolean): void;
  /** nsqd error frames such as E_FIN_FAILED: logged and counted, never fatal. */
  onProtocolError?(address: string, error: Error): void;
  log: Logger;
}

const RECONNECT_MIN_MS = 200;
const RECONNECT_MAX_MS = 5_000;
/** When RDY budget < connections, the connections holding RDY 1 rotate this often. */
const RDY_ROTATE_MS = 2_000;

interface Link {
  address: string;
  host: string;
  port: number;
  connection?: NSQDConnection;
  /** Bumped for each new connection, so answers for a lost connection's messages are dropped. */
  generation: number;
  ready: boolean;
  rdy: number;
  inFlight: number;
  reconnectAttempts: number;
  reconnectTimer?: NodeJS.Timeout;
  /** False once nsqlookupd stops listing it or the consumer closes: no more reconnects. */
  wanted: boolean;
  /** Why the last connection failed or closed, for the reconnect log line. */
  lastError?: string;
}

function splitHostPort(address: string): { host: string; port: number } {
  const index = address.lastIndexOf(':');
  return { host: address.slice(0, index).replace(/^\[|\]$/g, ''), port: Number(address.slice(index + 1)) };
}

export class NsqConsumer {
  private readonly links = new Map<string, Link>();
  private readonly producers = new Map<string, NsqProducer>();
  private rdyBudget: number;
  private rotation = 0;
  private rotateTimer?: NodeJS.Timeout;
  private lookupdTimer?: NodeJS.Timeout;
  private closing = false;
  private inFlightTotal = 0;

  constructor(private readonly options: NsqConsumerOptions) {
    this.rdyBudget = options.maxInFlight;
  }

  get inFlight(): number {
    return this.inFlightTotal;
  }

  get connectedCount(): number {
    let count = 0;
    for (const link of this.links.values()) if (link.ready) count += 1;
    return count;
  }

  /** TCP addresses of the nsqd connections that are up now. */
  connectedAddresses(): string[] {
    return [...this.links.values()].filter((link) => link.ready).map((link) => link.address);
  }

  /** nsqd producers learnt from nsqlookupd (their HTTP addresses serve dead-letter publishing). */
  knownProducers(): NsqProducer[] {
    return [...this.producers.values()];
  }

  start(): void {
    for (const address of this.options.nsqdTcpAddresses) this.addLink(address);
    if (this.options.lookupdHttpAddresses.length > 0) {
      void this.pollLookupd();
      this.lookupdTimer = setInterval(() => void this.pollLookupd(), this.options.lookupdPollIntervalMs);
    }
  }

  /** Total RDY across connections: max-in-flight normally, less (down to 0) while backing off. */
  setRdyBudget(budget: number): void {
    const clamped = Math.max(0, Math.min(this.options.maxInFlight, Math.floor(budget)));
    if (clamped === this.rdyBudget) return;
    this.rdyBudget = clamped;
    this.rebalance();
  }

  /** Stops new deliveries (RDY 0 everywhere); connections stay open so in-flight messages can be answered. */
  pause(): void {
    this.closing = true;
    this.rebalance();
  }

  /** Closes every connection; unanswered messages go back to nsqd (it redelivers them). */
  close(): void {
    this.closing = true;
    clearInterval(this.lookupdTimer);
    clearInterval(this.rotateTimer);
    for (const link of this.links.values()) {
      link.wanted = false;
      clearTimeout(link.reconnectTimer);
      if (link.connection) {
        link.generation += 1;
        link.connection.close();
        link.connection = undefined;
      }
      link.ready = false;
    }
  }

  private addLink(address: string): void {
    const existing = this.links.get(address);
    if (existing) {
      if (!existing.wanted) {
        existing.wanted = true;
        if (!existing.connection) this.connect(existing);
      }
      return;
    }
    const { host, port } = splitHostPort(address);
    const link: Link = { address, host, port, generation: 0, ready: false, rdy: 0, inFlight: 0, reconnectAttempts: 0, wanted: true };
    this.links.set(address, link);
    this.connect(link);
  }

  private connect(link: Link): void {
    if (this.closing || !link.wanted) return;
    link.generation += 1;
    const generation = link.generation;
    const settings = this.options.connection ?? {};
    const connection = new NSQDConnection(link.host, link.port, this.options.topic, this.options.channel, {
      clientId: settings.clientId ?? `keepalive-nsq-${hostname().split('.')[0]}-${process.pid}`,
      // nsqjs takes seconds here.
      heartbeatInterval: settings.heartbeatIntervalMs !== undefined ? Math.max(1, settings.heartbeatIntervalMs / 1000) : 30,
      maxInFlight: this.options.maxInFlight,
      // nsqd buffers messages for up to 250 ms by default; its minimum (25 ms) keeps in-flight full.
      outputBufferTimeout: settings.outputBufferTimeoutMs ?? 25,
      ...(settings.outputBufferSize !== undefined ? { outputBufferSize: settings.outputBufferSize } : {}),
      ...(settings.msgTimeoutMs !== undefined ? { messageTimeout: settings.msgTimeoutMs } : {}),
      ...(settings.sampleRate ? { sampleRate: settings.sampleRate } : {}),
    });
    batchWritesPerTick(connection);
    // 'message' then carries the frame's payload, not an nsqjs Message (see nsqd-frames.ts).
    connection.createMessage = (payload) => payload;
    link.connection = connection;
    link.ready = false;
    link.rdy = 0;
    const current = (): boolean => link.generation === generation;

    connection.on('ready', () => {
      if (!current()) return;
      link.ready = true;
      link.reconnectAttempts = 0;
      this.options.log.info(`connected to nsqd ${link.address} (msg_timeout ${connection.msgTimeout} ms)`);
      this.options.onConnectionChange?.(link.address, true);
      this.rebalance();
    });
    connection.on('message', (payload: Buffer) => {
      if (!current()) return;
      this.deliver(link, generation, connection, payload);
    });
    // nsqjs emits nsqd's error frames (E_FIN_FAILED, E_REQ_FAILED, E_TOUCH_FAILED, E_BAD_BODY…) and
    // socket errors here (its 'connection_error' comes after 'closed', too late to be useful).
    connection.on('error', (error: Error) => {
      if (!current()) return;
      link.lastError = error.message;
      if (/^E_[A-Z_]+/.test(error.message)) this.options.onProtocolError?.(link.address, error);
    });
    connection.on('closed', () => {
      if (!current()) return;
      link.generation += 1; // answers for this connection's messages are void now
      const wasReady = link.ready;
      link.ready = false;
      link.connection = undefined;
      this.inFlightTotal -= link.inFlight;
      link.inFlight = 0;
      link.rdy = 0;
      if (wasReady) this.options.onConnectionChange?.(link.address, false);
      this.rebalance();
      this.scheduleReconnect(link, wasReady);
    });
    connection.connect();
  }

  private scheduleReconnect(link: Link, wasReady: boolean): void {
    if (this.closing || !link.wanted) return;
    const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** link.reconnectAttempts);
    link.reconnectAttempts += 1;
    const reason = link.lastError ?? 'connection closed';
    link.lastError = undefined;
    this.options.log.warn(`${wasReady ? 'lost' : 'cannot connect to'} nsqd ${link.address} (${reason}); reconnecting in ${delay} ms`);
    link.reconnectTimer = setTimeout(() => this.connect(link), delay);
  }

  private deliver(link: Link, generation: number, connection: NSQDConnection, payload: Buffer): void {
    const { id, attempts, body } = readMessageFrame(payload);
    link.inFlight += 1;
    this.inFlightTotal += 1;
    let responded = false;
    const alive = (): boolean => link.generation === generation;
    const settle = (): boolean => {
      if (responded) return false;
      responded = true;
      if (!alive()) return false;
      link.inFlight -= 1;
      this.inFlightTotal -= 1;
      return true;
    };
    const message: NsqMessage = {
      id,
      body,
      attempts,
      nsqdAddress: link.address,
      msgTimeoutMs: connection.msgTimeout,
      maxMsgTimeoutMs: connection.maxMsgTimeout,
      get responded() {
        return responded;
      },
      finish: () => {
        if (!settle()) return false;
        connection.write(finishCommand(id));
        return true;
      },
      requeue: (delayMs) => {
        if (!settle()) return false;
        connection.write(requeueCommand(id, delayMs));
        return true;
      },
      touch: () => {
        if (responded || !alive()) return false;
        connection.write(touchCommand(id));
        return true;
      },
    };
    this.options.onMessage(message);
  }

  /** Gives each ready connection its share of the RDY budget; sends RDY only where it changed. */
  private rebalance(): void {
    const ready = [...this.links.values()].filter((link) => link.ready && link.connection).sort((a, b) => a.address.localeCompare(b.address));
    const budget = this.closing ? 0 : this.rdyBudget;
    const targets = new Map<Link, number>();
    if (ready.length > 0) {
      if (budget >= ready.length) {
        const base = Math.floor(budget / ready.length);
        const extra = budget % ready.length;
        ready.forEach((link, index) => targets.set(link, base + (index < extra ? 1 : 0)));
      } else {
        // Fewer RDY than connections: give RDY 1 to `budget` of them, rotating so none starves.
        ready.forEach((link, index) => {
          const slot = (index - this.rotation + ready.length * 1000) % ready.length;
          targets.set(link, slot < budget ? 1 : 0);
        });
      }
    }
    const mustRotate = budget > 0 && budget < ready.length && !this.closing;
    if (mustRotate && !this.rotateTimer) {
      this.rotateTimer = setInterval(() => {
        this.rotation += 1;
        this.rebalance();
      }, RDY_ROTATE_MS);
      this.rotateTimer.unref();
    } else if (!mustRotate && this.rotateTimer) {
      clearInterval(this.rotateTimer);
      this.rotateTimer = undefined;
    }
    for (const [link, target] of targets) {
      if (target !== link.rdy) {
        link.rdy = target;
        link.connection?.setRdy(target);
      }
    }
  }

  private async pollLookupd(): Promise<void> {
    const seen = new Set<string>();
    let answered = 0;
    await Promise.all(
      this.options.lookupdHttpAddresses.map(async (lookupd) => {
        try {
          const response = await request(`http://${lookupd}/lookup?topic=${encodeURIComponent(this.options.topic)}`, {
            headersTimeout: 5_000,
            bodyTimeout: 5_000,
          });
          const text = await response.body.text();
          answered += 1;
          if (response.statusCode === 404) return; // topic not registered yet
          if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}: ${text.trim()}`);
          const parsed = JSON.parse(text) as { producers?: unknown; data?: { producers?: unknown } };
          const producers = (parsed.producers ?? parsed.data?.producers ?? []) as {
            broadcast_address?: string;
            hostname?: string;
            tcp_port?: number;
            http_port?: number;
          }[];
          for (const producer of producers) {
            const host = producer.broadcast_address || producer.hostname;
            if (!host || !producer.tcp_port) continue;
            const bracketed = host.includes(':') ? `[${host}]` : host;
            const tcpAddress = `${bracketed}:${producer.tcp_port}`;
            seen.add(tcpAddress);
            if (producer.http_port) this.producers.set(tcpAddress, { tcpAddress, httpAddress: `${bracketed}:${producer.http_port}` });
          }
        } catch (error) {
          this.options.log.warn(`nsqlookupd ${lookupd}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }),
    );
    if (this.closing) return;
    for (const address of seen) this.addLink(address);
    // Stop reconnecting to nsqd that no lookupd lists any more (only when some lookupd answered).
    if (answered > 0) {
      for (const link of this.links.values()) if (!seen.has(link.address)) link.wanted = false;
    }
  }
}
