// SLA policies as data (docs/sla.md "Policies and calendars") and the pure maths that turns a policy target into due and warning instants.
// Policies form an ordered table: the first policy (by position, then id) whose condition matches wins. The id and
// version of the chosen policy are recorded on every clock, so a clock can always name the rule that set it.

import { CustomerTier, Language, OwnerParty, TicketCategory, TicketChannel, TicketPriority } from '../domain/enums';
import { BusinessCalendar, DefaultCalendarId } from './business-calendar.rule';
import { addBusinessMinutes } from './business-minutes.rule';

export enum SlaMetric {
  FIRST_RESPONSE = 'FIRST_RESPONSE',
  NEXT_RESPONSE = 'NEXT_RESPONSE',
  RESOLUTION = 'RESOLUTION',
}

/** Every given field must match (AND); a list matches any of its values (OR); an empty list matches nothing. */
export interface SlaPolicyCondition {
  ownerParties?: readonly OwnerParty[];
  channels?: readonly TicketChannel[];
  priorities?: readonly TicketPriority[];
  categories?: readonly TicketCategory[];
  customerTiers?: readonly CustomerTier[];
  /** Global ids of sellers (`Seller:…`): a seller with its own hours gets its own calendar. A ticket without a seller matches none. */
  sellerIds?: readonly string[];
  /** Global ids of carriers (`Carrier:…`); a ticket without a carrier matches none. */
  carrierIds?: readonly string[];
  languages?: readonly Language[];
}

export interface SlaPolicy {
  id: string;
  name: string;
  version: number;
  /** ascending; the lowest matching position wins, ties broken by id */
  position: number;
  when: SlaPolicyCondition;
  /** business minutes on the policy's calendar; a missing metric runs no clock */
  targetsInMinutes: Partial<Record<SlaMetric, number>>;
  calendarId: string;
  /** fraction of the target (0 < threshold ≤ 1) after which the clock warns */
  warningThreshold: number;
}

/** The ticket facts a policy is matched on. */
export interface SlaSubject {
  ownerParty: OwnerParty;
  channel: TicketChannel;
  priority: TicketPriority;
  category: TicketCategory;
  customerTier: CustomerTier;
  /** Global id of the ticket's seller, or null. */
  sellerId: string | null;
  /** Global id of the ticket's current carrier, or null. */
  carrierId: string | null;
  language: Language;
}

export const DEFAULT_WARNING_THRESHOLD = 0.75;

const MINUTES_PER_HOUR = 60;
/** JP_BUSINESS_DAYS is open 09:00–18:00. */
const MINUTES_PER_JP_BUSINESS_DAY = 9 * MINUTES_PER_HOUR;

function defaultPolicy(
  id: string,
  name: string,
  position: number,
  when: SlaPolicyCondition,
  targetsInMinutes: Partial<Record<SlaMetric, number>>,
  calendarId: DefaultCalendarId,
): SlaPolicy {
  return Object.freeze({
    id,
    name,
    version: 1,
    position,
    when: Object.freeze(when),
    targetsInMinutes: Object.freeze(targetsInMinutes),
    calendarId,
    warningThreshold: DEFAULT_WARNING_THRESHOLD,
  });
}

/**
 * The default policies, in order. Each owner party ends with a policy that matches it whatever the other facts, so selection
 * never fails for a real ticket. The carrier policy measures all three metrics on JP_BUSINESS_DAYS (one calendar
 * per policy), so its 24 h responses are 24 business hours (1440 business minutes), not a calendar day.
 */
export const DEFAULT_SLA_POLICIES: readonly SlaPolicy[] = Object.freeze([
  defaultPolicy(
    'seller-marketplace',
    'Seller: marketplace response times',
    10,
    { ownerParties: [OwnerParty.SELLER] },
    { [SlaMetric.FIRST_RESPONSE]: 24 * MINUTES_PER_HOUR, [SlaMetric.NEXT_RESPONSE]: 24 * MINUTES_PER_HOUR },
    'ALWAYS',
  ),
  defaultPolicy(
    'carrier-investigation',
    'Carrier: delivery investigation',
    20,
    { ownerParties: [OwnerParty.CARRIER] },
    {
      [SlaMetric.FIRST_RESPONSE]: 24 * MINUTES_PER_HOUR,
      [SlaMetric.NEXT_RESPONSE]: 24 * MINUTES_PER_HOUR,
      [SlaMetric.RESOLUTION]: 5 * MINUTES_PER_JP_BUSINESS_DAY,
    },
    'JP_BUSINESS_DAYS',
  ),
  defaultPolicy(
    'platform-urgent',
    'Platform: urgent',
    30,
    { ownerParties: [OwnerParty.PLATFORM], priorities: [TicketPriority.URGENT] },
    { [SlaMetric.FIRST_RESPONSE]: 60, [SlaMetric.NEXT_RESPONSE]: 2 * MINUTES_PER_HOUR, [SlaMetric.RESOLUTION]: 24 * MINUTES_PER_HOUR },
    'ALWAYS',
  ),
  defaultPolicy(
    'platform-chat',
    'Platform: chat',
    40,
    { ownerParties: [OwnerParty.PLATFORM], channels: [TicketChannel.CHAT] },
    { [SlaMetric.FIRST_RESPONSE]: 10, [SlaMetric.NEXT_RESPONSE]: 30, [SlaMetric.RESOLUTION]: 24 * MINUTES_PER_HOUR },
    'ALWAYS',
  ),
  defaultPolicy(
    'platform-phone',
    'Platform: phone callback',
    50,
    { ownerParties: [OwnerParty.PLATFORM], channels: [TicketChannel.PHONE] },
    { [SlaMetric.FIRST_RESPONSE]: 60, [SlaMetric.NEXT_RESPONSE]: 4 * MINUTES_PER_HOUR, [SlaMetric.RESOLUTION]: 36 * MINUTES_PER_HOUR },
    'JP_SUPPORT_HOURS',
  ),
  defaultPolicy(
    'platform-default',
    'Platform: e-mail, app and social',
    60,
    { ownerParties: [OwnerParty.PLATFORM] },
    {
      [SlaMetric.FIRST_RESPONSE]: 24 * MINUTES_PER_HOUR,
      [SlaMetric.NEXT_RESPONSE]: 24 * MINUTES_PER_HOUR,
      [SlaMetric.RESOLUTION]: 72 * MINUTES_PER_HOUR,
    },
    'ALWAYS',
  ),
]);

/** Thrown when no policy matches: the table lacks a catch-all for the subject's owner party. */
export class NoMatchingSlaPolicyError extends Error {
  constructor(readonly subject: SlaSubject) {
    super(`No SLA policy matches ${JSON.stringify(subject)}; the policy table must end with a catch-all per owner party`);
    this.name = 'NoMatchingSlaPolicyError';
  }
}

function listMatches<T>(allowed: readonly T[] | undefined, value: T): boolean {
  return allowed === undefined || allowed.includes(value);
}

/** Like listMatches; an absent value (no seller, no carrier) matches only an absent list. */
function optionalMatches(allowed: readonly string[] | undefined, value: string | null): boolean {
  return allowed === undefined || (value !== null && allowed.includes(value));
}

export function slaPolicyMatches(condition: SlaPolicyCondition, subject: SlaSubject): boolean {
  return (
    listMatches(condition.ownerParties, subject.ownerParty) &&
    listMatches(condition.channels, subject.channel) &&
    listMatches(condition.priorities, subject.priority) &&
    listMatches(condition.categories, subject.category) &&
    listMatches(condition.customerTiers, subject.customerTier) &&
    optionalMatches(condition.sellerIds, subject.sellerId) &&
    optionalMatches(condition.carrierIds, subject.carrierId) &&
    listMatches(condition.languages, subject.language)
  );
}

function comparePolicyOrder(left: SlaPolicy, right: SlaPolicy): number {
  if (left.position !== right.position) return left.position - right.position;
  // Code-unit order, not localeCompare, so that the winner does not depend on the server's locale.
  return left.id < right.id ? -1 : left.id > right.id ? 1 : 0;
}

/** First match by position, ties by id, whatever the order of `policies`. Throws NoMatchingSlaPolicyError. */
export function selectSlaPolicy(subject: SlaSubject, policies: readonly SlaPolicy[]): SlaPolicy {
  let winner: SlaPolicy | undefined;
  for (const policy of policies) {
    if (slaPolicyMatches(policy.when, subject) && (winner === undefined || comparePolicyOrder(policy, winner) < 0)) {
      winner = policy;
    }
  }
  if (winner === undefined) throw new NoMatchingSlaPolicyError(subject);
  return winner;
}

export interface ClockTimesInput {
  /** when the clock started (it counts from the next opening if started in closed time) */
  startedAt: Date;
  /** business minutes, > 0 */
  targetMinutes: number;
  /** fraction of the target, 0 < threshold ≤ 1 */
  warningThreshold: number;
  calendar: BusinessCalendar;
  /** business minutes spent paused so far (PENDING pauses RESOLUTION and is paid back), ≥ 0 */
  pausedBusinessMinutes?: number;
}

/**
 * Due and warning instants of a clock, both measured from `startedAt` on the calendar, with the pause added to each.
 * Recompute from the original start with the cumulative pause rather than by shifting a previous due time: a due
 * time at a closing instant and the next opening are the same business-time position, and shifting by zero would
 * move it to the next opening.
 */
export function clockTimes(input: ClockTimesInput): { dueAt: Date; warnAt: Date } {
  const { startedAt, targetMinutes, warningThreshold, calendar, pausedBusinessMinutes = 0 } = input;
  if (!Number.isFinite(targetMinutes) || targetMinutes <= 0) throw new RangeError(`targetMinutes must be > 0, got ${targetMinutes}`);
  if (!Number.isFinite(warningThreshold) || warningThreshold <= 0 || warningThreshold > 1) {
    throw new RangeError(`warningThreshold must be a fraction in (0, 1], got ${warningThreshold}`);
  }
  if (!Number.isFinite(pausedBusinessMinutes) || pausedBusinessMinutes < 0) {
    throw new RangeError(`pausedBusinessMinutes must be ≥ 0, got ${pausedBusinessMinutes}`);
  }
  return {
    dueAt: addBusinessMinutes(startedAt, targetMinutes + pausedBusinessMinutes, calendar),
    warnAt: addBusinessMinutes(startedAt, targetMinutes * warningThreshold + pausedBusinessMinutes, calendar),
  };
}
