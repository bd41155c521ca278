import { isBrokenConnection, isReadOnlyStatement } from '../../src/db/broken-connection-retry';

// Which statements a broken pooled connection may retry (reads only), and which errors are a broken connection.

describe('isReadOnlyStatement', () => {
  it.each([
    ['SELECT 1', true],
    ['  -- a comment\n /* another */ select id from tickets where id = $1', true],
    ['WITH page AS (SELECT id FROM tickets) SELECT * FROM page', true],
    ['VALUES (1)', true],
    ['SHOW server_version', true],
    ['SELECT updated_at, deleted_by_rule FROM tickets', true],
    ['INSERT INTO sellers (name) VALUES ($1)', false],
    ['WITH made AS (INSERT INTO sellers (name) VALUES ($1) RETURNING id) SELECT id FROM made', false],
    ['WITH gone AS (DELETE FROM sessions RETURNING id) SELECT count(*) FROM gone', false],
    ['SELECT id FROM tickets WHERE id = $1 FOR UPDATE', false],
    ['SELECT id FROM jobs FOR NO KEY UPDATE SKIP LOCKED', false],
    ["SELECT pg_notify('ticket_events', $1)", false],
    ["SELECT nextval('ticket_numbers')", false],
    ['SELECT graphile_worker.add_job($1, $2)', false],
    ['SELECT pg_advisory_xact_lock(1)', false],
    ['SELECT * INTO copy FROM tickets', false],
    ['UPDATE tickets SET status = $1', false],
    ['START TRANSACTION', false],
    ['COMMIT', false],
    ['MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE', false],
  ])('%s → %s', (statement, readOnly) => {
    expect(isReadOnlyStatement(statement)).toBe(readOnly);
  });
});

describe('isBrokenConnection', () => {
  it.each([
    [{ code: '57P01', message: 'terminating connection due to administrator command' }, true],
    [{ message: 'Connection terminated unexpectedly' }, true],
    [{ code: 'ECONNRESET' }, true],
    [{ driverError: { code: 'EPIPE' } }, true],
    [{ message: 'Client has encountered a connection error and is not queryable' }, true],
    [{ code: '23505', message: 'duplicate key value violates unique constraint' }, false],
    [{ code: '57014', message: 'canceling statement due to statement timeout' }, false],
    [{ code: '40001', message: 'could not serialize access' }, false],
    [null, false],
  ])('%j → %s', (error, broken) => {
    expect(isBrokenConnection(error)).toBe(broken);
  });
});
