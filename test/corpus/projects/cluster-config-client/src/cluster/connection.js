import http from 'node:http';
import https from 'node:https';

export class ClusterConnection {
  constructor(cluster, user) {
    this.cluster = cluster;
    this.user = user;
  }

  // Called for every API request the generated client sends.
  applyToRequest(options) {
    const agentOptions = {};
    agentOptions.ca = this.cluster.caData;
    agentOptions.cert = this.user.certData;
    agentOptions.key = this.user.keyData;
    if (this.cluster.skipTLSVerify) agentOptions.rejectUnauthorized = false;
    options.agent = this.agentFor(agentOptions);
  }

  // Used once, when a watch stream is opened.
  watchOptions() {
    const agentOptions = { ca: this.cluster.caData };
    return { agent: this.agentFor(agentOptions) };
  }

  agentFor(agentOptions) {
    if (this.cluster.server.startsWith('http:')) {
      return new http.Agent(agentOptions); // expect: no-disabled-keepalive
    }
    return new https.Agent(agentOptions); // expect: no-disabled-keepalive
  }
}

export class PooledClusterConnection {
  constructor(cluster) {
    this.cluster = cluster;
  }

  applyToRequest(options) {
    const agentOptions = { keepAlive: true };
    agentOptions.ca = this.cluster.caData;
    options.agent = this.agentFor(agentOptions);
  }

  agentFor(agentOptions) {
    this.agent ??= new https.Agent(agentOptions);
    return this.agent;
  }
}
