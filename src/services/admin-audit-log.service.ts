import { ActorRole, PrincipalRole } from '../domain/enums';
import { AdminAuditEntry } from './views/admin.view';
import { Connection } from '../domain/connection';
import { ForbiddenError } from '../domain/errors';
import { AdminAuditLogArgsParams } from './params/admin.params';
import { SqlParameters } from '../db/sql-parameters';
import { pageRequest, toConnection } from '../rules/pagination.rule';
import { RequestContext } from './request-context';

interface AuditRow {
  id: string;
  actor_role: ActorRole;
  actor_id: string | null;
  entity_type: AdminEntityTypeValue;
  entity_id: string;
  version: number;
  action: AdminAuditEntry['action'];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
  created_at: Date;
}
type AdminEntityTypeValue = AdminAuditEntry['entityType'];

const COLUMNS = 'id::text, actor_role, actor_id, entity_type, entity_id, version, action, before, after, reason, created_at';

/** `adminAuditLog`: every change of the reference data, newest first (admins only). */
export class AdminAuditLogService {
  async listAdminAuditLog(ctx: RequestContext, args: AdminAuditLogArgsParams): Promise<Connection<AdminAuditEntry>> {
    if (ctx.principal.role !== PrincipalRole.ADMIN) throw new ForbiddenError('The admin audit log is visible to admins');
    const page = pageRequest(args.first, args.after);
    const parameters = new SqlParameters();
    const filters: string[] = [];
    if (args.entityType) filters.push(`entity_type = ${parameters.add(args.entityType)}`);
    if (args.entityId) filters.push(`entity_id = ${parameters.add(args.entityId)}`);
    if (page.after) filters.push(`id < ${parameters.add(page.after.id)}::bigint`);
    const rows: AuditRow[] = await ctx.dataSource.query(
      `SELECT ${COLUMNS}
       FROM admin_audit_log ${filters.length > 0 ? `WHERE ${filters.join(' AND ')}` : ''}
       ORDER BY id DESC LIMIT ${parameters.add(page.first + 1)}`,
      parameters.values,
    );
    return toConnection(rows.map(entryOf), page, (entry) => ({ sortValue: null, id: entry.id }));
  }

  /** `node(id)`, `nodes(ids)`: the entries with these ids, for admins; for anyone else none exist (and nothing is read). */
  async entriesByIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, AdminAuditEntry>> {
    if (ctx.principal.role !== PrincipalRole.ADMIN) return new Map();
    const parameters = new SqlParameters();
    const rows: AuditRow[] = await ctx.dataSource.query(
      `SELECT ${COLUMNS} FROM admin_audit_log WHERE ${parameters.matchesAnyId('id', ids)}`,
      parameters.values,
    );
    return new Map(rows.map((row) => [row.id, entryOf(row)]));
  }
}

function entryOf(row: AuditRow): AdminAuditEntry {
  return {
    id: row.id,
    actorRole: row.actor_role,
    actorId: row.actor_id,
    entityType: row.entity_type,
    entityId: row.entity_id,
    version: row.version,
    action: row.action,
    before: row.before,
    after: row.after,
    note: row.reason,
    createdAt: row.created_at,
  };
}
