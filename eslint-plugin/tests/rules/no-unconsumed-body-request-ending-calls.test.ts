/**
 * no-unconsumed-body and calls that end the request by throwing: Next.js's `notFound()` and
 * `redirect()` (from `next/navigation`). `if (!res.ok) notFound();` leaves the response unread on
 * that path, like a `throw`. A body read or cancelled before the call, a look-alike `notFound` of
 * another module, and a call inside a `try` stay quiet.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-unconsumed-body';

const ruleTester = new RuleTester();

ruleTester.run('no-unconsumed-body (request-ending calls)', rule as never, {
  valid: [
    {
      name: 'the body is cancelled before notFound()',
      code: `import { notFound } from 'next/navigation';
export default async function Page({ params }) {
  const res = await fetch('https://api.example.com/orders/' + params.id);
  if (!res.ok) {
    await res.body?.cancel();
    notFound();
  }
  return res.json();
}`,
    },
    {
      name: 'a notFound() of another module is an ordinary call',
      code: `import { notFound } from './errors';
export default async function Page({ params }) {
  const res = await fetch('https://api.example.com/orders/' + params.id);
  if (!res.ok) notFound();
  return res.json();
}`,
    },
    {
      name: 'redirect() before the request does not concern the response',
      code: `import { redirect } from 'next/navigation';
export default async function Page({ params, user }) {
  if (!user) redirect('/login');
  const res = await fetch('https://api.example.com/orders/' + params.id);
  return res.json();
}`,
    },
  ],
  invalid: [
    {
      name: 'notFound() on a failed response',
      code: `import { notFound } from 'next/navigation';
export default async function Page({ params }) {
  const res = await fetch('https://api.example.com/orders/' + params.id);
  if (!res.ok) notFound();
  return res.json();
}`,
      errors: [{ messageId: 'requestEndedUnread', line: 3 }],
    },
    {
      name: 'redirect() on a 401',
      code: `import { redirect } from 'next/navigation';
export async function loadProfile(token) {
  const res = await fetch('https://api.example.com/me', { headers: { authorization: token } });
  if (res.status === 401) redirect('/login');
  return res.json();
}`,
      errors: [{ messageId: 'requestEndedUnread', line: 3 }],
    },
  ],
});
