import { MigrationInterface, QueryRunner } from 'typeorm';

// Budgets of work by cost (docs/security.md "Throttling by cost"): one row per principal or anonymous IP address,
// the points spent in its current one-minute window and when that window ends (epoch milliseconds). The columns
// are the ones rate-limiter-flexible's RateLimiterPostgres reads and writes (its upsert is the one statement a
// request costs); the table is ours so that the library never creates tables at run time. Points are bigint (read
// as numbers, src/http/work-budget.ts): refused requests are added too, and their sum must not overflow.
// UNLOGGED: budgets live a minute; after a crash PostgreSQL empties the table, which only forgives a minute's spending.
export class WorkBudgets1765700000000 implements MigrationInterface {
  name = 'WorkBudgets1765700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE UNLOGGED TABLE work_budgets (
        key varchar(255) PRIMARY KEY,
        points bigint NOT NULL DEFAULT 0,
        expire bigint
      )`);
    // The periodic sweep deletes rows whose window ended an hour ago.
    await queryRunner.query(`CREATE INDEX work_budgets_expire ON work_budgets (expire)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE work_budgets`);
  }
}
