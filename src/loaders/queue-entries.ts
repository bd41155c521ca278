import { EntityManager } from 'typeorm';
import { Language } from '../domain/enums';

// Reads of ticket_queue_entries with their team and assignee: Ticket.queue (through the per-request loader)
// and the assignment use cases.

/** A ticket's place in the platform's queues, as Ticket.queue shows it. */
export interface QueueEntryRecord {
  ticketId: string;
  team: { id: string; name: string; languages: Language[]; calendarId: string; callbackSlotMinutes: number; callbackSlotCapacity: number };
  ruleId: string;
  ruleVersion: number;
  reason: string;
  queuedAt: Date;
  /** Whether the ticket waits for the platform now (owned by it, neither SOLVED nor CLOSED). */
  isWaiting: boolean;
  assignee: { id: string; name: string; languages: Language[]; teamIds: string[] } | null;
  assignedAt: Date | null;
}

interface QueueEntryRow {
  ticket_id: string;
  team_id: string;
  team_name: string;
  team_languages: Language[];
  calendar_id: string;
  callback_slot_minutes: number;
  callback_slot_capacity: number;
  queue_rule_id: string;
  queue_rule_version: number;
  queue_reason: string;
  queued_at: Date;
  is_waiting: boolean;
  assignee_agent_id: string | null;
  assignee_name: string | null;
  assignee_languages: Language[] | null;
  assignee_team_ids: string[] | null;
  assigned_at: Date | null;
}

/** The queue entries of these tickets with their team and assignee, in one statement. */
export async function readQueueEntries(
  manager: EntityManager | { query: EntityManager['query'] },
  ticketIds: readonly string[],
): Promise<Map<string, QueueEntryRecord>> {
  const rows: QueueEntryRow[] = await manager.query(
    `SELECT e.ticket_id, e.team_id, team.name AS team_name, team.languages AS team_languages, team.calendar_id, team.callback_slot_minutes, team.callback_slot_capacity,
       e.queue_rule_id, e.queue_rule_version, e.queue_reason, e.queued_at, e.is_waiting, e.assignee_agent_id, e.assigned_at,
       a.name AS assignee_name, a.languages AS assignee_languages,
       (SELECT array_agg(m.team_id ORDER BY m.team_id) FROM agent_teams m WHERE m.agent_id = a.id) AS assignee_team_ids
     FROM ticket_queue_entries e JOIN teams team ON team.id = e.team_id LEFT JOIN agents a ON a.id = e.assignee_agent_id
     WHERE e.ticket_id = ANY($1::bigint[])`,
    [ticketIds],
  );
  return new Map(
    rows.map((row) => [
      String(row.ticket_id),
      {
        ticketId: String(row.ticket_id),
        team: {
          id: row.team_id,
          name: row.team_name,
          languages: row.team_languages,
          calendarId: row.calendar_id,
          callbackSlotMinutes: row.callback_slot_minutes,
          callbackSlotCapacity: row.callback_slot_capacity,
        },
        ruleId: row.queue_rule_id,
        ruleVersion: row.queue_rule_version,
        reason: row.queue_reason,
        queuedAt: row.queued_at,
        isWaiting: row.is_waiting,
        assignee:
          row.assignee_agent_id === null
            ? null
            : {
                id: row.assignee_agent_id,
                name: row.assignee_name ?? '',
                languages: row.assignee_languages ?? [],
                teamIds: row.assignee_team_ids ?? [],
              },
        assignedAt: row.assigned_at,
      },
    ]),
  );
}
