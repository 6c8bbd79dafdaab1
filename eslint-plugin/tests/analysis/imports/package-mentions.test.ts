import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExportSpec } from '../../../src/analysis/imports/export-spec';
import { mentionsPackageOf } from '../../../src/analysis/imports/package-mentions';

const specs: readonly ExportSpec[] = [
  { from: 'package', package: 'https', name: 'Agent' },
  { from: 'package', package: 'undici', name: 'Pool' },
  { from: 'package', package: '@aws-sdk/client-*', name: '*Client' },
  { from: 'global', name: 'fetch' },
];

describe('mentionsPackageOf: could this text import one of these packages?', () => {
  it('finds imports, requires and dynamic imports, with node: prefixes, subpaths and wildcard names', () => {
    for (const text of [
      "import https from 'https';",
      'const https = require("node:https");',
      "const { Pool } = await import('undici');",
      "import { request } from 'undici/lib/api';",
      "import { S3Client } from '@aws-sdk/client-s3';",
      'export * from `https`;',
    ]) {
      assert.equal(mentionsPackageOf(text, specs), true, text);
    }
  });

  it('ignores URLs, other packages that share a prefix, and globals', () => {
    for (const text of [
      "const url = 'https://api.example.com/v1';",
      "import httpsProxy from 'https-proxy-agent';",
      "import { request } from 'undici-types';",
      "import { S3 } from '@aws-sdk/lib-storage';",
      'await fetch(url);',
    ]) {
      assert.equal(mentionsPackageOf(text, specs), false, text);
    }
  });
});
