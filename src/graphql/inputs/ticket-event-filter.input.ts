import { Field, ID, InputType } from 'type-graphql';
import { OwnerParty, TicketEventType } from '../../domain/enums';
import { EventFeedFilterParams, TicketEventSubscriptionFilterParams } from '../../services/params/ticket-event-filter.params';

@InputType({ description: 'Which events of the feed to list; every given condition must hold (AND), a list matches any of its values.' })
export class EventFeedFilter implements EventFeedFilterParams {
  @Field(() => ID, { nullable: true, description: "Only this ticket's events." })
  ticketId?: string | null;

  @Field(() => [TicketEventType], { nullable: true, description: 'Only events of these types.' })
  types?: TicketEventType[] | null;

  @Field(() => Date, { nullable: true, description: 'Only events that happened at or after this time (`createdAt`).' })
  since?: Date | null;
}

@InputType({ description: 'Which committed events a subscription receives; every given condition must hold (AND).' })
export class TicketEventSubscriptionFilter implements TicketEventSubscriptionFilterParams {
  @Field(() => ID, { nullable: true, description: "Only this ticket's events." })
  ticketId?: string | null;

  @Field(() => [TicketEventType], { nullable: true, description: 'Only events of these types.' })
  types?: TicketEventType[] | null;

  @Field(() => OwnerParty, { nullable: true, description: 'Only events of tickets this party owns when the event is delivered.' })
  owner?: OwnerParty | null;
}
