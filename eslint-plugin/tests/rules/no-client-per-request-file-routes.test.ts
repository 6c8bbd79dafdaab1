/**
 * no-client-per-request in the request handlers of file-routed frameworks and of h3 and tRPC:
 * Next.js pages' `getServerSideProps`, server actions (exports of a `'use server'` module, a function
 * whose body starts with `'use server'`), SvelteKit `+server.ts` endpoints and `+page.server.ts` `load`, Remix `app/routes/**` `loader` /
 * `action`, Astro `src/pages/**` endpoints, h3's `defineEventHandler(fn)` (imported, or auto-imported
 * in a Nuxt/Nitro `server/` file) and tRPC resolvers (`publicProcedure.query(fn)`). SDK clients that
 * share one transport are reported only in per-request code, so these contexts decide whether
 * `new Stripe()` is reported at all.
 *
 * Quiet: the same exports outside a route file, a `'use server'` string that is not a directive, `defineEventHandler` without an import outside a
 * server directory, `query(fn)` on something that is not a procedure builder.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-client-per-request';

const ruleTester = new RuleTester();

const stripeRoute = (exported: string) => `import Stripe from 'stripe';
${exported} {
  const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
  return Response.json(await stripe.customers.list());
}`;
const hoisted = (exported: string) => `import Stripe from 'stripe';
const sharedStripe = new Stripe(process.env.STRIPE_SECRET_KEY);

${exported} {
  const stripe = sharedStripe;
  return Response.json(await stripe.customers.list());
}`;

function stripeCase(filename: string, exported: string, where: string) {
  return {
    filename,
    code: stripeRoute(exported),
    errors: [
      {
        messageId: 'sdkClientPerRequest' as const,
        line: 3,
        data: { client: 'new Stripe()', sdk: 'Stripe SDK', where },
        suggestions: [{ messageId: 'hoistToModuleScope' as const, output: hoisted(exported) }],
      },
    ],
  };
}

ruleTester.run('no-client-per-request (file-routed frameworks, h3, tRPC)', rule as never, {
  valid: [
    // The same export outside a route file: a helper, not a request handler.
    { filename: '/repo/src/lib/payments.ts', code: stripeRoute('export async function GET()') },
    { filename: '/repo/src/lib/loaders.ts', code: stripeRoute('export async function loader()') },
    { filename: '/repo/src/lib/props.ts', code: stripeRoute('export async function getServerSideProps()') },
    // `getStaticProps` runs at build time.
    { filename: '/repo/src/pages/billing.tsx', code: stripeRoute('export async function getStaticProps()') },
    // Another export of a route file.
    { filename: '/repo/src/routes/+server.ts', code: stripeRoute('export async function helper()') },
    // `defineEventHandler` without an import outside a Nuxt/Nitro server directory: unknown.
    {
      filename: '/repo/src/utils/handlers.ts',
      code: `import Stripe from 'stripe';
export default defineEventHandler(async () => {
  const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
  return stripe.customers.list();
});`,
    },
    // `query(fn)` on something that is not a tRPC procedure builder.
    {
      filename: '/repo/src/db.ts',
      code: `import OpenAI from 'openai';
export const run = (builder) => builder.query(async () => {
  const openai = new OpenAI();
  return openai.models.list();
});`,
    },
    // Not a directive: `'use server'` after an import is a plain expression, the module no server-action module.
    {
      filename: '/repo/src/lib/payments.ts',
      code: `import Stripe from 'stripe';
'use server';
export async function checkout() {
  const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
  return stripe.customers.list();
}`,
    },
    // A server action over a module-level client.
    { filename: '/repo/app/actions.ts', code: `'use server';\n${hoisted('export async function checkout()')}` },
  ],
  invalid: [
    {
      filename: '/repo/app/actions.ts',
      code: `'use server';\n${stripeRoute('export async function checkout()')}`,
      errors: [
        {
          messageId: 'sdkClientPerRequest',
          line: 4,
          data: { client: 'new Stripe()', sdk: 'Stripe SDK', where: 'in the server action `checkout`' },
          suggestions: [{ messageId: 'hoistToModuleScope', output: `'use server';\n${hoisted('export async function checkout()')}` }],
        },
      ],
    },
    {
      filename: '/repo/app/subscribe/page.ts',
      code: `import Stripe from 'stripe';

export default function Page() {
  async function subscribe(form: FormData) {
    'use server';
    const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
    await stripe.customers.create({ email: String(form.get('email')) });
  }
  return subscribe;
}`,
      errors: [
        {
          messageId: 'sdkClientPerRequest',
          line: 6,
          data: { client: 'new Stripe()', sdk: 'Stripe SDK', where: 'in the server action `subscribe`' },
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: `import Stripe from 'stripe';
const sharedStripe = new Stripe(process.env.STRIPE_SECRET_KEY);

export default function Page() {
  async function subscribe(form: FormData) {
    'use server';
    const stripe = sharedStripe;
    await stripe.customers.create({ email: String(form.get('email')) });
  }
  return subscribe;
}`,
            },
          ],
        },
      ],
    },
    stripeCase('/repo/src/routes/api/checkout/+server.ts', 'export async function POST()', 'in the SvelteKit endpoint `POST`'),
    stripeCase('/repo/src/routes/account/+page.server.ts', 'export async function load()', 'in the SvelteKit server `load`'),
    stripeCase('/repo/app/routes/billing.tsx', 'export async function loader()', 'in the Remix route `loader`'),
    stripeCase('/repo/src/pages/billing.tsx', 'export async function getServerSideProps()', "in the Next.js page's `getServerSideProps`"),
    stripeCase('/repo/src/pages/api/checkout.ts', 'export async function POST()', 'in the Astro endpoint `POST`'),
    {
      filename: '/repo/server/api/customers.get.ts',
      code: `import Stripe from 'stripe';
export default defineEventHandler(async () => {
  const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
  return stripe.customers.list();
});`,
      errors: [
        {
          messageId: 'sdkClientPerRequest',
          line: 3,
          data: { client: 'new Stripe()', sdk: 'Stripe SDK', where: 'in the event handler defined with `defineEventHandler()`' },
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: `import Stripe from 'stripe';
const sharedStripe = new Stripe(process.env.STRIPE_SECRET_KEY);

export default defineEventHandler(async () => {
  const stripe = sharedStripe;
  return stripe.customers.list();
});`,
            },
          ],
        },
      ],
    },
    {
      filename: '/repo/src/handlers.ts',
      code: `import { defineEventHandler } from 'h3';
import AWS from 'aws-sdk';
export const upload = defineEventHandler(async (event) => {
  const s3 = new AWS.S3();
  return s3.putObject({ Bucket: 'b', Key: 'k', Body: 'x' }).promise();
});`,
      errors: [
        {
          messageId: 'sdkClientPerRequest',
          line: 4,
          data: { client: 'new AWS.S3()', sdk: 'aws-sdk v2', where: 'in the function registered with `defineEventHandler()`' },
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: `import { defineEventHandler } from 'h3';
import AWS from 'aws-sdk';
const sharedAWSS3 = new AWS.S3();

export const upload = defineEventHandler(async (event) => {
  const s3 = sharedAWSS3;
  return s3.putObject({ Bucket: 'b', Key: 'k', Body: 'x' }).promise();
});`,
            },
          ],
        },
      ],
    },
    {
      filename: '/repo/src/server/routers/chat.ts',
      code: `import OpenAI from 'openai';
import { z } from 'zod';
import { publicProcedure, router } from '../trpc';
export const chatRouter = router({
  ask: publicProcedure.input(z.string()).mutation(async ({ input }) => {
    const openai = new OpenAI();
    return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: input }] });
  }),
});`,
      errors: [
        {
          messageId: 'sdkClientPerRequest',
          line: 6,
          data: {
            client: 'new OpenAI()',
            sdk: 'OpenAI SDK',
            where: 'in the tRPC procedure resolver passed to `….mutation()`',
          },
          suggestions: [
            {
              messageId: 'hoistToModuleScope',
              output: `import OpenAI from 'openai';
import { z } from 'zod';
import { publicProcedure, router } from '../trpc';
const sharedOpenAI = new OpenAI();

export const chatRouter = router({
  ask: publicProcedure.input(z.string()).mutation(async ({ input }) => {
    const openai = sharedOpenAI;
    return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: input }] });
  }),
});`,
            },
          ],
        },
      ],
    },
  ],
});
