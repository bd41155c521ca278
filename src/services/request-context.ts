import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { Principal } from '../auth/principal';
import { WorkCharge } from '../domain/work-charge';
import { Loaders } from '../loaders';

/** What every service method receives first: who calls, with which per-request loaders, at what time. */
export interface RequestContext {
  requestId: string;
  principal: Principal;
  dataSource: DataSource;
  loaders: Loaders;
  log: Logger;
  /** The current time; injected so that rules and tests agree on "now". */
  now: () => Date;
  /** Secret for derived values such as relay e-mail addresses. */
  secret: string;
  /** What this operation was charged against its caller's budget of work; absent for work nobody asked for (jobs). */
  workCharge?: WorkCharge;
}
