import { TicketScopeColumns } from '../auth/scope';
import { OwnerParty } from '../domain/enums';
import { TicketEvent } from '../entities';

/** A committed event with the columns of its ticket (as it stands now) that subscribers filter on. */
export interface CommittedTicketEvent {
  event: TicketEvent;
  ticket: TicketScopeColumns & { ownerParty: OwnerParty };
}

export interface TicketEventSubscriber {
  /** Offered every committed event this instance reads, in sequence order; keeps those it may and wants to see. */
  offer(committed: CommittedTicketEvent): void;
  /** The instance is stopping: end the subscription. */
  close(): void;
}

/**
 * The subscribers of one server instance. The instance's TicketEventListener feeds it; the services register
 * subscribers with their scope and filters (src/services/ticket-event-subscription.service.ts), so the hub
 * itself decides nothing about who sees what. A subscriber here is the source of one subscription group
 * (shared-subscription-executor.ts), not one client subscription.
 */
export class TicketEventHub {
  private readonly subscribers = new Set<TicketEventSubscriber>();

  /** Returns the function that removes the subscriber. */
  add(subscriber: TicketEventSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => {
      this.subscribers.delete(subscriber);
    };
  }

  hasSubscribers(): boolean {
    return this.subscribers.size > 0;
  }

  /** Returns what subscribers threw: one broken subscriber must not cost the others their events. */
  dispatch(batch: CommittedTicketEvent[]): unknown[] {
    const failures: unknown[] = [];
    for (const committed of batch) {
      for (const subscriber of this.subscribers) {
        try {
          subscriber.offer(committed);
        } catch (error) {
          failures.push(error);
        }
      }
    }
    return failures;
  }

  closeAll(): void {
    for (const subscriber of [...this.subscribers]) subscriber.close();
    this.subscribers.clear();
  }
}
