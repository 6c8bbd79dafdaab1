/**
 * no-unconsumed-body on clients reached through a TypeScript declaration rather than a `new` in
 * sight: a service injected through the constructor (`constructor(private readonly http:
 * HttpService)`, NestJS style) whose method returns `fetch(url)`, a parameter typed with that class,
 * an undici `Pool` field typed `Pool` and assigned in `onModuleInit()`, a parameter typed `Pool`.
 * Also a fetch function kept in a field (`constructor(private readonly fetchImpl: typeof fetch =
 * fetch)`, `fetchImpl = fetch`), as generated SDK clients keep it.
 * Quiet: a receiver typed with an interface, a service method that reads the body itself, a fetch
 * field with no default (whatever the caller passes). The
 * imported modules are written to a temp project.
 */
import path from 'node:path';
import { after } from 'node:test';
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-unconsumed-body';
import { removeProject, writeProject } from '../support/temp-project';

const root = writeProject({
  'src/http.service.ts': `import { fetch } from 'undici';
export class HttpService {
  raw(url: string) {
    return fetch(url);
  }
  async json(url: string) {
    const res = await fetch(url);
    return res.json();
  }
}
export interface Transport {
  raw(url: string): Promise<Response>;
}
`,
  ...Object.fromEntries(['src/weather.service.ts', 'src/sync.service.ts'].map((file) => [file, '// linted from the test case\n'])),
});
after(() => removeProject(root));
const at = (file: string) => path.join(root, file);

const ruleTester = new RuleTester();

ruleTester.run('no-unconsumed-body (receivers typed with a class)', rule as never, {
  valid: [
    `export class ApiClient {
  constructor(private readonly fetchImpl: typeof fetch) {}
  async get(url: string) {
    const res = await this.fetchImpl(url);
    if (!res.ok) return null;
    return res.json();
  }
}`,
    {
      filename: at('src/weather.service.ts'),
      code: `import { HttpService } from './http.service';
export class WeatherService {
  constructor(private readonly http: HttpService) {}
  forecast(city: string) {
    return this.http.json(\`https://weather.internal/\${city}\`);
  }
}`,
    },
    {
      filename: at('src/weather.service.ts'),
      code: `import type { Transport } from './http.service';
export class WeatherService {
  constructor(private readonly http: Transport) {}
  async forecast(city: string) {
    const res = await this.http.raw(\`https://weather.internal/\${city}\`);
    if (res.status !== 200) return null;
    return res.json();
  }
}`,
    },
  ],
  invalid: [
    // A status check through a method of the same class (\`this.shouldRetry(response)\`), then a retry.
    {
      code: `export abstract class APIClient {
  constructor(readonly baseURL: string, private readonly fetchImpl: typeof fetch = fetch) {}
  private shouldRetry(response: Response): boolean {
    return response.status >= 500;
  }
  async makeRequest(path: string, retries = 2): Promise<unknown> {
    const response = await this.fetchImpl(path);
    if (!response.ok) {
      if (retries && this.shouldRetry(response)) return this.makeRequest(path, retries - 1);
      throw new Error(await response.text());
    }
    return response.json();
  }
}`,
      errors: [{ messageId: 'unconsumedOnPath', line: 7, suggestions: [
        { messageId: 'suggestRead', output: `export abstract class APIClient {
  constructor(readonly baseURL: string, private readonly fetchImpl: typeof fetch = fetch) {}
  private shouldRetry(response: Response): boolean {
    return response.status >= 500;
  }
  async makeRequest(path: string, retries = 2): Promise<unknown> {
    const response = await this.fetchImpl(path);
    if (!response.ok) {
      if (retries && this.shouldRetry(response)) { await response.arrayBuffer(); return this.makeRequest(path, retries - 1); }
      throw new Error(await response.text());
    }
    return response.json();
  }
}` },
        { messageId: 'suggestCancel', output: `export abstract class APIClient {
  constructor(readonly baseURL: string, private readonly fetchImpl: typeof fetch = fetch) {}
  private shouldRetry(response: Response): boolean {
    return response.status >= 500;
  }
  async makeRequest(path: string, retries = 2): Promise<unknown> {
    const response = await this.fetchImpl(path);
    if (!response.ok) {
      if (retries && this.shouldRetry(response)) { await response.body?.cancel(); return this.makeRequest(path, retries - 1); }
      throw new Error(await response.text());
    }
    return response.json();
  }
}` },
      ] }],
    },
    {
      code: `export class ApiClient {
  constructor(private readonly fetchImpl: typeof fetch = fetch) {}
  async get(url: string) {
    const res = await this.fetchImpl(url);
    if (!res.ok) return null;
    return res.json();
  }
}`,
      errors: [{ messageId: 'unconsumedOnPath', line: 4, suggestions: [
        { messageId: 'suggestRead', output: `export class ApiClient {
  constructor(private readonly fetchImpl: typeof fetch = fetch) {}
  async get(url: string) {
    const res = await this.fetchImpl(url);
    if (!res.ok) { await res.arrayBuffer(); return null; }
    return res.json();
  }
}` },
        { messageId: 'suggestCancel', output: `export class ApiClient {
  constructor(private readonly fetchImpl: typeof fetch = fetch) {}
  async get(url: string) {
    const res = await this.fetchImpl(url);
    if (!res.ok) { await res.body?.cancel(); return null; }
    return res.json();
  }
}` },
      ] }],
    },
    {
      code: `export class ApiClient {
  private readonly fetchImpl = fetch;
  async get(url: string) {
    const res = await this.fetchImpl(url);
    if (!res.ok) return null;
    return res.json();
  }
}`,
      errors: [{ messageId: 'unconsumedOnPath', line: 4, suggestions: [
        { messageId: 'suggestRead', output: `export class ApiClient {
  private readonly fetchImpl = fetch;
  async get(url: string) {
    const res = await this.fetchImpl(url);
    if (!res.ok) { await res.arrayBuffer(); return null; }
    return res.json();
  }
}` },
        { messageId: 'suggestCancel', output: `export class ApiClient {
  private readonly fetchImpl = fetch;
  async get(url: string) {
    const res = await this.fetchImpl(url);
    if (!res.ok) { await res.body?.cancel(); return null; }
    return res.json();
  }
}` },
      ] }],
    },
    {
      filename: at('src/weather.service.ts'),
      code: `import { HttpService } from './http.service';
export class WeatherService {
  constructor(private readonly http: HttpService) {}
  async forecast(city: string) {
    const res = await this.http.raw(\`https://weather.internal/\${city}\`);
    if (res.status !== 200) return null;
    return res.json();
  }
}`,
      errors: [{ messageId: 'unconsumedOnPath', line: 5, suggestions: [
        { messageId: 'suggestRead', output: `import { HttpService } from './http.service';
export class WeatherService {
  constructor(private readonly http: HttpService) {}
  async forecast(city: string) {
    const res = await this.http.raw(\`https://weather.internal/\${city}\`);
    if (res.status !== 200) { await res.arrayBuffer(); return null; }
    return res.json();
  }
}` },
        { messageId: 'suggestCancel', output: `import { HttpService } from './http.service';
export class WeatherService {
  constructor(private readonly http: HttpService) {}
  async forecast(city: string) {
    const res = await this.http.raw(\`https://weather.internal/\${city}\`);
    if (res.status !== 200) { await res.body?.cancel(); return null; }
    return res.json();
  }
}` },
      ] }],
    },
    {
      filename: at('src/sync.service.ts'),
      code: `import { Pool } from 'undici';
export class SyncService {
  private pool!: Pool;
  onModuleInit() {
    this.pool = new Pool('https://ledger.internal');
  }
  async sync(ids: string[]) {
    for (const id of ids) {
      const { statusCode, body } = await this.pool.request({ method: 'GET', path: \`/entries/\${id}\` });
      if (statusCode !== 200) continue;
      await body.json();
    }
  }
}`,
      errors: [{ messageId: 'unconsumedOnPath', line: 9, suggestions: [
        { messageId: 'suggestDump', output: `import { Pool } from 'undici';
export class SyncService {
  private pool!: Pool;
  onModuleInit() {
    this.pool = new Pool('https://ledger.internal');
  }
  async sync(ids: string[]) {
    for (const id of ids) {
      const { statusCode, body } = await this.pool.request({ method: 'GET', path: \`/entries/\${id}\` });
      if (statusCode !== 200) { await body.dump(); continue; }
      await body.json();
    }
  }
}` },
      ] }],
    },
    {
      filename: at('src/sync.service.ts'),
      code: `import type { Pool } from 'undici';
export async function status(pool: Pool, path: string) {
  const { statusCode } = await pool.request({ method: 'GET', path });
  return statusCode;
}`,
      errors: [{ messageId: 'discarded', line: 3, suggestions: [
        { messageId: 'suggestDump', output: `import type { Pool } from 'undici';
export async function status(pool: Pool, path: string) {
  const { statusCode } = await pool.request({ method: 'GET', path }).then(async (response) => { await response.body.dump(); return response; });
  return statusCode;
}` },
      ] }],
    },
    {
      // the class named through a namespace import
      filename: at('src/sync.service.ts'),
      code: `import type * as undici from 'undici';
export async function status(pool: undici.Pool, path: string) {
  const { statusCode } = await pool.request({ method: 'GET', path });
  return statusCode;
}`,
      errors: [{ messageId: 'discarded', line: 3, suggestions: [
        { messageId: 'suggestDump', output: `import type * as undici from 'undici';
export async function status(pool: undici.Pool, path: string) {
  const { statusCode } = await pool.request({ method: 'GET', path }).then(async (response) => { await response.body.dump(); return response; });
  return statusCode;
}` },
      ] }],
    },
  ],
});
