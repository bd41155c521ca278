import { CloseCode, ConnectionInitMessage, Disposable, handleProtocols, makeServer, ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { WebSocketWriter, WriterConnection } from './web-socket-writer';

/** ms between ws pings; a client that has not answered a ping by the next one is dropped. */
const KEEP_ALIVE_MS = 12_000;

/** The close code ws sends when the server goes away (RFC 6455). */
const GOING_AWAY = 1001;

export type WebSocketServerOptions = ServerOptions<ConnectionInitMessage['payload'], Extra>;

/**
 * graphql-ws's protocol server (`makeServer`) on a ws server: what `graphql-ws/use/ws` does (its documentation
 * invites copying it), with two differences. Messages leave through one WebSocketWriter, which batches the
 * writes of a turn of the event loop (see there). Failures are logged with the instance's logger and close the
 * connection with "Internal server error", never with their message.
 */
export function serveGraphQLOverWebSockets(options: WebSocketServerOptions, webSocketServer: WebSocketServer, log: Logger): Disposable {
  const server = makeServer(options);
  const writer = new WebSocketWriter();
  webSocketServer.options.handleProtocols = handleProtocols;
  webSocketServer.on('error', (error) => {
    log.error({ err: error }, 'WebSocket server failed');
    for (const client of webSocketServer.clients) client.close(CloseCode.InternalServerError, 'Internal server error');
  });

  webSocketServer.on('connection', (webSocket, request) => {
    // The upgraded request's socket is the one ws writes to (ws takes it over from the HTTP server).
    const connection: WriterConnection = { webSocket, socket: request.socket };
    webSocket.on('error', (error) => {
      log.warn({ err: error }, 'WebSocket connection failed');
      webSocket.close(CloseCode.InternalServerError, 'Internal server error');
    });

    let pongWait: NodeJS.Timeout | null = null;
    const pingInterval = setInterval(() => {
      if (webSocket.readyState !== webSocket.OPEN) return;
      pongWait = setTimeout(() => webSocket.terminate(), KEEP_ALIVE_MS);
      webSocket.once('pong', () => {
        if (pongWait) clearTimeout(pongWait);
        pongWait = null;
      });
      webSocket.ping();
    }, KEEP_ALIVE_MS);

    const closed = server.opened(
      {
        protocol: webSocket.protocol,
        send: (data) => writer.send(connection, data),
        close: (code, reason) => {
          // Messages sent before the close must reach the client before the close frame.
          writer.flushConnection(connection);
          webSocket.close(code, reason);
        },
        onMessage: (handle) =>
          webSocket.on('message', async (data) => {
            try {
              await handle(String(data));
            } catch (error) {
              log.error({ err: error }, 'WebSocket message handling failed');
              webSocket.close(CloseCode.InternalServerError, 'Internal server error');
            }
          }),
      },
      { socket: webSocket, request },
    );

    webSocket.once('close', (code, reason) => {
      if (pongWait) clearTimeout(pongWait);
      clearInterval(pingInterval);
      writer.forget(connection);
      closed(code, String(reason)).catch((error: unknown) => log.error({ err: error }, 'WebSocket close handling failed'));
    });
  });

  return {
    dispose: async () => {
      for (const client of webSocketServer.clients) client.close(GOING_AWAY, 'Going away');
      webSocketServer.removeAllListeners();
      await new Promise<void>((resolve, reject) => webSocketServer.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
