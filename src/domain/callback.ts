// Callback requests (issue #17, point 3; docs/queues.md "Callbacks"): the records the use cases pass around, as
// plain data. One record per attempt; a reschedule after NO_ANSWER is a new record with the next attempt number.

/** A stretch of time the customer can take a call in: [startsAt, endsAt). */
export interface CallbackWindow {
  startsAt: Date;
  endsAt: Date;
}

export enum CallbackStatus {
  SCHEDULED = 'SCHEDULED',
  REACHED = 'REACHED',
  NO_ANSWER = 'NO_ANSWER',
  CANCELLED = 'CANCELLED',
}

/** What an agent records after calling. */
export enum CallbackOutcome {
  REACHED = 'REACHED',
  NO_ANSWER = 'NO_ANSWER',
}

/** Why a scheduled callback was cancelled. */
export enum CallbackCancelReason {
  TICKET_CLOSED = 'TICKET_CLOSED',
  OWNER_CHANGED = 'OWNER_CHANGED',
  /** cancelCallback: the customer (or staff, or the chat bot on its behalf) called it off. */
  REQUESTED = 'REQUESTED',
}

export interface CallbackRecord {
  id: string;
  ticketId: string;
  teamId: string;
  /** E.164 for platform staff; masked (`+81*******5678`) for everyone else by the service that presents it. */
  phoneNumber: string;
  preferredWindows: CallbackWindow[];
  /** The start of the slot: the time the customer is told. */
  callbackAt: Date;
  slotEndsAt: Date;
  attempt: number;
  status: CallbackStatus;
  requestedBy: string;
  requestedAt: Date;
  /** When CALLBACK_DUE_SOON fires; null once it fired or when it never will. */
  dueSoonAt: Date | null;
  warnedAt: Date | null;
  /** The agent who recorded REACHED or NO_ANSWER (null for non-staff viewers). */
  outcomeRecordedBy: string | null;
  outcomeRecordedAt: Date | null;
  askedToWriteAt: Date | null;
  cancelledAt: Date | null;
  cancelledReason: CallbackCancelReason | null;
}
