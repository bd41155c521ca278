import { Field, ID, InputType, Int } from 'type-graphql';
import { OwnerParty } from '../../domain/enums';

@InputType({ description: 'Move a ticket to another party (platform agents only). The conversation and timeline stay with it.' })
export class TransferTicketInput {
  @Field(() => ID)
  ticketId: string;

  @Field(() => OwnerParty)
  toParty: OwnerParty;

  @Field(() => ID, { nullable: true, description: 'For CARRIER: which carrier; defaults to the carrier of the ticket\'s shipment.' })
  carrierId?: string;

  @Field({ description: 'Why, for the timeline and the new owner (1–1,000 characters).' })
  reason: string;

  @Field(() => Int, { nullable: true, description: 'Refuse with VERSION_CONFLICT unless the ticket is still at this version.' })
  expectedVersion?: number;
}

@InputType({
  description:
    'Escalate a ticket to the platform: a customer claim (when eligible), or a hand-up by the owning seller or carrier.',
})
export class EscalateTicketInput {
  @Field(() => ID)
  ticketId: string;

  @Field({ description: 'Why (1–1,000 characters); required for hand-ups.' })
  reason: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number;
}
