import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { Services } from '../services';

/** What background jobs run with: no principal (they act as SYSTEM), the shared services, and the clock. */
export interface JobContext {
  dataSource: DataSource;
  services: Services;
  log: Logger;
  now: () => Date;
}
