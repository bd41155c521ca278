import { generateApiKey } from '../auth/api-key';
import { principalLabel } from '../auth/principal';
import { SqlParameters } from '../db/sql-parameters';
import { ApiKeyPermission, PrincipalRole } from '../domain/enums';
import { globalIdKeyOrNull } from '../domain/global-id';
import type { ApiKey, CreatedApiKey } from './views/api-key.view';
import { Connection } from '../domain/connection';
import { BadUserInputError, ForbiddenError } from '../domain/errors';
import { CreateApiKeyParams } from './params/api-key.params';
import { MutationResult, refused, succeeded, UserErrorCode, userError } from '../domain/user-error';
import { decodeIdArgument } from './id-arguments';
import { pageRequest, toConnection } from '../rules/pagination.rule';
import { RequestContext } from './request-context';
import { characterCount } from '../rules/text-input.rule';

const MAXIMUM_NAME_CHARACTERS = 100;
const COLUMNS = 'id, name, key_prefix, seller_id, permissions, created_by, created_at, revoked_at, last_used_at';

interface ApiKeyRow {
  id: string;
  name: string;
  key_prefix: string;
  seller_id: string | null;
  permissions: ApiKeyPermission[];
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

/** NOTIFY channel of revocations; payload: the key's id. */
export const API_KEY_REVOKED_CHANNEL = 'api_key_revoked';

function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: String(row.id),
    name: row.name,
    prefix: `tk_${row.key_prefix}_`,
    sellerId: row.seller_id === null ? null : String(row.seller_id),
    permissions: row.permissions,
    createdBy: row.created_by,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

function requireAdmin(ctx: RequestContext): void {
  if (ctx.principal.role !== PrincipalRole.ADMIN) throw new ForbiddenError('API keys are managed by admins');
}

/** Issuing, listing and revoking integrations' API keys (docs/security.md); authentication is ApiKeyAuthenticator's. */
export class ApiKeyService {
  async createApiKey(ctx: RequestContext, input: CreateApiKeyParams): Promise<MutationResult<CreatedApiKey>> {
    requireAdmin(ctx);
    const name = input.name.trim();
    if (name.length === 0 || characterCount(name) > MAXIMUM_NAME_CHARACTERS) {
      return refused(userError(UserErrorCode.INVALID_INPUT, `name must be 1–${MAXIMUM_NAME_CHARACTERS} characters`, 'input.name'));
    }
    const sellerId = input.sellerId ? decodeIdArgument(input.sellerId, 'Seller', 'input.sellerId') : null;
    const permissions = [...new Set(input.permissions ?? [])];
    if (sellerId !== null && permissions.length > 0) {
      return refused(
        userError(
          UserErrorCode.INVALID_INPUT,
          'Permissions are given to platform keys only; a seller key sees what its seller sees',
          'input.permissions',
        ),
      );
    }
    const generated = generateApiKey();
    // One statement: no row comes back when the named seller does not exist.
    const rows: ApiKeyRow[] = await ctx.dataSource.query(
      `INSERT INTO api_keys (name, key_prefix, secret_sha256, seller_id, permissions, created_by, created_at)
       SELECT $1, $2, $3, $4, $7::text[], $5, $6 WHERE $4::bigint IS NULL OR EXISTS (SELECT 1 FROM sellers WHERE id = $4)
       RETURNING ${COLUMNS}`,
      [name, generated.prefix, generated.secretSha256, sellerId, principalLabel(ctx.principal), ctx.now(), permissions],
    );
    if (rows.length === 0) return refused(userError(UserErrorCode.INVALID_INPUT, 'No such seller', 'input.sellerId'));
    return succeeded({ apiKey: toApiKey(rows[0]), key: generated.key });
  }

  /**
   * Revoking a revoked key changes nothing and succeeds: the first revocation time stands. In the same statement
   * the endpoints the key registered are disabled and every instance is told (NOTIFY api_key_revoked at commit),
   * which closes the key's live sockets there (src/auth/live-credentials.ts).
   */
  async revokeApiKey(ctx: RequestContext, input: { id: string }): Promise<MutationResult<ApiKey>> {
    requireAdmin(ctx);
    const id = globalIdKeyOrNull(input.id, 'ApiKey');
    if (id === null) throw new BadUserInputError(`"${input.id.slice(0, 80)}" is not an API key id`, 'id');
    const rows: ApiKeyRow[] = await ctx.dataSource.query(
      `WITH revoked AS (
         UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING ${COLUMNS}
       ), disabled AS (
         UPDATE webhook_endpoints w SET is_enabled = false, disabled_reason = 'The API key that registered it was revoked', disabled_at = $2, updated_at = $2
         FROM revoked WHERE w.created_by = 'INTEGRATION:' || revoked.id AND w.is_enabled RETURNING w.id
       ), told AS (
         SELECT pg_notify('${API_KEY_REVOKED_CHANNEL}', revoked.id::text) FROM revoked
       )
       SELECT revoked.*, (SELECT count(*) FROM disabled) AS disabled_endpoints, (SELECT count(*) FROM told) AS notified FROM revoked`,
      [id, ctx.now()],
    );
    if (rows.length === 0) return refused(userError(UserErrorCode.NOT_FOUND, 'No such API key', 'id'));
    return succeeded(toApiKey(rows[0]));
  }

  /** `node(id)`, `nodes(ids)`: the keys with these ids, for admins; for anyone else none exist (and nothing is read). */
  async apiKeysByIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, ApiKey>> {
    if (ctx.principal.role !== PrincipalRole.ADMIN) return new Map();
    const parameters = new SqlParameters();
    const rows: ApiKeyRow[] = await ctx.dataSource.query(
      `SELECT ${COLUMNS} FROM api_keys WHERE ${parameters.matchesAnyId('id', ids)}`,
      parameters.values,
    );
    return new Map(rows.map((row) => [String(row.id), toApiKey(row)]));
  }

  /** Newest first, revoked keys included. */
  async listApiKeys(ctx: RequestContext, input: { first?: number | null; after?: string | null }): Promise<Connection<ApiKey>> {
    requireAdmin(ctx);
    const page = pageRequest(input.first, input.after);
    const parameters = new SqlParameters();
    const after = page.after
      ? `WHERE (created_at, id) < (${parameters.add(page.after.sortValue)}::timestamptz, ${parameters.add(page.after.id)}::bigint)`
      : '';
    const rows: ApiKeyRow[] = await ctx.dataSource.query(
      `SELECT ${COLUMNS} FROM api_keys ${after} ORDER BY created_at DESC, id DESC LIMIT ${page.first + 1}`,
      parameters.values,
    );
    return toConnection(rows.map(toApiKey), page, (apiKey) => ({ sortValue: apiKey.createdAt.toISOString(), id: apiKey.id }));
  }
}
