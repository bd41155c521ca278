import {
  DataSource,
  EntityManager,
  EventSubscriber,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

/** Where a transaction's after-commit work waits on its QueryRunner (`data` is TypeORM's slot for such state). */
const PENDING_KEY = 'afterCommit';

/** Work to run after a commit; a promise it returns is waited for before its DataSource is destroyed. */
export type AfterCommitWork = () => Promise<void> | void;

type PendingWork = Map<string, AfterCommitWork>;

/** Work started after a commit and not finished yet, per DataSource (`afterCommitWorkSettled`). */
const inFlight = new WeakMap<DataSource, Set<Promise<void>>>();

function start(dataSource: DataSource, work: AfterCommitWork): void {
  const running = work();
  if (!running) return;
  let works = inFlight.get(dataSource);
  if (!works) {
    works = new Set();
    inFlight.set(dataSource, works);
  }
  const tracked = running.catch(() => undefined).finally(() => works.delete(tracked));
  works.add(tracked);
}

/**
 * Resolves once the after-commit work of `dataSource` started so far has finished (data-source.ts waits for it
 * before destroying the DataSource: a NOTIFY sent on a closing pool would fail, and its failure be logged).
 */
export async function afterCommitWorkSettled(dataSource: DataSource): Promise<void> {
  const works = inFlight.get(dataSource);
  while (works && works.size > 0) await Promise.all([...works]);
}

/**
 * Runs `work` once what `manager` wrote has committed: at the outermost COMMIT of its transaction, or at once when
 * `manager` runs outside a transaction (its statement committed when it returned; call this after it). Work noted
 * under the same key in one transaction runs once. A rollback of the transaction drops it; work noted inside a
 * savepoint that rolled back still runs at the outer COMMIT, so use this for signals that may be sent in vain (a
 * NOTIFY whose listeners read what is there), never for effects.
 */
export function afterCommit(manager: EntityManager, key: string, work: AfterCommitWork): void {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) {
    start(manager.dataSource, work);
    return;
  }
  pendingOf(runner).set(key, work);
}

/** Runs the work `afterCommit` noted: registered on every DataSource (data-source.ts). */
@EventSubscriber() // TypeORM instantiates only decorated subscriber classes
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    // Still active: a savepoint was released, and the transaction goes on.
    if (event.queryRunner.isTransactionActive) return;
    for (const work of takePending(event.queryRunner).values()) start(event.dataSource, work);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) takePending(event.queryRunner);
  }
}

function pendingOf(runner: QueryRunner): PendingWork {
  const data = runner.data as Record<string, PendingWork | undefined>; // TypeORM types `data` as an object literal
  let pending = data[PENDING_KEY];
  if (!pending) {
    pending = new Map();
    data[PENDING_KEY] = pending;
  }
  return pending;
}

function takePending(runner: QueryRunner): PendingWork {
  const data = runner.data as Record<string, PendingWork | undefined>;
  const pending = data[PENDING_KEY] ?? new Map<string, AfterCommitWork>();
  delete data[PENDING_KEY];
  return pending;
}
