'use strict';
const storage = require('./s3');

class Router {
  constructor(options) {
    this.options = options;
    this.routes = new Map();
  }

  post(path, fn) {
    this.routes.set(path, fn);
  }

  /** Called once per invocation. */
  async run(event) {
    if (this.options.s3) storage.configure(this.options.s3); // expect: no-client-per-request
    const fn = this.routes.get(event.rawPath);
    if (!fn) return { statusCode: 404 };
    return fn(event, storage);
  }
}

module.exports = { Router };
