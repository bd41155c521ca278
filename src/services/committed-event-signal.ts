import { AsyncResource } from 'node:async_hooks';
import { DataSource } from 'typeorm';
import { TICKET_EVENTS_CHANNEL } from './ticket-events';

/**
 * Runs `work` in the async context this module was loaded in, at startup: outside every request's async-local
 * stores (its statement tally, its answer scope at shutdown: src/db/write-gate.ts). The NOTIFY is nobody's answer.
 */
const outsideRequests = AsyncResource.bind(<T>(work: () => T): T => work());

/**
 * The NOTIFY of events appended with `notify: 'after-commit'`, sent once their transaction has committed, so
 * that the durable commit itself never takes PostgreSQL's database-wide NOTIFY lock (ticket-events.ts,
 * EventNotification). One per DataSource (process); fire and forget:
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

  constructor(
    private readonly dataSource: DataSource,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  signal(): void {
    this.pending = true;
    if (this.sending) return;
    this.sending = outsideRequests(() => this.drain()).finally(() => {
      this.sending = null;
      // A signal after the drain's last look and before this point would be lost otherwise.
      if (this.pending) this.signal();
    });
  }

  /** Resolves when every signal so far has been sent (tests, shutdown). */
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
      } catch (error) {
        this.onFailure(error);
      }
    }
  }
}

const signals = new WeakMap<DataSource, CommittedEventSignal>();

/** Tells every instance's event listener, after COMMIT, that events were appended with `notify: 'after-commit'`. */
export function signalCommittedEvents(dataSource: DataSource, log: { warn(object: object, message: string): void }): void {
  let signal = signals.get(dataSource);
  if (!signal) {
    signal = new CommittedEventSignal(dataSource, (error) =>
      log.warn({ err: error }, 'NOTIFY of committed events failed; listeners read them at their next poll'),
    );
    signals.set(dataSource, signal);
  }
  signal.signal();
}
