import { JobHelpers } from 'graphile-worker';
import { closeSolvedTicketsJob } from './close-solved-tickets.job';
import { deliverWebhookJob } from './deliver-webhook.job';
import { JobContext } from './job-context';
import { releaseAbandonedDeliveriesJob } from './release-abandoned-deliveries.job';

export interface JobDefinition {
  /** graphile-worker task identifier. */
  name: string;
  /** graphile-worker crontab schedule (minute hour day month weekday) for recurring sweeps. */
  cron?: string;
  run(context: JobContext, payload: unknown, helpers: JobHelpers): Promise<void>;
}

/** Every background job; each lives in its own `*.job.ts` file. */
export const JOB_DEFINITIONS: JobDefinition[] = [closeSolvedTicketsJob, deliverWebhookJob, releaseAbandonedDeliveriesJob];
