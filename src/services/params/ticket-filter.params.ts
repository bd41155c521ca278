// Plain input of the use cases (services never see GraphQL classes); src/graphql/inputs/ticket-filter.input.ts
// implements each interface, so the schema and the service agree by the compiler.
import { OwnerParty, TicketCategory, TicketPriority, TicketStatus } from '../../domain/enums';

/** Conditions on a ticket's SLA clocks. */
export interface SlaFilterParams {
  readonly breached?: boolean;
  readonly dueWithinMinutes?: number;
}

/** Every given condition must hold (AND); a list matches any of its values (OR). */
export interface TicketFilterParams {
  readonly status?: TicketStatus[];
  readonly ownerParty?: OwnerParty[];
  readonly sellerId?: string;
  readonly carrierId?: string;
  readonly customerId?: string;
  readonly orderId?: string;
  readonly category?: TicketCategory[];
  readonly priority?: TicketPriority[];
  readonly createdAfter?: Date;
  readonly createdBefore?: Date;
  readonly text?: string;
  readonly sla?: SlaFilterParams;
  readonly assigneeId?: string;
  readonly assignedToMe?: boolean;
  readonly queue?: string[];
  readonly unassigned?: boolean;
}
