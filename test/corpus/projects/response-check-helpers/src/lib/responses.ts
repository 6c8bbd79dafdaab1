export class UpstreamError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly detail = '',
  ) {
    super(`${operation} failed with HTTP ${status}${detail ? `: ${detail}` : ''}`);
  }
}

/** Throws for a non-2xx response. Only looks at the status: the body is left to the caller. */
export function assertOk(res: Response, operation: string): void {
  if (!res.ok) throw new UpstreamError(operation, res.status);
}

/** Reads the body on every path and parses it. */
export async function readJson<T>(res: Response, operation: string): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new UpstreamError(operation, res.status, text.slice(0, 200));
  return JSON.parse(text) as T;
}
