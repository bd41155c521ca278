import { AsyncLocalStorage } from 'node:async_hooks';
import { getOperationAST } from 'graphql';
import WebSocket from 'ws';

/**
 * Shutdown of the WebSocket transport without an operation committed and its answer dropped (issue #14,
 * point 7), as src/http/connection-drain.ts does for HTTP: once draining, no message starts an operation (a
 * `subscribe` is answered with an error SERVICE_UNAVAILABLE and not run), queries and mutations already running
 * are awaited (until the server's drain deadline, MAXIMUM_DRAIN_MS when none is given) and their answers
 * written; then the write gate closes (src/db/write-gate.ts), and only once it has settled are the sockets
 * closed (1001). Subscriptions simply end with their socket: they write nothing.
 */
export const MAXIMUM_DRAIN_MS = 5000;

interface Hold {
  socket: WebSocket;
}

export class OperationDrain {
  /** Messages being handled (a query or mutation until its answer is written), by socket. */
  private readonly holds = new Set<Hold>();
  /** The hold of the message whose handling is running (graphql-ws's hooks run inside it). */
  private readonly current = new AsyncLocalStorage<Hold>();
  private settled: (() => void) | null = null;
  private deadlineMs = Number.POSITIVE_INFINITY;
  draining = false;

  /** Handles one message; the drain waits for it until it resolves or is let go (subscriptions). */
  async hold(socket: WebSocket, handle: () => Promise<void>): Promise<void> {
    const hold: Hold = { socket };
    this.holds.add(hold);
    try {
      await this.current.run(hold, handle);
    } finally {
      this.letGo(hold);
    }
  }

  /**
   * Called by the checks once an operation is admitted: a subscription lets its message go (it may run for hours
   * and writes nothing); a query or mutation holds the drain until graphql-ws has written its answer.
   */
  admitted(execution: { document: Parameters<typeof getOperationAST>[0]; operationName?: string | null }): void {
    const hold = this.current.getStore();
    if (hold && getOperationAST(execution.document, execution.operationName)?.operation === 'subscription') this.letGo(hold);
  }

  /** A closed socket's operations can no longer be answered: they no longer hold the drain. */
  forget(socket: WebSocket): void {
    for (const hold of this.holds) if (hold.socket === socket) this.letGo(hold);
  }

  /** The error a `subscribe` message gets while draining, or null for a message that is not one. */
  refusalOf(data: string): string | null {
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return null;
    }
    const { id, type } = (typeof message === 'object' && message !== null ? message : {}) as { id?: unknown; type?: unknown };
    if (type !== 'subscribe' || typeof id !== 'string') return null;
    return JSON.stringify({
      id,
      type: 'error',
      payload: [
        {
          message: 'The server is shutting down; the operation was not run. Retry it.',
          extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 },
        },
      ],
    });
  }

  /** Stops new operations and resolves when the running ones have answered, or at the first deadline given (epoch ms). */
  async drain(deadlineMs = Date.now() + MAXIMUM_DRAIN_MS): Promise<void> {
    this.draining = true;
    this.deadlineMs = Math.min(this.deadlineMs, deadlineMs);
    if (this.holds.size === 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, this.deadlineMs - Date.now()));
      this.settled = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private letGo(hold: Hold): void {
    this.holds.delete(hold);
    if (this.holds.size === 0 && this.settled) {
      this.settled();
      this.settled = null;
    }
  }
}
