/**
 * no-unconsumed-body on the WHATWG fetch ponyfills projects import instead of the global:
 * `@whatwg-node/fetch` (and its Node.js implementation `@whatwg-node/node-fetch`),
 * `node-fetch-native`, `native-fetch` and `fetch-undici` give the platform's fetch, or one with the
 * same Response, so a body left unread on an error path holds its connection the same way. Quiet:
 * the body read or cancelled, and a project module or another package that exports a `fetch`.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-unconsumed-body';

const ruleTester = new RuleTester();

const IMPORTS = [
  `import { fetch } from '@whatwg-node/fetch';`,
  `import { fetch } from '@whatwg-node/node-fetch';`,
  `import fetch from 'node-fetch-native';`,
  `import { fetch } from 'node-fetch-native';`,
  `import { fetch } from 'native-fetch';`,
  `import { fetch } from 'fetch-undici';`,
];

const THROW = "  if (!res.ok) throw new Error(`status ${res.status}`);";
const reportOf = (importLine: string) => `${importLine}
export async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url);
${THROW}
  return res.json();
}`;

ruleTester.run('no-unconsumed-body (fetch ponyfills)', rule as never, {
  valid: [
    ...IMPORTS.map(
      (importLine) => `${importLine}
export async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(\`status \${res.status}\`);
  }
  return res.json();
}`,
    ),
    // a `fetch` of the project's own or of a package that is not a fetch
    `import { fetch } from './store';
export async function load(key: string) {
  const res = await fetch(key);
  if (!res.ok) throw new Error('missing');
  return res.value;
}`,
    `import { fetch } from 'some-cache';
export async function load(key: string) {
  const res = await fetch(key);
  if (!res.ok) throw new Error('missing');
  return res.value;
}`,
  ],
  invalid: IMPORTS.map((importLine) => {
    const code = reportOf(importLine);
    return {
      code,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 3,
          suggestions: [
            { messageId: 'suggestRead', output: code.replace(THROW, '  if (!res.ok) { await res.arrayBuffer(); throw new Error(`status ${res.status}`); }') },
            { messageId: 'suggestCancel', output: code.replace(THROW, '  if (!res.ok) { await res.body?.cancel(); throw new Error(`status ${res.status}`); }') },
          ],
        },
      ],
    };
  }),
});
