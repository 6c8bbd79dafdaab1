import https from 'node:https';

/** A small GitHub REST client for one user's token. */
export class GitHubService {
  constructor(token) {
    this.token = token;
    this.agent = new https.Agent({ keepAlive: true, maxSockets: 8 });
  }

  request(path) {
    return new Promise((resolve, reject) => {
      const req = https.get(
        {
          host: 'api.github.com',
          path,
          agent: this.agent,
          headers: { authorization: `Bearer ${this.token}`, 'user-agent': 'acme-dashboard', accept: 'application/vnd.github+json' },
        },
        (res) => {
          let data = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => {
            data += chunk;
          });
          res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(data)) : reject(new Error(`GitHub ${res.statusCode}`))));
        },
      );
      req.on('error', reject);
    });
  }

  listRepos(login) {
    return this.request(`/users/${encodeURIComponent(login)}/repos?per_page=10&sort=pushed`);
  }
}

const services = new Map();

/** One client per token, kept for later requests of the same user. */
export function githubFor(token) {
  let service = services.get(token);
  if (!service) {
    service = new GitHubService(token);
    services.set(token, service);
  }
  return service;
}
