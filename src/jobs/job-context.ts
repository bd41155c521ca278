import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { Services } from '../services';

/** What background work reports to `/metrics` (src/metrics/server-metrics.ts). */
export interface JobMetrics {
  slaTimersFired(fired: { warnings: number; breaches: number }): void;
  webhookAttemptFailed(): void;
}

/** What background jobs run with: no principal (they act as SYSTEM), the shared services, and the clock. */
export interface JobContext {
  dataSource: DataSource;
  services: Services;
  log: Logger;
  now: () => Date;
  /** Absent where nothing is scraped (scripts, tests that run jobs directly). */
  metrics?: JobMetrics;
}
