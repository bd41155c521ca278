import { AsyncResource } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { afterCommit } from '../db/after-commit';

/** The NOTIFY channel of appended events; the payload is the highest committed sequence (src/events). */
export const TICKET_EVENTS_CHANNEL = 'ticket_events';

/**
 * Runs `work` in the async context this module was loaded in, at startup: outside every request's async-local
 * stores (its statement tally, its answer scope at shutdown: src/db/write-gate.ts). The NOTIFY is nobody's answer.
 */
const outsideRequests = AsyncResource.bind(<T>(work: () => T): T => work());

/**
 * The NOTIFY of appended events, sent once their transaction has committed and never inside it. PostgreSQL takes
 * one lock of the whole database at the commit of a transaction that notified and keeps it until the commit
 * record is flushed to disk, so notifying transactions commit one at a time, each waiting for its own flush (no
 * group commit): ≈ 3–5× fewer commits per second with 10 connections on this machine's disk (docs/benchmarks.md).
 * One per DataSource (process); fire and forget:
 * - coalesced: at most one NOTIFY in flight; signals that arrive meanwhile make exactly one more;
 * - non-durable (`synchronous_commit` off for its own transaction): it writes nothing that must survive a crash,
 *   so it holds the NOTIFY lock for an in-memory commit, not a disk flush;
 * - its payload is the highest sequence its snapshot sees, which is committed (what the listener's `skipTo`
 *   expects);
 * - outside the request (its statement tally, its answer scope): the request does not wait for it, and a server
 *   shutting down does not count it among the writes it must settle.
 * A failed NOTIFY is logged; the listeners' poll reads the events anyway.
 */
export class CommittedEventSignal {
  private sending: Promise<void> | null = null;
  private pending = false;

  constructor(private readonly dataSource: DataSource) {}

  /** Resolves once this signal (and every one before it) has been sent. */
  signal(): Promise<void> {
    this.pending = true;
    if (!this.sending) {
      this.sending = outsideRequests(() => this.drain()).finally(() => {
        this.sending = null;
        // A signal after the drain's last look and before this point would be lost otherwise.
        if (this.pending) void this.signal();
      });
    }
    return this.settled();
  }

  /** Resolves when every signal so far has been sent. */
  async settled(): Promise<void> {
    while (this.sending) await this.sending;
  }

  private async drain(): Promise<void> {
    while (this.pending) {
      this.pending = false;
      if (!this.dataSource.isInitialized) return;
      try {
        await this.dataSource.query(
          `SELECT set_config('synchronous_commit', 'off', true), pg_notify('${TICKET_EVENTS_CHANNEL}', (SELECT coalesce(max(sequence), 0) FROM ticket_events)::text)`,
        );
      } catch {
        // The query's own failure is already logged (statement-counter.ts); say what it means.
        this.dataSource.logger.log('warn', 'NOTIFY of committed events failed; listeners read them at their next poll');
      }
    }
  }
}

const signals = new WeakMap<DataSource, CommittedEventSignal>();

function signalOf(dataSource: DataSource): CommittedEventSignal {
  let signal = signals.get(dataSource);
  if (!signal) {
    signal = new CommittedEventSignal(dataSource);
    signals.set(dataSource, signal);
  }
  return signal;
}

/**
 * Tells every instance's event listener that events were committed: for a statement that appended events on its
 * own, outside any transaction (it committed when it returned). Inside a transaction use `signalEventsAtCommit`.
 * Either way the DataSource is not destroyed before the NOTIFY went out (src/db/after-commit.ts).
 */
export function signalCommittedEvents(dataSource: DataSource): void {
  afterCommit(dataSource.manager, TICKET_EVENTS_CHANNEL, () => signalOf(dataSource).signal());
}

/** The same, once the transaction `manager` appended events in has committed (nothing on rollback). */
export function signalEventsAtCommit(manager: EntityManager): void {
  afterCommit(manager, TICKET_EVENTS_CHANNEL, () => signalOf(manager.dataSource).signal());
}
