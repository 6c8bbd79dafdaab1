/**
 * no-client-per-request on Azure SDK clients built per request with a credential written inline
 * (`new SecretClient(url, new DefaultAzureCredential())`): the credential is configuration, the same
 * on every request when its own arguments are, so the client is repeated setup like one built with a
 * module-level credential. A credential built from the request (a per-user token) is per request.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-client-per-request';

const ruleTester = new RuleTester();

/** A Hono route that reads a secret through a client built with `credential`. */
const route = (credential: string) => `import { Hono } from 'hono';
import { SecretClient } from '@azure/keyvault-secrets';
import { ClientSecretCredential, DefaultAzureCredential } from '@azure/identity';
const VAULT_URL = 'https://payments.vault.azure.net';
const app = new Hono();
app.get('/secrets/:name', async (c) => {
  const secrets = new SecretClient(VAULT_URL, ${credential});
  return c.json({ value: (await secrets.getSecret(c.req.param('name'))).value });
});
export default app;`;

const hoisted = (credential: string) =>
  route(credential)
    .replace(`const secrets = new SecretClient(VAULT_URL, ${credential});`, 'const secrets = sharedSecretClient;')
    .replace('\nconst app = new Hono();', `\nconst sharedSecretClient = new SecretClient(VAULT_URL, ${credential});\n\nconst app = new Hono();`);

const repeatedSetup = (credential: string) => ({
  code: route(credential),
  errors: [
    {
      messageId: 'sdkClientPerRequest' as const,
      line: 7,
      suggestions: [{ messageId: 'hoistToModuleScope' as const, output: hoisted(credential) }],
    },
  ],
});

ruleTester.run('no-client-per-request (Azure clients with an inline credential)', rule as never, {
  valid: [
    // a credential made from the request: a client per user, meant to be per request
    route("new ClientSecretCredential(c.req.header('x-tenant')!, 'app', 'secret')"),
    // a credential of another package is not known to be configuration
    route('new VaultCredential()').replace(
      "import { ClientSecretCredential, DefaultAzureCredential } from '@azure/identity';",
      "import { VaultCredential } from './vault-credential';",
    ),
  ],
  invalid: [
    repeatedSetup('new DefaultAzureCredential()'),
    repeatedSetup("new ClientSecretCredential(process.env.TENANT!, 'app', process.env.SECRET!)"),
  ],
});
