// Plain input of the use cases (services never see GraphQL classes); src/graphql/inputs/ticket-event-filter.input.ts
// implements each interface, so the schema and the service agree by the compiler.
import { OwnerParty, TicketEventType } from '../../domain/enums';

/** Which events of the feed to list; every given condition must hold (AND), a list matches any of its values. */
export interface EventFeedFilterParams {
  readonly ticketId?: string | null;
  readonly types?: TicketEventType[] | null;
  readonly since?: Date | null;
}

/** Which committed events a subscription receives; every given condition must hold (AND). */
export interface TicketEventSubscriptionFilterParams {
  readonly ticketId?: string | null;
  readonly types?: TicketEventType[] | null;
  readonly owner?: OwnerParty | null;
}
