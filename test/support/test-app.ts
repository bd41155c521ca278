import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { signPrincipalToken } from '../../src/auth/jwt';
import { Principal } from '../../src/auth/principal';
import { JobContext, systemContextOf } from '../../src/jobs/job-context';
import { RequestContext } from '../../src/services/request-context';
import { AppConfig, loadConfig } from '../../src/config';
import { createDatabaseIfMissing, dropDatabase, withDatabase } from '../../src/db/database';
import { createDataSource } from '../../src/db/data-source';
import { PrincipalRole } from '../../src/domain/enums';
import { RunningServer, STATEMENT_COUNT_HEADER, startServer } from '../../src/server';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test payloads are asserted field by field
export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  statementCount: number;
}

export interface TestClock {
  now: () => Date;
  set(time: Date | string): void;
  advanceMinutes(minutes: number): void;
}

export interface TestApp {
  config: AppConfig;
  dataSource: DataSource;
  server: RunningServer;
  clock: TestClock;
  databaseName: string;
  tokenFor(principal: Principal): Promise<string>;
  /** Token of a platform agent, the most common caller of test setup. */
  agentToken(): Promise<string>;
  graphql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- see above
  /** What the worker and the SLA loop run with, on the test clock (no metrics unless added). */
  jobContext(): JobContext;
  /** The SYSTEM context one run of background work gets (src/jobs/job-context.ts), at `at` or on the test clock. */
  systemContext(at?: Date | string): RequestContext;
  close(): Promise<void>;
}

/** A fresh database copied from the migrated template, and a server on a free port in front of it. */
/**
 * `webhookAllowLoopback` (default true: the tests' receivers listen on 127.0.0.1) is WEBHOOK_ALLOW_LOOPBACK;
 * false gives the production policy of public webhook targets only.
 */
/** `environment`: further variables for loadConfig (RATE_LIMIT_POINTS_PER_MINUTE, …). */
/** `log`: the server's logger (silent, or TEST_LOG_LEVEL, unless given). */
export async function createTestApp(
  options: { clock?: Date | string; webhookAllowLoopback?: boolean; environment?: Record<string, string>; log?: pino.Logger } = {},
): Promise<TestApp> {
  const serverUrl = process.env.TEST_POSTGRES_SERVER_URL;
  const template = process.env.TEST_TEMPLATE_DATABASE;
  if (!serverUrl || !template) throw new Error('Integration tests need the jest globalSetup (run them through npm test)');
  const databaseName = `ticketing_test_${randomBytes(6).toString('hex')}`;
  await createDatabaseIfMissing(serverUrl, databaseName, template);

  let currentTime = options.clock ? new Date(options.clock) : null;
  const clock: TestClock = {
    now: () => (currentTime ? new Date(currentTime) : new Date()),
    set: (time) => {
      currentTime = new Date(time);
    },
    advanceMinutes: (minutes) => {
      currentTime = new Date((currentTime ?? new Date()).getTime() + minutes * 60_000);
    },
  };

  const config = {
    ...loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      RUN_WORKER: 'false',
      SHUTDOWN_GRACE_MS: '0',
      WEBHOOK_ALLOW_LOOPBACK: String(options.webhookAllowLoopback ?? true),
      ...options.environment,
    }),
    databaseUrl: withDatabase(serverUrl, databaseName),
  };
  const log = options.log ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const dataSource = createDataSource({ url: config.databaseUrl, poolSize: 10, log });
  await dataSource.initialize();
  const server = await startServer({ config, dataSource, log, now: clock.now });

  const tokenFor = (principal: Principal) => signPrincipalToken(principal, config.authSecret);
  const jobContext = (): JobContext => ({
    dataSource,
    services: server.services,
    log: pino({ level: 'silent' }),
    now: clock.now,
    secret: config.authSecret,
  });
  return {
    config,
    dataSource,
    server,
    clock,
    databaseName,
    tokenFor,
    agentToken: () => tokenFor({ role: PrincipalRole.AGENT, agentId: '1' }),
    jobContext,
    systemContext: (at) => systemContextOf(at === undefined ? jobContext() : { ...jobContext(), now: () => new Date(at) }, 'test'),
    async graphql(query, variables = {}, token) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const bearer = token === undefined ? await tokenFor({ role: PrincipalRole.AGENT, agentId: '1' }) : token;
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      const response = await fetch(server.graphqlUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { data?: never; errors?: GraphQLResponse['errors'] };
      return {
        status: response.status,
        data: body.data,
        errors: body.errors,
        statementCount: Number(response.headers.get(STATEMENT_COUNT_HEADER) ?? -1),
      };
    },
    async close() {
      await server.stop();
      await dataSource.destroy();
      await dropDatabase(serverUrl, databaseName);
    },
  };
}
