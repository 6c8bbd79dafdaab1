import axios from 'axios';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';

export async function download(url: string, target: string): Promise<boolean> {
  const response = await axios.get(url, { responseType: 'stream', validateStatus: () => true }); // expect: no-unconsumed-body
  if (response.status !== 200) {
    return false;
  }
  await pipeline(response.data, createWriteStream(target));
  return true;
}

export async function downloadChecked(url: string, target: string): Promise<boolean> {
  const response = await axios.get(url, { responseType: 'stream', validateStatus: () => true });
  if (response.status !== 200) {
    response.data.resume();
    return false;
  }
  await pipeline(response.data, createWriteStream(target));
  return true;
}

export async function metadata(url: string): Promise<Record<string, unknown>> {
  // buffered (the default): axios reads the body itself
  const response = await axios.get(url);
  return { status: response.status, type: response.headers['content-type'] };
}
