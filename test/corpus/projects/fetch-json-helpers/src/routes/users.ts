import { Router } from 'express';
import { fetchJson, getJson, HttpError, postJson } from '../lib/http';

const PROFILE_API = process.env.PROFILE_API ?? 'https://profiles.internal.example.com';

interface Profile {
  id: string;
  name: string;
  email: string;
}

export const usersRouter = Router();

usersRouter.get('/users/:id', async (req, res, next) => {
  try {
    const upstream = await getJson(`${PROFILE_API}/v1/users/${encodeURIComponent(req.params.id)}`); // expect: no-unconsumed-body
    if (!upstream.ok) throw new HttpError(upstream.status, upstream.url);
    res.json(await upstream.json());
  } catch (err) {
    next(err);
  }
});

usersRouter.get('/users/:id/preferences', async (req, res, next) => {
  try {
    const upstream = await getJson(`${PROFILE_API}/v1/users/${encodeURIComponent(req.params.id)}/preferences`);
    const preferences = await upstream.json();
    res.status(upstream.status).json(preferences);
  } catch (err) {
    next(err);
  }
});

usersRouter.post('/users/:id/events', async (req, res) => {
  await postJson(`${PROFILE_API}/v1/users/${encodeURIComponent(req.params.id)}/events`, req.body); // expect: no-unconsumed-body
  res.status(202).end();
});

usersRouter.get('/users/:id/card', async (req, res, next) => {
  try {
    const profile = await fetchJson<Profile>(`${PROFILE_API}/v1/users/${encodeURIComponent(req.params.id)}`);
    res.json({ name: profile.name, email: profile.email });
  } catch (err) {
    next(err);
  }
});
