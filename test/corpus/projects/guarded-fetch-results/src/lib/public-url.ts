import { lookup } from 'node:dns/promises';

const PRIVATE = [/^10\./, /^127\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^169\.254\./];

export async function assertPublicUrl(url: string): Promise<void> {
  const { hostname } = new URL(url);
  const { address } = await lookup(hostname);
  if (PRIVATE.some((range) => range.test(address))) throw new Error(`${hostname} resolves to a private address`);
}
