// nsq_to_http's `--consumer-opt key,value` (go-nsq Config options): the ones that have a meaning
// here, each mapped to a forwarder flag or to an IDENTIFY setting; any other key is refused by name.

/** IDENTIFY settings a consumer connection sends to nsqd. */
export interface NsqConnectionSettings {
  msgTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  outputBufferTimeoutMs?: number;
  outputBufferSize?: number;
  sampleRate?: number;
  clientId?: string;
}

export type ConsumerOptionTarget =
  /** Same meaning as one of the forwarder's flags: the value is read as if that flag was given. */
  | { flag: string }
  /** Sent to nsqd in IDENTIFY. */
  | { identify: keyof NsqConnectionSettings; kind: 'duration' | 'integer' | 'string' };

/** go-nsq option name → what it means here. */
export const CONSUMER_OPTIONS: Readonly<Record<string, ConsumerOptionTarget>> = {
  max_in_flight: { flag: 'max-in-flight' },
  max_attempts: { flag: 'max-attempts' },
  default_requeue_delay: { flag: 'requeue-delay' },
  max_requeue_delay: { flag: 'max-requeue-delay' },
  max_backoff_duration: { flag: 'max-backoff-duration' },
  backoff_multiplier: { flag: 'backoff-multiplier' },
  lookupd_poll_interval: { flag: 'lookupd-poll-interval' },
  msg_timeout: { identify: 'msgTimeoutMs', kind: 'duration' },
  heartbeat_interval: { identify: 'heartbeatIntervalMs', kind: 'duration' },
  output_buffer_timeout: { identify: 'outputBufferTimeoutMs', kind: 'duration' },
  output_buffer_size: { identify: 'outputBufferSize', kind: 'integer' },
  sample_rate: { identify: 'sampleRate', kind: 'integer' },
  client_id: { identify: 'clientId', kind: 'string' },
};

/** go-nsq options that exist but have no equivalent here, with the reason given in the error. */
export const UNSUPPORTED_CONSUMER_OPTIONS: Readonly<Record<string, string>> = {
  tls_v1: 'TLS to nsqd is not supported',
  tls_config: 'TLS to nsqd is not supported',
  deflate: 'compression is not supported',
  deflate_level: 'compression is not supported',
  snappy: 'compression is not supported',
  auth_secret: 'nsqd AUTH is not supported',
  dial_timeout: 'nsqd connections use a fixed dial timeout',
  read_timeout: 'not configurable here',
  write_timeout: 'not configurable here',
  local_addr: 'not configurable here',
  hostname: 'not configurable here',
  lookupd_poll_jitter: 'not configurable here',
  lookupd_poll_timeout: 'not configurable here',
  backoff_strategy: 'the consumer-wide backoff is exponential and driven by the failure rate',
  low_rdy_idle_timeout: 'RDY is spread by this consumer without idle timeouts',
  low_rdy_timeout: 'RDY is spread by this consumer without idle timeouts',
  rdy_redistribute_interval: 'RDY is spread by this consumer without idle timeouts',
  skip_lookupd_authorization: 'not configurable here',
  user_agent: 'the nsq client library sends its own user agent',
};

/** Splits `key,value` (a bare `key` means `true`, as in go-nsq). */
export function splitConsumerOption(text: string): { key: string; value: string } {
  const index = text.indexOf(',');
  return index < 0 ? { key: text.trim(), value: 'true' } : { key: text.slice(0, index).trim(), value: text.slice(index + 1).trim() };
}
