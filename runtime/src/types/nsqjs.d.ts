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
    close(): void;
    destroy(): void;
    id(): string;
  }
}
