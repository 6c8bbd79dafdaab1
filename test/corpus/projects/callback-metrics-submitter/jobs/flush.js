'use strict';
const { submitBatch } = require('../lib/submit');

const pending = [];

function record(name, value) {
  pending.push({ name, value, at: Date.now() });
}

/** Runs every ten seconds: sends what was recorded and logs the outcome. */
function flush(log) {
  if (pending.length === 0) return;
  const batch = pending.splice(0);
  submitBatch(batch, (err, res) => { // expect: no-unconsumed-body
    if (err) {
      log(`metrics flush failed: ${err.message}`);
      return;
    }
    log(`metrics flush: HTTP ${res.statusCode} for ${batch.length} points`);
  });
}

/** The same call, with the response drained before it is let go. */
function flushAndDrain(log) {
  const batch = pending.splice(0);
  submitBatch(batch, (err, res) => {
    if (err) return log(`metrics flush failed: ${err.message}`);
    res.resume();
    log(`metrics flush: HTTP ${res.statusCode}`);
  });
}

module.exports = { record, flush, flushAndDrain };
