import { assertNever, MessageVisibility, TicketStatus } from '../domain/enums';

// Status moves (docs/sla.md) and who may make them (docs/security.md) as data: which status moves exist, who may request each, and which
// moves a message causes by itself. Pure: `now` is passed in.

/** Who asks for a move, relative to the ticket: its customer, the owning party (seller or carrier), a platform agent, or the system's jobs. */
export type TransitionActor = 'CUSTOMER' | 'OWNER' | 'AGENT' | 'SYSTEM';

/**
 * When a permitted move applies: `ALWAYS`; `WITHIN_REOPEN_WINDOW` — less than 7 days after the ticket was
 * solved; `AFTER_REOPEN_WINDOW` — at least 7 days after it was solved.
 */
export type TransitionCondition = 'ALWAYS' | 'WITHIN_REOPEN_WINDOW' | 'AFTER_REOPEN_WINDOW';

/** Days a SOLVED ticket waits for the customer before it is CLOSED; within them a customer message reopens it. */
export const REOPEN_WINDOW_DAYS = 7;
const REOPEN_WINDOW_MILLISECONDS = REOPEN_WINDOW_DAYS * 24 * 60 * 60 * 1000;

type TransitionTable = Record<TicketStatus, Partial<Record<TicketStatus, Partial<Record<TransitionActor, TransitionCondition>>>>>;

const OWNER_OR_AGENT = { OWNER: 'ALWAYS', AGENT: 'ALWAYS' } as const;

/**
 * from → to → actor → condition. A missing cell is a move nobody may request. NEW is only ever the first
 * status; CLOSED is final (a customer's message to it opens a follow-up ticket instead). Sellers and carriers
 * never close: the platform does, by hand or after the reopen window.
 */
export const STATUS_TRANSITIONS: TransitionTable = {
  [TicketStatus.NEW]: {
    [TicketStatus.OPEN]: OWNER_OR_AGENT,
    [TicketStatus.PENDING]: OWNER_OR_AGENT,
    [TicketStatus.ON_HOLD]: OWNER_OR_AGENT,
    [TicketStatus.SOLVED]: OWNER_OR_AGENT,
  },
  [TicketStatus.OPEN]: {
    [TicketStatus.PENDING]: OWNER_OR_AGENT,
    [TicketStatus.ON_HOLD]: OWNER_OR_AGENT,
    [TicketStatus.SOLVED]: OWNER_OR_AGENT,
  },
  [TicketStatus.PENDING]: {
    [TicketStatus.OPEN]: OWNER_OR_AGENT,
    [TicketStatus.ON_HOLD]: OWNER_OR_AGENT,
    [TicketStatus.SOLVED]: OWNER_OR_AGENT,
  },
  [TicketStatus.ON_HOLD]: {
    [TicketStatus.OPEN]: OWNER_OR_AGENT,
    [TicketStatus.PENDING]: OWNER_OR_AGENT,
    [TicketStatus.SOLVED]: OWNER_OR_AGENT,
  },
  [TicketStatus.SOLVED]: {
    [TicketStatus.OPEN]: { CUSTOMER: 'WITHIN_REOPEN_WINDOW', OWNER: 'ALWAYS', AGENT: 'ALWAYS' },
    [TicketStatus.CLOSED]: { AGENT: 'ALWAYS', SYSTEM: 'AFTER_REOPEN_WINDOW' },
  },
  [TicketStatus.CLOSED]: {},
};

/** What a move means beyond the new status: SOLVE stamps solvedAt, REOPEN counts, CLOSE stamps closedAt. */
export type StatusMoveKind = 'CHANGE' | 'SOLVE' | 'REOPEN' | 'CLOSE';

/** What caused a move, as recorded in the STATUS_CHANGED event. */
export type StatusMoveTrigger = 'REQUEST' | 'OWNER_FIRST_REPLY' | 'CUSTOMER_REPLY' | 'REOPEN_WINDOW_ELAPSED';

export interface StatusMove {
  from: TicketStatus;
  to: TicketStatus;
  kind: StatusMoveKind;
  trigger: StatusMoveTrigger;
}

export interface TransitionRequest {
  from: TicketStatus;
  to: TicketStatus;
  actor: TransitionActor;
  /** When the ticket was last solved; null when it is not SOLVED. */
  solvedAt: Date | null;
  now: Date;
  /** What caused the request, for its event: a person's REQUEST unless given (the close job's REOPEN_WINDOW_ELAPSED). */
  trigger?: StatusMoveTrigger;
}

export type TransitionPlan = { ok: true; move: StatusMove } | { ok: false; allowedStatuses: TicketStatus[]; reason: string };

export function moveKind(from: TicketStatus, to: TicketStatus): StatusMoveKind {
  switch (to) {
    case TicketStatus.SOLVED:
      return 'SOLVE';
    case TicketStatus.CLOSED:
      return 'CLOSE';
    case TicketStatus.OPEN:
      return from === TicketStatus.SOLVED ? 'REOPEN' : 'CHANGE';
    case TicketStatus.NEW:
    case TicketStatus.PENDING:
    case TicketStatus.ON_HOLD:
      return 'CHANGE';
    default:
      return assertNever(to);
  }
}

/** True while a customer's message still reopens the ticket. A SOLVED ticket without solvedAt has not started its window. */
export function isWithinReopenWindow(solvedAt: Date | null, now: Date): boolean {
  return solvedAt === null || now.getTime() < solvedAt.getTime() + REOPEN_WINDOW_MILLISECONDS;
}

/** Tickets solved at or before this instant are due to be closed at `now`. */
export function closableSolvedBefore(now: Date): Date {
  return new Date(now.getTime() - REOPEN_WINDOW_MILLISECONDS);
}

function conditionHolds(condition: TransitionCondition, solvedAt: Date | null, now: Date): boolean {
  switch (condition) {
    case 'ALWAYS':
      return true;
    case 'WITHIN_REOPEN_WINDOW':
      return isWithinReopenWindow(solvedAt, now);
    case 'AFTER_REOPEN_WINDOW':
      return !isWithinReopenWindow(solvedAt, now);
    default:
      return assertNever(condition);
  }
}

/** The statuses `actor` may move a ticket to from `from` at `now`, in the order of TicketStatus. */
export function allowedStatuses(from: TicketStatus, actor: TransitionActor, solvedAt: Date | null, now: Date): TicketStatus[] {
  const row = STATUS_TRANSITIONS[from];
  return Object.values(TicketStatus).filter((to) => {
    const condition = row[to]?.[actor];
    return condition !== undefined && conditionHolds(condition, solvedAt, now);
  });
}

function refusalReason(request: TransitionRequest): string {
  const { from, to, actor } = request;
  if (from === to) return `The ticket is already ${to}`;
  if (from === TicketStatus.CLOSED) return 'The ticket is closed for good; a new message from the customer opens a follow-up ticket';
  const condition = STATUS_TRANSITIONS[from][to]?.[actor];
  if (condition === 'WITHIN_REOPEN_WINDOW')
    return `A solved ticket can be reopened by the customer only within ${REOPEN_WINDOW_DAYS} days of being solved`;
  if (condition === 'AFTER_REOPEN_WINDOW') return `A solved ticket closes by itself only ${REOPEN_WINDOW_DAYS} days after being solved`;
  if (to === TicketStatus.NEW) return 'No ticket returns to NEW';
  if (to === TicketStatus.CLOSED) return 'Only platform agents close tickets, and only solved ones';
  return `${actorLabel(actor)} may not move a ticket from ${from} to ${to}`;
}

function actorLabel(actor: TransitionActor): string {
  switch (actor) {
    case 'CUSTOMER':
      return 'The customer';
    case 'OWNER':
      return 'The owning party';
    case 'AGENT':
      return 'A platform agent';
    case 'SYSTEM':
      return 'The system';
    default:
      return assertNever(actor);
  }
}

/** Decides a requested move (changeTicketStatus, resolveTicket, reopenTicket, the close job). */
export function planTransition(request: TransitionRequest): TransitionPlan {
  const { from, to, actor, solvedAt, now } = request;
  const condition = STATUS_TRANSITIONS[from][to]?.[actor];
  if (condition !== undefined && conditionHolds(condition, solvedAt, now)) {
    return { ok: true, move: { from, to, kind: moveKind(from, to), trigger: request.trigger ?? 'REQUEST' } };
  }
  return { ok: false, allowedStatuses: allowedStatuses(from, actor, solvedAt, now), reason: refusalReason(request) };
}

/**
 * Who writes a message, relative to the ticket: its CUSTOMER; the OWNER (the owning seller or carrier, or a
 * platform agent while the platform owns it); an AGENT while a seller or carrier owns it; or the seller a
 * claim was escalated from (CLAIM_RESPONDENT), which may answer but no longer owns the ticket.
 */
export type MessageWriter = 'CUSTOMER' | 'OWNER' | 'AGENT' | 'CLAIM_RESPONDENT';

export interface MessageFacts {
  status: TicketStatus;
  solvedAt: Date | null;
  firstRespondedAt: Date | null;
  writer: MessageWriter;
  visibility: MessageVisibility;
  now: Date;
}

/** What a message does to its ticket besides being stored. */
export type MessagePlan =
  | {
      outcome: 'POST';
      statusMove: StatusMove | null;
      /** The customer wrote: `lastCustomerMessageAt`, and for SLA the NEXT_RESPONSE clock. */
      isCustomerMessage: boolean;
      /** A PUBLIC message by the owning party (what counts as a response: docs/sla.md "Concepts"). */
      isOwnerResponse: boolean;
      /** The owner's first response: stamps `firstRespondedAt`. */
      isFirstResponse: boolean;
    }
  /** The customer wrote to a finished ticket: a follow-up ticket carries the message; the original is closed first if it is still SOLVED. */
  | { outcome: 'FOLLOW_UP'; closeOriginal: StatusMove | null }
  | { outcome: 'REFUSED'; reason: string };

/** The automatic moves: the owner's first public reply opens a NEW ticket; the customer's reply answers PENDING and reopens SOLVED. */
export function planMessageEffects(facts: MessageFacts): MessagePlan {
  const { status, solvedAt, writer, visibility, now } = facts;
  const isPublic = visibility === MessageVisibility.PUBLIC;
  const finished = status === TicketStatus.CLOSED || (status === TicketStatus.SOLVED && !isWithinReopenWindow(solvedAt, now));

  if (writer === 'CUSTOMER') {
    if (finished) {
      const closeOriginal: StatusMove | null =
        status === TicketStatus.SOLVED ? { from: status, to: TicketStatus.CLOSED, kind: 'CLOSE', trigger: 'REOPEN_WINDOW_ELAPSED' } : null;
      return { outcome: 'FOLLOW_UP', closeOriginal };
    }
    const reopensOrAnswers = status === TicketStatus.PENDING || status === TicketStatus.SOLVED;
    const statusMove: StatusMove | null = reopensOrAnswers
      ? { from: status, to: TicketStatus.OPEN, kind: moveKind(status, TicketStatus.OPEN), trigger: 'CUSTOMER_REPLY' }
      : null;
    return { outcome: 'POST', statusMove, isCustomerMessage: true, isOwnerResponse: false, isFirstResponse: false };
  }

  if (status === TicketStatus.CLOSED) {
    return { outcome: 'REFUSED', reason: 'The ticket is closed; only the customer can write to it, which opens a follow-up ticket' };
  }
  const isOwnerResponse = writer === 'OWNER' && isPublic;
  const statusMove: StatusMove | null =
    isOwnerResponse && status === TicketStatus.NEW
      ? { from: status, to: TicketStatus.OPEN, kind: 'CHANGE', trigger: 'OWNER_FIRST_REPLY' }
      : null;
  return {
    outcome: 'POST',
    statusMove,
    isCustomerMessage: false,
    isOwnerResponse,
    isFirstResponse: isOwnerResponse && facts.firstRespondedAt === null,
  };
}

/** Statuses a customer may rate in. */
export function isRateable(status: TicketStatus): boolean {
  return status === TicketStatus.SOLVED || status === TicketStatus.CLOSED;
}
