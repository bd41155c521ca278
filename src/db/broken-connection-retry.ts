import { Client, ClientConfig, Pool, QueryConfig, QueryResult as PgQueryResult } from 'pg';
import { DataSource, QueryFailedError, QueryRunner } from 'typeorm';
import { QueryResult } from 'typeorm/query-runner/QueryResult';

// A read that fails because its pooled connection was broken (its backend terminated, the socket reset, the
// server restarted while the connection sat idle) runs once more on a fresh connection of its own (issue #14,
// point 7). Only reads are retried, and the retry runs on a connection that PostgreSQL itself keeps read-only
// (`default_transaction_read_only`): a statement wrongly taken for a read is refused there, never run twice.
// Statements inside a transaction are never retried: the transaction died with its connection. Its BEGIN is the
// one exception: nothing of the transaction has run yet, so the BEGIN runs once more on a fresh connection of its
// own, on which the whole transaction then runs (it is closed when the transaction ends).

/** SQLSTATEs and socket codes of a connection that broke under the statement, not of a statement that failed. */
const BROKEN_SQLSTATES = new Set(['57P01', '57P02', '08006', '08003', '08000']);
const BROKEN_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
const BROKEN_MESSAGES =
  /Connection terminated|Client has encountered a connection error and is not queryable|terminating connection due to administrator command|server closed the connection unexpectedly/;

/** Whether `error` (TypeORM's QueryFailedError, pg's error, in any nesting) says the connection broke. */
export function isBrokenConnection(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const fields = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
  if (typeof fields.code === 'string' && (BROKEN_SQLSTATES.has(fields.code) || BROKEN_CODES.has(fields.code))) return true;
  if (typeof fields.message === 'string' && BROKEN_MESSAGES.test(fields.message)) return true;
  return [fields.driverError, fields.cause].some((inner) => isBrokenConnection(inner, depth + 1));
}

/** Comments, then the first word: a read starts with SELECT, WITH, VALUES, TABLE or SHOW. */
const LEADING_COMMENTS = /^(?:\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/)*/;
const READ_START = /^(?:SELECT|WITH|VALUES|TABLE|SHOW)\b/i;
/** Words of a statement that writes or takes locks, wherever they appear (in a CTE, a function call, a lock clause). */
const WRITE_WORDS =
  /\b(?:INSERT|UPDATE|DELETE|MERGE|TRUNCATE|INTO|NOTIFY|pg_notify|nextval|setval|add_job|pg_advisory\w*|LOCK|COPY|CALL)\b/i;

/** Whether a statement's text only reads (conservative: any word that may write makes it a write). */
export function isReadOnlyStatement(text: string): boolean {
  const statement = text.replace(LEADING_COMMENTS, '');
  return READ_START.test(statement) && !WRITE_WORDS.test(statement);
}

type QueryText = string | { name?: string; text: string };

function textOf(query: QueryText): string {
  return typeof query === 'string' ? query : query.text;
}

/** pg's result shaped as TypeORM's `query` returns a read's: its rows, or the structured result. */
function asTypeOrmResult(raw: PgQueryResult, useStructuredResult: boolean): unknown {
  if (!useStructuredResult) return raw.rows;
  const result = new QueryResult();
  result.records = raw.rows;
  result.affected = raw.rowCount ?? undefined;
  result.raw = raw.rows;
  return result;
}

/** Counts of retries (tests, logs). */
export interface RetryTally {
  retried: number;
}

/** The pg Pool under TypeORM's PostgreSQL driver (`master`); its options are those of each connection. */
export function poolOf(dataSource: DataSource): Pool & { options: ClientConfig } {
  return (dataSource.driver as unknown as { master: Pool & { options: ClientConfig } }).master;
}

/**
 * Runs one statement on a fresh connection of its own, outside the pool, then closes it: what a statement whose
 * pooled connection broke is retried on (the pool's other idle connections may have broken with it). `readOnly`:
 * PostgreSQL refuses any write on that connection.
 */
export async function queryOnFreshConnection(
  pool: Pool & { options: ClientConfig },
  query: QueryConfig,
  { readOnly }: { readOnly: boolean },
): Promise<PgQueryResult> {
  const config = pool.options;
  const readOnlyOption = '-c default_transaction_read_only=on';
  const options = readOnly ? (config.options ? `${config.options} ${readOnlyOption}` : readOnlyOption) : config.options;
  const client = new Client({ ...config, options });
  await client.connect();
  try {
    return await client.query(query);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** TypeORM's PostgresQueryRunner, as far as a BEGIN's retry moves it onto a fresh connection. */
interface PostgresRunnerState {
  databaseConnection?: Client;
  databaseConnectionPromise?: Promise<Client>;
  releaseCallback?: (error?: unknown) => void;
  isReleased: boolean;
  transactionDepth: number;
  driver: { connectedQueryRunners: QueryRunner[] };
  releasePostgresConnection(error?: unknown): Promise<void>;
}

/** TypeORM's own text for a transaction's BEGIN (PostgresQueryRunner.startTransaction). */
const BEGIN = /^\s*(?:START\s+TRANSACTION|BEGIN)\b/i;

/** Whether a failed statement is the BEGIN of a transaction (nothing of it executed yet) whose connection broke. */
function isBrokenBegin(runner: QueryRunner, text: string, error: unknown): boolean {
  return (
    BEGIN.test(text) &&
    (runner as unknown as PostgresRunnerState).transactionDepth === 0 &&
    error instanceof QueryFailedError &&
    isBrokenConnection(error)
  );
}

/**
 * Gives `runner` a fresh connection of its own, outside the pool, in place of its broken pooled one (released
 * with the error, so the pool drops it): the rest of the transaction runs there, and it is closed when the runner
 * is released. The pool's other idle connections may have broken with the first, so the pool is not asked again.
 */
async function moveToFreshConnection(runner: QueryRunner, pool: Pool & { options: ClientConfig }, error: unknown): Promise<void> {
  const state = runner as unknown as PostgresRunnerState;
  const broken = state.databaseConnection;
  broken?.on('error', () => undefined); // its late 'error' (the socket's end) must neither crash nor release the runner
  if (!state.isReleased) state.releaseCallback?.(error);
  const fresh = new Client(pool.options);
  await fresh.connect();
  const onError = (freshError: unknown) => void state.releasePostgresConnection(freshError);
  fresh.on('error', onError);
  state.databaseConnection = fresh;
  state.databaseConnectionPromise = Promise.resolve(fresh);
  state.releaseCallback = () => {
    fresh.removeListener('error', onError);
    fresh.on('error', () => undefined);
    void fresh.end().catch(() => undefined);
  };
  state.isReleased = false;
  if (!state.driver.connectedQueryRunners.includes(runner)) state.driver.connectedQueryRunners.push(runner);
}

const retriesOf = new WeakMap<DataSource, RetryTally>();

/** How many reads of `dataSource` were retried on a fresh connection (tests). */
export function brokenConnectionRetries(dataSource: DataSource): number {
  return retriesOf.get(dataSource)?.retried ?? 0;
}

/**
 * Makes every query runner of `dataSource` retry once, on a fresh read-only connection, a read outside a
 * transaction that failed because its pooled connection broke.
 */
export function retryReadsOnBrokenConnections(dataSource: DataSource, log: { warn(object: object, message: string): void }): void {
  const tally: RetryTally = { retried: 0 };
  retriesOf.set(dataSource, tally);
  const driver = dataSource.driver;
  const createQueryRunner = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode) => {
    const runner: QueryRunner = createQueryRunner(mode);
    const query = runner.query.bind(runner) as (
      statement: QueryText,
      parameters?: unknown[],
      useStructuredResult?: boolean,
    ) => Promise<unknown>;
    runner.query = (async (statement: QueryText, parameters?: unknown[], useStructuredResult: boolean = false) => {
      try {
        return await query(statement, parameters, useStructuredResult);
      } catch (error) {
        const text = textOf(statement);
        if (isBrokenBegin(runner, text, error)) {
          // Nothing of the transaction ran: its BEGIN runs again, once, on a fresh connection it then keeps.
          tally.retried += 1;
          log.warn({ err: error }, 'a BEGIN met a broken pooled connection: the transaction moves to a fresh connection');
          await moveToFreshConnection(runner, poolOf(dataSource), error);
          return await query(statement, parameters, useStructuredResult);
        }
        if (runner.isTransactionActive || !(error instanceof QueryFailedError) || !isBrokenConnection(error) || !isReadOnlyStatement(text))
          throw error;
        tally.retried += 1;
        log.warn({ err: error, query: text.slice(0, 200) }, 'a read met a broken pooled connection: retried once on a fresh connection');
        dataSource.logger.logQuery(text, parameters, runner);
        // A named statement is prepared anew on the fresh connection; pg takes the same config.
        const config: QueryConfig =
          typeof statement === 'string' ? { text: statement, values: parameters } : { ...statement, values: parameters };
        try {
          return asTypeOrmResult(await queryOnFreshConnection(poolOf(dataSource), config, { readOnly: true }), useStructuredResult);
        } catch (retryError) {
          throw new QueryFailedError(text, parameters, retryError as Error);
        }
      }
    }) as QueryRunner['query'];
    return runner;
  };
}
