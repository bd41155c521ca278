import { MigrationInterface, QueryRunner } from 'typeorm';

// What a new ticket pays for (issue #15, point 4; docs/indexes.md has every index of the write path with the query
// and the plan that use it):
//
// - tickets_status_created_idx, tickets_owner_created_idx, tickets_category_created_idx and
//   tickets_priority_created_idx go: the ticket list's value filters are `= ANY($n::text[])` in a prepared
//   statement, whose generic plan reads tickets_created_idx (or the scope's index) in page order and filters; no
//   plan of a query in src used them, except the close job's read of SOLVED tickets through the status index
//   (a bitmap scan of every SOLVED ticket and a sort: 105 ms at 100,000 tickets).
// - tickets_solved_idx replaces that use: the SOLVED tickets by solve time, partial, so that a new ticket (NEW)
//   never enters it and the close job reads its batch in order (0.3 ms).
// - tickets_involved_carriers_idx becomes partial: GIN indexes an empty array too, and nine tickets in ten never
//   involve a carrier. The carrier scope (src/auth/scope.ts) states the index's predicate so that it applies.
export class WritePathIndexes1765940000000 implements MigrationInterface {
  name = 'WritePathIndexes1765940000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX tickets_status_created_idx, tickets_owner_created_idx, tickets_category_created_idx, tickets_priority_created_idx`);
    await queryRunner.query(`CREATE INDEX tickets_solved_idx ON tickets (solved_at, id) WHERE status = 'SOLVED'`);
    await queryRunner.query(`DROP INDEX tickets_involved_carriers_idx`);
    await queryRunner.query(`CREATE INDEX tickets_involved_carriers_idx ON tickets USING gin (involved_carrier_ids) WHERE involved_carrier_ids <> '{}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX tickets_involved_carriers_idx`);
    await queryRunner.query(`CREATE INDEX tickets_involved_carriers_idx ON tickets USING gin (involved_carrier_ids)`);
    await queryRunner.query(`DROP INDEX tickets_solved_idx`);
    await queryRunner.query(`CREATE INDEX tickets_status_created_idx ON tickets (status, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX tickets_owner_created_idx ON tickets (owner_party, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX tickets_category_created_idx ON tickets (category, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX tickets_priority_created_idx ON tickets (priority, created_at DESC, id DESC)`);
  }
}
