// The parts of nsqjs 0.13 (plain JavaScript, no bundled types) that nsq.ts uses.
declare module 'nsqjs' {
  import { EventEmitter } from 'node:events';

  export interface ConnectionOptions {
    clientId?: string;
    heartbeatInterval?: number;
    maxInFlight?: number;
    messageTimeout?: number;
    outputBufferTimeout?: number;
    outputBufferSize?: number;
    requeueDelay?: number;
    idleTimeout?: number;
    sampleRate?: number;
  }

  export class Message extends EventEmitter {
    readonly id: string;
    readonly attempts: number;
    readonly timestamp: bigint;
    readonly body: Buffer;
    hasResponded: boolean;
    finish(): void;
    requeue(delayMs?: number, backoff?: boolean): void;
    touch(): void;
  }

  /** One reader connection to one nsqd (RDY is left to the caller). */
  export class NSQDConnection extends EventEmitter {
    constructor(host: string, port: number, topic: string, channel: string, options?: ConnectionOptions);
    /** Negotiated in IDENTIFY, in milliseconds. */
    msgTimeout: number;
    maxMsgTimeout: number;
    maxRdyCount: number;
    connect(): void;
    setRdy(count: number): void;
    /** Every command (FIN, REQ, TOUCH, RDY, NOP…) goes through here to `outWriter`. */
    write(data: Buffer | string): void;
    /** Turns a MESSAGE frame's payload into what the 'message' event carries (an nsqjs Message by default). */
    createMessage(payload: Buffer): unknown;
    /** The socket (or the TLS/deflate/snappy stream in front of it); null before connect(). */
    outWriter: import('node:stream').Writable | null;
    close(): void;
    destroy(): void;
    id(): string;
  }

  /** One producer connection to one nsqd (no reconnect: a closed Writer is replaced). */
  export class Writer extends EventEmitter {
    constructor(host: string, port: number, options?: ConnectionOptions);
    ready: boolean;
    connect(): void;
    publish(topic: string, messages: string | Buffer | (string | Buffer)[], callback?: (error?: Error | null) => void): void;
    close(): void;
  }
}
