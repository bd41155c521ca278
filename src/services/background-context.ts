import { Logger } from 'pino';
import { DataSource } from 'typeorm';

/** What background work reports to `/metrics` (src/metrics/server-metrics.ts). */
export interface JobMetrics {
  slaTimersFired(fired: { warnings: number; breaches: number }): void;
  webhookAttemptFailed(): void;
}

/**
 * What the use cases run by background work (the close job, the SLA timer, webhook attempts) receive: no
 * principal — they act as SYSTEM, through the SYSTEM cell of each rule table — the data source, the log and the clock.
 */
export interface BackgroundContext {
  dataSource: DataSource;
  log: Logger;
  now: () => Date;
  /** Absent where nothing is scraped (scripts, tests that run jobs directly). */
  metrics?: JobMetrics;
}
