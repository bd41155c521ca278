import { DataSource, EntityManager } from 'typeorm';
import { Language } from '../domain/enums';
import { globalIdKeyOrNull } from '../domain/global-id';
import { QueueRule } from '../rules/queue.rule';
import { ReferenceDataCache } from './reference-data-cache';

// The platform's teams and queue rules: small reference data read on every platform ticket change, cached per
// process like the routing table (src/services/reference-data-cache.ts).

export interface TeamRecord {
  id: string;
  name: string;
  languages: Language[];
  calendarId: string;
  callbackSlotMinutes: number;
  callbackSlotCapacity: number;
  position: number;
}

export interface AgentRecord {
  id: string;
  name: string;
  languages: Language[];
  teamIds: string[];
}

interface TeamRow {
  id: string;
  name: string;
  languages: Language[];
  calendar_id: string;
  callback_slot_minutes: number;
  callback_slot_capacity: number;
  position: number;
}

export async function readTeams(manager: DataSource | EntityManager): Promise<TeamRecord[]> {
  const rows: TeamRow[] = await manager.query(
    `SELECT id, name, languages, calendar_id, callback_slot_minutes, callback_slot_capacity, position FROM teams ORDER BY position, id`,
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    languages: row.languages,
    calendarId: row.calendar_id,
    callbackSlotMinutes: row.callback_slot_minutes,
    callbackSlotCapacity: row.callback_slot_capacity,
    position: row.position,
  }));
}

export async function readQueueRules(manager: DataSource | EntityManager): Promise<QueueRule[]> {
  const rows: Array<{ id: string; version: number; position: number; team_id: string; conditions: QueueRule['when']; reason: string }> =
    await manager.query(`SELECT id, version, position, team_id, conditions, reason FROM queue_rules WHERE is_active ORDER BY position, id`);
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    position: row.position,
    teamId: row.team_id,
    when: row.conditions,
    reason: row.reason,
  }));
}

export const teams = new ReferenceDataCache<TeamRecord[]>(readTeams);
export const queueRules = new ReferenceDataCache<QueueRule[]>(readQueueRules);

/** An agent named by its global id (`Agent.id`) or by its JWT subject (`Agent.subject`): the subject. */
export function agentSubjectOf(agentId: string): string {
  return globalIdKeyOrNull(agentId, 'Agent') ?? agentId;
}

/** The agent with its teams, read in the caller's transaction; null when no agent record has this id. */
export async function readAgent(manager: DataSource | EntityManager, agentId: string): Promise<AgentRecord | null> {
  return (await readAgents(manager, [agentId]))[0] ?? null;
}

/** The agents with these ids and their teams, in one statement; ids without an agent record are left out. */
export async function readAgents(manager: DataSource | EntityManager, agentIds: readonly string[]): Promise<AgentRecord[]> {
  const rows: Array<{ id: string; name: string; languages: Language[]; team_ids: string[] }> = await manager.query(
    `SELECT a.id, a.name, a.languages, coalesce(array_agg(m.team_id ORDER BY m.team_id) FILTER (WHERE m.team_id IS NOT NULL), '{}') AS team_ids
     FROM agents a LEFT JOIN agent_teams m ON m.agent_id = a.id WHERE a.id = ANY($1::text[]) GROUP BY a.id`,
    [agentIds],
  );
  return rows.map((row) => ({ id: row.id, name: row.name, languages: row.languages, teamIds: row.team_ids }));
}
