/**
 * API SDK clients that own no connection pool of their own: every instance sends through one
 * transport shared by the whole process, so building one per request repeats client setup
 * (configuration, retries, auth headers) but opens no extra connections. Like aws-sdk v2 and Azure
 * SDK clients they are reported only as repeated setup, in a per-request context and with
 * request-independent options. Facts and sources: docs/library-facts.md. Data only;
 * `client-lifetime/client-constructions.ts` reads it.
 */
import type { PackageExportSpec } from '../imports/export-spec';

export interface SharedTransportSdk {
  /** How messages name the SDK: "Every {{sdk}} client sends through ...". */
  readonly sdk: 'Stripe SDK' | 'OpenAI SDK' | 'Anthropic SDK' | 'Supabase';
  /** Constructors: `new Stripe(key)`. */
  readonly clients?: PackageExportSpec;
  /** Functions that return a new client: `createClient(url, key)`. */
  readonly factories?: PackageExportSpec;
}

export const SHARED_TRANSPORT_SDKS: readonly SharedTransportSdk[] = [
  // stripe's NodeHttpClient falls back to module-level `new https.Agent({ keepAlive: true })`.
  { sdk: 'Stripe SDK', clients: { from: 'package', package: 'stripe', name: ['default', 'Stripe'] } },
  // openai v4 shares one keep-alive agent per process; v5+ sends through the global fetch.
  { sdk: 'OpenAI SDK', clients: { from: 'package', package: 'openai', name: ['default', 'OpenAI', 'AzureOpenAI'] } },
  // @anthropic-ai/sdk sends through the global fetch (undici's global dispatcher).
  { sdk: 'Anthropic SDK', clients: { from: 'package', package: '@anthropic-ai/sdk', name: ['default', 'Anthropic'] } },
  // supabase-js: `createClient()` returns `new SupabaseClient()`, which sends through `fetch` (the
  // global one, or cross-fetch over Node's global agent in older versions) and builds its own auth,
  // PostgREST, storage and realtime clients.
  {
    sdk: 'Supabase',
    clients: { from: 'package', package: '@supabase/supabase-js', name: 'SupabaseClient' },
    factories: { from: 'package', package: '@supabase/supabase-js', name: 'createClient' },
  },
];
