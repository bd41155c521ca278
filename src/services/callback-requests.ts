import { EntityManager } from 'typeorm';
import { CallbackCancelReason, CallbackRecord, CallbackStatus } from '../domain/callback';
import { TicketEventType } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import { maskPhoneNumber } from '../rules/callback-request.rule';
import { CallbackSlot } from '../rules/callback-slot.rule';
import { CallbackWindow } from '../domain/callback';
import { CALLBACK_COLUMNS, callbackFromRow, CallbackRow } from '../loaders/callback-rows';
import { Actor, SYSTEM_ACTOR } from './actor';
import { NewTicketEvent } from './ticket-events';

// The statements callback requests share (issue #17, point 3): reading a ticket's callbacks, the slot bookings of
// a team, storing an attempt, and cancelling what is still scheduled when a ticket is closed or leaves the
// platform (called from the ticket change writer and the owner changes, in their transactions).

/** The ticket's SCHEDULED callback, locked; the caller holds the ticket's lock already (tickets first, then callbacks). */
export async function lockScheduledCallback(manager: EntityManager, ticketId: string): Promise<CallbackRecord | null> {
  const rows: CallbackRow[] = await manager.query(
    `SELECT ${CALLBACK_COLUMNS} FROM callback_requests WHERE ticket_id = $1 AND status = 'SCHEDULED' FOR UPDATE`,
    [ticketId],
  );
  return rows[0] ? callbackFromRow(rows[0]) : null;
}

/** A team's callback slots, as the slot rule takes them. */
export interface TeamSlotSettings {
  teamId: string;
  calendarId: string;
  slotMinutes: number;
  slotCapacity: number;
}

/**
 * The slot settings of the team whose queue holds the ticket, its row locked (NO KEY UPDATE: queue entries that
 * reference the team never wait) so that two requests never book the last place of a slot at once. Null when the
 * ticket is in no queue.
 */
export async function lockTeamSlotsOfTicket(manager: EntityManager, ticketId: string): Promise<TeamSlotSettings | null> {
  const rows: Array<{ id: string; calendar_id: string; callback_slot_minutes: number; callback_slot_capacity: number }> =
    await manager.query(
      `SELECT team.id, team.calendar_id, team.callback_slot_minutes, team.callback_slot_capacity
     FROM ticket_queue_entries e JOIN teams team ON team.id = e.team_id WHERE e.ticket_id = $1 FOR NO KEY UPDATE OF team`,
      [ticketId],
    );
  const row = rows[0];
  return row
    ? { teamId: row.id, calendarId: row.calendar_id, slotMinutes: row.callback_slot_minutes, slotCapacity: row.callback_slot_capacity }
    : null;
}

/** Scheduled callbacks of the team by slot start (epoch milliseconds) in [from, to). */
export async function readSlotBookings(manager: EntityManager, teamId: string, from: Date, to: Date): Promise<Map<number, number>> {
  const rows: Array<{ callback_at: Date; booked: number }> = await manager.query(
    `SELECT callback_at, count(*)::int AS booked FROM callback_requests
     WHERE team_id = $1 AND status = 'SCHEDULED' AND callback_at >= $2 AND callback_at < $3 GROUP BY callback_at`,
    [teamId, from, to],
  );
  return new Map(rows.map((row) => [row.callback_at.getTime(), row.booked]));
}

export interface NewCallback {
  ticketId: string;
  teamId: string;
  phoneNumber: string;
  preferredWindows: readonly CallbackWindow[];
  slot: CallbackSlot;
  attempt: number;
  rescheduledFromId: string | null;
  dueSoonAt: Date | null;
  requestedBy: string;
  createdAt: Date;
}

export async function insertCallback(manager: EntityManager, callback: NewCallback): Promise<CallbackRecord> {
  const windows = callback.preferredWindows.map((window) => ({
    startsAt: window.startsAt.toISOString(),
    endsAt: window.endsAt.toISOString(),
  }));
  const rows: CallbackRow[] = await manager.query(
    `INSERT INTO callback_requests (ticket_id, team_id, phone_number, preferred_windows, callback_at, slot_ends_at, attempt, rescheduled_from_id, due_soon_at, requested_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     RETURNING ${CALLBACK_COLUMNS}`,
    [
      callback.ticketId,
      callback.teamId,
      callback.phoneNumber,
      JSON.stringify(windows),
      callback.slot.startsAt,
      callback.slot.endsAt,
      callback.attempt,
      callback.rescheduledFromId,
      callback.dueSoonAt,
      callback.requestedBy,
      callback.createdAt,
    ],
  );
  return callbackFromRow(rows[0]);
}

/** Records REACHED or NO_ANSWER on a locked SCHEDULED callback. */
export async function storeCallbackOutcome(
  manager: EntityManager,
  change: {
    callbackId: string;
    status: CallbackStatus.REACHED | CallbackStatus.NO_ANSWER;
    agentId: string;
    now: Date;
    askedToWrite: boolean;
  },
): Promise<void> {
  await manager.query(
    `UPDATE callback_requests SET status = $2, outcome_recorded_by = $3, outcome_recorded_at = $4::timestamptz, due_soon_at = NULL, asked_to_write_at = CASE WHEN $5::boolean THEN $4::timestamptz END WHERE id = $1`,
    [change.callbackId, change.status, change.agentId, change.now, change.askedToWrite],
  );
}

/** What every callback event carries: which callback, when, whose slot, which attempt. */
export function callbackEventPayload(callback: Pick<CallbackRecord, 'id' | 'callbackAt' | 'teamId' | 'attempt'>): Record<string, unknown> {
  return {
    callbackId: toGlobalId('CallbackRequest', callback.id),
    callbackAt: callback.callbackAt.toISOString(),
    team: callback.teamId,
    attempt: callback.attempt,
  };
}

/** CALLBACK_SCHEDULED: also the masked number, for a notifier's SMS. */
export function callbackScheduledEvent(callback: CallbackRecord, actor: Actor, now: Date): NewTicketEvent {
  return {
    ticketId: callback.ticketId,
    type: TicketEventType.CALLBACK_SCHEDULED,
    actor,
    createdAt: now,
    payload: { ...callbackEventPayload(callback), phoneNumber: maskPhoneNumber(callback.phoneNumber) },
  };
}

/**
 * Cancels the SCHEDULED callbacks of these locked tickets (closed, handed off away from the platform, or on request)
 * in one statement — the slot's place is free again and its CALLBACK_DUE_SOON never fires (`due_soon_at` cleared) —
 * and returns their CALLBACK_CANCELLED events (by `actor`) for the caller to append with its own.
 */
export async function cancelScheduledCallbacks(
  manager: EntityManager,
  ticketIds: readonly string[],
  reason: CallbackCancelReason,
  now: Date,
  actor: Actor = SYSTEM_ACTOR,
): Promise<NewTicketEvent[]> {
  if (ticketIds.length === 0) return [];
  // TypeORM answers an UPDATE with [rows, affected count].
  const [rows]: [Array<Pick<CallbackRow, 'id' | 'ticket_id' | 'callback_at' | 'team_id' | 'attempt'>>, number] = await manager.query(
    `UPDATE callback_requests SET status = 'CANCELLED', cancelled_at = $2, cancelled_reason = $3, due_soon_at = NULL
     WHERE ticket_id = ANY($1::bigint[]) AND status = 'SCHEDULED'
     RETURNING id, ticket_id, callback_at, team_id, attempt`,
    [ticketIds, now, reason],
  );
  return rows.map((row) => ({
    ticketId: String(row.ticket_id),
    type: TicketEventType.CALLBACK_CANCELLED,
    actor,
    createdAt: now,
    payload: {
      ...callbackEventPayload({ id: String(row.id), callbackAt: row.callback_at, teamId: row.team_id, attempt: row.attempt }),
      reason,
    },
  }));
}

/**
 * Claims up to `limit` callbacks whose warning is due (SKIP LOCKED: concurrent sweepers share the work) and clears
 * their `due_soon_at` in the same statement, so that the caller's transaction fires each warning exactly once.
 * Returns those whose slot has not started yet (a warning for a slot already under way is dropped).
 */
export async function claimDueCallbackWarnings(
  manager: EntityManager,
  now: Date,
  limit: number,
): Promise<{ claimed: number; due: CallbackRecord[] }> {
  const [rows]: [CallbackRow[], number] = await manager.query(
    `UPDATE callback_requests SET due_soon_at = NULL, warned_at = $1
     WHERE id IN (SELECT id FROM callback_requests WHERE due_soon_at <= $1 ORDER BY due_soon_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
     RETURNING ${CALLBACK_COLUMNS}`,
    [now],
  );
  return { claimed: rows.length, due: rows.filter((row) => row.callback_at.getTime() > now.getTime()).map(callbackFromRow) };
}

/** The callback as a viewer other than platform staff sees it: the number masked, the agent not named. */
export function maskedCallback(callback: CallbackRecord): CallbackRecord {
  return { ...callback, phoneNumber: maskPhoneNumber(callback.phoneNumber), outcomeRecordedBy: null };
}
