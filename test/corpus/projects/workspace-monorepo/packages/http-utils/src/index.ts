export { fetchWithTimeout, type TimeoutInit } from './fetch-with-timeout';
export * from './agents';
