import { Field, ID, InputType, Int } from 'type-graphql';
import { TicketResolution, TicketStatus } from '../../domain/enums';
import {
  ChangeTicketStatusParams,
  ResolveTicketParams,
  ReopenTicketParams,
  RateTicketParams,
} from '../../services/params/lifecycle.params';

@InputType({
  description:
    'Move a ticket to another status. Who may request which move is the transition table: while it owns the ticket, the owning seller or carrier moves it among OPEN, PENDING and ON_HOLD and reopens it, but never closes it; platform agents may do the same and also close a SOLVED ticket; the customer may only reopen within 7 days of the solve. An illegal move is refused with INVALID_TRANSITION and the statuses allowed now.',
})
export class ChangeTicketStatusInput implements ChangeTicketStatusParams {
  @Field(() => ID, { description: 'The ticket (global id).' })
  ticketId: string;

  @Field(() => TicketStatus, {
    description: 'The new status. SOLVED is reached through resolveTicket, which records the resolution; NEW never again.',
  })
  status: TicketStatus;

  @Field(() => Int, { nullable: true, description: 'Refuse with VERSION_CONFLICT unless the ticket is still at this version.' })
  expectedVersion?: number;
}

@InputType({
  description:
    'Mark a ticket SOLVED with how it was resolved (the owning party or a platform agent). The customer may reopen it for 7 days; then it is CLOSED.',
})
export class ResolveTicketInput implements ResolveTicketParams {
  @Field(() => ID, { description: 'The ticket (global id).' })
  ticketId: string;

  @Field(() => TicketResolution, { description: 'What was done for the customer.' })
  resolution: TicketResolution;

  @Field(() => String, {
    nullable: true,
    description: 'What was done, in words (up to 2,000 characters); visible to everyone who sees the ticket.',
  })
  note?: string;

  @Field(() => Int, { nullable: true, description: 'Refuse with VERSION_CONFLICT unless the ticket is still at this version.' })
  expectedVersion?: number;
}

@InputType({
  description:
    'Reopen a SOLVED ticket (to OPEN): the customer within 7 days of the solve, the owning party or a platform agent until it is CLOSED. Counts in reopenedCount; the resolution is cleared.',
})
export class ReopenTicketInput implements ReopenTicketParams {
  @Field(() => ID, { description: 'The ticket (global id).' })
  ticketId: string;

  @Field(() => String, { nullable: true, description: 'Why, for the timeline (up to 1,000 characters).' })
  reason?: string;

  @Field(() => Int, { nullable: true, description: 'Refuse with VERSION_CONFLICT unless the ticket is still at this version.' })
  expectedVersion?: number;
}

@InputType({ description: "The customer's satisfaction with a SOLVED or CLOSED ticket; given once (ALREADY_RATED afterwards)." })
export class RateTicketInput implements RateTicketParams {
  @Field(() => ID, { description: 'The ticket (global id).' })
  ticketId: string;

  @Field(() => Int, { description: 'From 1 (bad) to 5 (excellent).' })
  score: number;

  @Field(() => String, { nullable: true, description: "In the customer's words (up to 2,000 characters)." })
  comment?: string;
}
