// Condition fields of the routing table (routing.rule.ts): how each is checked, described in a reason, and
// validated when a table is loaded.

import { FulfillmentChannel, OrderStatus, ReturnStatus, ShipmentStatus, TicketCategory } from '../domain/enums';
import { fromGlobalIdOfType } from '../domain/global-id';
import { businessDaysBetween } from './business-days.rule';
import type { ReturnFacts, RoutingFacts, RuleCondition, RuleConditionFields } from './routing.rule';

interface ConditionField<Value> {
  holds(value: Value, facts: RoutingFacts, now: Date): boolean;
  /** A clause completing "…because <clause>", stating the fact that made the field hold. */
  describe(value: Value, facts: RoutingFacts, now: Date): string;
  /** A problem with a value read from JSON, or null when the value is valid. */
  problem(value: unknown): string | null;
}

/** Written over RuleConditionFields so that indexing with a generic field keeps value and descriptor correlated. */
type ConditionFields = { [Field in keyof RuleConditionFields]: ConditionField<RuleConditionFields[Field]> };

/** A fraction as a whole percentage, e.g. 0.55 → "55 %". */
export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}

export function businessDaysSinceReturnReceived(facts: RoutingFacts, now: Date): number | null {
  const receivedAt = facts.order?.return?.receivedAt ?? null;
  return receivedAt === null ? null : businessDaysBetween(receivedAt, now);
}

function isReturnRefunded(returnFacts: ReturnFacts): boolean {
  return returnFacts.refundedAt !== null || returnFacts.status === ReturnStatus.REFUNDED;
}

function enumListProblem(value: unknown, allowed: readonly string[], name: string): string | null {
  if (!Array.isArray(value) || value.length === 0) return `${name} must be a non-empty list`;
  const unknownValues = value.filter((item) => typeof item !== 'string' || !allowed.includes(item));
  return unknownValues.length === 0 ? null : `${name} has unknown values ${JSON.stringify(unknownValues)}`;
}

function isCarrierId(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    fromGlobalIdOfType(value, 'Carrier');
    return true;
  } catch {
    return false;
  }
}

function booleanProblem(value: unknown, name: string): string | null {
  return typeof value === 'boolean' ? null : `${name} must be true or false`;
}

const CONDITION_FIELDS: ConditionFields = {
  categories: {
    holds: (categories, facts) => categories.includes(facts.category),
    describe: (_categories, facts) => `the category is ${facts.category}`,
    problem: (value) => enumListProblem(value, Object.values(TicketCategory), 'categories'),
  },
  hasOrder: {
    holds: (wanted, facts) => (facts.order !== null) === wanted,
    describe: (wanted) => (wanted ? 'an order is attached' : 'no order is attached'),
    problem: (value) => booleanProblem(value, 'hasOrder'),
  },
  confidenceBelow: {
    holds: (threshold, facts) => facts.confidence < threshold,
    describe: (threshold, facts) =>
      `the text could not be classified with confidence (${facts.category} at ${percent(facts.confidence)}, ` +
      `below ${percent(threshold)})`,
    problem: (value) => (typeof value === 'number' && value >= 0 && value <= 1 ? null : 'confidenceBelow must be a number from 0 to 1'),
  },
  classificationIsGuess: {
    holds: (wanted, facts) => facts.isGuess === wanted,
    describe: (wanted, facts) => {
      if (!wanted) return `the category ${facts.category} was picked or classified with confidence`;
      if (facts.category === TicketCategory.OTHER)
        return `the text names no issue a category covers (OTHER at ${percent(facts.confidence)})`;
      return `the text could not be classified with confidence (${facts.category} is a guess at ${percent(facts.confidence)})`;
    },
    problem: (value) => booleanProblem(value, 'classificationIsGuess'),
  },
  fulfillments: {
    holds: (channels, facts) => facts.order !== null && channels.includes(facts.order.fulfillment),
    describe: (_channels, facts) => `the order is fulfilled by the ${facts.order?.fulfillment}`,
    problem: (value) => enumListProblem(value, Object.values(FulfillmentChannel), 'fulfillments'),
  },
  soldByPlatform: {
    holds: (wanted, facts) => facts.order !== null && facts.order.soldByPlatform === wanted,
    describe: (wanted) => (wanted ? 'the platform sold the order itself' : 'a marketplace seller sold the order'),
    problem: (value) => booleanProblem(value, 'soldByPlatform'),
  },
  orderStatuses: {
    holds: (statuses, facts) => facts.order !== null && statuses.includes(facts.order.status),
    describe: (_statuses, facts) => `the order is ${facts.order?.status}`,
    problem: (value) => enumListProblem(value, Object.values(OrderStatus), 'orderStatuses'),
  },
  hasShipment: {
    holds: (wanted, facts) => facts.order !== null && (facts.order.shipment !== null) === wanted,
    describe: (wanted) => (wanted ? 'the order has a shipment' : 'the order has no shipment yet'),
    problem: (value) => booleanProblem(value, 'hasShipment'),
  },
  shipmentStatuses: {
    holds: (statuses, facts) => {
      const shipment = facts.order?.shipment ?? null;
      return shipment !== null && statuses.includes(shipment.status);
    },
    describe: (_statuses, facts) => `the shipment is ${facts.order?.shipment?.status}`,
    problem: (value) => enumListProblem(value, Object.values(ShipmentStatus), 'shipmentStatuses'),
  },
  carrierIds: {
    holds: (carrierIds, facts) => {
      const carrierId = facts.order?.shipment?.carrierId ?? null;
      return carrierId !== null && carrierIds.includes(carrierId);
    },
    describe: (_carrierIds, facts) => `the shipment is with the carrier ${facts.order?.shipment?.carrierId}`,
    problem: (value) =>
      Array.isArray(value) && value.length > 0 && value.every(isCarrierId)
        ? null
        : 'carrierIds must be a non-empty list of carrier ids (as `carriers` lists them)',
  },
  returnStatuses: {
    holds: (statuses, facts) => {
      const returnFacts = facts.order?.return ?? null;
      return returnFacts !== null && statuses.includes(returnFacts.status);
    },
    describe: (_statuses, facts) => `the return is ${facts.order?.return?.status}`,
    problem: (value) => enumListProblem(value, Object.values(ReturnStatus), 'returnStatuses'),
  },
  returnRefunded: {
    holds: (wanted, facts) => {
      const returnFacts = facts.order?.return ?? null;
      return returnFacts !== null && isReturnRefunded(returnFacts) === wanted;
    },
    describe: (wanted) => (wanted ? 'the return has been refunded' : 'the return has not been refunded'),
    problem: (value) => booleanProblem(value, 'returnRefunded'),
  },
  returnReceivedMoreThanBusinessDaysAgo: {
    holds: (businessDays, facts, now) => {
      const elapsed = businessDaysSinceReturnReceived(facts, now);
      return elapsed !== null && elapsed > businessDays;
    },
    describe: (businessDays, facts, now) =>
      `the return was received ${businessDaysSinceReturnReceived(facts, now)} business days ago ` + `(more than ${businessDays})`,
    problem: (value) =>
      typeof value === 'number' && Number.isInteger(value) && value >= 0
        ? null
        : 'returnReceivedMoreThanBusinessDaysAgo must be a whole number ≥ 0',
  },
};

const CONDITION_FIELD_NAMES = Object.keys(CONDITION_FIELDS) as Array<keyof RuleConditionFields>;

/** Whether one field of a condition holds; true when the condition leaves the field out. */
function fieldHolds<Field extends keyof RuleConditionFields>(
  condition: RuleCondition,
  field: Field,
  facts: RoutingFacts,
  now: Date,
): boolean {
  const value = condition[field];
  if (value === undefined) return true;
  const descriptor: ConditionField<RuleConditionFields[Field]> = CONDITION_FIELDS[field];
  return descriptor.holds(value, facts, now);
}

/** The clause describing one field of a condition; null when the condition leaves the field out. */
function fieldClause<Field extends keyof RuleConditionFields>(
  condition: RuleCondition,
  field: Field,
  facts: RoutingFacts,
  now: Date,
): string | null {
  const value = condition[field];
  if (value === undefined) return null;
  const descriptor: ConditionField<RuleConditionFields[Field]> = CONDITION_FIELDS[field];
  return descriptor.describe(value, facts, now);
}

export function conditionHolds(condition: RuleCondition, facts: RoutingFacts, now: Date): boolean {
  return CONDITION_FIELD_NAMES.every((field) => fieldHolds(condition, field, facts, now));
}

export function describeCondition(condition: RuleCondition, facts: RoutingFacts, now: Date): string {
  const clauses = CONDITION_FIELD_NAMES.flatMap((field) => fieldClause(condition, field, facts, now) ?? []);
  return clauses.length === 0 ? 'no other rule applies' : clauses.join(' and ');
}

/** Everything wrong with one condition read from JSON, as sentences. */
export function conditionProblems(condition: unknown): string[] {
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) {
    return ['a condition must be an object'];
  }
  return Object.entries(condition).flatMap(([field, value]) => {
    if (!Object.hasOwn(CONDITION_FIELDS, field)) return [`unknown condition field "${field}"`];
    const problem = CONDITION_FIELDS[field as keyof RuleConditionFields].problem(value);
    return problem === null ? [] : [problem];
  });
}
