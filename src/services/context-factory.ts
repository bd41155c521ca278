import { randomUUID } from 'node:crypto';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { Principal } from '../auth/principal';
import { createLoaders } from '../loaders';
import { RequestContext } from './request-context';

/** A request context outside HTTP (demo seeding, scripts): the same loaders and scope as a request would get. */
export function createRequestContext(options: {
  dataSource: DataSource;
  principal: Principal;
  secret: string;
  log: Logger;
  now: () => Date;
}): RequestContext {
  return {
    requestId: randomUUID(),
    principal: options.principal,
    dataSource: options.dataSource,
    loaders: createLoaders(options.dataSource, options.principal, options.secret),
    log: options.log,
    now: options.now,
    secret: options.secret,
  };
}
