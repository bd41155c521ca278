import { Field, Int, ObjectType } from 'type-graphql';
import { TicketEventType, WebhookDeliveryStatus } from '../domain/enums';
import type * as view from '../services/views/webhook.view';
import { ConnectionType } from './connection.type';
import { MutationResult, UserError } from '../domain/user-error';
import { UserErrorType } from './user-error.type';
import { Node } from '../entities/node.interface';

@ObjectType({
  implements: Node,
  description:
    'Where the platform POSTs signed events (Standard Webhooks). The signing secret is shown once, when the endpoint is created.',
})
export class WebhookEndpoint implements view.WebhookEndpoint {
  /** Database id. */
  id: string;

  @Field({ description: 'Where deliveries are POSTed.' })
  url: string;

  @Field(() => [TicketEventType], { description: 'The event types it receives.' })
  eventTypes: TicketEventType[];

  sellerId: string | null;

  @Field({ description: 'False once disabled (by a caller, or after failing for 24 hours); a disabled endpoint receives nothing.' })
  isEnabled: boolean;

  @Field(() => String, { nullable: true, description: 'Why it was disabled.' })
  disabledReason: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was disabled; null while enabled.' })
  disabledAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the first failed attempt since the last success happened; null while deliveries succeed.',
  })
  failingSince: Date | null;

  @Field({ description: 'Who created it, as `<role>:<party id>`.' })
  createdBy: string;

  @Field({ description: 'When it was registered.' })
  createdAt: Date;
}

@ObjectType({ implements: Node, description: 'One event on its way to one endpoint: its attempts and their outcome.' })
export class WebhookDelivery implements view.WebhookDelivery {
  /** Database id. */
  id: string;

  @Field(() => WebhookEndpoint, { description: 'The endpoint it goes to.' })
  endpoint: WebhookEndpoint;

  eventSequence: string;

  @Field(() => TicketEventType, { description: 'The type of the event delivered.' })
  eventType: TicketEventType;

  @Field(() => WebhookDeliveryStatus, { description: 'Where the delivery stands.' })
  status: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'Attempts since it was enqueued or last replayed.' })
  attemptCount: number;

  @Field(() => Int, {
    nullable: true,
    description: 'HTTP status of the last answer; null when there was none (timeout, refused connection).',
  })
  lastResponseCode: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  lastError: string | null;

  @Field(() => Date, { nullable: true, description: 'When the next attempt runs (PENDING, FAILED).' })
  nextAttemptAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the last attempt ran; null before the first.' })
  lastAttemptAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the receiver answered 2xx; null until then.' })
  deliveredAt: Date | null;

  @Field({ description: "When it was enqueued (the event's commit)." })
  createdAt: Date;
}

export const WebhookEndpointConnection = ConnectionType(WebhookEndpoint, 'WebhookEndpoint');
export const WebhookDeliveryConnection = ConnectionType(WebhookDelivery, 'WebhookDelivery');

@ObjectType({ description: 'Result of createWebhookEndpoint.' })
export class CreateWebhookEndpointPayload {
  @Field(() => WebhookEndpoint, { nullable: true, description: 'The endpoint registered; null when userErrors is not empty.' })
  endpoint: WebhookEndpoint | null;

  @Field(() => String, {
    nullable: true,
    description: 'The signing secret, `whsec_<base64>`. Shown this once: store it with the receiver. A lost secret means a new endpoint.',
  })
  secret: string | null;

  @Field(() => [UserErrorType], { description: 'Empty on success.' })
  userErrors: UserError[];
}

@ObjectType({ description: 'Result of disableWebhookEndpoint and enableWebhookEndpoint.' })
export class WebhookEndpointPayload {
  @Field(() => WebhookEndpoint, { nullable: true, description: 'The endpoint as it now stands; null when userErrors is not empty.' })
  endpoint: WebhookEndpoint | null;

  @Field(() => [UserErrorType], { description: 'Empty on success.' })
  userErrors: UserError[];
}

@ObjectType({ description: 'Result of redeliverWebhook.' })
export class RedeliverWebhookPayload {
  @Field(() => WebhookDelivery, { nullable: true, description: 'The delivery, queued again; null when userErrors is not empty.' })
  delivery: WebhookDelivery | null;

  @Field(() => [UserErrorType], { description: 'Empty on success.' })
  userErrors: UserError[];
}

export function createWebhookEndpointPayload(result: MutationResult<view.CreatedWebhookEndpoint>): CreateWebhookEndpointPayload {
  return result.ok
    ? { endpoint: result.value.endpoint, secret: result.value.secret, userErrors: [] }
    : { endpoint: null, secret: null, userErrors: result.userErrors };
}

export function webhookEndpointPayload(result: MutationResult<WebhookEndpoint>): WebhookEndpointPayload {
  return result.ok ? { endpoint: result.value, userErrors: [] } : { endpoint: null, userErrors: result.userErrors };
}

export function redeliverWebhookPayload(result: MutationResult<WebhookDelivery>): RedeliverWebhookPayload {
  return result.ok ? { delivery: result.value, userErrors: [] } : { delivery: null, userErrors: result.userErrors };
}
