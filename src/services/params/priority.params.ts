// Plain input of the use cases (services never see GraphQL classes); src/graphql/inputs/priority.input.ts
// implements each interface, so the schema and the service agree by the compiler.
import { TicketPriority } from '../../domain/enums';

export interface ChangeTicketPriorityParams {
  readonly ticketId: string;
  readonly priority: TicketPriority;
  readonly reason: string;
  readonly expectedVersion?: number;
}
