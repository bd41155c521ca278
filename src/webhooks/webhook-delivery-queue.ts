// Webhook deliveries run as graphile-worker jobs, one job per delivery, enqueued by SQL inside the transaction
// that makes them due (the event's, a retry's, a replay's): a job exists exactly when its reason committed.

/** graphile-worker task identifier of the delivery job (src/jobs/deliver-webhook.job.ts). */
export const DELIVER_WEBHOOK_TASK = 'deliver-webhook';

/** The job's payload: the delivery to attempt. */
export interface DeliverWebhookPayload {
  deliveryId: string;
}

export function parseDeliverWebhookPayload(payload: unknown): DeliverWebhookPayload {
  if (
    typeof payload === 'object' &&
    payload !== null &&
    'deliveryId' in payload &&
    typeof payload.deliveryId === 'string' &&
    /^[0-9]{1,19}$/.test(payload.deliveryId)
  ) {
    return { deliveryId: payload.deliveryId };
  }
  throw new Error(`${DELIVER_WEBHOOK_TASK}: malformed payload ${JSON.stringify(payload)}`);
}

/**
 * `graphile_worker.add_job(...)` for the delivery whose id is the SQL expression `deliveryId`, to run at the SQL
 * expression `runAt` (null: now). The job key is the delivery's: a retry or replay replaces a job still waiting
 * instead of adding a second one.
 */
export function enqueueDeliveryJobSql(deliveryId: string, runAt: string): string {
  return `graphile_worker.add_job('${DELIVER_WEBHOOK_TASK}', json_build_object('deliveryId', (${deliveryId})::text), run_at => ${runAt}, job_key => 'webhook-delivery:' || (${deliveryId}))`;
}
