import { EntityManager } from 'typeorm';
import { ActorRole, TicketEventType, WebhookDeliveryStatus } from '../domain/enums';
import { assertSystemPrincipal } from '../auth/principal';
import { RequestContext } from './request-context';
import { planAfterFailedAttempt, shouldDisableEndpoint } from '../rules/webhook-retry.rule';
import { PUBLIC_TARGETS_ONLY, WebhookTargetPolicy } from '../rules/webhook-target.rule';
import { enqueueDeliveryJobSql } from '../webhooks/webhook-delivery-queue';
import { webhookMessageOf } from '../webhooks/webhook-message';
import { WebhookSecretBox } from '../webhooks/webhook-secret-box';
import { postWebhook, WebhookAttemptResult } from '../webhooks/webhook-sender';
import { signWebhookMessage } from '../webhooks/webhook-signature';

/** What one run of the delivery job did. */
export type AttemptOutcome = 'DELIVERED' | 'RETRY_SCHEDULED' | 'DEAD' | 'NOTHING_TO_DO';

/** What one run of the delivery job did, and whether the receiver was tried and failed (what `/metrics` counts). */
export interface AttemptReport {
  outcome: AttemptOutcome;
  receiverFailed: boolean;
}

interface DueDeliveryRow {
  id: string;
  status: WebhookDeliveryStatus;
  attempt_count: number;
  endpoint_id: string;
  url: string;
  secret_ciphertext: Buffer;
  is_enabled: boolean;
  disabled_reason: string | null;
  sequence: string;
  ticket_id: string;
  type: TicketEventType;
  actor_role: ActorRole;
  payload: Record<string, unknown>;
  created_at: Date;
}

/**
 * One attempt of one webhook delivery, as the `deliver-webhook` job runs it (docs/events.md "Delivery"): POST the Standard
 * Webhooks message, then record the outcome — delivered; or failed, with the next attempt queued by the retry
 * schedule (src/rules/webhook-retry.rule.ts), dead-lettered after the last; and an endpoint failing for 24 hours
 * disabled with the reason. At least once: a crash between the POST and the record repeats the POST, with the
 * same `webhook-id`.
 */
export class WebhookAttemptService {
  constructor(
    private readonly secrets: () => WebhookSecretBox,
    private readonly targetPolicy: WebhookTargetPolicy = PUBLIC_TARGETS_ONLY,
  ) {}

  /**
   * `interruption`: the worker's shutdown signal. An attempt it abandons throws (WebhookAttemptInterruptedError)
   * and records nothing: graphile-worker runs the job again, and the delivery's schedule is untouched.
   */
  async attemptDelivery(ctx: RequestContext, input: { deliveryId: string; interruption?: AbortSignal }): Promise<AttemptReport> {
    assertSystemPrincipal(ctx.principal, 'Delivering webhooks');
    const now = ctx.now();
    const rows: DueDeliveryRow[] = await ctx.dataSource.query(
      `SELECT d.id, d.status, d.attempt_count, w.id AS endpoint_id, w.url, w.secret_ciphertext, w.is_enabled, w.disabled_reason,
         e.sequence, e.ticket_id, e.type, e.actor_role, e.payload, e.created_at
       FROM webhook_deliveries d JOIN webhook_endpoints w ON w.id = d.endpoint_id JOIN ticket_events e ON e.sequence = d.event_sequence
       WHERE d.id = $1`,
      [input.deliveryId],
    );
    const delivery = rows[0];
    // Done before this job ran (a replay's job raced a retry's): nothing to send.
    if (!delivery || delivery.status === WebhookDeliveryStatus.DELIVERED || delivery.status === WebhookDeliveryStatus.DEAD)
      return { outcome: 'NOTHING_TO_DO', receiverFailed: false };
    if (!delivery.is_enabled) {
      await this.deadLetter(ctx, delivery.id, now, `Endpoint disabled: ${delivery.disabled_reason}`);
      return { outcome: 'DEAD', receiverFailed: false };
    }
    const result = await this.send(delivery, now, input.interruption);
    const outcome = await ctx.dataSource.transaction((manager) => this.record(manager, delivery, result, now));
    return { outcome, receiverFailed: !result.delivered };
  }

  private async send(delivery: DueDeliveryRow, now: Date, interruption: AbortSignal | undefined): Promise<WebhookAttemptResult> {
    const secret = this.secrets().open(delivery.secret_ciphertext);
    if (secret === null)
      return { delivered: false, statusCode: null, error: 'Signing secret unreadable (AUTH_SECRET changed?): register the endpoint again' };
    const message = webhookMessageOf({
      sequence: delivery.sequence,
      ticketId: delivery.ticket_id,
      type: delivery.type,
      actorRole: delivery.actor_role,
      payload: delivery.payload,
      createdAt: delivery.created_at,
    });
    const timestamp = Math.floor(now.getTime() / 1000);
    return postWebhook(
      delivery.url,
      {
        'webhook-id': message.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhookMessage(secret, message.id, timestamp, message.body),
      },
      message.body,
      { interruption, policy: this.targetPolicy },
    );
  }

  /** Behind the endpoint's row lock: its failing streak is counted by one attempt at a time. */
  private async record(manager: EntityManager, delivery: DueDeliveryRow, result: WebhookAttemptResult, now: Date): Promise<AttemptOutcome> {
    const attempt = delivery.attempt_count + 1;
    const [endpoint]: Array<{ failing_since: Date | null }> = await manager.query(
      `SELECT failing_since FROM webhook_endpoints WHERE id = $1 FOR NO KEY UPDATE`,
      [delivery.endpoint_id],
    );
    if (result.delivered) {
      await manager.query(
        `UPDATE webhook_deliveries SET status = 'DELIVERED', attempt_count = $2, last_response_code = $3, last_error = NULL,
           next_attempt_at = NULL, last_attempt_at = $4, delivered_at = $4, updated_at = $4 WHERE id = $1`,
        [delivery.id, attempt, result.statusCode, now],
      );
      if (endpoint.failing_since !== null)
        await manager.query(`UPDATE webhook_endpoints SET failing_since = NULL, updated_at = $2 WHERE id = $1`, [
          delivery.endpoint_id,
          now,
        ]);
      return 'DELIVERED';
    }
    const failingSince = endpoint.failing_since ?? now;
    const disable = shouldDisableEndpoint(failingSince, now);
    const plan = planAfterFailedAttempt(attempt, now);
    const nextAttemptAt = plan.retry && !disable ? plan.nextAttemptAt : null;
    await manager.query(
      `UPDATE webhook_deliveries SET status = $2, attempt_count = $3, last_response_code = $4, last_error = $5,
         next_attempt_at = $6, last_attempt_at = $7, updated_at = $7 WHERE id = $1`,
      [
        delivery.id,
        nextAttemptAt ? WebhookDeliveryStatus.FAILED : WebhookDeliveryStatus.DEAD,
        attempt,
        result.statusCode,
        result.error,
        nextAttemptAt,
        now,
      ],
    );
    await manager.query(
      `UPDATE webhook_endpoints SET failing_since = $2, updated_at = $3,
         is_enabled = is_enabled AND NOT $4, disabled_reason = CASE WHEN $4 AND is_enabled THEN $5 ELSE disabled_reason END,
         disabled_at = CASE WHEN $4 AND is_enabled THEN $3 ELSE disabled_at END
       WHERE id = $1`,
      [
        delivery.endpoint_id,
        failingSince,
        now,
        disable,
        `Every delivery attempt failed for 24 hours (since ${failingSince.toISOString()}); last: ${result.error}`,
      ],
    );
    if (nextAttemptAt === null) return 'DEAD';
    await manager.query(`SELECT ${enqueueDeliveryJobSql('$1::bigint', '$2::timestamptz')}`, [delivery.id, nextAttemptAt]);
    return 'RETRY_SCHEDULED';
  }

  private async deadLetter(ctx: RequestContext, deliveryId: string, now: Date, reason: string): Promise<void> {
    await ctx.dataSource.query(
      `UPDATE webhook_deliveries SET status = 'DEAD', next_attempt_at = NULL, last_error = $2, updated_at = $3 WHERE id = $1`,
      [deliveryId, reason, now],
    );
  }
}
