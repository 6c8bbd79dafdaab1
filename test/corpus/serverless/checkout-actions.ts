'use server';
// Next.js server actions: each exported function is called from the browser, one POST per call.
import OpenAI from 'openai';
import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '');

export async function startCheckout(priceId: string): Promise<string | null> {
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price: priceId, quantity: 1 }],
    success_url: `${process.env.APP_URL}/thanks`,
  });
  return session.url;
}

export async function suggestProductName(description: string): Promise<string> {
  const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY }); // expect: no-client-per-request
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: `Name this product: ${description}` }],
  });
  return completion.choices[0]?.message.content ?? '';
}

export async function refund(chargeId: string, userKey: string): Promise<void> {
  // A client per user key is meant to be per call.
  const perUser = new Stripe(userKey);
  await perUser.refunds.create({ charge: chargeId });
}
