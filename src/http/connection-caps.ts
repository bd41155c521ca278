import { RequestListener, Server } from 'node:http';
import { Socket } from 'node:net';
import { AppConfig } from '../config';

/**
 * ms between the HTTP server's checks of its requests' deadlines (Node's connectionsCheckingInterval, 30 s by
 * default): a request past HTTP_HEADERS_TIMEOUT_MS or HTTP_REQUEST_TIMEOUT_MS is answered 408 within this.
 */
const TIMEOUT_CHECK_INTERVAL_MS = 500;

/** The options of the Node HTTP server that bound what a slow client may hold (slowloris, a trickled body). */
export function httpServerTimeouts(config: AppConfig) {
  const { headersTimeoutMs, requestTimeoutMs } = config.httpTimeouts;
  return {
    headersTimeout: headersTimeoutMs,
    requestTimeout: requestTimeoutMs,
    connectionsCheckingInterval: Math.min(TIMEOUT_CHECK_INTERVAL_MS, headersTimeoutMs),
  };
}

/** The answer written on a connection over its address's cap, before anything of it is read. */
function tooManyConnectionsAnswer(limit: number): string {
  const body = JSON.stringify({
    errors: [
      {
        message: `Too many connections: at most ${limit} open connections per remote address on this server instance`,
        extensions: { code: 'TOO_MANY_CONNECTIONS', limit },
      },
    ],
  });
  return [
    'HTTP/1.1 503 Service Unavailable',
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Retry-After: 1',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * Counts the open TCP connections (HTTP and upgraded WebSockets alike) of each remote address; one over
 * `connectionsPerAddress` is answered 503 TOO_MANY_CONNECTIONS and closed, and no request of it runs. The address
 * is the TCP peer's: behind a proxy or load balancer it is the proxy's (docs/security.md).
 */
export class ConnectionCaps {
  /** Open connections per remote address (tests and metrics). */
  readonly open = new Map<string, number>();
  private readonly refused = new WeakSet<Socket>();

  constructor(
    server: Server,
    private readonly connectionsPerAddress: number,
  ) {
    server.on('connection', (socket: Socket) => this.count(socket));
  }

  /** The request listener, run only for connections within their address's cap. */
  admitting(listener: RequestListener): RequestListener {
    // A refused connection's request may still have been parsed (Node's parser reads the socket natively):
    // it does not run, its socket is already closing.
    return (request, response) => {
      if (!this.refused.has(request.socket)) listener(request, response);
    };
  }

  private count(socket: Socket): void {
    const address = socket.remoteAddress ?? 'unknown';
    const count = this.open.get(address) ?? 0;
    if (count >= this.connectionsPerAddress) {
      this.refused.add(socket);
      // Ended, so no upgrade completes on it either (ws destroys a socket that is no longer writable).
      socket.end(tooManyConnectionsAnswer(this.connectionsPerAddress));
      socket.once('finish', () => socket.destroy());
      return;
    }
    this.open.set(address, count + 1);
    socket.once('close', () => {
      const left = (this.open.get(address) ?? 1) - 1;
      if (left <= 0) this.open.delete(address);
      else this.open.set(address, left);
    });
  }
}
