import { IncomingMessage } from 'node:http';
import {
  CloseCode,
  ConnectionInitMessage,
  Disposable,
  handleProtocols,
  makeServer,
  Server as ProtocolServer,
  ServerOptions,
} from 'graphql-ws';
import type { Extra as WsExtra } from 'graphql-ws/use/ws';
import { Logger } from 'pino';
import WebSocket, { WebSocketServer } from 'ws';
import { GraphQLError } from 'graphql';
import { Principal, principalLabel } from '../auth/principal';
import { SocketOperations, SocketQuota } from './socket-quota';
import { OperationDrain } from './web-socket-drain';
import { closeReason, keepAlive, messageReceiver, POLICY_VIOLATION } from './web-socket-messages';
import { WebSocketWriter, WriterConnection } from './web-socket-writer';

/** The close code ws sends when the server goes away (RFC 6455). */
const GOING_AWAY = 1001;

/**
 * ms a socket may stay open without a valid credential: one that sends none, or a bad one, in `connection_init`
 * is closed with 4401 by then (issue #14: within a second), before it could send anything that costs work.
 */
export const CONNECTION_AUTHENTICATION_TIMEOUT_MS = 800;

/** graphql-ws's close code for a connection without valid credentials (its CloseCode.Unauthorized). */
const UNAUTHORIZED = 4401;

/** ws's extra, plus the principal this connection authenticated as in its `connection_init`. */
export interface Extra extends WsExtra {
  principal?: Principal;
  /** graphql-ws's context of the connection once it is counted against its principal's quota. */
  operations?: SocketOperations;
  /** Called once the connection authenticated: it no longer counts against its address's unauthenticated cap. */
  authenticated?: () => void;
}

export type WebSocketServerOptions = ServerOptions<ConnectionInitMessage['payload'], Extra>;

/** What the transport asks of the server before graphql-ws sees a connection's messages. */
export interface WebSocketGatekeeper {
  /** The principal of a `connection_init`'s params, or the reason it has none (bad, missing, revoked credential). */
  authenticate(connectionParams: Record<string, unknown>, request: IncomingMessage): Promise<Principal | { refusal: string }>;
  /**
   * Counts one message of a caller (its principal once authenticated, its address before) against the caller's
   * rate limit: null when it may be handled, otherwise the seconds after which it may retry.
   */
  admitMessage(caller: { principal: Principal } | { address: string }): { retryAfterSeconds: number } | null;
  /** Runs the handling of one message as one answer of the write gate (src/db/write-gate.ts). */
  answering<T>(answered: Promise<unknown>, work: () => Promise<T>): Promise<T>;
  /** Closes the write gate and resolves once it has settled: called before any socket is closed at shutdown. */
  closeWrites(): Promise<unknown>;
  /** What each principal may hold open on this instance. */
  quota: SocketQuota;
}

/** graphql-ws over ws, which drains its running operations (until a deadline) before it closes its sockets. */
export interface WebSocketTransport extends Disposable {
  /** Nothing new starts; resolves when the running queries and mutations have answered, or at `deadlineMs`. */
  drainOperations(deadlineMs: number): Promise<void>;
}

/**
 * graphql-ws's protocol server (`makeServer`) on a ws server: what `graphql-ws/use/ws` does (its documentation
 * invites copying it), with two differences. Messages leave through one WebSocketWriter, which batches the
 * writes of a turn of the event loop (see there). Failures are logged with the instance's logger and close the
 * connection with "Internal server error", never with their message. And work is bounded before trust: a
 * connection authenticates in its `connection_init` (closed with 4401 otherwise, within
 * CONNECTION_AUTHENTICATION_TIMEOUT_MS of opening), and every message, valid or not, counts against the
 * caller's rate limit before graphql-ws parses it (over it, the socket is closed with 1008).
 */
export function serveGraphQLOverWebSockets(
  options: WebSocketServerOptions,
  gatekeeper: WebSocketGatekeeper,
  webSocketServer: WebSocketServer,
  log: Logger,
): WebSocketTransport {
  const drain = new OperationDrain();
  const serving: ConnectionServing = {
    server: authenticatingServer(drainedOptions(options, drain, gatekeeper.quota), gatekeeper),
    writer: new WebSocketWriter(),
    gatekeeper,
    log,
    drain,
    connections: new Map(),
  };
  webSocketServer.options.handleProtocols = handleProtocols;
  webSocketServer.on('error', (error) => {
    log.error({ err: error }, 'WebSocket server failed');
    for (const client of webSocketServer.clients) client.close(CloseCode.InternalServerError, 'Internal server error');
  });
  webSocketServer.on('connection', (webSocket, request) => serveConnection(serving, webSocket, request));

  let disposed: Promise<void> | null = null;
  return {
    drainOperations: (deadlineMs) => serving.drain.drain(deadlineMs),
    // Once, however often it is called (the server's stop, then Apollo's drain).
    dispose: () => (disposed ??= disposeTransport(webSocketServer, serving)),
  };
}

async function disposeTransport(webSocketServer: WebSocketServer, serving: ConnectionServing): Promise<void> {
  // Queries and mutations already running answer first (web-socket-drain.ts); nothing new starts. Then no write
  // commits any more, and those committed have answered, before a socket closes (src/db/write-gate.ts).
  await serving.drain.drain();
  await serving.gatekeeper.closeWrites();
  for (const connection of serving.connections.values()) serving.writer.flushConnection(connection);
  for (const client of webSocketServer.clients) client.close(GOING_AWAY, 'Going away');
  webSocketServer.removeAllListeners();
  await new Promise<void>((resolve, reject) => webSocketServer.close((error) => (error ? reject(error) : resolve())));
}

/**
 * graphql-ws's hooks with the drain told which admitted operation is a subscription (it does not hold the drain),
 * and an operation over its principal's quota refused before anything of it is read.
 */
function drainedOptions(options: WebSocketServerOptions, drain: OperationDrain, quota: SocketQuota): WebSocketServerOptions {
  return {
    ...options,
    onSubscribe: async (context, id, payload) => {
      const principal = context.extra.principal;
      if (principal && !quota.admitsOperations(principalLabel(principal))) return [tooManyOperations(quota)];
      const admitted = await options.onSubscribe?.(context, id, payload);
      if (admitted && 'document' in admitted) drain.admitted(admitted);
      return admitted;
    },
  };
}

function tooManyOperations(quota: SocketQuota): GraphQLError {
  const limit = quota.limits.operationsPerPrincipal;
  return new GraphQLError(
    `Too many operations: a principal may run at most ${limit} at once (subscriptions included) on this server instance; complete one first`,
    {
      extensions: { code: 'TOO_MANY_OPERATIONS', limit },
    },
  );
}

/**
 * graphql-ws's protocol server, which admits a connection only with a valid credential in its `connection_init`,
 * and only while its principal holds fewer sockets than its quota on this instance.
 */
function authenticatingServer(options: WebSocketServerOptions, gatekeeper: WebSocketGatekeeper): ProtocolServer<Extra> {
  return makeServer({
    ...options,
    // Well past our own timer: graphql-ws would close a silent connection with 4408; ours closes it with 4401.
    connectionInitWaitTimeout: 10 * CONNECTION_AUTHENTICATION_TIMEOUT_MS,
    onConnect: async (context) => {
      const authentication = await gatekeeper.authenticate(context.connectionParams ?? {}, context.extra.request);
      if ('refusal' in authentication) {
        // Closed here with 4401 and the reason; graphql-ws's own close (4403) that follows `false` is then a no-op.
        context.extra.socket.close(UNAUTHORIZED, closeReason(`Unauthorized: ${authentication.refusal}`));
        return false;
      }
      if (!gatekeeper.quota.admitSocket(principalLabel(authentication), context)) {
        const limit = gatekeeper.quota.limits.socketsPerPrincipal;
        context.extra.socket.close(
          POLICY_VIOLATION,
          closeReason(`TOO_MANY_SOCKETS: at most ${limit} open sockets per principal on this server instance`),
        );
        return false;
      }
      context.extra.principal = authentication;
      context.extra.operations = context;
      context.extra.authenticated?.();
      return options.onConnect ? options.onConnect(context) : true;
    },
  });
}

/**
 * A socket opened while its address holds the most sockets that have not authenticated yet: closed at once,
 * before graphql-ws sees it (each of those others is closed with 4401 within CONNECTION_AUTHENTICATION_TIMEOUT_MS
 * unless it authenticates, so a well-behaved client is refused only while it floods).
 */
function refuseOverUnauthenticatedCap(webSocket: WebSocket, quota: SocketQuota): void {
  webSocket.on('error', () => undefined); // the socket is being closed: a reset changes nothing
  const limit = quota.limits.unauthenticatedSocketsPerAddress;
  webSocket.close(
    POLICY_VIOLATION,
    closeReason(`TOO_MANY_UNAUTHENTICATED_SOCKETS: at most ${limit} sockets per address awaiting connection_init`),
  );
}

interface ConnectionServing {
  server: ProtocolServer<Extra>;
  writer: WebSocketWriter;
  gatekeeper: WebSocketGatekeeper;
  log: Logger;
  drain: OperationDrain;
  /** Open connections, flushed before the drain closes them. */
  connections: Map<WebSocket, WriterConnection>;
}

function serveConnection(
  { server, writer, gatekeeper, log, drain, connections }: ConnectionServing,
  webSocket: WebSocket,
  request: IncomingMessage,
): void {
  const address = request.socket.remoteAddress ?? 'unknown';
  const unauthenticated = gatekeeper.quota.admitUnauthenticated(address);
  if (unauthenticated === null) {
    refuseOverUnauthenticatedCap(webSocket, gatekeeper.quota);
    return;
  }
  // The upgraded request's socket is the one ws writes to (ws takes it over from the HTTP server).
  const connection: WriterConnection = { webSocket, socket: request.socket };
  connections.set(webSocket, connection);
  const extra: Extra = { socket: webSocket, request, authenticated: unauthenticated.release };
  const authenticationDeadline = setTimeout(() => {
    if (extra.principal === undefined) webSocket.close(UNAUTHORIZED, 'Unauthorized: no valid credential in connection_init');
  }, CONNECTION_AUTHENTICATION_TIMEOUT_MS);
  webSocket.on('error', (error) => {
    log.warn({ err: error }, 'WebSocket connection failed');
    webSocket.close(CloseCode.InternalServerError, 'Internal server error');
  });
  const stopKeepAlive = keepAlive(webSocket);
  const closed = server.opened(
    {
      protocol: webSocket.protocol,
      send: (data) => writer.send(connection, data),
      close: (code, reason) => {
        // Messages sent before the close must reach the client before the close frame.
        writer.flushConnection(connection);
        webSocket.close(code, reason);
      },
      onMessage: (handle) => {
        const receive = messageReceiver({
          webSocket,
          handle,
          caller: () => (extra.principal ? { principal: extra.principal } : { address }),
          gatekeeper,
          log,
          drain,
          send: (data) => void writer.send(connection, data),
        });
        webSocket.on('message', (data) => void receive(data));
      },
    },
    extra,
  );
  webSocket.once('close', (code, reason) => {
    clearTimeout(authenticationDeadline);
    unauthenticated.release();
    stopKeepAlive();
    writer.forget(connection);
    connections.delete(webSocket);
    drain.forget(webSocket);
    if (extra.principal && extra.operations) gatekeeper.quota.forget(principalLabel(extra.principal), extra.operations);
    closed(code, String(reason)).catch((error: unknown) => log.error({ err: error }, 'WebSocket close handling failed'));
  });
}
