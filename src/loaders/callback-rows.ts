import { EntityManager } from 'typeorm';
import { CallbackCancelReason, CallbackRecord, CallbackStatus } from '../domain/callback';

// Reads of callback_requests (issue #17, point 3): Ticket.callback (through the per-request loader) and the
// callback use cases (src/services/callback-requests.ts).

type Queryable = Pick<EntityManager, 'query'>;

export interface CallbackRow {
  id: string;
  ticket_id: string;
  team_id: string;
  phone_number: string;
  preferred_windows: Array<{ startsAt: string; endsAt: string }>;
  callback_at: Date;
  slot_ends_at: Date;
  attempt: number;
  status: CallbackStatus;
  requested_by: string;
  created_at: Date;
  due_soon_at: Date | null;
  warned_at: Date | null;
  outcome_recorded_by: string | null;
  outcome_recorded_at: Date | null;
  asked_to_write_at: Date | null;
  cancelled_at: Date | null;
  cancelled_reason: CallbackCancelReason | null;
}

export const CALLBACK_COLUMNS = `id, ticket_id, team_id, phone_number, preferred_windows, callback_at, slot_ends_at, attempt, status, requested_by, created_at,
  due_soon_at, warned_at, outcome_recorded_by, outcome_recorded_at, asked_to_write_at, cancelled_at, cancelled_reason`;

export function callbackFromRow(row: CallbackRow): CallbackRecord {
  return {
    id: String(row.id),
    ticketId: String(row.ticket_id),
    teamId: row.team_id,
    phoneNumber: row.phone_number,
    preferredWindows: row.preferred_windows.map((window) => ({ startsAt: new Date(window.startsAt), endsAt: new Date(window.endsAt) })),
    callbackAt: row.callback_at,
    slotEndsAt: row.slot_ends_at,
    attempt: row.attempt,
    status: row.status,
    requestedBy: row.requested_by,
    requestedAt: row.created_at,
    dueSoonAt: row.due_soon_at,
    warnedAt: row.warned_at,
    outcomeRecordedBy: row.outcome_recorded_by,
    outcomeRecordedAt: row.outcome_recorded_at,
    askedToWriteAt: row.asked_to_write_at,
    cancelledAt: row.cancelled_at,
    cancelledReason: row.cancelled_reason,
  };
}

/** Callbacks (attempts) by id, in one statement; whose ticket the caller sees is the caller's to check. */
export async function readCallbacksByIds(queryable: Queryable, ids: readonly string[]): Promise<CallbackRecord[]> {
  const rows: CallbackRow[] = await queryable.query(`SELECT ${CALLBACK_COLUMNS} FROM callback_requests WHERE id = ANY($1::bigint[])`, [
    ids,
  ]);
  return rows.map(callbackFromRow);
}

/** The latest callback (attempt) of each ticket, in one statement. */
export async function readLatestCallbacks(queryable: Queryable, ticketIds: readonly string[]): Promise<Map<string, CallbackRecord>> {
  const rows: CallbackRow[] = await queryable.query(
    `SELECT DISTINCT ON (ticket_id) ${CALLBACK_COLUMNS} FROM callback_requests WHERE ticket_id = ANY($1::bigint[]) ORDER BY ticket_id, id DESC`,
    [ticketIds],
  );
  return new Map(rows.map((row) => [String(row.ticket_id), callbackFromRow(row)]));
}
