'use strict';
const storage = require('./s3');

/** The fix: the client is configured once, when the router is built. */
class StartupRouter {
  constructor(options) {
    if (options.s3) storage.configure(options.s3);
    this.routes = new Map();
  }

  post(path, fn) {
    this.routes.set(path, fn);
  }

  async run(event) {
    const fn = this.routes.get(event.rawPath);
    return fn ? fn(event, storage) : { statusCode: 404 };
  }
}

module.exports = { StartupRouter };
