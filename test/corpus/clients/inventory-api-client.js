// An inventory service's API client: every public method sends one request through the class's
// static sender, with options that restConfig() builds for that request.
const https = require('node:https');
const axios = require('axios');

const sharedAgent = new https.Agent({ keepAlive: true, maxSockets: 20 });

class InventoryClient {
  constructor(baseURL, agentSettings) {
    this.baseURL = baseURL;
    this.agentSettings = agentSettings;
  }

  static send(method, url, data, options) {
    return axios({ method, url, data, ...options }).then((response) => response.data);
  }

  restConfig() {
    const config = { timeout: 10_000 };
    config.httpsAgent = new https.Agent({ keepAlive: true, ...this.agentSettings }); // expect: no-client-per-request
    return config;
  }

  sharedConfig() {
    return { timeout: 10_000, httpsAgent: sharedAgent };
  }

  item(id) {
    return InventoryClient.send('GET', `${this.baseURL}/items/${id}`, undefined, this.restConfig());
  }

  reserve(id, quantity) {
    return InventoryClient.send('POST', `${this.baseURL}/items/${id}/reservations`, { quantity }, this.restConfig());
  }

  health() {
    return InventoryClient.send('GET', `${this.baseURL}/health`, undefined, this.sharedConfig());
  }
}

module.exports = { InventoryClient };
