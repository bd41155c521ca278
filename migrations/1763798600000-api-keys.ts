import { MigrationInterface, QueryRunner } from 'typeorm';

// API keys of integrations (DESIGN §7). A key is `tk_<prefix>_<secret>`: the prefix finds the row, the secret is
// stored only as its SHA-256 digest, so a copy of this table authenticates nobody.
export class ApiKeys1763798600000 implements MigrationInterface {
  name = 'ApiKeys1763798600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE api_keys (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        key_prefix text NOT NULL UNIQUE,
        secret_sha256 bytea NOT NULL CHECK (length(secret_sha256) = 32),
        -- Null: the key acts for the platform; otherwise it sees exactly what this seller sees.
        seller_id bigint REFERENCES sellers(id),
        created_by text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        revoked_at timestamptz(3),
        -- Written at most once a minute per key, so a busy integration causes no write per request.
        last_used_at timestamptz(3)
      )`);
    await queryRunner.query(`CREATE INDEX api_keys_created_idx ON api_keys (created_at DESC, id DESC)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS api_keys`);
  }
}
