import { MigrationInterface, QueryRunner } from 'typeorm';

// Issue #17: the notifier that phones or texts a customer about a callback needs the number whole, which every
// other caller but platform staff reads masked. An admin gives that to one platform API key as a permission
// (ApiKeyPermission); seller keys never hold one.
export class ApiKeyPermissions1765920000000 implements MigrationInterface {
  name = 'ApiKeyPermissions1765920000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE api_keys ADD COLUMN permissions text[] NOT NULL DEFAULT '{}'
        CONSTRAINT api_keys_permissions_known CHECK (permissions <@ ARRAY['CALLBACK_PHONE_NUMBERS']::text[]),
        ADD CONSTRAINT api_keys_permissions_platform_only CHECK (seller_id IS NULL OR cardinality(permissions) = 0)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE api_keys DROP COLUMN permissions`);
  }
}
