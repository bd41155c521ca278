import { MigrationInterface, QueryRunner } from 'typeorm';

// Issue #19, Build 4: Ticket.followUps is a keyset-paginated connection, oldest first. Its pages read
// (follow_up_of_ticket_id, created_at, id) in order, forwards or backwards, and stop after first + 1 rows; the
// index on follow_up_of_ticket_id alone made every page read and sort all follow-ups of the ticket. The new index
// leads with the same column, so it also serves what the old one did (the foreign key's lookups).
export class FollowUpsPageIndex1765900000000 implements MigrationInterface {
  name = 'FollowUpsPageIndex1765900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX tickets_follow_ups_page_idx ON tickets (follow_up_of_ticket_id, created_at, id) WHERE follow_up_of_ticket_id IS NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX tickets_follow_up_idx`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX tickets_follow_up_idx ON tickets (follow_up_of_ticket_id) WHERE follow_up_of_ticket_id IS NOT NULL`);
    await queryRunner.query(`DROP INDEX tickets_follow_ups_page_idx`);
  }
}
