/**
 * no-unconsumed-body on undici dispatchers a function receives as an untyped parameter: every call
 * of the function in the file passes the same kind of client (`fetchTile(tiles, path)` with
 * `const tiles = new Pool(origin)`). Quiet: a call that passes something else or something unknown,
 * a function handed on as a callback or exported through `module.exports` (its other callers are
 * not known), a destructured parameter, and a helper that releases the body.
 * A wrapper that returns `pool.request(...)` is decided per call: its response is followed where the
 * caller passes an undici dispatcher, not where it passes anything else. A parameter typed with
 * undici's base class (`pool: Dispatcher`) is a dispatcher whoever calls.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-unconsumed-body';

const ruleTester = new RuleTester();

/** A tile fetcher given the module's pool by its one caller. */
const FETCH_TILE = `import { Pool } from 'undici';
const tiles = new Pool('https://tiles.example.com', { connections: 8 });
async function fetchTile(pool, path) {
  const { statusCode, body } = await pool.request({ path, method: 'GET' });
  if (statusCode !== 200) throw new Error(\`tile \${path}: \${statusCode}\`);
  return body.arrayBuffer();
}
export async function tileAt(z, x, y) {
  return fetchTile(tiles, \`/\${z}/\${x}/\${y}.png\`);
}`;
const THROW_LINE = '  if (statusCode !== 200) throw new Error(`tile ${path}: ${statusCode}`);';
const DUMPED = '  if (statusCode !== 200) { await body.dump(); throw new Error(`tile ${path}: ${statusCode}`); }';

/** An arrow helper that retries by calling itself with the same pool; two pools of the same kind. */
const PUT_OBJECT = `import { Pool } from 'undici';
const primary = new Pool('https://store-a.internal');
const replica = new Pool('https://store-b.internal');
const putObject = async (pool, key, data, attempt = 0) => {
  const response = await pool.request({ path: \`/objects/\${key}\`, method: 'PUT', body: data });
  if (response.statusCode === 503 && attempt < 3) return putObject(pool, key, data, attempt + 1);
  return response.statusCode;
};
export async function store(key, data) {
  await putObject(primary, key, data);
  await putObject(replica, key, data);
}`;

/** A wrapper that returns the request of whatever pool it is given; callers pass different things. */
const GET_TILE = `import { Pool } from 'undici';
const tiles = new Pool('https://tiles.example.com');
function getTile(pool, path) {
  return pool.request({ path, method: 'GET' });
}
export async function fromPool(path) {
  const { statusCode, body } = await getTile(tiles, path);
  if (statusCode !== 200) return null;
  return body.arrayBuffer();
}
export async function fromAnything(client, path) {
  const { statusCode, body } = await getTile(client, path);
  if (statusCode !== 200) return null;
  return body.arrayBuffer();
}`;

/** A parameter typed with undici's base class, `Dispatcher`. */
const SEND = `import { Pool, type Dispatcher } from 'undici';
const catalog = new Pool('https://catalog.internal');
export function send(pool: Dispatcher, path: string, method: Dispatcher.HttpMethod = 'GET') {
  return pool.request({ path, method });
}
export async function product(id: string) {
  const res = await send(catalog, \`/items/\${id}\`);
  if (res.statusCode === 404) return null;
  return res.body.json();
}`;

ruleTester.run('no-unconsumed-body (dispatchers passed to untyped parameters)', rule as never, {
  valid: [
    FETCH_TILE.replace(THROW_LINE, DUMPED),
    // Another call passes a parameter nothing is known about.
    `${FETCH_TILE}
export async function tileFrom(custom, path) {
  return fetchTile(custom, path);
}`,
    // Another call passes an object that is not a dispatcher.
    `${FETCH_TILE}
export const fake = () => fetchTile({ request: async () => ({ statusCode: 200, body: { arrayBuffer: async () => new ArrayBuffer(0) } }) }, '/x');`,
    // Handed on as a callback: its callers are not known.
    `${FETCH_TILE}
export const loader = (retry) => retry(fetchTile, tiles, '/0/0/0.png');`,
    // Exported through module.exports: callers in other modules are not known.
    FETCH_TILE.replace("import { Pool } from 'undici';", "const { Pool } = require('undici');").replace('export async function tileAt', 'async function tileAt') +
      '\nmodule.exports = { fetchTile, tileAt };',
    // A destructured parameter.
    FETCH_TILE.replace('async function fetchTile(pool, path) {', 'async function fetchTile({ pool, path }) {').replace('return fetchTile(tiles, ', 'return fetchTile({ pool: tiles, path: ').replace('.png`);', '.png` });'),
    // Never called: nothing says what `pool` is.
    FETCH_TILE.replace('  return fetchTile(tiles, `/${z}/${x}/${y}.png`);', '  return tiles.request({ path: `/${z}/${x}/${y}.png`, method: \'GET\' }).then((r) => r.body.arrayBuffer());'),
    // The only caller passes something that is not known to be a dispatcher.
    GET_TILE.replace(/export async function fromPool[^]*?\n}\n/, ''),
    SEND.replace('  if (res.statusCode === 404) return null;', '  if (res.statusCode === 404) { await res.body.dump(); return null; }'),
    // Every path reads or releases the body.
    PUT_OBJECT.replace('  if (response.statusCode === 503', '  await response.body.dump();\n  if (response.statusCode === 503'),
  ],
  invalid: [
    {
      code: FETCH_TILE,
      errors: [{ messageId: 'unconsumedOnPath', line: 4, suggestions: [{ messageId: 'suggestDump', output: FETCH_TILE.replace(THROW_LINE, DUMPED) }] }],
    },
    ...[
      // Exported by name: judged by its calls in this file.
      FETCH_TILE.replace('async function fetchTile', 'export async function fetchTile'),
      `${FETCH_TILE.replace('async function fetchTile', 'const fetchTile = async function')}\nexport { fetchTile };`,
    ].map((code) => ({
      code,
      errors: [{ messageId: 'unconsumedOnPath' as const, line: 4, suggestions: [{ messageId: 'suggestDump' as const, output: code.replace(THROW_LINE, DUMPED) }] }],
    })),
    {
      code: SEND,
      errors: [{ messageId: 'unconsumedOnPath', line: 7, suggestions: [{ messageId: 'suggestDump', output: SEND.replace('  if (res.statusCode === 404) return null;', '  if (res.statusCode === 404) { await res.body.dump(); return null; }') }] }],
    },
    {
      // Followed at the call that passes the pool, not at the one that passes an unknown client.
      code: GET_TILE,
      errors: [
        {
          messageId: 'unconsumedOnPath',
          line: 7,
          suggestions: [{ messageId: 'suggestDump', output: GET_TILE.replace('  if (statusCode !== 200) return null;\n  return body.arrayBuffer();\n}\nexport async function fromAnything', '  if (statusCode !== 200) { await body.dump(); return null; }\n  return body.arrayBuffer();\n}\nexport async function fromAnything') }],
        },
      ],
    },
    {
      // The recursive call passes the same pool on; both callers pass undici pools.
      code: PUT_OBJECT,
      errors: [
        {
          messageId: 'neverConsumed',
          line: 5,
          suggestions: [
            {
              messageId: 'suggestDump',
              output: PUT_OBJECT.replace(
                '  if (response.statusCode === 503 && attempt < 3) return putObject(pool, key, data, attempt + 1);\n  return response.statusCode;',
                '  if (response.statusCode === 503 && attempt < 3) { await response.body.dump(); return putObject(pool, key, data, attempt + 1); }\n  await response.body.dump();\n  return response.statusCode;',
              ),
            },
          ],
        },
      ],
    },
  ],
});
