import { CustomerTier, PrincipalRole } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import { Ticket } from '../entities';
import { SlaSimulationResult } from './views/admin.view';
import { BadUserInputError, ForbiddenError } from '../domain/errors';
import { SimulateSlaPoliciesParams } from './params/admin.params';
import { slaPolicyTableProblems } from '../rules/reference-data-validation.rule';
import { AnsweredClock, simulateSlaPolicies } from '../rules/sla-simulation.rule';
import { SlaPolicy } from '../rules/sla-policy.rule';
import { RequestContext } from './request-context';
import { SlaCatalog } from './sla-catalog';
import { slaFactsOf } from './sla-clock.service';
import { SlaClockRow, slaClockFromRow } from '../loaders/sla-clock-rows';

const DEFAULT_WINDOW_DAYS = 30;
const DEFAULT_LIMIT = 1000;
const MAXIMUM_LIMIT = 10_000;

type AnsweredRow = SlaClockRow & {
  number: string;
  owner_party_now: Ticket['ownerParty'];
  status: Ticket['status'];
  channel: Ticket['channel'];
  priority: Ticket['priority'];
  category: Ticket['category'];
  language: Ticket['language'];
  seller_id: string | null;
  carrier_id: string | null;
  customer_tier: CustomerTier;
};

/**
 * `simulateSlaPolicies` (admins): answered clocks of past tickets measured again on a proposed policy set. The
 * ticket's facts are those it has now (priority and category may have changed since the clock started); the owner
 * is the one the clock measured. Reads only.
 */
export class SlaSimulationService {
  constructor(private readonly catalog: SlaCatalog) {}

  async simulateSlaPolicies(ctx: RequestContext, input: SimulateSlaPoliciesParams): Promise<SlaSimulationResult> {
    if (ctx.principal.role !== PrincipalRole.ADMIN) throw new ForbiddenError('SLA simulations are for admins');
    const limit = input.limit ?? DEFAULT_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAXIMUM_LIMIT)
      throw new BadUserInputError(`limit must be between 1 and ${MAXIMUM_LIMIT} (was ${limit})`, 'input.limit');
    const until = input.until ?? ctx.now();
    const since = input.since ?? new Date(until.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000);
    const catalog = await this.catalog.load(ctx.dataSource.manager);
    const policies: SlaPolicy[] = input.policies.map((policy) => ({
      id: policy.id,
      name: policy.name,
      version: 1,
      position: policy.position,
      when: policy.conditions,
      targetsInMinutes: policy.targetsInMinutes,
      calendarId: policy.calendarId,
      warningThreshold: policy.warningThreshold,
    }));
    const problems = slaPolicyTableProblems(policies, new Set(catalog.calendars.keys()));
    if (problems.length > 0)
      return { problems, clocksCompared: 0, breachedInsteadOfMet: 0, metInsteadOfBreached: 0, notMeasured: 0, groups: [] };
    // No index leads here by start time: an admin's occasional question, bounded by the limit.
    const rows: AnsweredRow[] = await ctx.dataSource.query(
      `SELECT c.*, t.number, t.owner_party AS owner_party_now, t.status, t.channel, t.priority, t.category, t.language, t.seller_id, t.carrier_id, cu.tier AS customer_tier
       FROM sla_clocks c JOIN tickets t ON t.id = c.ticket_id JOIN customers cu ON cu.id = t.customer_id
       WHERE c.met_at IS NOT NULL AND c.started_at >= $1 AND c.started_at < $2
       ORDER BY c.started_at, c.id LIMIT $3`,
      [since, until, limit],
    );
    const simulation = simulateSlaPolicies(rows.map(answeredClockOf), policies, catalog.calendarOf);
    return {
      problems: [],
      clocksCompared: simulation.compared,
      breachedInsteadOfMet: simulation.breachedInsteadOfMet,
      metInsteadOfBreached: simulation.metInsteadOfBreached,
      notMeasured: simulation.notMeasured,
      groups: simulation.groups.map((group) => ({
        ...group,
        examples: group.examples.map((example) => ({ ...example, ticketId: toGlobalId('Ticket', example.ticketId) })),
      })),
    };
  }
}

function answeredClockOf(row: AnsweredRow): AnsweredClock {
  const ticket = Object.assign(new Ticket(), {
    ownerParty: row.owner_party_now,
    status: row.status,
    channel: row.channel,
    priority: row.priority,
    category: row.category,
    language: row.language,
    sellerId: row.seller_id === null ? null : String(row.seller_id),
    carrierId: row.carrier_id === null ? null : String(row.carrier_id),
  });
  const clock = slaClockFromRow(row);
  return {
    ticketId: String(row.ticket_id),
    number: row.number,
    clock: { ...clock, metAt: clock.metAt! },
    subject: slaFactsOf(ticket, row.customer_tier),
  };
}
