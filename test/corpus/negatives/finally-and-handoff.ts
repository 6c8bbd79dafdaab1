import { request } from 'undici';
import { Readable } from 'node:stream';
import type { ServerResponse } from 'node:http';

export async function readJson(url: string): Promise<unknown> {
  let res: Response | undefined;
  try {
    res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return await res.json();
  } finally {
    if (res && !res.bodyUsed) await res.body?.cancel();
  }
}

export async function passThrough(url: string, out: ServerResponse): Promise<void> {
  const upstream = await fetch(url);
  out.statusCode = upstream.status;
  if (!upstream.body) {
    out.end();
    return;
  }
  Readable.fromWeb(upstream.body as never).pipe(out);
}

export async function streamLines(url: string): Promise<AsyncIterable<Uint8Array>> {
  const { body } = await request(url);
  return body;
}

export async function* chunks(url: string): AsyncGenerator<Uint8Array> {
  const res = await fetch(url);
  if (!res.body) return;
  for await (const chunk of res.body) yield chunk;
}

export function later(url: string): Promise<Response> {
  return fetch(url).then((res) => {
    if (!res.ok) {
      return res.text().then((text) => {
        throw new Error(text);
      });
    }
    return res;
  });
}

export async function wrapped(url: string): Promise<Response> {
  const upstream = await fetch(url);
  return new Response(upstream.body, { status: upstream.status, headers: upstream.headers });
}

export const cache = new Map<string, Response>();
export async function remember(url: string): Promise<void> {
  const res = await fetch(url);
  cache.set(url, res);
}
