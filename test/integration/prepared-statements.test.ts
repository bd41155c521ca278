import pino from 'pino';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../src/db/data-source';
import { PreparedStatements } from '../../src/db/prepared-statements';
import { runWithStatementTally } from '../../src/db/statement-counter';
import { PrincipalRole } from '../../src/domain/enums';
import { createLoaders } from '../../src/loaders';
import { TicketGraph } from '../../src/loaders/ticket-graph.loader';
import { createTestApp, TestApp } from '../support/test-app';

describe('prepared statements', () => {
  let app: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await createTestApp();
    // One connection, so that pg_prepared_statements shows what this connection prepared.
    dataSource = createDataSource({ url: app.config.databaseUrl!, poolSize: 1, log: pino({ level: 'silent' }) });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await app.close();
  });

  const preparedOnConnection = async (): Promise<string[]> =>
    (await dataSource.query(`SELECT statement FROM pg_prepared_statements ORDER BY statement`)).map(
      (row: { statement: string }) => row.statement,
    );

  it('prepares a text from its third run on, answers the same, and counts every run as a statement', async () => {
    const statements = new PreparedStatements();
    const text = `SELECT $1::int + 1 AS next /* prepared-statements test */`;
    const tally = { count: 0 };
    const answers = await runWithStatementTally(tally, async () => {
      const results: number[] = [];
      for (let run = 1; run <= 5; run += 1)
        results.push((await statements.query<Array<{ next: number }>>(dataSource, text, [run]))[0].next);
      return results;
    });
    expect(answers).toEqual([2, 3, 4, 5, 6]);
    expect(tally.count).toBe(5);
    expect(statements.preparedCount()).toBe(1);
    expect(await preparedOnConnection()).toContain(text);
  });

  it("runs inside the caller's transaction and reports failures like any statement", async () => {
    const statements = new PreparedStatements();
    const text = `SELECT count(*)::int AS count FROM pg_class WHERE relname = $1`;
    await dataSource.transaction(async (manager) => {
      await manager.query(`CREATE TEMP TABLE prepared_statements_probe (id int) ON COMMIT DROP`);
      for (let run = 0; run < 4; run += 1) {
        expect((await statements.query<Array<{ count: number }>>(manager, text, ['prepared_statements_probe']))[0].count).toBe(1);
      }
    });
    await expect(statements.query(dataSource, `SELECT 1 / $1::int AS broken`, [0])).rejects.toThrow('division by zero');
    for (let run = 0; run < 3; run += 1)
      await expect(statements.query(dataSource, `SELECT 1 / $1::int AS broken`, [0])).rejects.toThrow('division by zero');
  });

  it('plans a ticket read by its one id once: PostgreSQL moves to the generic plan after its five custom plans', async () => {
    const agent = { role: PrincipalRole.AGENT, agentId: '1' } as const;
    // What a ticket detail page reads with its ticket (benchmark S2).
    const fields = (...names: string[]) => new Set(names);
    const detail: TicketGraph = {
      ticket: fields('number', 'subject', 'status'),
      customer: fields('name'),
      order: { fields: fields('number'), shipments: { fields: fields('trackingNumber'), carrier: fields('name') } },
      seller: null,
      carrier: null,
      shipment: null,
      messages: { page: { first: 50, after: null }, order: 'OLDEST_FIRST', fields: fields('body') },
      events: { page: { first: 20, after: null }, fields: fields('type') },
      sla: { clockFields: fields('metric', 'dueAt') },
    };
    // A fresh set of loaders per read, as per request; the statement text is the same every time.
    for (let read = 0; read < 10; read += 1)
      await createLoaders(dataSource, agent, app.config.authSecret).ticketsWithGraph(detail).load('1');
    const [plans]: Array<{ generic_plans: string; custom_plans: string }> = await dataSource.query(
      `SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE 'WITH page AS (SELECT t.* FROM tickets t WHERE t.id = $1::bigint %'`,
    );
    // With `t.id = ANY($1::bigint[])` the generic plan is costed for ten tickets and never chosen: every read replans.
    expect(Number(plans.custom_plans)).toBe(5);
    expect(Number(plans.generic_plans)).toBeGreaterThan(0);
  });
});
