export const UPSTREAM_ORIGIN = process.env.UPSTREAM_ORIGIN ?? 'https://legacy.example.com';
export const GATEWAY_NAME = process.env.GATEWAY_NAME ?? 'edge-1';
