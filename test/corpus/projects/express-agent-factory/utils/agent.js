'use strict';
const https = require('node:https');

/** A keep-alive agent with the defaults we use for upstream calls. */
function makeAgent(options = {}) {
  return new https.Agent({ keepAlive: true, maxSockets: 32, timeout: 30_000, ...options });
}

let sharedAgent;

/** The one agent of this process, built on first use. */
function getAgent() {
  if (!sharedAgent) sharedAgent = makeAgent();
  return sharedAgent;
}

module.exports = { makeAgent, getAgent };
