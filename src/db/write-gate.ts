import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, QueryRunner } from 'typeorm';
import { isReadOnlyStatement, poolOf, queryOnFreshConnection } from './broken-connection-retry';

/**
 * Shutdown never commits a write whose answer it drops (issue #14, point 7). Every request a client waits for
 * runs in an answer scope (`answering`). While the gate is open its writes commit as usual; each write sent (a
 * COMMIT, or a statement that writes outside a transaction, which commits on its own) makes the request's
 * answer owed. When the server can wait no longer (its drain deadline, or the forced exit), the gate closes:
 *
 * - no write of a request commits any more: a COMMIT is refused before it is sent (the transaction rolls back)
 *   and a statement that would write on its own is refused too;
 * - a write statement already running on its own (it may wait on a lock for ever) is cancelled
 *   (`pg_cancel_backend`), so it either has committed or never will, and its outcome reaches its request;
 * - for at most WRITE_SETTLE_MS, the gate waits for the COMMITs in flight and for the answer of every request
 *   that sent a write. Only then may sockets close and the process exit.
 *
 * Background work (no answer scope) is not gated: nobody waits for its answer, and its jobs are retried.
 */

/** ms the closing gate waits for COMMITs in flight and for the answers of requests that wrote. */
export const WRITE_SETTLE_MS = 1000;

/** The `code` of the error a write refused by a closed gate fails with (database-unavailable.ts: 503). */
export const SHUTTING_DOWN_CODE = 'SHUTTING_DOWN';

export class WriteRefusedAtShutdownError extends Error {
  readonly code = SHUTTING_DOWN_CODE;
  constructor(cause?: unknown) {
    super('The server is shutting down; the write was not committed. Retry it.', { cause });
  }
}

/** One request a client waits for, and the gate of the server that serves it. */
interface AnswerScope {
  gate: WriteGate;
  /** A write was sent for it: its answer must be written before the server lets go. */
  owed: boolean;
  answered: boolean;
}

interface WriteInFlight {
  scope: AnswerScope;
  /** Backend of the connection running it (pg's processID). */
  backendPid: number | null;
  /** A statement that writes on its own may be cancelled; a COMMIT is waited for. */
  cancellable: boolean;
  cancelled: boolean;
}

export interface GateSettlement {
  /** Write statements cancelled when the gate closed. */
  cancelled: number;
  /** Writes or owed answers still unsettled after WRITE_SETTLE_MS (0 unless something hangs). */
  unsettled: number;
}

/** The request whose work is running (one store for every server of the process: each scope names its gate). */
const scopes = new AsyncLocalStorage<AnswerScope>();

/** One per server: its requests' writes commit only while it is open. */
export class WriteGate {
  private readonly writes = new Set<WriteInFlight>();
  private readonly owed = new Set<AnswerScope>();
  private readonly waiters = new Set<() => void>();
  private closing: Promise<GateSettlement> | null = null;

  constructor(private readonly cancelBackends: (pids: number[]) => Promise<void>) {}

  get isClosed(): boolean {
    return this.closing !== null;
  }

  /** Runs `work` as one request; `answered` resolves once its answer is written (or can no longer be). */
  answering<T>(answered: Promise<unknown>, work: () => T): T {
    const scope: AnswerScope = { gate: this, owed: false, answered: false };
    void answered.finally(() => {
      scope.answered = true;
      this.owed.delete(scope);
      this.changed();
    });
    return scopes.run(scope, work);
  }

  /** Runs a statement of `runner` for `scope`, a request of this gate's server; gated only when it commits. */
  async gated<T>(scope: AnswerScope, runner: QueryRunner, text: string, run: () => Promise<T>): Promise<T> {
    const commit = runner.isTransactionActive && /^\s*(?:COMMIT|END)\b/i.test(text);
    const writesAlone = !runner.isTransactionActive && !isReadOnlyStatement(text);
    if (!commit && !writesAlone) return run();
    if (this.isClosed) throw new WriteRefusedAtShutdownError();
    const connection = (await runner.connect()) as { processID?: number };
    const write: WriteInFlight = { scope, backendPid: connection.processID ?? null, cancellable: writesAlone, cancelled: false };
    this.writes.add(write);
    scope.owed = true;
    if (!scope.answered) this.owed.add(scope);
    try {
      return await run();
    } catch (error) {
      if (write.cancelled) throw new WriteRefusedAtShutdownError(error);
      throw error;
    } finally {
      this.writes.delete(write);
      this.changed();
    }
  }

  /** Closes the gate (once): refuses later writes, cancels running ones, waits for commits and owed answers. */
  close(): Promise<GateSettlement> {
    this.closing ??= this.settle();
    return this.closing;
  }

  private async settle(): Promise<GateSettlement> {
    const cancellable = [...this.writes].filter((write) => write.cancellable && write.backendPid !== null);
    for (const write of cancellable) write.cancelled = true;
    if (cancellable.length > 0) await this.cancelBackends(cancellable.map((write) => write.backendPid!)).catch(() => undefined);
    const settled = await this.settledWithin(WRITE_SETTLE_MS);
    return { cancelled: cancellable.length, unsettled: settled ? 0 : this.writes.size + this.owed.size };
  }

  private settledWithin(ms: number): Promise<boolean> {
    const isSettled = () => this.writes.size === 0 && [...this.owed].every((scope) => scope.answered);
    if (isSettled()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(false), ms);
      const check = () => {
        if (isSettled()) finish(true);
      };
      const finish = (settled: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(settled);
      };
      this.waiters.add(check);
    });
  }

  private changed(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

type QueryText = string | { name?: string; text: string };

/** Cancels the statements running on the given backends of `dataSource` (from a connection of its own). */
export function backendCanceller(dataSource: DataSource): (pids: number[]) => Promise<void> {
  return async (pids) => {
    await queryOnFreshConnection(
      poolOf(dataSource),
      { text: 'SELECT pg_cancel_backend(pid) FROM unnest($1::int[]) AS pid', values: [pids] },
      { readOnly: true },
    );
  };
}

/** Makes every query runner of `dataSource` pass the statements of a request through its server's WriteGate. */
export function gateWritesOfRequests(dataSource: DataSource): void {
  const driver = dataSource.driver;
  const createQueryRunner = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode) => {
    const runner: QueryRunner = createQueryRunner(mode);
    const query = runner.query.bind(runner) as (
      statement: QueryText,
      parameters?: unknown[],
      useStructuredResult?: boolean,
    ) => Promise<unknown>;
    runner.query = ((statement: QueryText, parameters?: unknown[], useStructuredResult?: boolean) => {
      const scope = scopes.getStore();
      const run = () => query(statement, parameters, useStructuredResult);
      return scope ? scope.gate.gated(scope, runner, typeof statement === 'string' ? statement : statement.text, run) : run();
    }) as QueryRunner['query'];
    return runner;
  };
}
