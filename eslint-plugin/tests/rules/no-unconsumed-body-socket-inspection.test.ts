/**
 * no-unconsumed-body on node:http responses whose code only looks at the connection under them
 * (`res.socket.getPeerCertificate()`, `res.socket.authorized`, `res.socket.remoteAddress`): that
 * reads no body and releases no socket, like reading `res.headers`. A certificate checker that
 * sends `HEAD` through a keep-alive agent and never resumes the response keeps one socket busy per
 * check, also through a const that holds the socket and is only inspected. Quiet: the socket
 * destroyed or handed on (directly or from such a const), and the response resumed.
 */
import { RuleTester } from '../support/rule-tester';
import rule from '../../src/rules/no-unconsumed-body';

const ruleTester = new RuleTester();

const CERTIFICATE_OF = `import https from 'node:https';
import type { TLSSocket } from 'node:tls';
const agent = new https.Agent({ keepAlive: true, maxCachedSessions: 0 });
export function certificateOf(host: string): Promise<{ validTo: string; authorized: boolean }> {
  return new Promise((resolve, reject) => {
    const req = https.request({ host, method: 'HEAD', agent }, (res) => {
      const { valid_to } = (res.socket as TLSSocket).getPeerCertificate();
      resolve({ validTo: valid_to, authorized: (res.socket as TLSSocket).authorized });
    });
    req.on('error', reject);
    req.end();
  });
}`;
const RESOLVE_LINE = '      resolve({ validTo: valid_to, authorized: (res.socket as TLSSocket).authorized });';

const PEER_OF = `const http = require('node:http');
exports.peerOf = (url, done) => {
  http.get(url, (res) => {
    done(null, \`\${res.socket.remoteAddress}:\${res.socket.remotePort}\`);
  });
};`;

ruleTester.run('no-unconsumed-body (a look at the socket under a node:http response)', rule as never, {
  valid: [
    CERTIFICATE_OF.replace(RESOLVE_LINE, `${RESOLVE_LINE}\n      res.resume();`),
    // Destroying the socket releases it (not for reuse, but it is not held).
    CERTIFICATE_OF.replace(RESOLVE_LINE, `${RESOLVE_LINE}\n      res.socket.destroy();`),
    // The socket handed on, or kept in a local: what happens to it is not followed.
    CERTIFICATE_OF.replace(RESOLVE_LINE, `${RESOLVE_LINE}\n      track(res.socket);`).replace('export function', 'declare function track(socket: unknown): void;\nexport function'),
    CERTIFICATE_OF.replace('      const { valid_to } = (res.socket as TLSSocket).getPeerCertificate();', '      const socket = res.socket as TLSSocket;\n      track(socket);\n      const { valid_to } = socket.getPeerCertificate();').replace('export function', 'declare function track(socket: unknown): void;\nexport function'),
    PEER_OF.replace('    done(null,', '    res.resume();\n    done(null,'),
  ],
  invalid: [
    {
      code: CERTIFICATE_OF,
      errors: [{ messageId: 'neverConsumed', line: 6, suggestions: [{ messageId: 'suggestResume', output: CERTIFICATE_OF.replace(RESOLVE_LINE, `${RESOLVE_LINE}\n      res.resume();`) }] }],
    },
    {
      // The socket kept in a const that is only inspected.
      code: CERTIFICATE_OF.replace('      const { valid_to } = (res.socket as TLSSocket).getPeerCertificate();', '      const tls = res.socket as TLSSocket;\n      const { valid_to } = tls.getPeerCertificate();'),
      errors: [
        {
          messageId: 'neverConsumed',
          line: 6,
          suggestions: [
            {
              messageId: 'suggestResume',
              output: CERTIFICATE_OF.replace('      const { valid_to } = (res.socket as TLSSocket).getPeerCertificate();', '      const tls = res.socket as TLSSocket;\n      const { valid_to } = tls.getPeerCertificate();').replace(RESOLVE_LINE, `${RESOLVE_LINE}\n      res.resume();`),
            },
          ],
        },
      ],
    },
    {
      code: PEER_OF,
      filename: 'peer.js',
      errors: [{ messageId: 'neverConsumed', line: 3, suggestions: [{ messageId: 'suggestResume', output: PEER_OF.replace('    done(null, `${res.socket.remoteAddress}:${res.socket.remotePort}`);', '    done(null, `${res.socket.remoteAddress}:${res.socket.remotePort}`);\n    res.resume();') }] }],
    },
  ],
});
