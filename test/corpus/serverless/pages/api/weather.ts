import type { NextApiRequest, NextApiResponse } from 'next';
import https from 'node:https';
import axios from 'axios';

const weather = axios.create({
  baseURL: 'https://weather.example.com',
  httpsAgent: new https.Agent({ keepAlive: true }),
});

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const city = String(req.query.city ?? 'Berlin');
  const insecureAgent = new https.Agent({ rejectUnauthorized: false }); // expect: no-client-per-request, no-disabled-keepalive
  const { data: forecast } = await weather.get(`/forecast/${city}`);
  const { data: alerts } = await axios.get(`https://alerts.example.com/${city}`, { httpsAgent: insecureAgent });
  res.status(200).json({ forecast, alerts });
}
