#!/usr/bin/env node
// keepalive-nsq: command-line entry point (flags, signals, exit summary). Exit 0 after a clean
// shutdown, 1 on a runtime failure, 2 on bad flags.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, helpText, parseCommandLine } from './config.js';
import { formatSummary, startForwarder, type ForwarderSummary } from './forwarder.js';
import { createStderrLogger } from './logger.js';

/** The version in package.json (one directory above src/ and dist/). */
function packageVersion(): string {
  const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

function fail(code: number, message: string): never {
  process.stderr.write(`keepalive-nsq: ${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    if (error instanceof ConfigError) fail(2, error.message);
    throw error;
  }
  if (parsed.help) {
    process.stdout.write(`${helpText()}\n`);
    return;
  }
  if (parsed.version) {
    process.stdout.write(`keepalive-nsq v${packageVersion()}\n`);
    return;
  }
  const { config } = parsed;
  const log = createStderrLogger({ quiet: config.quiet });

  let forwarder;
  try {
    forwarder = await startForwarder(config, { log });
  } catch (error) {
    fail(error instanceof ConfigError ? 2 : 1, error instanceof Error ? error.message : String(error));
  }

  const report = (summary: ForwarderSummary): void => {
    process.stderr.write(`keepalive-nsq summary: ${formatSummary(summary)}\n`);
    const json = JSON.stringify({ event: 'summary', ...summary });
    if (config.summaryJsonFile) {
      try {
        writeFileSync(config.summaryJsonFile, `${json}\n`);
      } catch (error) {
        log.error(`--summary-json: cannot write ${config.summaryJsonFile}: ${(error as Error).message}`);
      }
    }
    process.stderr.write(`${json}\n`);
  };

  let signalled = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (signalled) {
      process.stderr.write(`keepalive-nsq: second ${signal}, exiting without waiting for in-flight messages\n`);
      process.exit(130);
    }
    signalled = true;
    log.info(`${signal}: finishing in-flight messages (up to ${config.shutdownTimeoutMs} ms; send again to force exit)`);
    // Hard deadline in case closing hangs: shutdown timeout plus a grace period.
    setTimeout(() => fail(1, 'shutdown did not complete in time'), config.shutdownTimeoutMs + 10_000).unref();
    forwarder.stop().then(
      (summary) => {
        report(summary);
        process.exit(0);
      },
      (error: unknown) => fail(1, `shutdown failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

main().catch((error: unknown) => fail(1, error instanceof Error ? (error.stack ?? error.message) : String(error)));
