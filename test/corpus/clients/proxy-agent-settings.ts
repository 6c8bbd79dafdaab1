import http from 'node:http';
import https from 'node:https';
import HttpAgent, { HttpsAgent } from 'agentkeepalive';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { ProxyAgent } from 'proxy-agent';
import { SocksProxyAgent } from 'socks-proxy-agent';
import { ProxyAgent as UndiciProxyAgent } from 'undici';

const proxyUrl = process.env.HTTPS_PROXY ?? 'http://proxy.internal:3128';

// proxy agents are http.Agent subclasses: keep-alive is off unless asked for
export const proxied = new HttpsProxyAgent(proxyUrl); // expect: no-disabled-keepalive
export const proxiedKeepAlive = new HttpsProxyAgent(proxyUrl, { keepAlive: true, maxSockets: 32 });
export const plainProxy = new HttpProxyAgent(proxyUrl, { keepAlive: false }); // expect: no-disabled-keepalive
export const socks = new SocksProxyAgent('socks5h://127.0.0.1:1080', { keepAlive: true, timeout: 10_000 });
export const autoProxy = new ProxyAgent(); // expect: no-disabled-keepalive
export const autoProxyKeepAlive = new ProxyAgent({ keepAlive: true });

// agentkeepalive keeps sockets alive by default, unless told not to
export const legacyBackend = new HttpAgent({ keepAlive: false, maxSockets: 10 }); // expect: no-disabled-keepalive
export const backend = new HttpsAgent({ maxSockets: 50, freeSocketTimeout: 4_000 });

// undici dispatchers keep connections alive by default
export const dispatcher = new UndiciProxyAgent(proxyUrl);

const secure = process.env.UPSTREAM_TLS !== 'false';
const transport = secure ? https : http;
export const upstreamAgent = new transport.Agent({ maxSockets: 8 }); // expect: no-disabled-keepalive
export const reportingAgent = new https.Agent({ keepAlive: false }); // expect: no-disabled-keepalive
export const pooledAgent = new https.Agent({ keepAlive: true, maxSockets: 16 });
export const configuredAgent = new http.Agent({ keepAlive: process.env.HTTP_KEEPALIVE !== 'false' });
