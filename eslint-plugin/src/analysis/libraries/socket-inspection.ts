/**
 * Members of the socket under a node:http response (`res.socket`; a `tls.TLSSocket` for https) that
 * only report on the connection: reading them neither reads the response body nor releases the
 * socket, so `res.socket.getPeerCertificate()` in a certificate checker leaves the response as
 * unread as `res.headers` does. Anything else done with `res.socket` (destroying it, handing it on)
 * counts as handling the response. Data only; `body-paths/body-consumption.ts` reads it.
 */
export const SOCKET_INSPECTION_MEMBERS: ReadonlySet<string> = new Set([
  // tls.TLSSocket
  'getPeerCertificate',
  'getPeerX509Certificate',
  'getCertificate',
  'getX509Certificate',
  'authorized',
  'authorizationError',
  'getProtocol',
  'getCipher',
  'getEphemeralKeyInfo',
  'getSession',
  'isSessionReused',
  'alpnProtocol',
  'servername',
  'encrypted',
  // net.Socket
  'remoteAddress',
  'remotePort',
  'remoteFamily',
  'localAddress',
  'localPort',
  'bytesRead',
  'bytesWritten',
]);
