// Tests with hooks: pools built in before/beforeEach are shared by the tests.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import https from 'node:https';
import { Agent, MockAgent, setGlobalDispatcher } from 'undici';

describe('payments API', () => {
  let agent: https.Agent;
  let dispatcher: Agent;
  let mock: MockAgent;

  before(() => {
    agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });
    dispatcher = new Agent({ connections: 2 });
  });

  beforeEach(() => {
    mock = new MockAgent();
    mock.disableNetConnect();
    setGlobalDispatcher(mock);
  });

  after(async () => {
    agent.destroy();
    await dispatcher.close();
  });

  it('charges a card', async () => {
    mock.get('https://payments.example.com').intercept({ path: '/charges', method: 'POST' }).reply(201, { id: 'ch_1' });
    const res = await fetch('https://payments.example.com/charges', { method: 'POST', body: '{}' });
    const charge = await res.json();
    assert.equal(res.status, 201);
    assert.deepEqual(charge, { id: 'ch_1' });
  });

  it('refuses an unknown card', async () => {
    mock.get('https://payments.example.com').intercept({ path: '/charges', method: 'POST' }).reply(402, 'declined');
    const res = await fetch('https://payments.example.com/charges', { method: 'POST', body: '{}' });
    const reason = await res.text();
    assert.equal(res.status, 402);
    assert.equal(reason, 'declined');
  });
});
