import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getDestination, queryEscape } from '../src/http.js';

describe('--get destinations', () => {
  it("query-escapes like Go's url.QueryEscape", () => {
    // Go: url.QueryEscape("a b&c=d/é~_.-!*'()") == "a+b%26c%3Dd%2F%C3%A9~_.-%21%2A%27%28%29"
    assert.equal(queryEscape(Buffer.from("a b&c=d/é~_.-!*'()")), 'a+b%26c%3Dd%2F%C3%A9~_.-%21%2A%27%28%29');
    assert.equal(queryEscape(Buffer.from([0xff, 0x00, 0x41])), '%FF%00A');
  });

  it("replaces the template's %s with the escaped message", () => {
    const destination = getDestination('https://example.test:8443/in?m=%s&x=1', Buffer.from('hello world'));
    assert.equal(destination.origin, 'https://example.test:8443');
    assert.equal(destination.path, '/in?m=hello+world&x=1');
  });
});
