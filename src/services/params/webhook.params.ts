// Plain input of the use cases (services never see GraphQL classes); src/graphql/inputs/webhook.input.ts
// implements each interface, so the schema and the service agree by the compiler.
import { TicketEventType } from '../../domain/enums';

/** A new webhook endpoint (admins; API keys for their own scope). */
export interface CreateWebhookEndpointParams {
  readonly url: string;
  readonly eventTypes: TicketEventType[];
  readonly sellerId?: string | null;
}
