// What an admin's change of the reference data must not break (issue #16): an SLA policy or a routing rule that no
// ticket can ever match (an empty list, or every case already taken by an earlier entry), an owner party left
// without a catch-all policy, a calendar with no open minute. Pure; problems are sentences for a userError.

import { CustomerTier, Language, OwnerParty, TicketCategory, TicketChannel, TicketPriority } from '../domain/enums';
import { fromGlobalIdOfType, NodeTypeName } from '../domain/global-id';
import { BusinessCalendar, InvalidBusinessCalendarError } from './business-calendar.rule';
import { addBusinessMinutes } from './business-minutes.rule';
import { RoutingRule, RuleCondition } from './routing.rule';
import { SlaMetric, SlaPolicy, SlaPolicyCondition } from './sla-policy.rule';

const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A calendar id as the defaults spell them (JP_BUSINESS_DAYS) or kebab-case. */
const CALENDAR_ID = /^[A-Za-z0-9]+([_-][A-Za-z0-9]+)*$/;

/** Whether `value` is a global id of a record of `type` (as the API issues them). */
export function isGlobalIdOf(value: string, type: NodeTypeName): boolean {
  try {
    fromGlobalIdOfType(value, type);
    return true;
  } catch {
    return false;
  }
}

/** The allowed values of each list field of an SLA policy condition; null: global ids (sellers, carriers). */
const SLA_CONDITION_VALUES: Record<keyof SlaPolicyCondition, readonly string[] | null> = {
  ownerParties: Object.values(OwnerParty),
  channels: Object.values(TicketChannel),
  priorities: Object.values(TicketPriority),
  categories: Object.values(TicketCategory),
  customerTiers: Object.values(CustomerTier),
  sellerIds: null,
  carrierIds: null,
  languages: Object.values(Language),
};

function slaConditionProblems(condition: unknown): string[] {
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) return ['conditions must be an object'];
  return Object.entries(condition).flatMap(([field, value]) => {
    if (!Object.hasOwn(SLA_CONDITION_VALUES, field)) return [`unknown condition field "${field}"`];
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) return [`${field} must be a list of strings`];
    const allowed = SLA_CONDITION_VALUES[field as keyof SlaPolicyCondition];
    if (allowed === null) {
      const type = field === 'sellerIds' ? 'Seller' : 'Carrier';
      const malformed = (value as string[]).filter((item) => !isGlobalIdOf(item, type));
      return malformed.length === 0 ? [] : [`${field}: not ${type.toLowerCase()} ids: ${malformed.join(', ')}`];
    }
    const unknown = (value as string[]).filter((item) => !allowed.includes(item));
    return unknown.length === 0 ? [] : [`${field}: unknown value${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`];
  });
}

/** Everything wrong with one policy on its own, given the ids of the calendars that exist. */
export function slaPolicyProblems(policy: SlaPolicy, calendarIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (!KEBAB_CASE.test(policy.id)) problems.push('id must be kebab-case');
  if (policy.name.trim() === '') problems.push('name must not be empty');
  if (!Number.isInteger(policy.position)) problems.push('position must be a whole number');
  problems.push(...slaConditionProblems(policy.when));
  const targets = Object.entries(policy.targetsInMinutes);
  if (targets.length === 0) problems.push('targets must name at least one metric');
  for (const [metric, minutes] of targets) {
    if (!Object.values(SlaMetric).includes(metric as SlaMetric)) problems.push(`unknown metric "${metric}"`);
    else if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes <= 0)
      problems.push(`${metric} must be a number of business minutes > 0`);
  }
  if (!(policy.warningThreshold > 0 && policy.warningThreshold <= 1)) problems.push('warningThreshold must be a fraction in (0, 1]');
  if (!calendarIds.has(policy.calendarId)) problems.push(`no business calendar "${policy.calendarId}"`);
  return problems;
}

const byPositionThenId = (left: { position: number; id: string }, right: { position: number; id: string }) =>
  left.position !== right.position ? left.position - right.position : left.id < right.id ? -1 : left.id > right.id ? 1 : 0;

/** Every ticket `later` matches, `earlier` matches too: each list `earlier` states, `later` states within it. */
function slaConditionCovers(earlier: SlaPolicyCondition, later: SlaPolicyCondition): boolean {
  return (Object.keys(earlier) as Array<keyof SlaPolicyCondition>).every((field) => {
    const wanted: readonly string[] | undefined = earlier[field];
    const narrower: readonly string[] | undefined = later[field];
    return wanted === undefined || (narrower !== undefined && narrower.every((value) => wanted.includes(value)));
  });
}

const matchesNothing = (condition: SlaPolicyCondition) =>
  Object.values(condition).some((values) => Array.isArray(values) && values.length === 0);

/**
 * Everything wrong with a whole policy table: each policy's problems, duplicate ids, a policy no ticket can match
 * (an empty list, or shadowed: an earlier policy matches every ticket it would), and an owner party without a
 * policy that matches all of its tickets (selection would fail).
 */
export function slaPolicyTableProblems(policies: readonly SlaPolicy[], calendarIds: ReadonlySet<string>): string[] {
  const problems = policies.flatMap((policy) => slaPolicyProblems(policy, calendarIds).map((problem) => `${policy.id}: ${problem}`));
  const seen = new Set<string>();
  for (const policy of policies) {
    if (seen.has(policy.id)) problems.push(`${policy.id}: listed more than once`);
    seen.add(policy.id);
  }
  const ordered = [...policies].sort(byPositionThenId);
  ordered.forEach((policy, index) => {
    if (matchesNothing(policy.when)) problems.push(`${policy.id}: no ticket can match it (a condition lists no values)`);
    const shadow = ordered.slice(0, index).find((earlier) => slaConditionCovers(earlier.when, policy.when));
    if (shadow) problems.push(`${policy.id}: no ticket can match it: the earlier policy ${shadow.id} takes every ticket it would`);
  });
  for (const party of Object.values(OwnerParty)) {
    const catchAll = ordered.some((policy) => slaConditionCovers(policy.when, { ownerParties: [party] }));
    if (!catchAll) problems.push(`no policy matches every ${party} ticket: the table must end with a catch-all per owner party`);
  }
  return problems;
}

/** Everything wrong with a calendar: malformed data, or no open minute within 366 days after `now`. */
export function businessCalendarProblems(calendar: BusinessCalendar, now: Date): string[] {
  if (!CALENDAR_ID.test(calendar.id)) return ['id must be letters and digits separated by _ or -'];
  if (calendar.name.trim() === '') return ['name must not be empty'];
  try {
    addBusinessMinutes(now, 1, calendar);
    return [];
  } catch (error) {
    if (error instanceof InvalidBusinessCalendarError) return [error.message.replace(/^Business calendar "[^"]*": /, '')];
    throw error;
  }
}

type RoutingField = keyof RuleCondition;
const LIST_FIELDS: readonly RoutingField[] = [
  'categories',
  'fulfillments',
  'orderStatuses',
  'shipmentStatuses',
  'carrierIds',
  'returnStatuses',
];
const BOOLEAN_FIELDS: readonly RoutingField[] = ['hasOrder', 'soldByPlatform', 'hasShipment', 'returnRefunded'];

/** Every ticket `later` matches, `earlier` matches too (a sound, not complete, test: it never flags a rule that can match). */
function routingConditionCovers(earlier: RuleCondition, later: RuleCondition): boolean {
  return (Object.keys(earlier) as RoutingField[]).every((field) => {
    const wanted = earlier[field];
    const narrower = later[field];
    if (wanted === undefined) return true;
    if (narrower === undefined) return false;
    if (LIST_FIELDS.includes(field)) return (narrower as readonly string[]).every((value) => (wanted as readonly string[]).includes(value));
    if (BOOLEAN_FIELDS.includes(field)) return narrower === wanted;
    if (field === 'confidenceBelow') return (narrower as number) <= (wanted as number);
    if (field === 'returnReceivedMoreThanBusinessDaysAgo') return (narrower as number) >= (wanted as number);
    return false;
  });
}

const routingConditionMatchesNothing = (condition: RuleCondition) =>
  LIST_FIELDS.some((field) => Array.isArray(condition[field]) && (condition[field] as unknown[]).length === 0);

/** Rules of a table that can never match: every one of their conditions lists no values or is covered by an earlier rule's. */
export function shadowedRoutingRuleProblems(rules: readonly RoutingRule[]): string[] {
  const ordered = [...rules].sort(byPositionThenId);
  return ordered.flatMap((rule, index) => {
    const earlier = ordered.slice(0, index);
    const coverOf = (condition: RuleCondition) =>
      routingConditionMatchesNothing(condition)
        ? 'none'
        : earlier.find((candidate) => candidate.when.some((cover) => routingConditionCovers(cover, condition)))?.id;
    const covers = rule.when.map(coverOf);
    if (covers.some((cover) => cover === undefined)) return [];
    const names = [...new Set(covers.filter((cover) => cover !== 'none'))];
    return [
      `${rule.id}: can never match${names.length > 0 ? `: shadowed by the earlier rule${names.length > 1 ? 's' : ''} ${names.join(', ')}` : ' (a condition lists no values)'}`,
    ];
  });
}
