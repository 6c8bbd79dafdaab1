// A package-registry mirror client: TLS settings come from the environment and are added to the
// agent options one key at a time before the agents are built.
const fs = require('node:fs');
const https = require('node:https');
const { HttpsProxyAgent } = require('https-proxy-agent');

function tlsAgentOptions() {
  const options = {};
  if (process.env.REGISTRY_CA_FILE) {
    Object.assign(options, { ca: fs.readFileSync(process.env.REGISTRY_CA_FILE), rejectUnauthorized: true });
  }
  options.servername = process.env.REGISTRY_HOST;
  return options;
}

function registryAgent() {
  const options = { timeout: 30_000 };
  if (process.env.REGISTRY_CA_FILE) {
    Object.assign(options, { ca: fs.readFileSync(process.env.REGISTRY_CA_FILE) });
  }
  return process.env.HTTPS_PROXY
    ? new HttpsProxyAgent(process.env.HTTPS_PROXY, options) // expect: no-disabled-keepalive
    : new https.Agent(options); // expect: no-disabled-keepalive
}

function mirrorAgent() {
  const options = {};
  options.ca = process.env.MIRROR_CA;
  options.keepAlive = true;
  options.maxSockets = 16;
  return new https.Agent(options);
}

function uploadAgent(settings) {
  const options = {};
  Object.assign(options, settings);
  return new https.Agent(options);
}

module.exports = { tlsAgentOptions, registryAgent: registryAgent(), mirrorAgent: mirrorAgent(), uploadAgent };
