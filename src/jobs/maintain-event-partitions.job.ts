import { systemContextOf } from './job-context';
import { JobDefinition } from './job-definition';

/** Every hour: the event log's monthly partitions ahead exist, and months past the retention setting leave it. */
export const maintainEventPartitionsJob: JobDefinition = {
  name: 'maintain-event-partitions',
  cron: '17 * * * *',
  async run(context) {
    const { created, detached } = await context.services.eventPartitions.maintain(systemContextOf(context, 'maintain-event-partitions'));
    if (created > 0 || detached.length > 0) context.log.info({ created, detached }, 'event log partitions maintained');
  },
};
