// Plain input of the use cases (services never see GraphQL classes); src/graphql/inputs/ownership.input.ts
// implements each interface, so the schema and the service agree by the compiler.
import { OwnerParty, TicketCategory } from '../../domain/enums';

/** Move a ticket to another party (platform agents only). The conversation and timeline stay with it. */
export interface TransferTicketParams {
  readonly ticketId: string;
  readonly toParty: OwnerParty;
  readonly carrierId?: string;
  readonly reason: string;
  readonly expectedVersion?: number;
}

export interface EscalateTicketParams {
  readonly ticketId: string;
  readonly reason: string;
  readonly expectedVersion?: number;
}

export interface ReclassifyTicketParams {
  readonly ticketId: string;
  readonly category: TicketCategory;
  readonly reason: string;
  readonly expectedVersion?: number;
}
