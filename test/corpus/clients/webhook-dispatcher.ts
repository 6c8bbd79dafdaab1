import got from 'got';
import { fetch } from 'undici';

export interface Subscription {
  url: string;
  secret: string;
}

export async function notifyAll(subscriptions: readonly Subscription[], event: object): Promise<void> {
  const payload = JSON.stringify(event);
  await Promise.all(
    subscriptions.map(async (subscription) => {
      await fetch(subscription.url, { method: 'POST', body: payload, headers: { 'x-secret': subscription.secret } }); // expect: no-unconsumed-body
    }),
  );
}

export async function notifyAndCheck(subscription: Subscription, event: object): Promise<boolean> {
  const res = await fetch(subscription.url, { method: 'POST', body: JSON.stringify(event) });
  await res.body?.cancel();
  return res.ok;
}

export function notifyLater(subscription: Subscription, event: object): Promise<number> {
  return fetch(subscription.url, { method: 'POST', body: JSON.stringify(event) }).then((res) => res.status); // expect: no-unconsumed-body
}

export async function notifyWithGot(subscription: Subscription, event: object): Promise<void> {
  await got.post(subscription.url, {
    json: event,
    headers: { Connection: 'close' }, // expect: no-disabled-keepalive
    retry: { limit: 2 },
  });
}

export async function notifyWithGotKeepAlive(subscription: Subscription, event: object): Promise<string> {
  return got.post(subscription.url, { json: event, headers: { 'x-secret': subscription.secret } }).text();
}
