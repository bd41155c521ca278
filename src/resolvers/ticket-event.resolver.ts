import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root, SubscribeResolverData, Subscription } from 'type-graphql';
import { Ticket, TicketEvent } from '../entities';
import type { Connection } from '../domain/connection';
import { TicketEventConnection } from '../graphql/connections';
import type { GraphQLContext } from '../graphql/context';
import type { SubscriberTooSlowError } from '../domain/errors';
import { EventFeedFilter, TicketEventSubscriptionFilter } from '../graphql/inputs/ticket-event-filter.input';
import { PageArgs } from './ticket.resolver';

@ArgsType()
export class EventFeedArgs extends PageArgs {
  @Field(() => EventFeedFilter, { nullable: true, description: 'Which events to list; every event you may see when omitted.' })
  filter?: EventFeedFilter;
}

type TicketEventsSubscribeData = SubscribeResolverData<unknown, { filter?: TicketEventSubscriptionFilter | null }, GraphQLContext>;

@Resolver(() => TicketEvent)
export class TicketEventResolver {
  @Query(() => TicketEventConnection, {
    description:
      'The event log by global sequence, in your scope: the catch-up feed. Pass the last `endCursor` you processed as `after` to resume; `hasNextPage: false` means nothing more for now (see docs/events.md).',
  })
  events(@Args() args: EventFeedArgs, @Ctx() ctx: GraphQLContext): Promise<Connection<TicketEvent>> {
    return ctx.services.eventFeed.listEvents(ctx, args);
  }

  @Subscription(() => TicketEvent, {
    description:
      'Committed events you may see, as they commit on any server instance, in sequence order per ticket. Events committed before you subscribed come from the `events` feed.',
    subscribe: ({ args, context }: TicketEventsSubscribeData) => context.services.eventSubscriptions.subscribe(context, args),
  })
  // The filter is applied in `subscribe`; the parameter declares the argument in the schema.
  ticketEvents(
    @Root() event: TicketEvent | SubscriberTooSlowError,
    @Arg('filter', () => TicketEventSubscriptionFilter, {
      nullable: true,
      description: 'Which events to receive; all you may see when omitted.',
    })
    _filter?: TicketEventSubscriptionFilter,
  ): TicketEvent | SubscriberTooSlowError {
    return event;
  }

  @FieldResolver(() => Ticket, { nullable: true, description: 'The ticket as it stands now.' })
  ticket(@Root() event: TicketEvent, @Ctx() ctx: GraphQLContext): Promise<Ticket | null> {
    return ctx.loaders.ticketById.load(event.ticketId);
  }
}
