import { Field, ID, InputType, Int } from 'type-graphql';
import { OwnerParty, TicketCategory } from '../../domain/enums';
import { TransferTicketParams, EscalateTicketParams, ReclassifyTicketParams } from '../../services/params/ownership.params';

@InputType({ description: 'Move a ticket to another party (platform agents only). The conversation and timeline stay with it.' })
export class TransferTicketInput implements TransferTicketParams {
  @Field(() => ID, { description: 'The ticket (global id).' })
  ticketId: string;

  @Field(() => OwnerParty, { description: 'The party to give the ticket to; ALREADY_OWNER when it owns it already.' })
  toParty: OwnerParty;

  @Field(() => ID, { nullable: true, description: "For CARRIER: which carrier; defaults to the carrier of the ticket's shipment." })
  carrierId?: string;

  @Field({ description: 'Why, for the timeline and the new owner (1–1,000 characters).' })
  reason: string;

  @Field(() => Int, { nullable: true, description: 'Refuse with VERSION_CONFLICT unless the ticket is still at this version.' })
  expectedVersion?: number;
}

@InputType({
  description: 'Escalate a ticket to the platform: a customer claim (when eligible), or a hand-up by the owning seller or carrier.',
})
export class EscalateTicketInput implements EscalateTicketParams {
  @Field(() => ID, { description: 'The ticket (global id).' })
  ticketId: string;

  @Field({ description: 'Why (1–1,000 characters); required for hand-ups.' })
  reason: string;

  @Field(() => Int, { nullable: true, description: 'Refuse with VERSION_CONFLICT unless the ticket is still at this version.' })
  expectedVersion?: number;
}

@InputType({
  description:
    "Correct a ticket's category (platform agents): priority is derived again, the routing table re-routes it (an escalated ticket stays with the platform), and the correction becomes a training example for the intake model.",
})
export class ReclassifyTicketInput implements ReclassifyTicketParams {
  @Field(() => ID, { description: 'The ticket (global id).' })
  ticketId: string;

  @Field(() => TicketCategory, { description: 'The category the ticket really is about.' })
  category: TicketCategory;

  @Field({ description: 'Why, for the timeline and for the people who retrain the model (1–1,000 characters).' })
  reason: string;

  @Field(() => Int, { nullable: true, description: 'Refuse with VERSION_CONFLICT unless the ticket is still at this version.' })
  expectedVersion?: number;
}
