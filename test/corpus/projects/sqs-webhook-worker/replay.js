'use strict';
const { readFile } = require('node:fs/promises');
const { sendWebhook } = require('./lib/webhook');

async function replay(file, target) {
  const events = JSON.parse(await readFile(file, 'utf8'));
  let failed = 0;
  for (const event of events) {
    const { statusCode, body } = await sendWebhook(target, event);
    await body.dump({ limit: 1 << 20 });
    if (statusCode >= 300) failed += 1;
  }
  return failed;
}

replay(process.argv[2], process.argv[3]).then((failed) => {
  console.log(`${failed} events failed`);
  process.exitCode = failed ? 1 : 0;
});
