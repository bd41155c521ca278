import { managedWebhookEndpointsSql } from '../auth/scope';
import { SqlParameters } from '../db/sql-parameters';
import { globalIdKeyOrNull } from '../domain/global-id';
import { Connection } from '../domain/connection';
import { BadUserInputError } from '../domain/errors';
import { MutationResult, refused, succeeded, UserErrorCode, userError } from '../domain/user-error';
import { WebhookDeliveryStatus } from '../domain/enums';
import type { WebhookDelivery } from './views/webhook.view';
import { enqueueDeliveryJobSql } from '../webhooks/webhook-delivery-queue';
import { pageRequest, toConnection } from '../rules/pagination.rule';
import { RequestContext } from './request-context';
import { decodeEndpointId, isWebhookManager, requireWebhookManager } from './webhook-endpoint.service';
import { DELIVERY_COLUMNS, toWebhookDelivery, WebhookDeliveryRow } from './webhook-rows';

export interface ListWebhookDeliveriesInput {
  endpointId?: string | null;
  status?: WebhookDeliveryStatus | null;
  first?: number | null;
  after?: string | null;
}

/** Deliveries of the caller's webhook endpoints (docs/events.md "Webhooks"): the log of attempts, and replays of dead letters. */
export class WebhookDeliveryService {
  /** Newest first; one statement. A delivery of an endpoint outside the caller's scope does not exist for it. */
  async listWebhookDeliveries(ctx: RequestContext, input: ListWebhookDeliveriesInput): Promise<Connection<WebhookDelivery>> {
    requireWebhookManager(ctx);
    const page = pageRequest(input.first, input.after, 'none');
    const parameters = new SqlParameters();
    const conditions = [managedWebhookEndpointsSql(ctx.principal, 'w', parameters)];
    if (input.endpointId) conditions.push(`d.endpoint_id = ${parameters.add(decodeEndpointId(input.endpointId, 'endpointId'))}`);
    if (input.status) conditions.push(`d.status = ${parameters.add(input.status)}`);
    if (page.after) conditions.push(`d.id < ${parameters.add(page.after.id)}::bigint`);
    const rows: WebhookDeliveryRow[] = await ctx.dataSource.query(
      `SELECT ${DELIVERY_COLUMNS}
       FROM webhook_deliveries d JOIN webhook_endpoints w ON w.id = d.endpoint_id JOIN ticket_events e ON e.sequence = d.event_sequence
       WHERE ${conditions.join(' AND ')} ORDER BY d.id DESC LIMIT ${page.first + 1}`,
      parameters.values,
    );
    return toConnection(rows.map(toWebhookDelivery), page, (delivery) => ({ sortValue: null, id: delivery.id }));
  }

  /** `node(id)`, `nodes(ids)`: deliveries with these ids to endpoints the caller manages; for anyone else none exist. */
  async webhookDeliveriesByIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, WebhookDelivery>> {
    if (!isWebhookManager(ctx)) return new Map();
    const parameters = new SqlParameters();
    const rows: WebhookDeliveryRow[] = await ctx.dataSource.query(
      `SELECT ${DELIVERY_COLUMNS}
       FROM webhook_deliveries d JOIN webhook_endpoints w ON w.id = d.endpoint_id JOIN ticket_events e ON e.sequence = d.event_sequence
       WHERE ${parameters.matchesAnyId('d.id', ids)} AND ${managedWebhookEndpointsSql(ctx.principal, 'w', parameters)}`,
      parameters.values,
    );
    return new Map(rows.map((row) => [String(row.id), toWebhookDelivery(row)]));
  }

  /**
   * Replays a delivery, whatever its status (a dead letter, a delivered event the receiver lost): it becomes
   * PENDING with a fresh retry schedule and its job is queued now, replacing a retry still waiting. One statement.
   */
  async redeliverWebhook(ctx: RequestContext, input: { deliveryId: string }): Promise<MutationResult<WebhookDelivery>> {
    requireWebhookManager(ctx);
    const deliveryId = globalIdKeyOrNull(input.deliveryId, 'WebhookDelivery');
    if (deliveryId === null) throw new BadUserInputError(`"${input.deliveryId.slice(0, 80)}" is not a webhook delivery id`, 'deliveryId');
    const parameters = new SqlParameters();
    const id = parameters.add(deliveryId);
    const now = parameters.add(ctx.now());
    const rows: Array<WebhookDeliveryRow & { endpoint_enabled: boolean }> = await ctx.dataSource.query(
      `WITH target AS (
         SELECT d.id, w.is_enabled FROM webhook_deliveries d JOIN webhook_endpoints w ON w.id = d.endpoint_id
         WHERE d.id = ${id} AND ${managedWebhookEndpointsSql(ctx.principal, 'w', parameters)}
       ), replayed AS (
         UPDATE webhook_deliveries d SET status = 'PENDING', attempt_count = 0, next_attempt_at = ${now}, updated_at = ${now}
         FROM target, webhook_endpoints w, ticket_events e
         WHERE d.id = target.id AND target.is_enabled AND w.id = d.endpoint_id AND e.sequence = d.event_sequence
         RETURNING ${DELIVERY_COLUMNS}
       ), job AS (
         SELECT ${enqueueDeliveryJobSql('replayed.id', 'NULL')} FROM replayed
       )
       SELECT target.is_enabled AS endpoint_enabled, replayed.*, (SELECT count(*) FROM job) AS jobs
       FROM target LEFT JOIN replayed ON replayed.id = target.id`,
      parameters.values,
    );
    if (rows.length === 0) return refused(userError(UserErrorCode.NOT_FOUND, 'No such webhook delivery', 'deliveryId'));
    if (!rows[0].endpoint_enabled)
      return refused(
        userError(
          UserErrorCode.ENDPOINT_DISABLED,
          "The delivery's endpoint is disabled; enable it, then replay the delivery",
          'deliveryId',
        ),
      );
    return succeeded(toWebhookDelivery(rows[0]));
  }
}
