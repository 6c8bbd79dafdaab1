// keepalive-nsq's programmatic API (the CLI is cli.ts; the probe is also `keepalive-nsq/probe`).
export { startForwarder, formatSummary, idempotencyKey, type Forwarder, type ForwarderSummary } from './forwarder.js';
export { parseCommandLine, helpText, ConfigError, type ForwarderConfig, type ForwarderMode } from './config.js';
export { watchConnections, type ConnectionProbe, type ConnectionReport, type OriginCounts } from './probe.js';
export { NsqdApi, type ChannelStats, type TopicStats, type NsqdStats } from './nsqd-api.js';
export { decodeDeadLetterBody, type DeadLetter } from './dead-letter.js';
export type { MetricsSnapshot } from './metrics.js';
