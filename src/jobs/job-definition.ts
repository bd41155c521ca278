import { JobHelpers } from 'graphile-worker';
import { JobContext } from './job-context';

/** One graphile-worker task: src/jobs/job-definitions.ts lists them all. */
export interface JobDefinition {
  /** graphile-worker task identifier. */
  name: string;
  /** graphile-worker crontab schedule (minute hour day month weekday) for recurring sweeps. */
  cron?: string;
  run(context: JobContext, payload: unknown, helpers: JobHelpers): Promise<void>;
}
