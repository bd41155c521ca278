import { DELIVER_WEBHOOK_TASK, parseDeliverWebhookPayload } from '../webhooks/webhook-delivery-queue';
import { JobDefinition } from './job-definition';

/**
 * One attempt of one webhook delivery; queued in the transaction of the event (or of the failed attempt before
 * it, or of a replay). The job itself succeeds whatever the receiver answered: the retry schedule is the
 * delivery's (src/rules/webhook-retry.rule.ts), not graphile-worker's, which only retries a job that crashed.
 */
export const deliverWebhookJob: JobDefinition = {
  name: DELIVER_WEBHOOK_TASK,
  async run(context, payload, helpers) {
    // The shutdown signal: an attempt cut short is thrown, and graphile-worker runs the job again after restart.
    const outcome = await context.services.webhookAttempts.attemptDelivery(context, { ...parseDeliverWebhookPayload(payload), interruption: helpers.abortSignal });
    if (outcome === 'DEAD') context.log.warn({ payload }, 'webhook delivery dead-lettered');
  },
};
