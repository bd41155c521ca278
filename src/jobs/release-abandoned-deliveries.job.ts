import { DataSource } from 'typeorm';
import { DELIVER_WEBHOOK_TASK } from '../webhooks/webhook-delivery-queue';
import { JobDefinition } from './job-definition';

/**
 * Seconds after which a delivery job still locked is taken for abandoned by a dead worker (kill -9, a lost
 * machine). An attempt takes at most WEBHOOK_TIMEOUT_MS (10 s) plus its record, so 2 minutes is never a live
 * one in practice; a slow live one would send twice, with the same webhook-id (deliveries are at least once).
 * With the sweep running every minute, an abandoned delivery runs again within 3 minutes (graphile-worker alone
 * waits 4 hours).
 */
export const ABANDONED_DELIVERY_LOCK_SECONDS = 120;

/** Unlocks delivery jobs locked longer than ABANDONED_DELIVERY_LOCK_SECONDS; how many it released. */
export async function releaseAbandonedDeliveries(dataSource: DataSource): Promise<number> {
  const rows: Array<{ id: string }> = await dataSource
    .query(
      `UPDATE graphile_worker._private_jobs j SET locked_at = NULL, locked_by = NULL, run_at = now()
     FROM graphile_worker._private_tasks t
     WHERE t.id = j.task_id AND t.identifier = $1 AND j.locked_at < now() - make_interval(secs => $2)
     RETURNING j.id`,
      [DELIVER_WEBHOOK_TASK, ABANDONED_DELIVERY_LOCK_SECONDS],
    )
    .then((result: [Array<{ id: string }>, number]) => result[0]);
  return rows.length;
}

/** Every minute, on whichever instance's worker takes it. */
export const releaseAbandonedDeliveriesJob: JobDefinition = {
  name: 'release-abandoned-deliveries',
  cron: '* * * * *',
  async run(context) {
    const released = await releaseAbandonedDeliveries(context.dataSource);
    if (released > 0) context.log.warn({ released }, 'webhook deliveries held by a dead worker released');
  },
};
