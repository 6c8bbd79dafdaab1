import { Client } from 'undici';
import { EventEmitter } from 'node:events';

export class StatusPoller extends EventEmitter {
  private timer: NodeJS.Timeout | undefined;
  private readonly client: Client;

  constructor(private readonly origin: string) {
    super();
    this.client = new Client(origin, { keepAliveTimeout: 60_000 });
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.poll(), intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async poll(): Promise<void> {
    const { statusCode, body } = await this.client.request({ path: '/status', method: 'GET' });
    const status = await body.json();
    this.emit('status', statusCode, status);
  }
}

export function pollLegacy(origin: string, intervalMs: number): NodeJS.Timeout {
  return setInterval(async () => {
    const client = new Client(origin); // expect: no-client-per-request
    const { body } = await client.request({ path: '/status', method: 'GET' });
    console.log(await body.text());
    await client.close();
  }, intervalMs);
}
