import { TicketEventType } from '../domain/enums';
import { WebhookDeliveryStatus } from '../domain/enums';
import type { WebhookDelivery, WebhookEndpoint } from './views/webhook.view';

// Webhook rows as the services read them, and their GraphQL objects. The signing secret is never among them.

/** Columns of `webhook_endpoints` aliased `w`, as the `endpoint_…` columns `toWebhookEndpoint` reads. */
export const ENDPOINT_COLUMNS = `w.id AS endpoint_id, w.url AS endpoint_url, w.event_types AS endpoint_event_types, w.seller_id AS endpoint_seller_id,
  w.is_enabled AS endpoint_is_enabled, w.disabled_reason AS endpoint_disabled_reason, w.disabled_at AS endpoint_disabled_at,
  w.failing_since AS endpoint_failing_since, w.created_by AS endpoint_created_by, w.created_at AS endpoint_created_at`;

/** Columns of `webhook_deliveries` aliased `d` (with the event type from `ticket_events` aliased `e`), plus ENDPOINT_COLUMNS. */
export const DELIVERY_COLUMNS = `d.id, d.event_sequence, e.type AS event_type, d.status, d.attempt_count, d.last_response_code, d.last_error,
  d.next_attempt_at, d.last_attempt_at, d.delivered_at, d.created_at, ${ENDPOINT_COLUMNS}`;

export interface WebhookEndpointRow {
  endpoint_id: string;
  endpoint_url: string;
  endpoint_event_types: TicketEventType[];
  endpoint_seller_id: string | null;
  endpoint_is_enabled: boolean;
  endpoint_disabled_reason: string | null;
  endpoint_disabled_at: Date | null;
  endpoint_failing_since: Date | null;
  endpoint_created_by: string;
  endpoint_created_at: Date;
}

export interface WebhookDeliveryRow extends WebhookEndpointRow {
  id: string;
  event_sequence: string;
  event_type: TicketEventType;
  status: WebhookDeliveryStatus;
  attempt_count: number;
  last_response_code: number | null;
  last_error: string | null;
  next_attempt_at: Date | null;
  last_attempt_at: Date | null;
  delivered_at: Date | null;
  created_at: Date;
}

export function toWebhookEndpoint(row: WebhookEndpointRow): WebhookEndpoint {
  return {
    id: String(row.endpoint_id),
    url: row.endpoint_url,
    eventTypes: row.endpoint_event_types,
    sellerId: row.endpoint_seller_id === null ? null : String(row.endpoint_seller_id),
    isEnabled: row.endpoint_is_enabled,
    disabledReason: row.endpoint_disabled_reason,
    disabledAt: row.endpoint_disabled_at,
    failingSince: row.endpoint_failing_since,
    createdBy: row.endpoint_created_by,
    createdAt: row.endpoint_created_at,
  };
}

export function toWebhookDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: String(row.id),
    endpoint: toWebhookEndpoint(row),
    eventSequence: String(row.event_sequence),
    eventType: row.event_type,
    status: row.status,
    attemptCount: row.attempt_count,
    lastResponseCode: row.last_response_code,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    lastAttemptAt: row.last_attempt_at,
    deliveredAt: row.delivered_at,
    createdAt: row.created_at,
  };
}
