import { closeSolvedTicketsJob } from './close-solved-tickets.job';
import { deliverWebhookJob } from './deliver-webhook.job';
import { JobDefinition } from './job-definition';
import { maintainEventPartitionsJob } from './maintain-event-partitions.job';
import { releaseAbandonedDeliveriesJob } from './release-abandoned-deliveries.job';

/** Every background job; each lives in its own `*.job.ts` file. */
export const JOB_DEFINITIONS: JobDefinition[] = [
  closeSolvedTicketsJob,
  deliverWebhookJob,
  releaseAbandonedDeliveriesJob,
  maintainEventPartitionsJob,
];
