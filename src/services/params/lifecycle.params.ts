// Plain input of the use cases (services never see GraphQL classes); src/graphql/inputs/lifecycle.input.ts
// implements each interface, so the schema and the service agree by the compiler.
import { TicketResolution, TicketStatus } from '../../domain/enums';

export interface ChangeTicketStatusParams {
  readonly ticketId: string;
  readonly status: TicketStatus;
  readonly expectedVersion?: number;
}

/** Mark a ticket SOLVED with how it was resolved (the owning party or a platform agent). The customer may reopen it for 7 days; then it is CLOSED. */
export interface ResolveTicketParams {
  readonly ticketId: string;
  readonly resolution: TicketResolution;
  readonly note?: string;
  readonly expectedVersion?: number;
}

export interface ReopenTicketParams {
  readonly ticketId: string;
  readonly reason?: string;
  readonly expectedVersion?: number;
}

/** The customer's satisfaction with a SOLVED or CLOSED ticket; given once (ALREADY_RATED afterwards). */
export interface RateTicketParams {
  readonly ticketId: string;
  readonly score: number;
  readonly comment?: string;
}
