import { AttemptReport } from '../services/webhook-attempt.service';
import { DELIVER_WEBHOOK_TASK, parseDeliverWebhookPayload } from '../webhooks/webhook-delivery-queue';
import { JobContext, systemContextOf } from './job-context';
import { JobDefinition } from './job-definition';

/** One attempt as the job makes it: the use case in the SYSTEM context, then what `/metrics` and the log are told. */
export async function runDeliveryAttempt(
  context: JobContext,
  input: { deliveryId: string; interruption?: AbortSignal },
): Promise<AttemptReport> {
  const attempt = await context.services.webhookAttempts.attemptDelivery(systemContextOf(context, DELIVER_WEBHOOK_TASK), input);
  if (attempt.receiverFailed) context.metrics?.webhookAttemptFailed();
  if (attempt.outcome === 'DEAD') context.log.warn({ deliveryId: input.deliveryId }, 'webhook delivery dead-lettered');
  return attempt;
}

/**
 * One attempt of one webhook delivery; queued in the transaction of the event (or of the failed attempt before
 * it, or of a replay). The job itself succeeds whatever the receiver answered: the retry schedule is the
 * delivery's (src/rules/webhook-retry.rule.ts), not graphile-worker's, which only retries a job that crashed.
 */
export const deliverWebhookJob: JobDefinition = {
  name: DELIVER_WEBHOOK_TASK,
  async run(context, payload, helpers) {
    // The shutdown signal: an attempt cut short is thrown, and graphile-worker runs the job again after restart.
    await runDeliveryAttempt(context, { ...parseDeliverWebhookPayload(payload), interruption: helpers.abortSignal });
  },
};
