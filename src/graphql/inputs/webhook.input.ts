import { Field, ID, InputType } from 'type-graphql';
import { TicketEventType } from '../../domain/enums';
import { CreateWebhookEndpointParams } from '../../services/params/webhook.params';

@InputType({ description: 'A new webhook endpoint (admins; API keys for their own scope).' })
export class CreateWebhookEndpointInput implements CreateWebhookEndpointParams {
  @Field({ description: 'Where to POST: https (http only outside production), at most 2000 characters, no credentials in it.' })
  url: string;

  @Field(() => [TicketEventType], { description: 'The event types to receive (at least one).' })
  eventTypes: TicketEventType[];

  @Field(() => ID, {
    nullable: true,
    description:
      "Scope the endpoint to this seller's tickets. Omit for the platform scope (admins and platform keys). A seller-scoped key may only name its own seller, or omit it.",
  })
  sellerId?: string | null;
}
