import { Socket } from 'node:net';
import WebSocket from 'ws';

/**
 * Bytes (UTF-16 code units) of messages one connection may have waiting for the next flush before `send` makes
 * its sender wait for that flush: enough for the few events one commit produces, small next to a socket's buffer.
 */
const PENDING_LIMIT = 16 * 1024;

/** One WebSocket connection as the writer sees it: ws's socket and the TCP socket under it. */
export interface WriterConnection {
  webSocket: WebSocket;
  /** The upgraded request's socket: the one ws writes its frames to. */
  socket: Socket;
}

interface ConnectionState {
  pending: string[];
  pendingLength: number;
  /** Senders waiting for the next flush or for the socket to drain. */
  waiting: Array<() => void>;
  awaitingDrain: boolean;
}

/**
 * Writes graphql-ws messages in batches: everything sent to the connections of an instance during one turn of
 * the event loop is written at the next turn, in one loop, with one write per connection (its messages framed
 * by ws into one corked write). A fan-out of one event to 1,000 subscribers is 1,000 writes however many events
 * one commit produced, and the writes are not spread between the executions and serialisations of the turn.
 *
 * Back-pressure is kept: a sender goes on at once only while its connection has little waiting and its socket
 * is under Node's high-water mark; otherwise it waits for the flush, then for the socket to drain. graphql-ws
 * asks a subscription for its next result only when its previous `send` resolved, so a client that stops
 * reading fills its own subscription's bounded buffer, as before.
 */
export class WebSocketWriter {
  private readonly states = new Map<WriterConnection, ConnectionState>();
  private readonly due = new Set<WriterConnection>();
  private flushScheduled = false;

  /** Undefined when the sender may go on at once; otherwise when it may. */
  send(connection: WriterConnection, message: string): Promise<void> | undefined {
    if (connection.webSocket.readyState !== WebSocket.OPEN) return undefined;
    const state = this.stateOf(connection);
    state.pending.push(message);
    state.pendingLength += message.length;
    this.due.add(connection);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
    if (state.pendingLength < PENDING_LIMIT && !connection.socket.writableNeedDrain) return undefined;
    return new Promise((resolve) => state.waiting.push(resolve));
  }

  /** Writes what the connection has waiting now (before a close frame, which must follow it). */
  flushConnection(connection: WriterConnection): void {
    if (!this.due.delete(connection)) return;
    this.write(connection);
  }

  /** The connection closed: nothing more is written, and no sender waits for it. */
  forget(connection: WriterConnection): void {
    this.due.delete(connection);
    const state = this.states.get(connection);
    this.states.delete(connection);
    for (const resolve of state?.waiting ?? []) resolve();
  }

  private stateOf(connection: WriterConnection): ConnectionState {
    let state = this.states.get(connection);
    if (state === undefined) {
      state = { pending: [], pendingLength: 0, waiting: [], awaitingDrain: false };
      this.states.set(connection, state);
    }
    return state;
  }

  private flush(): void {
    this.flushScheduled = false;
    const due = [...this.due];
    this.due.clear();
    for (const connection of due) this.write(connection);
  }

  private write(connection: WriterConnection): void {
    const state = this.states.get(connection);
    if (state === undefined) return;
    const messages = state.pending;
    state.pending = [];
    state.pendingLength = 0;
    if (connection.webSocket.readyState === WebSocket.OPEN) {
      // ws corks and uncorks around each frame; the outer cork makes the frames of this batch one write.
      connection.socket.cork();
      for (const message of messages) connection.webSocket.send(message);
      connection.socket.uncork();
    }
    this.releaseWhenWritable(connection, state);
  }

  private releaseWhenWritable(connection: WriterConnection, state: ConnectionState): void {
    if (state.waiting.length === 0) return;
    if (connection.socket.writableNeedDrain && !connection.socket.destroyed) {
      if (!state.awaitingDrain) {
        state.awaitingDrain = true;
        connection.socket.once('drain', () => {
          state.awaitingDrain = false;
          this.releaseWhenWritable(connection, state);
        });
      }
      return;
    }
    const waiting = state.waiting;
    state.waiting = [];
    for (const resolve of waiting) resolve();
  }
}
