import { Agent } from 'undici';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const id = new URL(request.url).searchParams.get('id') ?? '';
  const dispatcher = new Agent({ connections: 4 }); // expect: no-client-per-request
  const upstream = await fetch(`https://reports.internal.example.com/${id}`, { dispatcher } as RequestInit);
  // hand-off: the body streams to the browser
  return new Response(upstream.body, { status: upstream.status, headers: { 'content-type': 'application/pdf' } });
}

export async function POST(request: Request): Promise<Response> {
  const upstream = await fetch('https://reports.internal.example.com/render', { // expect: no-unconsumed-body
    method: 'POST',
    body: await request.text(),
  });
  if (!upstream.ok) {
    return Response.json({ error: 'render failed' }, { status: 502 });
  }
  return Response.json(await upstream.json());
}

export async function DELETE(request: Request): Promise<Response> {
  const id = new URL(request.url).searchParams.get('id') ?? '';
  const upstream = await fetch(`https://reports.internal.example.com/${id}`, { method: 'DELETE' });
  await upstream.arrayBuffer();
  return new Response(null, { status: upstream.ok ? 204 : 502 });
}
