// What the webhook use cases return, as plain data; src/graphql/webhook.type.ts exposes each as the GraphQL
// type of the same name (its class implements the interface; the resolvers derive ids and scope).
import { TicketEventType, WebhookDeliveryStatus } from '../../domain/enums';

export interface WebhookEndpoint {
  /** Database id (clients see an opaque id of it). */
  id: string;
  url: string;
  eventTypes: TicketEventType[];
  /** The seller whose events it receives; null for a PLATFORM endpoint. */
  sellerId: string | null;
  isEnabled: boolean;
  disabledReason: string | null;
  disabledAt: Date | null;
  failingSince: Date | null;
  createdBy: string;
  createdAt: Date;
}

export interface WebhookDelivery {
  /** Database id (clients see an opaque id of it). */
  id: string;
  endpoint: WebhookEndpoint;
  /** The event's sequence number: its global id is the `webhook-id` header. */
  eventSequence: string;
  eventType: TicketEventType;
  status: WebhookDeliveryStatus;
  attemptCount: number;
  lastResponseCode: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

/** An endpoint as created: the record, and its signing secret, which is shown nowhere else. */
export interface CreatedWebhookEndpoint {
  endpoint: WebhookEndpoint;
  secret: string;
}
