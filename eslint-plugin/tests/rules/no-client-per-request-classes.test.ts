/**
 * no-client-per-request on class shapes real code uses: a subclass whose base constructor builds
 * the pool (through `super(...)` or the implicit constructor), and a method that rebuilds the
 * client on `this` every time a sending method of the same class calls it.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-client-per-request';

const ruleTester = new RuleTester();
/** The hoist suggestion: `construction` moves to a module-scope `name` just before the route. */
const hoisted = (code: string, construction: string, name: string) => [
  {
    messageId: 'hoistToModuleScope' as const,
    output: code.replace(construction, name).replace('\napp.get(', `\nconst ${name} = ${construction};\n\napp.get(`),
  },
];

const BASE_API = `import axios from 'axios';
import https from 'https';
import express from 'express';
class BaseApi {
  protected http;
  constructor(baseURL: string) {
    this.http = axios.create({ baseURL, httpsAgent: new https.Agent({ keepAlive: true }) });
  }
}
const app = express();
`;

const SUPER_CALL = `${BASE_API}class UsersApi extends BaseApi {
  constructor() { super('https://users.internal'); }
  list() { return this.http.get('/users'); }
}
app.get('/users', async (req, res) => {
  const api = new UsersApi();
  res.json((await api.list()).data);
});`;
const IMPLICIT = `${BASE_API}class OrdersApi extends BaseApi {
  list() { return this.http.get('/orders'); }
}
app.get('/orders', async (req, res) => res.json((await new OrdersApi('https://orders.internal').list()).data));`;
const TWO_LEVELS = `${BASE_API}class JsonApi extends BaseApi {}
class UsersApi extends JsonApi {
  constructor() { super('https://users.internal'); }
  list() { return this.http.get('/users'); }
}
app.get('/users', async (req, res) => res.json((await new UsersApi().list()).data));`;

// `as never`: the root @typescript-eslint/rule-tester nests its own @typescript-eslint/utils.
ruleTester.run('no-client-per-request (class hierarchies)', rule as never, {
  valid: [
    {
      name: 'a subclass built once at module scope',
      code: `${BASE_API}class UsersApi extends BaseApi {
  constructor() { super('https://users.internal'); }
  list() { return this.http.get('/users'); }
}
const users = new UsersApi();
app.get('/users', async (req, res) => res.json((await users.list()).data));`,
    },
    {
      name: 'a base class that receives the client as a parameter',
      code: `import axios, { type AxiosInstance } from 'axios';
import https from 'https';
import express from 'express';
const shared = axios.create({ httpsAgent: new https.Agent({ keepAlive: true }) });
class BaseApi {
  constructor(protected http: AxiosInstance) {}
}
class UsersApi extends BaseApi {
  constructor() { super(shared); }
  list() { return this.http.get('/users'); }
}
const app = express();
app.get('/users', async (req, res) => res.json((await new UsersApi().list()).data));`,
    },
    {
      name: 'the implicit constructor hands on a caller-supplied agent, so the base builds none',
      code: `import https from 'https';
import express from 'express';
const sharedAgent = new https.Agent({ keepAlive: true });
class BaseApi {
  agent: https.Agent;
  constructor(options: { agent?: https.Agent }) {
    this.agent = options.agent ?? new https.Agent({ keepAlive: true });
  }
}
class UsersApi extends BaseApi {
  list() { return fetchUsers(this.agent); }
}
const app = express();
app.get('/users', async (req, res) => res.json(await new UsersApi({ agent: sharedAgent }).list()));`,
    },
    {
      name: 'a subclass of a class that builds nothing',
      code: `import express from 'express';
class BaseApi {
  constructor(protected baseURL: string) {}
}
class UsersApi extends BaseApi {
  constructor() { super('https://users.internal'); }
}
const app = express();
app.get('/users', async (req, res) => res.json(new UsersApi()));`,
    },
  ],
  invalid: [
    {
      name: 'new UsersApi() in a route: the base constructor builds the pool through super(...)',
      code: SUPER_CALL,
      errors: [{ messageId: 'poolClassPerRequest', line: 16, suggestions: hoisted(SUPER_CALL, 'new UsersApi()', 'sharedUsersApi') }],
    },
    {
      name: 'a subclass without a constructor runs the base constructor too',
      code: IMPLICIT,
      errors: [
        {
          messageId: 'poolClassPerRequest',
          line: 14,
          suggestions: hoisted(IMPLICIT, "new OrdersApi('https://orders.internal')", 'sharedOrdersApi'),
        },
      ],
    },
    {
      name: 'two levels of subclasses',
      code: TWO_LEVELS,
      errors: [{ messageId: 'poolClassPerRequest', line: 16, suggestions: hoisted(TWO_LEVELS, 'new UsersApi()', 'sharedUsersApi') }],
    },
  ],
});

const publisher = (connect: string, dispatch: string, extra = '') => `import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
export class EventPublisher {
  private sqs?: SQSClient;${extra}
  async connect() {
    ${connect}
  }
  protected async dispatchEvent(payload: string) {
    ${dispatch}
  }
}`;
const BUILD = 'this.sqs = new SQSClient({ region: process.env.AWS_REGION });';
const SEND = 'this.sqs!.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: payload }))';

ruleTester.run('no-client-per-request (rebuilt on this by a sending method)', rule as never, {
  valid: [
    { name: 'connect() guarded by if (!this.sqs)', code: publisher(`if (!this.sqs) ${BUILD}`, `await this.connect();\n    return ${SEND};`) },
    { name: 'connect() guarded by an early return', code: publisher(`if (this.sqs) return;\n    ${BUILD}`, `await this.connect();\n    return ${SEND};`) },
    {
      name: 'connect() guarded by ??=',
      code: publisher('this.sqs ??= new SQSClient({ region: process.env.AWS_REGION });', `await this.connect();\n    return ${SEND};`),
    },
    {
      name: 'connect() called only from the constructor',
      code: publisher(BUILD, `return ${SEND};`, '\n  constructor() { void this.connect(); }'),
    },
    {
      name: 'connect() called only from onModuleInit',
      code: publisher(BUILD, `return ${SEND};`, '\n  async onModuleInit() { await this.connect(); }'),
    },
    {
      name: 'a reconnect called from an error handler',
      code: publisher(BUILD, `try {\n      return await ${SEND};\n    } catch (error) {\n      await this.connect();\n      throw error;\n    }`),
    },
    {
      name: 'connect() called only when the connection was closed',
      code: publisher(BUILD, `if (!this.sqs) await this.connect();\n    return ${SEND};`),
    },
    {
      name: 'connect() called from a method that does not send through the client',
      code: publisher(BUILD, 'await this.connect();\n    return payload;'),
    },
  ],
  invalid: [
    {
      name: 'connect() rebuilds the client on every dispatchEvent() call',
      code: publisher(BUILD, `await this.connect();\n    return ${SEND};`),
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 5,
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: publisher('this.sqs = sharedSQSClient;', `await this.connect();\n    return ${SEND};`).replace(
                '\nexport class',
                '\nconst sharedSQSClient = new SQSClient({ region: process.env.AWS_REGION });\n\nexport class',
              ),
            },
          ],
        },
      ],
    },
  ],
});

/** A class whose constructor builds its client as a parameter default, unless the caller brings one. */
const mailerApp = (route: string) => `import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import express from 'express';
const sharedSes = new SESClient({});
class Mailer {
  constructor(private readonly ses: SESClient = new SESClient({})) {}
  send(to: string) {
    return this.ses.send(new SendEmailCommand({ Source: 'a@example.com', Destination: { ToAddresses: [to] } } as never));
  }
}
const app = express();
app.post('/receipts', async (req, res) => {
  ${route}
  res.sendStatus(202);
});`;

ruleTester.run('no-client-per-request (a client built as a constructor parameter default)', rule as never, {
  valid: [
    { name: 'the caller brings the shared client', code: mailerApp("await new Mailer(sharedSes).send('a@example.com');") },
    {
      name: 'the class is built once at module scope',
      code: mailerApp("await mailer.send('a@example.com');").replace('const app = express();', 'const mailer = new Mailer();\nconst app = express();'),
    },
    {
      name: 'a default that is no client',
      code: `import express from 'express';
class Mailer {
  constructor(private readonly from: string = String(process.env.MAIL_FROM)) {}
}
const app = express();
app.post('/receipts', (req, res) => res.json(new Mailer()));`,
    },
  ],
  invalid: [
    {
      name: 'new Mailer() leaves the client out, so the default builds one per request',
      code: mailerApp("await new Mailer().send('a@example.com');"),
      errors: [
        {
          messageId: 'poolClassPerRequest',
          line: 12,
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: mailerApp("await sharedMailer.send('a@example.com');").replace(
                '\nconst app = express();',
                '\nconst sharedMailer = new Mailer();\n\nconst app = express();',
              ),
            },
          ],
        },
      ],
    },
  ],
});

// A static method called by its class's name is a function of this file like any other: the
// options it is given are followed into it.
const STATIC_SENDER = (send: string) => `import https from 'node:https';
import axios from 'axios';
export class RestClient {
  private readonly agentOptions = { keepAlive: true };
  static request(method: string, url: string, options: object) {
    ${send}
  }
  restConfig() {
    const config: Record<string, unknown> = { timeout: 5000 };
    config.httpsAgent = new https.Agent(this.agentOptions);
    return config;
  }
  retrieve(path: string) {
    return RestClient.request('GET', path, this.restConfig());
  }
}`;

ruleTester.run('no-client-per-request (options handed to a static method of the class)', rule as never, {
  valid: [
    {
      name: 'a keyed cache that builds on the missing side of an `in` check',
      code: STATIC_SENDER('return axios({ method, url, ...options });')
        .replace('export class RestClient {', 'const agents: Record<string, https.Agent> = {};\nexport class RestClient {')
        .replace(
          '    config.httpsAgent = new https.Agent(this.agentOptions);',
          "    config.httpsAgent = 'api' in agents ? agents.api : (agents.api = new https.Agent(this.agentOptions));",
        ),
    },
    {
      name: 'a cache checked with has() and filled on the missing side',
      code: STATIC_SENDER('return axios({ method, url, ...options });')
        .replace('export class RestClient {', 'const agents = new Map<string, https.Agent>();\nexport class RestClient {')
        .replace(
          '    config.httpsAgent = new https.Agent(this.agentOptions);',
          "    if (agents.has('api')) {\n      config.httpsAgent = agents.get('api');\n    } else {\n      const agent = new https.Agent(this.agentOptions);\n      agents.set('api', agent);\n      config.httpsAgent = agent;\n    }",
        ),
    },
    {
      name: 'the static method keeps the options (and their agent) for later requests',
      code: STATIC_SENDER('RestClient.defaults = options;\n    return axios({ method, url, ...options });'),
    },
    {
      name: 'an instance method of the same name is not what `RestClient.request()` runs',
      code: STATIC_SENDER('return axios({ method, url, ...options });').replace('static request(', 'request('),
    },
  ],
  invalid: [
    {
      name: "an `'agent' in settings` check is a setting's presence, not a cache",
      code: STATIC_SENDER('return axios({ method, url, ...options });').replace(
        '    config.httpsAgent = new https.Agent(this.agentOptions);',
        "    if ('keepAlive' in this.agentOptions) {\n      config.httpsAgent = new https.Agent(this.agentOptions);\n    }",
      ),
      errors: [{ messageId: 'poolPerRequest', line: 11 }],
    },
    {
      name: 'every retrieve() builds an agent that RestClient.request() uses for one request',
      code: STATIC_SENDER('return axios({ method, url, ...options });'),
      errors: [
        {
          messageId: 'poolPerRequest',
          line: 10,
          data: {
            client: 'new https.Agent()',
            where: 'in `RestClient.restConfig()`, called in `RestClient.retrieve()`, which uses it for one call and then drops it',
            advice: 'Its options depend on the call: keep one instance per distinct configuration in a keyed cache (a Map) and reuse it.',
          },
        },
      ],
    },
  ],
});
