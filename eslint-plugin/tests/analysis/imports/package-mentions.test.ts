import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExportSpec } from '../../../src/analysis/imports/export-spec';
import { importsPackageOf } from '../../../src/analysis/imports/package-mentions';
import { importedSpecifiers } from '../../../src/analysis/modules/text-hints';

const specs: readonly ExportSpec[] = [
  { from: 'package', package: 'https', name: 'Agent' },
  { from: 'package', package: 'undici', name: 'Pool' },
  { from: 'package', package: '@aws-sdk/client-*', name: '*Client' },
  { from: 'global', name: 'fetch' },
];

const importsOneOf = (text: string): boolean => importsPackageOf(importedSpecifiers(text), specs);

describe('importsPackageOf: does this module import one of these packages?', () => {
  it('finds imports, requires and dynamic imports, with node: prefixes, subpaths and wildcard names', () => {
    for (const text of [
      "import https from 'https';",
      'const https = require("node:https");',
      'const https = require(`https`);',
      "const { Pool } = await import('undici');",
      "import { request } from 'undici/lib/api';",
      "import { S3Client } from '@aws-sdk/client-s3';",
      "import {\n  Agent,\n  Pool,\n} from 'undici';",
      "export * from 'https';",
      "import x from './x'; // the shared client\nimport { Pool } from 'undici';",
    ]) {
      assert.equal(importsOneOf(text), true, text);
    }
  });

  it('ignores URLs, strings, comments, other packages that share a prefix, and globals', () => {
    for (const text of [
      "const url = 'https://api.example.com/v1';",
      "const scheme = 'https';",
      "import httpsProxy from 'https-proxy-agent';",
      "import { request } from 'undici-types';",
      "import { S3 } from '@aws-sdk/lib-storage';",
      'await fetch(url);',
      "/**\n * Pass your own dispatcher:\n * import { Agent } from 'undici';\n */\nexport function send() {}",
      "// const { Pool } = require('undici');",
      "/* import https from 'https' */",
    ]) {
      assert.equal(importsOneOf(text), false, text);
    }
  });
});
