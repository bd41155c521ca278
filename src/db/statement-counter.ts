import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger, QueryRunner } from 'typeorm';

/** Per-request tally of SQL statements sent to PostgreSQL (BEGIN and COMMIT included). */
export interface StatementTally {
  count: number;
}

const currentTally = new AsyncLocalStorage<StatementTally>();

export function runWithStatementTally<T>(tally: StatementTally, work: () => T): T {
  return currentTally.run(tally, work);
}

/**
 * TypeORM calls `logQuery` for every statement it sends, so this logger is where statements are counted for
 * the request that issued them. It also reports failed and slow queries to the application log.
 */
export class StatementCountingLogger implements Logger {
  constructor(private readonly appLog: { warn(object: object, message: string): void }) {}

  logQuery(_query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    const tally = currentTally.getStore();
    if (tally) tally.count += 1;
  }

  logQueryError(error: string | Error, query: string): void {
    this.appLog.warn({ err: error, query: textOf(query).slice(0, 500) }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.appLog.warn({ durationMs: time, query: textOf(query).slice(0, 500) }, 'slow query');
  }

  logSchemaBuild(): void {}
  logMigration(): void {}

  /** Warnings of the data layer's own (e.g. a NOTIFY after commit that failed) reach the application log. */
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.appLog.warn({}, String(message));
  }
}

/** A prepared statement reaches TypeORM as pg's `{ name, text }` config (src/db/prepared-statements.ts). */
function textOf(query: string | { text: string }): string {
  return typeof query === 'string' ? query : query.text;
}
