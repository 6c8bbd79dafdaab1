// A small client for nsqd's HTTP API: ping, topic/channel creation, publishing and /stats.
import { request } from 'undici';

/** Per-channel numbers from nsqd's `/stats?format=json`, under nsqd's own field names. */
export interface ChannelStats {
  channel_name: string;
  depth: number;
  in_flight_count: number;
  deferred_count: number;
  requeue_count: number;
  timeout_count: number;
  message_count: number;
  client_count: number;
}

export interface TopicStats {
  topic_name: string;
  depth: number;
  message_count: number;
  channels: ChannelStats[];
}

export interface NsqdStats {
  version: string;
  topics: TopicStats[];
}

/** mpub bodies are newline-separated, so a body with a newline has to go through /pub. */
const MPUB_CHUNK_BYTES = 512 * 1024;
const MPUB_CHUNK_MESSAGES = 500;

export class NsqdApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'NsqdApiError';
  }
}

function numberField(record: Record<string, unknown>, key: string): number {
  const value = record[key];
  return typeof value === 'number' ? value : 0;
}

function parseChannel(raw: Record<string, unknown>): ChannelStats {
  return {
    channel_name: String(raw.channel_name ?? ''),
    depth: numberField(raw, 'depth'),
    in_flight_count: numberField(raw, 'in_flight_count'),
    deferred_count: numberField(raw, 'deferred_count'),
    requeue_count: numberField(raw, 'requeue_count'),
    timeout_count: numberField(raw, 'timeout_count'),
    message_count: numberField(raw, 'message_count'),
    client_count: Array.isArray(raw.clients) ? raw.clients.length : numberField(raw, 'client_count'),
  };
}

export class NsqdApi {
  readonly baseUrl: string;

  /** @param httpAddress nsqd's `--http-address`, as `host:port` or `http://host:port`. */
  constructor(readonly httpAddress: string) {
    if (!httpAddress) throw new Error('NsqdApi needs an nsqd HTTP address (host:port)');
    this.baseUrl = httpAddress.includes('://') ? httpAddress.replace(/\/+$/, '') : `http://${httpAddress}`;
    new URL(this.baseUrl); // throws on an unusable address
  }

  private async call(method: 'GET' | 'POST', path: string, body?: string | Buffer): Promise<string> {
    const response = await request(`${this.baseUrl}${path}`, {
      method,
      body,
      headersTimeout: 10_000,
      bodyTimeout: 10_000,
    });
    const text = await response.body.text();
    if (response.statusCode < 200 || response.statusCode >= 300) {
      throw new NsqdApiError(`nsqd ${method} ${path} → ${response.statusCode}: ${text.trim()}`, response.statusCode);
    }
    return text;
  }

  /** Resolves when nsqd answers `GET /ping` with OK. */
  async ping(): Promise<void> {
    const text = await this.call('GET', '/ping');
    if (text.trim() !== 'OK') throw new Error(`nsqd /ping answered ${JSON.stringify(text)}`);
  }

  async createTopic(topic: string): Promise<void> {
    await this.call('POST', `/topic/create?topic=${encodeURIComponent(topic)}`);
  }

  async createChannel(topic: string, channel: string): Promise<void> {
    await this.call(
      'POST',
      `/channel/create?topic=${encodeURIComponent(topic)}&channel=${encodeURIComponent(channel)}`,
    );
  }

  async emptyChannel(topic: string, channel: string): Promise<void> {
    await this.call(
      'POST',
      `/channel/empty?topic=${encodeURIComponent(topic)}&channel=${encodeURIComponent(channel)}`,
    );
  }

  async publish(topic: string, body: string | Buffer): Promise<void> {
    await this.call('POST', `/pub?topic=${encodeURIComponent(topic)}`, body);
  }

  /** Publishes with `/mpub` in chunks; bodies containing a newline are published one by one. */
  async publishMany(topic: string, bodies: readonly (string | Buffer)[]): Promise<void> {
    let chunk: Buffer[] = [];
    let chunkBytes = 0;
    const flush = async (): Promise<void> => {
      if (chunk.length === 0) return;
      await this.call('POST', `/mpub?topic=${encodeURIComponent(topic)}`, Buffer.from(joinLines(chunk)));
      chunk = [];
      chunkBytes = 0;
    };
    for (const body of bodies) {
      const buffer = typeof body === 'string' ? Buffer.from(body) : body;
      if (buffer.length === 0) throw new Error('nsqd does not accept empty message bodies');
      if (buffer.includes(0x0a)) {
        await flush();
        await this.publish(topic, buffer);
        continue;
      }
      if (chunk.length >= MPUB_CHUNK_MESSAGES || chunkBytes + buffer.length > MPUB_CHUNK_BYTES) await flush();
      chunk.push(buffer);
      chunkBytes += buffer.length + 1;
    }
    await flush();
  }

  /** `/stats?format=json`, optionally narrowed to one topic and channel. */
  async stats(topic?: string, channel?: string): Promise<NsqdStats> {
    const query = new URLSearchParams({ format: 'json' });
    if (topic) query.set('topic', topic);
    if (channel) query.set('channel', channel);
    const parsed = JSON.parse(await this.call('GET', `/stats?${query}`)) as Record<string, unknown>;
    // nsqd ≥ 1.0 answers the stats object directly; older versions wrapped it in `data`.
    const root = (parsed.data && typeof parsed.data === 'object' ? parsed.data : parsed) as Record<string, unknown>;
    const topics = Array.isArray(root.topics) ? (root.topics as Record<string, unknown>[]) : [];
    return {
      version: String(root.version ?? ''),
      topics: topics.map((t) => ({
        topic_name: String(t.topic_name ?? ''),
        depth: numberField(t, 'depth'),
        message_count: numberField(t, 'message_count'),
        channels: (Array.isArray(t.channels) ? (t.channels as Record<string, unknown>[]) : []).map(parseChannel),
      })),
    };
  }

  /** The stats of one channel, or undefined when the topic or channel does not exist yet. */
  async channelStats(topic: string, channel: string): Promise<ChannelStats | undefined> {
    const stats = await this.stats(topic, channel);
    return stats.topics.find((t) => t.topic_name === topic)?.channels.find((c) => c.channel_name === channel);
  }

  /** The stats of one topic, or undefined when it does not exist yet. */
  async topicStats(topic: string): Promise<TopicStats | undefined> {
    const stats = await this.stats(topic);
    return stats.topics.find((t) => t.topic_name === topic);
  }
}

function joinLines(parts: Buffer[]): Buffer {
  const pieces: Buffer[] = [];
  parts.forEach((part, index) => {
    if (index > 0) pieces.push(Buffer.from('\n'));
    pieces.push(part);
  });
  return Buffer.concat(pieces);
}
