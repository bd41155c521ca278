import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CallbackCancelReason, CallbackOutcome, CallbackStatus } from '../domain/callback';
import type { CallbackRecord } from '../domain/callback';
import { toGlobalId } from '../domain/global-id';
import { Node } from '../entities/node.interface';
import { Ticket } from '../entities';
import type { UserError } from '../domain/user-error';
import { UserErrorType } from './user-error.type';

// Callback requests over GraphQL (issue #17, point 3; docs/queues.md "Callbacks"). Visible to platform staff and to
// the ticket's customer (the number masked for everyone but staff); sellers and carriers never see them.

@ObjectType({ description: 'A stretch of time the customer can take a call in: [startsAt, endsAt).' })
export class CallbackWindowType {
  @Field({ description: 'Start of the window (inclusive).' })
  startsAt: Date;

  @Field({ description: 'End of the window (exclusive).' })
  endsAt: Date;
}

@ObjectType({
  implements: Node,
  description: "A phone callback on a platform ticket: one attempt, booked in a slot of the team's support hours.",
})
export class TicketCallback implements Node {
  constructor(private readonly record: CallbackRecord) {}

  @Field(() => ID, {
    name: 'id',
    description:
      'Opaque global id of this attempt (the callbackId of the CALLBACK_* events); `node(id:)` fetches any attempt of a ticket you see, as Ticket.callback shows it.',
  })
  get globalId(): string {
    return toGlobalId('CallbackRequest', this.record.id);
  }

  @Field(() => CallbackStatus, { description: 'Where the attempt stands.' })
  get status(): CallbackStatus {
    return this.record.status;
  }

  @Field({
    description:
      'The number to call in E.164 (+819012345678) for platform staff; masked to the country code and the last 4 digits for everyone else.',
  })
  get phoneNumber(): string {
    return this.record.phoneNumber;
  }

  @Field(() => [CallbackWindowType], { description: 'The windows the customer asked for; empty: any slot.' })
  get preferredWindows(): CallbackWindowType[] {
    return this.record.preferredWindows;
  }

  @Field({ description: 'When the platform calls: the start of the booked slot, the time the customer is told.' })
  get callbackAt(): Date {
    return this.record.callbackAt;
  }

  @Field({ description: 'The end of the booked slot.' })
  get slotEndsAt(): Date {
    return this.record.slotEndsAt;
  }

  @Field(() => Int, { description: '1 for the first call; 2 for the one rescheduled after no answer.' })
  get attempt(): number {
    return this.record.attempt;
  }

  @Field({ description: 'Id of the team whose support hours and slots the callback is booked in.' })
  get teamId(): string {
    return this.record.teamId;
  }

  @Field({ description: 'When the callback was requested (or rescheduled, for a later attempt).' })
  get requestedAt(): Date {
    return this.record.requestedAt;
  }

  @Field(() => Date, {
    nullable: true,
    description: 'When CALLBACK_DUE_SOON was announced for this slot; null before (or when the slot was booked too close to warn).',
  })
  get warnedAt(): Date | null {
    return this.record.warnedAt;
  }

  @Field(() => String, {
    nullable: true,
    description: 'The agent who recorded the outcome (its JWT subject); null before an outcome, and for everyone but platform staff.',
  })
  get outcomeRecordedBy(): string | null {
    return this.record.outcomeRecordedBy;
  }

  @Field(() => Date, { nullable: true, description: 'When the outcome (REACHED or NO_ANSWER) was recorded.' })
  get outcomeRecordedAt(): Date | null {
    return this.record.outcomeRecordedAt;
  }

  @Field(() => Date, {
    nullable: true,
    description: 'When the platform asked the customer to write instead, after this attempt went unanswered.',
  })
  get askedToWriteAt(): Date | null {
    return this.record.askedToWriteAt;
  }

  @Field(() => Date, { nullable: true, description: 'When the callback was cancelled.' })
  get cancelledAt(): Date | null {
    return this.record.cancelledAt;
  }

  @Field(() => CallbackCancelReason, { nullable: true, description: 'Why the callback was cancelled.' })
  get cancelledReason(): CallbackCancelReason | null {
    return this.record.cancelledReason;
  }
}

@InputType({ description: 'A stretch of time the customer can take a call in.' })
export class CallbackWindowInput {
  @Field({ description: 'Start of the window (inclusive).' })
  startsAt: Date;

  @Field({ description: 'End of the window (exclusive); after startsAt, not over yet.' })
  endsAt: Date;
}

@InputType({
  description: "Asks the platform to phone the customer about a platform ticket, in the next free slot of its team's support hours.",
})
export class RequestCallbackInput {
  @Field(() => ID, { description: 'The ticket (owned by the platform and in a team queue).' })
  ticketId: string;

  @Field({
    description:
      'The number to call, as written (090-1234-5678 is read as Japanese; +CC for others). Premium-rate and similar numbers are refused.',
  })
  phoneNumber: string;

  @Field(() => [CallbackWindowInput], {
    nullable: true,
    description: 'At most 5 windows the customer can take a call in, within the next 14 days; absent or empty: any slot.',
  })
  preferredWindows?: CallbackWindowInput[] | null;
}

@InputType({ description: 'Records how the scheduled callback of a ticket went (platform agents).' })
export class RecordCallbackInput {
  @Field(() => ID, { description: 'The ticket whose scheduled callback was made.' })
  ticketId: string;

  @Field(() => CallbackOutcome, { description: 'Reached, or no answer.' })
  outcome: CallbackOutcome;
}

@InputType({
  description:
    "Calls off the scheduled callback of a ticket (the customer on its own ticket, platform staff, or the chat bot on the customer's behalf).",
})
export class CancelCallbackInput {
  @Field(() => ID, { description: 'The ticket whose scheduled callback is called off.' })
  ticketId: string;
}

@ObjectType({ description: 'Result of requestCallback, recordCallback and cancelCallback.' })
export class CallbackPayload {
  @Field(() => TicketCallback, {
    nullable: true,
    description:
      'The callback as it stands now: the one booked, the one recorded, (after a first NO_ANSWER) the attempt rescheduled, or the one cancelled. Null when userErrors is not empty.',
  })
  callback: TicketCallback | null;

  @Field(() => Ticket, { nullable: true, description: 'The ticket as it stands now; null when userErrors is not empty.' })
  ticket: Ticket | null;

  @Field(() => [UserErrorType], { description: 'Empty on success.' })
  userErrors: UserError[];
}
