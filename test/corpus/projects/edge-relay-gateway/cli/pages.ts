// Pages through the items API with the agent the command gives it.
import https from 'node:https';
import { appendFile } from 'node:fs/promises';

export async function fetchAllPages(url: string, agent: https.Agent, out: string) {
  for (let page = 1; ; page++) {
    const items = await getPage(agent, `${url}/items?page=${page}`);
    if (items.length === 0) return;
    await appendFile(out, items.map((item) => `${JSON.stringify(item)}\n`).join(''));
  }
}

function getPage(agent: https.Agent, url: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { agent }, (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (data += chunk));
        res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(data)) : reject(new Error(data))));
      })
      .on('error', reject);
  });
}
