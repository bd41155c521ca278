import { MigrationInterface, QueryRunner } from 'typeorm';

// The business minutes of a clock were float4 (`real`): about 7 significant digits, so a pause of 20 hours kept to
// the millisecond (1223.7613 minutes) came back as 1223.76135…, and the next resume moved the due time by 3 ms.
// float8 holds every millisecond of any realistic duration exactly enough to round back to it (the rules sum
// pauses in whole milliseconds). Existing values are rounded to the millisecond (minutes) or to 6 decimals (the
// warning fractions, whose float4 0.8 read back as 0.800000011920929 and moved warnings by a millisecond).
// Rewrites sla_clocks: run it in a quiet hour on a large database.
const CLOCK_MINUTES = ['paused_business_minutes', 'used_business_minutes'];

export class SlaMinutesInDoublePrecision1765300000000 implements MigrationInterface {
  name = 'SlaMinutesInDoublePrecision1765300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const minutes = CLOCK_MINUTES.map((column) => `ALTER COLUMN ${column} TYPE double precision USING round(${column}::numeric * 60000) / 60000`);
    await queryRunner.query(`
      ALTER TABLE sla_clocks ${minutes.join(', ')},
        ALTER COLUMN target_minutes TYPE double precision USING round(target_minutes::numeric * 60000) / 60000,
        ALTER COLUMN warning_threshold TYPE double precision USING round(warning_threshold::numeric, 6)`);
    await queryRunner.query(`ALTER TABLE sla_policies ALTER COLUMN warning_threshold TYPE double precision USING round(warning_threshold::numeric, 6)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sla_policies ALTER COLUMN warning_threshold TYPE real`);
    await queryRunner.query(`
      ALTER TABLE sla_clocks ${CLOCK_MINUTES.map((column) => `ALTER COLUMN ${column} TYPE real`).join(', ')},
        ALTER COLUMN target_minutes TYPE real, ALTER COLUMN warning_threshold TYPE real`);
  }
}
