#!/usr/bin/env node
import { get } from './lib/get.js';
import { readBody } from './lib/read-body.js';

export async function isReachable(url) {
  const res = await get(url, { timeout: 5_000 }); // expect: no-unconsumed-body
  return res.statusCode !== undefined && res.statusCode < 400;
}

async function fetchSitemap(origin) {
  const res = await get(`${origin}/sitemap.xml`);
  if (res.statusCode !== 200) {
    res.resume();
    throw new Error(`sitemap: HTTP ${res.statusCode}`);
  }
  return readBody(res);
}

async function findBrokenLinks(origin) {
  const sitemap = await fetchSitemap(origin);
  const links = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
  const broken = [];
  for (const link of links) {
    const res = await get(link); // expect: no-unconsumed-body
    if (res.statusCode >= 400) {
      broken.push(`${res.statusCode} ${link}`);
      continue;
    }
    await readBody(res);
  }
  return broken;
}

const origin = process.argv[2] ?? 'https://example.com';
const broken = await findBrokenLinks(origin);
console.log(broken.length ? broken.join('\n') : 'no broken links');
process.exitCode = broken.length ? 1 : 0;
