import { getJson, postJson } from '../lib/http';

const CRM_API = process.env.CRM_API ?? 'https://crm.example.com/api';

export interface Change {
  id: string;
  field: string;
  value: string;
}

/** Pushes one profile to the CRM; tells the scheduler whether it was accepted. */
export async function pushProfile(profile: { id: string; email: string }): Promise<boolean> {
  const res = await postJson(`${CRM_API}/contacts`, profile, { timeoutMs: 15_000 }); // expect: no-unconsumed-body
  return res.ok;
}

export async function pullChanges(since: string): Promise<Change[] | null> {
  const res = await getJson(`${CRM_API}/changes?since=${encodeURIComponent(since)}`);
  if (res.status === 204) return null;
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(`CRM changes: HTTP ${res.status}`);
  }
  return (await res.json()) as Change[];
}
