// The consumer's side of nsqd's TCP protocol for one message: its fields read from the MESSAGE
// frame, and the FIN / REQ / TOUCH commands that answer it. nsqjs wraps every message in an
// EventEmitter with a timer of its own and answers on the next tick; the forwarder tracks deadlines
// and answers itself (nsq.ts), so it takes the raw frame instead and skips that per-message work.
//
// MESSAGE frame payload: [8-byte timestamp][2-byte attempts][16-byte ASCII id][body].

export interface MessageFrame {
  id: string;
  attempts: number;
  body: Buffer;
}

export function readMessageFrame(payload: Buffer): MessageFrame {
  return {
    id: payload.toString('latin1', 10, 26),
    attempts: payload.readUInt16BE(8),
    body: payload.subarray(26),
  };
}

export const finishCommand = (id: string): string => `FIN ${id}\n`;

/** REQ with a delay in whole milliseconds. */
export const requeueCommand = (id: string, delayMs: number): string => `REQ ${id} ${Math.max(0, Math.round(delayMs))}\n`;

export const touchCommand = (id: string): string => `TOUCH ${id}\n`;
