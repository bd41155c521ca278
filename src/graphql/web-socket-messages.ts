import { CloseCode } from 'graphql-ws';
import { Logger } from 'pino';
import WebSocket, { RawData } from 'ws';
import { Principal } from '../auth/principal';
import { OperationDrain } from './web-socket-drain';

// What a WebSocket's messages pass before graphql-ws reads them (the caller's rate limit, the drain), and what
// keeps a socket honest while it is open (pings, close reasons a client can decode).

/** What the message receiver asks of the server: WebSocketGatekeeper's part of it (web-socket-transport.ts). */
export interface MessageAdmission {
  admitMessage(caller: { principal: Principal } | { address: string }): { retryAfterSeconds: number } | null;
  answering<T>(answered: Promise<unknown>, work: () => Promise<T>): Promise<T>;
}

/** ms between ws pings; a client that has not answered a ping by the next one is dropped. */
const KEEP_ALIVE_MS = 12_000;

/**
 * RFC 6455 "policy violation": the caller is over its rate limit or a cap (graphql-ws's own 4429 means a
 * repeated init).
 */
export const POLICY_VIOLATION = 1008;

/** A close frame's reason is at most 123 bytes (RFC 6455). */
const MAXIMUM_CLOSE_REASON_BYTES = 123;

/** `text` cut to what a close frame carries, on a character boundary. */
export function closeReason(text: string): string {
  const encoded = Buffer.from(text, 'utf8');
  if (encoded.length <= MAXIMUM_CLOSE_REASON_BYTES) return text;
  // Cut on a character boundary: a decoder would otherwise refuse the frame.
  let cut = text.slice(0, MAXIMUM_CLOSE_REASON_BYTES);
  while (Buffer.byteLength(cut, 'utf8') > MAXIMUM_CLOSE_REASON_BYTES) cut = cut.slice(0, -1);
  return cut;
}

/** Pings every KEEP_ALIVE_MS; a client that has not answered by the next ping is dropped. Returns the stop. */
export function keepAlive(webSocket: WebSocket): () => void {
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
  return () => {
    if (pongWait) clearTimeout(pongWait);
    clearInterval(pingInterval);
  };
}

/**
 * What ws calls with each message (it returns nothing to ws: failures are caught inside and close the socket).
 * Before graphql-ws parses it, a flood of invalid messages costs a caller its budget like valid ones.
 */
export function messageReceiver({
  webSocket,
  handle,
  caller,
  gatekeeper,
  log,
  drain,
  send,
}: {
  webSocket: WebSocket;
  handle: (data: string) => Promise<void>;
  caller: () => { principal: Principal } | { address: string };
  gatekeeper: MessageAdmission;
  log: Logger;
  drain: OperationDrain;
  send: (data: string) => void;
}): (data: RawData) => Promise<void> {
  return async (data) => {
    const limited = gatekeeper.admitMessage(caller());
    if (limited !== null) {
      webSocket.close(POLICY_VIOLATION, `RATE_LIMITED: rate limit exceeded, retry in ${limited.retryAfterSeconds} s`);
      return;
    }
    if (webSocket.readyState !== webSocket.OPEN) return;
    const text = String(data); // eslint-disable-line @typescript-eslint/no-base-to-string -- ws hands text frames over as Buffers, whose String() is their UTF-8 text
    if (drain.draining) {
      // Shutting down: nothing new runs; a subscribe message is told so (and may be retried elsewhere).
      const refusal = drain.refusalOf(text);
      if (refusal !== null) send(refusal);
      return;
    }
    try {
      let answered = () => undefined as void;
      const answer = new Promise<void>((resolve) => (answered = resolve));
      await drain.hold(webSocket, () => gatekeeper.answering(answer, () => handle(text)).finally(answered));
    } catch (error) {
      log.error({ err: error }, 'WebSocket message handling failed');
      webSocket.close(CloseCode.InternalServerError, 'Internal server error');
    }
  };
}
