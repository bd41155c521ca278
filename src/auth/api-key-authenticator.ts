import { DataSource } from 'typeorm';
import { ApiKeyPermission, PrincipalRole } from '../domain/enums';
import { parseApiKey, secretMatches } from './api-key';
import { Principal } from './principal';

/** Milliseconds; `last_used_at` is written at most this often per key, never on every request. */
export const LAST_USED_WRITE_INTERVAL_MS = 60_000;

interface ApiKeyCredentialRow {
  id: string;
  seller_id: string | null;
  permissions: ApiKeyPermission[];
  secret_sha256: Buffer;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

/**
 * Turns a presented API key into the INTEGRATION principal it stands for. Every request reads the key's row, so a
 * revocation takes effect on the next request on every instance; no key is cached.
 */
export class ApiKeyAuthenticator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date,
  ) {}

  /** Null when the key is malformed, unknown, revoked, or its secret does not match. */
  async verify(key: string): Promise<Principal | null> {
    const parsed = parseApiKey(key);
    if (parsed === null) return null;
    const rows: ApiKeyCredentialRow[] = await this.dataSource.query(
      `SELECT id, seller_id, permissions, secret_sha256, revoked_at, last_used_at FROM api_keys WHERE key_prefix = $1`,
      [parsed.prefix],
    );
    const row = rows[0];
    if (!row || !secretMatches(parsed.secret, row.secret_sha256) || row.revoked_at !== null) return null;
    await this.recordUse(row);
    return {
      role: PrincipalRole.INTEGRATION,
      apiKeyId: String(row.id),
      sellerId: row.seller_id === null ? null : String(row.seller_id),
      permissions: row.permissions,
    };
  }

  private async recordUse(row: ApiKeyCredentialRow): Promise<void> {
    const now = this.now();
    if (row.last_used_at !== null && now.getTime() - row.last_used_at.getTime() < LAST_USED_WRITE_INTERVAL_MS) return;
    // The condition repeats the check in SQL: concurrent requests on several instances still write once.
    await this.dataSource.query(
      `UPDATE api_keys SET last_used_at = $2
       WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= $2::timestamptz - make_interval(secs => $3))`,
      [row.id, now, LAST_USED_WRITE_INTERVAL_MS / 1000],
    );
  }
}
