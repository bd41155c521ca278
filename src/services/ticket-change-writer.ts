import { EntityManager } from 'typeorm';
import { assertNever, TicketEventType, TicketStatus } from '../domain/enums';
import { Ticket } from '../entities';
import { StatusMove } from '../rules/ticket-status.rule';
import { SlaSignal } from '../rules/sla-clock.rule';
import { CallbackCancelReason } from '../domain/callback';
import { Actor } from './actor';
import { cancelScheduledCallbacks } from './callback-requests';
import { TicketColumnChanges, updateTicket } from './ticket-changes';
import { appendTicketEvents, NewTicketEvent } from './ticket-events';
import { SlaClockService } from './sla-clock.service';

/** One change of one locked ticket: a status move, a posted message, a rating — or several at once. */
export interface TicketChange {
  /** As locked by the caller (`lockTicket`) in the current transaction. */
  ticket: Ticket;
  actor: Actor;
  now: Date;
  statusMove: StatusMove | null;
  /** Columns besides those of the status move (message timestamps, resolution, rating). */
  columns: TicketColumnChanges;
  /** Events that precede the status events (MESSAGE_POSTED, TICKET_RATED); each payload gets the new `version`. */
  events: Array<{ type: TicketEventType; payload: Record<string, unknown> }>;
  /** Recorded on TICKET_REOPENED. */
  reopenReason?: string | null;
  /** What a posted message means for response clocks (docs/sla.md); absent when the change is not a message. */
  message?: { isCustomerMessage: boolean; isOwnerResponse: boolean; isFirstResponse: boolean };
  /** `columns` change what selects the SLA policy (priority, category): running clocks are re-targeted. */
  policyFactsChanged?: boolean;
}

/** The status columns a move writes. Reopening forgets the resolution: the ticket is no longer solved. */
function statusColumns(ticket: Ticket, move: StatusMove | null, now: Date): TicketColumnChanges {
  if (move === null) return {};
  switch (move.kind) {
    case 'CHANGE':
      return { status: move.to };
    case 'SOLVE':
      return { status: move.to, solvedAt: now };
    case 'REOPEN':
      return { status: move.to, solvedAt: null, resolution: null, resolutionNote: null, reopenedCount: ticket.reopenedCount + 1 };
    case 'CLOSE':
      return { status: move.to, closedAt: now };
    default:
      return assertNever(move.kind);
  }
}

function statusEvents(before: Ticket, after: Ticket, move: StatusMove | null, reopenReason: string | null): TicketChange['events'] {
  if (move === null) return [];
  const changed = { type: TicketEventType.STATUS_CHANGED, payload: { from: move.from, to: move.to, trigger: move.trigger } };
  switch (move.kind) {
    case 'CHANGE':
      return [changed];
    case 'SOLVE':
      return [changed, { type: TicketEventType.TICKET_SOLVED, payload: { resolution: after.resolution, note: after.resolutionNote } }];
    case 'REOPEN':
      return [
        changed,
        {
          type: TicketEventType.TICKET_REOPENED,
          payload: { reopenedCount: after.reopenedCount, reason: reopenReason, trigger: move.trigger },
        },
      ];
    case 'CLOSE':
      return [changed, { type: TicketEventType.TICKET_CLOSED, payload: { solvedAt: before.solvedAt, trigger: move.trigger } }];
    default:
      return assertNever(move.kind);
  }
}

/** The clocks' view of a change, status first (a customer reply resumes a PENDING ticket's clock before it starts NEXT_RESPONSE). */
function slaSignalsOf(change: TicketChange): SlaSignal[] {
  const signals: SlaSignal[] = [];
  if (change.statusMove) signals.push({ kind: 'STATUS_CHANGED', from: change.statusMove.from, to: change.statusMove.to });
  if (change.message?.isOwnerResponse) signals.push({ kind: 'OWNER_RESPONDED' });
  if (change.message?.isCustomerMessage) signals.push({ kind: 'CUSTOMER_WROTE' });
  if (change.policyFactsChanged) signals.push({ kind: 'POLICY_FACTS_CHANGED' });
  return signals;
}

/** The one writer of changes of existing tickets: every use case that changes a locked ticket goes through it. */
export class TicketChangeWriter {
  constructor(private readonly slaClock: SlaClockService) {}

  /**
   * THE way a locked ticket changes, for every use case (status requests, messages, ratings, the close job): one
   * UPDATE that bumps `version`, one INSERT of its events, each payload carrying the new version. SLA clocks hook in
   * here: `statusMove` (PENDING pauses RESOLUTION, SOLVED stops it, REOPEN restarts it, CLOSED ends what still
   * waits with the minutes used) and `message` (FIRST_RESPONSE / NEXT_RESPONSE met by an owner response,
   * NEXT_RESPONSE started by a customer message).
   */
  async applyTicketChange(manager: EntityManager, change: TicketChange): Promise<Ticket> {
    const [changed] = await this.applyTicketChanges(manager, [change]);
    return changed;
  }

  /**
   * applyTicketChange for many locked tickets at one instant (the close job's batch): an UPDATE per ticket (their
   * columns differ), then the SLA clocks of all of them read, planned and written at once, and one INSERT of all
   * their events. Returns the tickets as stored, in the order of `changes`.
   */
  async applyTicketChanges(manager: EntityManager, changes: readonly TicketChange[]): Promise<Ticket[]> {
    if (changes.length === 0) return [];
    const now = changes[0].now;
    if (changes.some((change) => change.now.getTime() !== now.getTime()))
      throw new Error('applyTicketChanges: every change of a batch happens at the same instant');
    const changed: Ticket[] = [];
    for (const change of changes)
      changed.push(
        await updateTicket(manager, change.ticket.id, { ...change.columns, ...statusColumns(change.ticket, change.statusMove, now) }, now),
      );
    const slaEvents = await this.slaClock.applySignalsToTickets(
      manager,
      changes.map((change, index) => ({ ticket: changed[index], signals: slaSignalsOf(change) })),
      now,
    );
    // A closed ticket's scheduled callback is off (docs/queues.md "Callbacks").
    const closedIds = changes.filter((change) => change.statusMove?.to === TicketStatus.CLOSED).map((change) => change.ticket.id);
    const cancelledCallbacks = await cancelScheduledCallbacks(manager, closedIds, CallbackCancelReason.TICKET_CLOSED, now);
    await appendTicketEvents(
      manager,
      changes.flatMap((change, index) => {
        const ticket = changed[index];
        const events = [...change.events, ...statusEvents(change.ticket, ticket, change.statusMove, change.reopenReason ?? null)];
        return [
          ...events.map((event): NewTicketEvent => ({
            ticketId: ticket.id,
            type: event.type,
            actor: change.actor,
            createdAt: now,
            payload: { ...event.payload, version: ticket.version },
          })),
          ...[...slaEvents, ...cancelledCallbacks]
            .filter((event) => event.ticketId === ticket.id)
            .map((event) => ({ ...event, payload: { ...event.payload, version: ticket.version } })),
        ];
      }),
    );
    return changed;
  }
}
