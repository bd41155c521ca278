import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { Principal } from '../auth/principal';
import { StatementTally } from '../db/statement-counter';
import { WorkCharge } from '../domain/work-charge';
import { GraphQLContext } from '../graphql/context';
import { createLoaders } from '../loaders';
import { Services } from '../services';

/** The context of one HTTP request or WebSocket operation, with the tally its statements are counted into. */
export type TalliedContext = GraphQLContext & { statementTally: StatementTally };

export type ContextBuilder = (
  principal: Principal,
  requestId: string,
  statementTally: StatementTally,
  workCharge: WorkCharge,
) => TalliedContext;

export interface ContextDependencies {
  dataSource: DataSource;
  log: Logger;
  now: () => Date;
  secret: string;
  services: Services;
}

/** One context per operation: its own loaders (batching and caching never cross callers) and request-scoped log. */
export function createContextBuilder({ dataSource, log, now, secret, services }: ContextDependencies): ContextBuilder {
  return (principal, requestId, statementTally, workCharge) => ({
    requestId,
    principal,
    dataSource,
    loaders: createLoaders(dataSource, principal, secret),
    log: log.child({ requestId }),
    now,
    secret,
    services,
    statementTally,
    workCharge,
  });
}
