import http from 'node:http';
import { Agent, fetch as undiciFetch } from 'undici';
import { setTimeout as delay } from 'node:timers/promises';

const politeDispatcher = new Agent({ connections: 2 });

export async function crawl(urls) {
  const pages = [];
  for (const url of urls) {
    const agent = new http.Agent(); // expect: no-client-per-request, no-disabled-keepalive
    const html = await new Promise((resolve, reject) => {
      http.get(url, { agent }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve(body));
      }).on('error', reject);
    });
    pages.push({ url, html });
    await delay(250);
  }
  return pages;
}

export async function crawlParallel(urls) {
  return Promise.all(
    urls.map(async (url) => {
      const res = await undiciFetch(url, { dispatcher: politeDispatcher });
      return { url, html: await res.text() };
    }),
  );
}

export async function titles(urls) {
  const results = await Promise.all(
    urls.map(async (url) => {
      const res = await undiciFetch(url, { dispatcher: politeDispatcher }); // expect: no-unconsumed-body
      if (!res.headers.get('content-type')?.includes('text/html')) return null;
      const html = await res.text();
      return /<title>(.*?)<\/title>/i.exec(html)?.[1] ?? null;
    }),
  );
  return results.filter(Boolean);
}

export async function checkLinks(urls) {
  const dead = [];
  for (const url of urls) {
    const res = await undiciFetch(url, { method: 'HEAD', dispatcher: politeDispatcher });
    if (res.status >= 400) dead.push(url);
  }
  return dead;
}
