// Line-oriented logging to stderr (stdout stays free for whoever embeds the forwarder).
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function createStderrLogger(options: { quiet?: boolean; prefix?: string } = {}): Logger {
  const prefix = options.prefix ?? 'keepalive-nsq';
  const write = (level: string, message: string): void => {
    process.stderr.write(`${new Date().toISOString()} ${prefix} ${level} ${message}\n`);
  };
  return {
    info: (message) => {
      if (!options.quiet) write('INFO', message);
    },
    warn: (message) => write('WARN', message),
    error: (message) => write('ERROR', message),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
