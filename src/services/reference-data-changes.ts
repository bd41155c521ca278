import { EntityManager } from 'typeorm';
import { AdminAction, AdminEntityType, PrincipalRole } from '../domain/enums';
import { Principal } from '../auth/principal';
import { UserError, UserErrorCode, userError } from '../domain/user-error';
import { Actor } from './actor';
import { REFERENCE_DATA_CHANNEL } from './reference-data-cache';

// What every admin change of the reference data (routing rules, SLA policies, calendars) shares: who may, the lock
// that serialises changes of one table, the audit log row and the NOTIFY that reaches every instance, all in the
// change's own transaction.

/** One audited change of one entry. `before` / `after`: the active version as the API shows it (null when none). */
export interface AdminChange {
  entityType: AdminEntityType;
  entityId: string;
  version: number;
  action: AdminAction;
  before: object | null;
  after: object | null;
  note: string | null;
}

const MAXIMUM_NOTE_CHARACTERS = 1000;

/** Keys of the transaction-level advisory locks, one per table: a change validates the whole table it leaves. */
const TABLE_LOCK_KEYS: Record<AdminEntityType, number> = {
  [AdminEntityType.ROUTING_RULE]: 1_765_300_001,
  [AdminEntityType.SLA_POLICY]: 1_765_300_002,
  [AdminEntityType.BUSINESS_CALENDAR]: 1_765_300_003,
};

/** Refusals before anything is read: only admins change reference data; the note is bounded. */
export function adminRefusals(principal: Principal, note: string | null | undefined): UserError[] {
  if (principal.role !== PrincipalRole.ADMIN) {
    return [userError(UserErrorCode.NOT_PERMITTED, 'Only admins change routing rules, SLA policies and business calendars', 'input')];
  }
  if (note !== undefined && note !== null && note.length > MAXIMUM_NOTE_CHARACTERS) {
    return [
      userError(
        UserErrorCode.INVALID_INPUT,
        `note has ${note.length} characters; at most ${MAXIMUM_NOTE_CHARACTERS} are accepted`,
        'input.note',
      ),
    ];
  }
  return [];
}

/** Problems of a proposed table as INVALID_INPUT errors, one per sentence. */
export function problemErrors(problems: readonly string[], field = 'input'): UserError[] {
  return problems.map((problem) => userError(UserErrorCode.INVALID_INPUT, problem, field));
}

export function versionConflict(entityId: string, current: number | null, expected: number | null | undefined): UserError[] {
  if (expected === undefined || expected === null || current === expected) return [];
  const now = current === null ? 'is not active' : `is at version ${current}`;
  return [userError(UserErrorCode.VERSION_CONFLICT, `${entityId} changed: it ${now}, not ${expected}`, 'input.expectedVersion')];
}

/** Serialises admin changes of one table until the transaction ends (readers never wait). */
export async function lockReferenceTable(manager: EntityManager, entityType: AdminEntityType): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [TABLE_LOCK_KEYS[entityType]]);
}

/** The next version of an id: one more than any version it ever had, retired ones included. */
export async function nextVersionOf(
  manager: EntityManager,
  table: 'routing_rules' | 'sla_policies' | 'business_calendars',
  id: string,
): Promise<number> {
  const [row]: Array<{ version: number }> = await manager.query(
    `SELECT coalesce(max(version), 0)::int + 1 AS version FROM ${table} WHERE id = $1`,
    [id],
  );
  return row.version;
}

/** Appends the audit rows and notifies every instance at COMMIT (LISTEN reference_data_changed). */
export async function recordAdminChanges(manager: EntityManager, actor: Actor, changes: readonly AdminChange[], now: Date): Promise<void> {
  if (changes.length === 0) return;
  await manager.query(
    `INSERT INTO admin_audit_log (actor_role, actor_id, entity_type, entity_id, version, action, before, after, reason, created_at)
     SELECT $1, $2, u.entity_type, u.entity_id, u.version, u.action, u.before, u.after, u.note, $3
     FROM unnest($4::text[], $5::text[], $6::int[], $7::text[], $8::jsonb[], $9::jsonb[], $10::text[]) AS u(entity_type, entity_id, version, action, before, after, note)`,
    [
      actor.role,
      actor.id,
      now,
      changes.map((change) => change.entityType),
      changes.map((change) => change.entityId),
      changes.map((change) => change.version),
      changes.map((change) => change.action),
      changes.map((change) => (change.before === null ? null : JSON.stringify(change.before))),
      changes.map((change) => (change.after === null ? null : JSON.stringify(change.after))),
      changes.map((change) => change.note),
    ],
  );
  await manager.query('SELECT pg_notify($1, $2)', [
    REFERENCE_DATA_CHANNEL,
    [...new Set(changes.map((change) => change.entityType))].join(','),
  ]);
}

/** Trimmed, or null when absent or blank. */
export function noteOf(note: string | null | undefined): string | null {
  const trimmed = note?.trim() ?? '';
  return trimmed.length > 0 ? trimmed : null;
}
