import { Field, ID, InputType, Int } from 'type-graphql';
import { TicketPriority } from '../../domain/enums';
import { ChangeTicketPriorityParams } from '../../services/params/priority.params';

@InputType({
  description:
    "Change a ticket's priority (platform agents and admins). Running SLA clocks of the current owner move to the policy that now matches (SLA_RETARGETED each), keeping their start and the minutes already used; stopped clocks keep their history. Recorded as PRIORITY_CHANGED with the reason.",
})
export class ChangeTicketPriorityInput implements ChangeTicketPriorityParams {
  @Field(() => ID, { description: 'The ticket (global id).' })
  ticketId: string;

  @Field(() => TicketPriority, { description: 'The new priority; refused with INVALID_INPUT when it is the current one.' })
  priority: TicketPriority;

  @Field({ description: 'Why, for the timeline (1–1,000 characters), e.g. "payment question turned out to be fraud".' })
  reason: string;

  @Field(() => Int, { nullable: true, description: 'Refuse with VERSION_CONFLICT unless the ticket is still at this version.' })
  expectedVersion?: number;
}
