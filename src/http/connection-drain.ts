import { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { Socket } from 'node:net';

/**
 * Shutdown without a write committed and its answer dropped (issue #14, point 7). A request runs only when its
 * answer can still be written on its socket, so a request either is answered or never reaches a resolver:
 *
 * - When shutdown begins, every kept-alive socket (one that has carried a request) with no request in flight is
 *   destroyed at once (a request
 *   the client sends on it then meets a closed socket and is not read), and every request in flight is answered,
 *   the last of each socket with `Connection: close` (requests pipelined on one socket are answered in order;
 *   an earlier answer that closed the socket would drop the later ones), after which its socket is destroyed, not half-closed (a half-closed socket would
 *   still read, and run, a request whose answer could no longer be written).
 * - During the grace period, a new connection's first request is served (load balancers may still send while
 *   they notice readiness fail), with `Connection: close`. A further request on any socket (pipelined behind an
 *   answer that closes the socket, or sent after it) is refused with 503 and never runs.
 * - When the grace period ends (`stopAccepting`), every idle socket is destroyed and every new request refused.
 * - Requests in flight then answer until the server's drain deadline (`requestsFinished`); after it the write gate
 *   closes (src/db/write-gate.ts: nothing commits any more), and only once it has settled are sockets closed.
 *
 * Upgraded sockets (WebSockets) are left to their transport, which drains them itself.
 */
export interface ShutdownState {
  readonly isShuttingDown: boolean;
}

/** Seconds a client refused during shutdown is asked to wait before it retries (another instance, usually). */
const SHUTDOWN_RETRY_AFTER_SECONDS = 1;

export class ConnectionDrain implements ShutdownState {
  /** Sockets of HTTP requests (not upgraded) and the requests in flight on each. */
  private readonly requestsInFlight = new Map<Socket, number>();
  /** Sockets that have carried a request: idle, they are kept-alive sockets (a new one waits for its first). */
  private readonly served = new WeakSet<Socket>();
  /** Sockets that may carry no further request: their answer in flight closes them. */
  private readonly lastRequestTaken = new WeakSet<Socket>();
  private readonly responsesInFlight = new Map<Socket, Set<ServerResponse>>();
  private phase: 'serving' | 'grace' | 'stopped' = 'serving';
  /** Requests refused because the server was shutting down (tests and logs). */
  refused = 0;
  /** Called whenever a request finishes while someone waits for every request to finish. */
  private onRequestFinished: (() => void) | null = null;

  constructor(server: Server) {
    server.on('connection', (socket: Socket) => {
      this.requestsInFlight.set(socket, 0);
      socket.once('close', () => this.forget(socket));
    });
    server.on('upgrade', (_request: IncomingMessage, socket: Socket) => this.forget(socket));
  }

  get isShuttingDown(): boolean {
    return this.phase !== 'serving';
  }

  /** The server's request listener: `app` runs only for requests whose answer can be written. */
  listener(app: RequestListener): RequestListener {
    return (request, response) => {
      const socket = request.socket;
      const ahead = this.requestsInFlight.get(socket) ?? 0;
      if (this.phase === 'stopped' || (this.phase === 'grace' && (ahead > 0 || this.lastRequestTaken.has(socket)))) {
        this.refuse(response);
        return;
      }
      this.requestsInFlight.set(socket, ahead + 1);
      this.served.add(socket);
      const responses = this.responsesInFlight.get(socket) ?? new Set<ServerResponse>();
      responses.add(response);
      this.responsesInFlight.set(socket, responses);
      if (this.phase === 'grace') this.takeLastRequest(socket, response);
      response.once('close', () => this.finished(socket, response));
      app(request, response);
    };
  }

  /** Shutdown begins: idle kept-alive sockets are destroyed, answers in flight close their sockets. */
  beginShutdown(): void {
    if (this.phase !== 'serving') return;
    this.phase = 'grace';
    for (const [socket, requests] of this.requestsInFlight) {
      // A connection that has not sent its first request yet is not kept alive: that request is served.
      if (requests === 0) {
        if (this.served.has(socket)) socket.destroy();
      } else {
        // Pipelined requests already run are all answered: only the last answer closes the socket.
        const last = [...(this.responsesInFlight.get(socket) ?? [])].at(-1);
        if (last) this.takeLastRequest(socket, last);
        else this.lastRequestTaken.add(socket);
      }
    }
  }

  /** The grace period ends: no request is served any more, idle sockets are destroyed. */
  stopAccepting(): void {
    this.beginShutdown();
    this.phase = 'stopped';
    for (const [socket, requests] of this.requestsInFlight) if (requests === 0) socket.destroy();
  }

  /** Resolves when no request is in flight, or at `deadlineMs` (epoch ms), whichever comes first. */
  async requestsFinished(deadlineMs: number): Promise<void> {
    const idle = () => [...this.requestsInFlight.values()].every((requests) => requests === 0);
    if (idle()) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(finish, Math.max(0, deadlineMs - Date.now()));
      function finish() {
        clearTimeout(timer);
        resolve();
      }
      this.onRequestFinished = () => {
        if (!idle()) return;
        this.onRequestFinished = null;
        finish();
      };
    });
  }

  private takeLastRequest(socket: Socket, response: ServerResponse): void {
    this.lastRequestTaken.add(socket);
    if (!response.headersSent) response.setHeader('connection', 'close');
  }

  private finished(socket: Socket, response: ServerResponse): void {
    this.responsesInFlight.get(socket)?.delete(response);
    if (!this.requestsInFlight.has(socket)) return;
    const left = Math.max(0, (this.requestsInFlight.get(socket) ?? 1) - 1);
    this.requestsInFlight.set(socket, left);
    // Destroyed once flushed, never half-closed: nothing more is read from it.
    if (this.isShuttingDown && left === 0) socket.destroySoon();
    this.onRequestFinished?.();
  }

  private forget(socket: Socket): void {
    this.requestsInFlight.delete(socket);
    this.responsesInFlight.delete(socket);
    this.onRequestFinished?.();
  }

  private refuse(response: ServerResponse): void {
    this.refused += 1;
    const body = JSON.stringify({
      errors: [
        {
          message: 'The server is shutting down; the request was not run. Retry it.',
          extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: SHUTDOWN_RETRY_AFTER_SECONDS },
        },
      ],
    });
    response.writeHead(503, {
      'content-type': 'application/json; charset=utf-8',
      'retry-after': String(SHUTDOWN_RETRY_AFTER_SECONDS),
      connection: 'close',
      'content-length': Buffer.byteLength(body),
    });
    response.end(body);
  }
}
