/**
 * A small Express service with one textbook case of each rule (a pool per request, a body left
 * unread on an early throw, an https.Agent without keep-alive), as JavaScript and as TypeScript.
 * Shared by the packaging and install tests, whose expected line numbers follow this text.
 */
export const TEXTBOOK_SERVICE = `import https from 'node:https';
import express from 'express';

const app = express();

app.get('/report', async (req, res) => {
  const agent = new https.Agent({ keepAlive: true });
  const upstream = await fetch('https://reports.example.com/' + req.query.id, { dispatcher: agent });
  res.json({ ok: upstream.ok });
});

export async function loadUser(id) {
  const response = await fetch('https://users.example.com/' + id);
  if (!response.ok) {
    throw new Error('user lookup failed: ' + response.status);
  }
  return response.json();
}

export const sharedAgent = new https.Agent({ maxSockets: 10 });

app.listen(3000);
`;

export const TEXTBOOK_SERVICE_TS = TEXTBOOK_SERVICE.replace('loadUser(id)', 'loadUser(id: string)');
