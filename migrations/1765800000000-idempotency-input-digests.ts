import { MigrationInterface, QueryRunner } from 'typeorm';

// Issue #14, point 7: an idempotency key reused with another input is refused. Each ticket and message made under
// a key keeps the sha256 of its whole canonical input (src/rules/idempotency.rule.ts), compared on every reuse of
// the key. Rows made before this migration have none and are compared by the fields they kept.
export class IdempotencyInputDigests1765800000000 implements MigrationInterface {
  name = 'IdempotencyInputDigests1765800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE tickets ADD COLUMN idempotency_input_digest text`);
    await queryRunner.query(`ALTER TABLE messages ADD COLUMN idempotency_input_digest text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE messages DROP COLUMN idempotency_input_digest`);
    await queryRunner.query(`ALTER TABLE tickets DROP COLUMN idempotency_input_digest`);
  }
}
