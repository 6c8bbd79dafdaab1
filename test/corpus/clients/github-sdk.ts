// A small SDK wrapper: one pool per instance, every response body read or cancelled.
import { Agent } from 'undici';

export interface Repo {
  full_name: string;
  stargazers_count: number;
}

export class GitHubClient {
  private readonly dispatcher: Agent;

  constructor(private readonly token: string, options: { connections?: number } = {}) {
    this.dispatcher = new Agent({ connections: options.connections ?? 8, keepAliveTimeout: 10_000 });
  }

  private async get(path: string): Promise<Response> {
    return fetch(`https://api.github.com${path}`, {
      headers: { authorization: `Bearer ${this.token}`, accept: 'application/vnd.github+json' },
      dispatcher: this.dispatcher,
    } as RequestInit);
  }

  async repo(owner: string, name: string): Promise<Repo | undefined> {
    const res = await this.get(`/repos/${owner}/${name}`);
    if (res.status === 404) {
      await res.body?.cancel();
      return undefined;
    }
    if (!res.ok) {
      const detail = await res.text();
      throw new Error(`GitHub ${res.status}: ${detail}`);
    }
    return (await res.json()) as Repo;
  }

  async starCount(owner: string, name: string): Promise<number> {
    const res = await fetch(`https://api.github.com/repos/${owner}/${name}`, { // expect: no-unconsumed-body
      headers: { authorization: `Bearer ${this.token}` },
    });
    if (!res.ok) throw new Error(`GitHub ${res.status}`);
    const repo = (await res.json()) as Repo;
    return repo.stargazers_count;
  }

  async isStarred(owner: string, name: string): Promise<boolean> {
    const res = await fetch(`https://api.github.com/user/starred/${owner}/${name}`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${this.token}` },
    });
    return res.status === 204;
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}

export function createGitHubClient(token: string): GitHubClient {
  return new GitHubClient(token);
}
