import { Agent, fetch, type Response } from 'undici';

/** Posts NSQ message bodies to one HTTP sink over its own keep-alive dispatcher. */
export class Forwarder {
  private readonly dispatcher = new Agent({ connections: 16, keepAliveTimeout: 30_000 });

  constructor(private readonly target: string) {}

  /** Sends one message. The response is returned as is: the caller reads or cancels its body. */
  async post(body: Buffer): Promise<Response> {
    return fetch(this.target, {
      method: 'POST',
      body,
      dispatcher: this.dispatcher,
      headers: { 'content-type': 'application/octet-stream' },
    });
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }
}
