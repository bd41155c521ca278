import { isPlatformStaff } from '../auth/principal';
import { Language, PrincipalRole } from '../domain/enums';
import { ForbiddenError } from '../domain/errors';
import { QueueRule } from '../rules/queue.rule';
import { AgentRecord, queueRules, readAgent, readAgents, readTeams, TeamRecord } from './platform-teams';
import { RequestContext } from './request-context';
import { MutationResult, refused, succeeded, userError, UserErrorCode } from '../domain/user-error';

export interface SaveAgentInput {
  /** The subject (sub) of the agent's JWT. */
  agentId: string;
  name: string;
  languages: Language[];
  teamIds: string[];
}

const MAXIMUM_NAME_CHARACTERS = 200;
/** What a JWT subject is (src/auth/jwt.ts). */
const AGENT_ID = /^[1-9][0-9]{0,18}$/;

function requireStaff(ctx: RequestContext): void {
  if (!isPlatformStaff(ctx.principal)) throw new ForbiddenError("Teams, queues and agents are the platform's own: agents and admins only");
}

/** Teams, queue rules and agents: the platform's internal organisation, read by platform staff only. */
export class PlatformTeamsService {
  async listTeams(ctx: RequestContext): Promise<TeamRecord[]> {
    requireStaff(ctx);
    return readTeams(ctx.dataSource);
  }

  async listQueueRules(ctx: RequestContext): Promise<QueueRule[]> {
    requireStaff(ctx);
    return queueRules.load(ctx.dataSource.manager);
  }

  /** `node(id)`, `nodes(ids)`: the teams with these keys, for platform staff; for anyone else none exist. */
  async teamsByKeys(ctx: RequestContext, keys: readonly string[]): Promise<Map<string, TeamRecord>> {
    if (!isPlatformStaff(ctx.principal)) return new Map();
    const wanted = new Set(keys);
    return new Map((await readTeams(ctx.dataSource)).filter((team) => wanted.has(team.id)).map((team) => [team.id, team]));
  }

  /** `node(id)`, `nodes(ids)`: the agents with these JWT subjects, for platform staff (who see them as assignees); for anyone else none exist. */
  async agentsByKeys(ctx: RequestContext, keys: readonly string[]): Promise<Map<string, AgentRecord>> {
    if (!isPlatformStaff(ctx.principal)) return new Map();
    return new Map((await readAgents(ctx.dataSource, keys)).map((agent) => [agent.id, agent]));
  }

  /** The calling agent's record (its teams and languages); null for other principals or an agent not registered. */
  async currentAgent(ctx: RequestContext): Promise<AgentRecord | null> {
    if (ctx.principal.role !== PrincipalRole.AGENT) return null;
    return readAgent(ctx.dataSource, ctx.principal.agentId);
  }

  /** Registers an agent or replaces its name, languages and teams (admins). */
  async saveAgent(ctx: RequestContext, input: SaveAgentInput): Promise<MutationResult<AgentRecord>> {
    if (ctx.principal.role !== PrincipalRole.ADMIN)
      return refused(userError(UserErrorCode.NOT_PERMITTED, 'Only admins register agents', 'input.agentId'));
    const agentId = input.agentId.trim();
    const name = input.name.trim();
    if (!AGENT_ID.test(agentId))
      return refused(userError(UserErrorCode.INVALID_INPUT, "agentId is the decimal subject of the agent's JWT", 'input.agentId'));
    if (name.length === 0 || [...name].length > MAXIMUM_NAME_CHARACTERS)
      return refused(userError(UserErrorCode.INVALID_INPUT, `name must be 1–${MAXIMUM_NAME_CHARACTERS} characters`, 'input.name'));
    if (input.languages.length === 0)
      return refused(userError(UserErrorCode.INVALID_INPUT, 'An agent speaks at least one language', 'input.languages'));
    const known = new Set((await readTeams(ctx.dataSource)).map((team) => team.id));
    const unknown = input.teamIds.filter((teamId) => !known.has(teamId));
    if (unknown.length > 0) return refused(userError(UserErrorCode.NOT_FOUND, `No such team: ${unknown.join(', ')}`, 'input.teamIds'));
    const languages = [...new Set(input.languages)];
    const teamIds = [...new Set(input.teamIds)];
    await ctx.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO agents (id, name, languages, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, languages = EXCLUDED.languages, updated_at = EXCLUDED.updated_at`,
        [agentId, name, languages, ctx.now()],
      );
      await manager.query(`DELETE FROM agent_teams WHERE agent_id = $1 AND NOT (team_id = ANY($2::text[]))`, [agentId, teamIds]);
      await manager.query(`INSERT INTO agent_teams (agent_id, team_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`, [
        agentId,
        teamIds,
      ]);
    });
    return succeeded({ id: agentId, name, languages, teamIds: teamIds.sort() });
  }
}
