// Plain input of the use cases (services never see GraphQL classes); src/graphql/inputs/open-ticket.input.ts
// implements each interface, so the schema and the service agree by the compiler.
import { Language, TicketCategory, TicketChannel } from '../../domain/enums';
import { AttachmentParams } from './attachment.params';
import { TicketDetailsParams } from './ticket-details.params';

/** A customer contact. Nothing but channel, subject and body is required: the rest is detected or asked for. */
export interface OpenTicketParams {
  readonly channel: TicketChannel;
  readonly subject: string;
  readonly body: string;
  readonly orderId?: string;
  readonly customerId?: string;
  readonly category?: TicketCategory;
  readonly language?: Language;
  readonly details?: TicketDetailsParams;
  readonly attachments?: AttachmentParams[];
  readonly idempotencyKey?: string;
}
