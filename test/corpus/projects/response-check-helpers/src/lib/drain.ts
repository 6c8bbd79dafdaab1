/** Reads and discards a body we do not need, so that its connection can carry the next request. */
export async function drain(res: Response): Promise<void> {
  if (res.bodyUsed) return;
  try {
    await res.arrayBuffer();
  } catch {
    // the connection is gone anyway
  }
}
