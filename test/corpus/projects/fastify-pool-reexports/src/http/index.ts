export { createUpstreamPool as makePool, upstreamPool } from './pool';
export * from './body';
