// Responses known to carry no body.
export async function touch(url: string): Promise<void> {
  const res = await fetch(url, { method: 'PUT' });
  if (res.status === 204) return;
  const problem = await res.text();
  throw new Error(`unexpected answer ${res.status}: ${problem}`);
}

export async function conditionalGet(url: string, etag: string): Promise<string | undefined> {
  const res = await fetch(url, { headers: { 'if-none-match': etag } });
  if (res.status === 304) return undefined;
  return res.text();
}

export async function maybeBody(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.body) return undefined;
  return res.json();
}

export async function statusOnly(url: string): Promise<number> {
  const res = await fetch(url, { method: 'POST' }); // expect: no-unconsumed-body
  return res.status;
}

export async function headers(url: string): Promise<Headers> {
  const res = await fetch(url, { method: 'HEAD' });
  return res.headers;
}
