import { DeliveryMethod, FulfillmentChannel, OrderStatus, OwnerParty, ReturnStatus, ShipmentStatus, TicketCategory } from '../domain/enums';
import { businessDaysSinceReturnReceived, conditionHolds, conditionProblems, describeCondition, percent } from './routing-conditions.rule';

// Ownership routing (docs/routing.md "The routing table"): rules are data, a versioned and ordered table where the first match wins,
// evaluated by one pure function. Conditions are plain JSON (no functions, no dates) so the table can live in a
// jsonb column and be edited by an admin; `routingTableProblems` checks such a table before it is used. How each
// condition field is checked, described and validated: routing-conditions.rule.ts.

export interface ShipmentFacts {
  /** Global id of the carrier (`Carrier:…`); absent when not known (explainRouting's hypothetical orders). */
  carrierId?: string | null;
  status: ShipmentStatus;
  deliveryMethod: DeliveryMethod | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
}

export interface ReturnFacts {
  status: ReturnStatus;
  requestedAt: Date | null;
  receivedAt: Date | null;
  refundedAt: Date | null;
}

export interface OrderFacts {
  /** The platform's own retail arm sold it (Order.soldBy is null). */
  soldByPlatform: boolean;
  fulfillment: FulfillmentChannel;
  status: OrderStatus;
  /** The latest promised delivery date. */
  promisedDeliveryAt: Date | null;
  /** The order's current shipment (the latest one when there are several). */
  shipment: ShipmentFacts | null;
  /** The order's current return (the latest one when there are several). */
  return: ReturnFacts | null;
}

export interface RoutingFacts {
  category: TicketCategory;
  /** 0..1; 1 when the customer picked the category. */
  confidence: number;
  /**
   * The category does not settle the owner: the classifier's probability is under its threshold (a guess), or the
   * text was classified as OTHER. Never when the customer or an agent picked the category.
   */
  isGuess: boolean;
  order: OrderFacts | null;
}

/** Every requirement a rule condition can state, with its value type. */
export interface RuleConditionFields {
  categories: readonly TicketCategory[];
  hasOrder: boolean;
  /** Classification confidence strictly below this value (0..1). */
  confidenceBelow: number;
  /** Whether the category is a guess: the model's probability is under the threshold chosen on its dev split. */
  classificationIsGuess: boolean;
  fulfillments: readonly FulfillmentChannel[];
  soldByPlatform: boolean;
  orderStatuses: readonly OrderStatus[];
  hasShipment: boolean;
  shipmentStatuses: readonly ShipmentStatus[];
  /** Global ids of carriers: the order's shipment is with one of them (a carrier-specific rule). */
  carrierIds: readonly string[];
  returnStatuses: readonly ReturnStatus[];
  /** Whether the return has been refunded (refundedAt set or status REFUNDED). */
  returnRefunded: boolean;
  /** The return's receivedAt lies more than this many JP business days (whole days, Tokyo dates) before now. */
  returnReceivedMoreThanBusinessDaysAgo: number;
}

/**
 * One AND-ed set of requirements; an absent field does not constrain, so `{}` matches every ticket (a catch-all).
 * A field about the order, its shipment or its return is false when that record does not exist, except
 * `hasOrder: false` and `hasShipment: false`, which ask for exactly that absence (`hasShipment` still needs an order).
 */
export type RuleCondition = Partial<RuleConditionFields>;

export interface RoutingRule {
  id: string;
  version: number;
  /** Evaluation order, ascending; equal positions are ordered by id. */
  position: number;
  owner: OwnerParty;
  /** The rule matches when any of these conditions holds (OR); each condition is an AND of its fields. */
  when: readonly RuleCondition[];
  /** One English line a person can read; `{placeholder}`s (see REASON_PLACEHOLDERS) are filled from the facts. */
  reason: string;
}

export interface RoutingDecision {
  owner: OwnerParty;
  ruleId: string;
  ruleVersion: number;
  reason: string;
}

const PLATFORM_SERVICE_CATEGORIES: readonly TicketCategory[] = [
  TicketCategory.PAYMENT_ISSUE,
  TicketCategory.ACCOUNT_ACCESS,
  TicketCategory.FRAUD_PHISHING,
  TicketCategory.MEMBERSHIP,
  TicketCategory.DIGITAL_SERVICE,
];

const DELIVERY_PROBLEM_CATEGORIES: readonly TicketCategory[] = [TicketCategory.ITEM_NOT_RECEIVED, TicketCategory.DELIVERY_DELAYED];

/** Returns received this many JP business days ago or fewer are still within the seller's time to refund. */
const REFUND_GRACE_BUSINESS_DAYS = 2;

/** The default routing table, version 1, in its order; positions leave gaps of 10 for later insertions. */
export const DEFAULT_ROUTING_RULES: readonly RoutingRule[] = [
  {
    id: 'platform-services',
    version: 2,
    position: 10,
    owner: OwnerParty.PLATFORM,
    // A guessed category must not reach the platform desk with that category's priority: triage first.
    when: [{ categories: PLATFORM_SERVICE_CATEGORIES, classificationIsGuess: false }],
    reason:
      'Category {category} is a platform service: the platform itself handles payments, accounts, fraud, ' +
      'memberships and digital services',
  },
  {
    id: 'no-order',
    version: 2,
    position: 20,
    owner: OwnerParty.PLATFORM,
    when: [{ classificationIsGuess: true }, { hasOrder: false }],
    reason: 'Sent to the platform triage queue because {matchedCondition}',
  },
  {
    id: 'platform-fulfilled',
    version: 1,
    position: 30,
    owner: OwnerParty.PLATFORM,
    when: [{ fulfillments: [FulfillmentChannel.PLATFORM] }, { soldByPlatform: true }],
    reason: 'The order is {orderParties}: the platform answers for what it ships or sells itself',
  },
  {
    id: 'lost-parcel',
    version: 1,
    position: 40,
    owner: OwnerParty.PLATFORM,
    when: [{ categories: DELIVERY_PROBLEM_CATEGORIES, shipmentStatuses: [ShipmentStatus.LOST] }],
    reason:
      'Shipment is {shipmentStatus} and the customer reports {categoryDescription}: the platform compensates ' +
      'the customer and pursues the carrier',
  },
  {
    id: 'damaged',
    version: 1,
    position: 50,
    owner: OwnerParty.PLATFORM,
    when: [{ categories: [TicketCategory.DAMAGED_IN_TRANSIT] }],
    reason: 'The item arrived damaged in transit: the platform compensates the customer and claims against the carrier',
  },
  {
    id: 'delivered-not-received',
    version: 1,
    position: 60,
    owner: OwnerParty.CARRIER,
    when: [{ categories: [TicketCategory.ITEM_NOT_RECEIVED], shipmentStatuses: [ShipmentStatus.DELIVERED] }],
    reason: 'Shipment is {shipmentStatus} but the customer reports not receiving it: the carrier investigates',
  },
  {
    id: 'not-handed-over',
    version: 1,
    position: 70,
    owner: OwnerParty.SELLER,
    when: [
      { categories: DELIVERY_PROBLEM_CATEGORIES, hasShipment: false },
      { categories: DELIVERY_PROBLEM_CATEGORIES, shipmentStatuses: [ShipmentStatus.LABEL_CREATED] },
    ],
    reason:
      'The customer reports {categoryDescription} and the seller has not handed the parcel to a carrier ' +
      '({shipment}): the seller must ship it',
  },
  {
    id: 'in-transit',
    version: 1,
    position: 80,
    owner: OwnerParty.CARRIER,
    when: [
      {
        categories: DELIVERY_PROBLEM_CATEGORIES,
        shipmentStatuses: [ShipmentStatus.IN_TRANSIT, ShipmentStatus.OUT_FOR_DELIVERY, ShipmentStatus.DELIVERY_FAILED],
      },
    ],
    reason: 'Shipment is {shipmentStatus} and the customer reports {categoryDescription}: the carrier holds the parcel',
  },
  {
    id: 'misdelivered',
    version: 1,
    position: 90,
    owner: OwnerParty.CARRIER,
    when: [{ categories: [TicketCategory.MISDELIVERED] }],
    reason: 'The parcel was delivered to the wrong place: the carrier retrieves it and delivers it correctly',
  },
  {
    id: 'refund-overdue',
    version: 1,
    position: 100,
    owner: OwnerParty.PLATFORM,
    when: [
      {
        categories: [TicketCategory.REFUND_NOT_RECEIVED],
        returnStatuses: [ReturnStatus.RECEIVED],
        returnRefunded: false,
        returnReceivedMoreThanBusinessDaysAgo: REFUND_GRACE_BUSINESS_DAYS,
      },
    ],
    reason:
      'The return was received {returnReceivedBusinessDaysAgo} business days ago and is still not refunded: ' +
      'the platform enforces the refund',
  },
  {
    id: 'change-after-shipping',
    version: 1,
    position: 110,
    owner: OwnerParty.CARRIER,
    when: [{ categories: [TicketCategory.CHANGE_ORDER], orderStatuses: [OrderStatus.SHIPPED] }],
    reason: 'The order is already {orderStatus}: only the carrier can change the address or the delivery date now',
  },
  {
    id: 'seller-fulfilled',
    version: 1,
    position: 120,
    owner: OwnerParty.SELLER,
    when: [{ fulfillments: [FulfillmentChannel.SELLER], soldByPlatform: false }],
    reason: 'The seller fulfils this order, so the seller handles {categoryDescription}',
  },
  {
    id: 'fallback',
    version: 1,
    position: 130,
    owner: OwnerParty.PLATFORM,
    when: [{}],
    reason: 'No specific rule covers {categoryDescription}: the platform handles it',
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Reasons

/** How a reason names each category. */
const CATEGORY_DESCRIPTIONS: Readonly<Record<TicketCategory, string>> = {
  [TicketCategory.ITEM_NOT_RECEIVED]: 'an item not received',
  [TicketCategory.DELIVERY_DELAYED]: 'a delayed delivery',
  [TicketCategory.MISDELIVERED]: 'a misdelivery',
  [TicketCategory.DAMAGED_IN_TRANSIT]: 'damage in transit',
  [TicketCategory.DEFECTIVE_ITEM]: 'a defective item',
  [TicketCategory.NOT_AS_DESCRIBED]: 'an item not as described',
  [TicketCategory.MISSING_PARTS]: 'missing parts',
  [TicketCategory.RETURN_REQUEST]: 'a return request',
  [TicketCategory.REFUND_NOT_RECEIVED]: 'a refund not received',
  [TicketCategory.CANCEL_ORDER]: 'a cancellation',
  [TicketCategory.CHANGE_ORDER]: 'an order change',
  [TicketCategory.PAYMENT_ISSUE]: 'a payment issue',
  [TicketCategory.ACCOUNT_ACCESS]: 'an account access problem',
  [TicketCategory.FRAUD_PHISHING]: 'suspected fraud or phishing',
  [TicketCategory.MEMBERSHIP]: 'a membership question',
  [TicketCategory.DIGITAL_SERVICE]: 'a digital service problem',
  [TicketCategory.OTHER]: 'a general enquiry',
};

function describeCategory(category: TicketCategory): string {
  return CATEGORY_DESCRIPTIONS[category];
}

function describeOrderParties(order: OrderFacts | null): string {
  if (order === null) return 'not attached';
  const fulfilledBy = order.fulfillment === FulfillmentChannel.PLATFORM ? 'the platform' : 'the seller';
  const soldBy = order.soldByPlatform ? 'the platform itself' : 'a marketplace seller';
  return `fulfilled by ${fulfilledBy} and sold by ${soldBy}`;
}

interface ReasonContext {
  facts: RoutingFacts;
  now: Date;
  matchedCondition: RuleCondition;
}

/** The `{name}`s a rule's reason may use. */
export const REASON_PLACEHOLDERS: Readonly<Record<string, (context: ReasonContext) => string>> = {
  category: ({ facts }) => facts.category,
  categoryDescription: ({ facts }) => describeCategory(facts.category),
  confidencePercent: ({ facts }) => percent(facts.confidence),
  orderParties: ({ facts }) => describeOrderParties(facts.order),
  orderStatus: ({ facts }) => facts.order?.status ?? 'no order',
  shipmentStatus: ({ facts }) => facts.order?.shipment?.status ?? 'no shipment',
  shipment: ({ facts }) => {
    const shipment = facts.order?.shipment ?? null;
    return shipment === null ? 'no shipment yet' : `shipment ${shipment.status}`;
  },
  returnReceivedBusinessDaysAgo: ({ facts, now }) => String(businessDaysSinceReturnReceived(facts, now) ?? 'unknown'),
  matchedCondition: ({ facts, now, matchedCondition }) => describeCondition(matchedCondition, facts, now),
};

const PLACEHOLDER = /\{(\w+)\}/g;

function renderReason(template: string, context: ReasonContext): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const render = Object.hasOwn(REASON_PLACEHOLDERS, name) ? REASON_PLACEHOLDERS[name] : undefined;
    return render === undefined ? whole : render(context);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation

function byPositionThenId(left: RoutingRule, right: RoutingRule): number {
  if (left.position !== right.position) return left.position - right.position;
  if (left.id === right.id) return 0;
  return left.id < right.id ? -1 : 1;
}

function firstMatchingCondition(rule: RoutingRule, facts: RoutingFacts, now: Date): RuleCondition | undefined {
  return rule.when.find((condition) => conditionHolds(condition, facts, now));
}

export function ruleMatches(rule: RoutingRule, facts: RoutingFacts, now: Date): boolean {
  return firstMatchingCondition(rule, facts, now) !== undefined;
}

/**
 * The owner by the first matching rule in (position, id) order. The caller passes one version of each rule id.
 * Throws when nothing matches: a valid table ends with a catch-all (`when: [{}]`).
 */
export function route(facts: RoutingFacts, rules: readonly RoutingRule[], now: Date): RoutingDecision {
  for (const rule of [...rules].sort(byPositionThenId)) {
    const matchedCondition = firstMatchingCondition(rule, facts, now);
    if (matchedCondition !== undefined) {
      return {
        owner: rule.owner,
        ruleId: rule.id,
        ruleVersion: rule.version,
        reason: renderReason(rule.reason, { facts, now, matchedCondition }),
      };
    }
  }
  throw new Error(
    `No routing rule matched category ${facts.category} (order ${facts.order === null ? 'absent' : 'attached'}); ` +
      'the routing table must end with a catch-all rule',
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Validation of a table read from storage or submitted by an admin

/** Everything wrong with one rule, as sentences; empty when the rule is valid. */
export function routingRuleProblems(rule: RoutingRule): string[] {
  const problems: string[] = [];
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(rule.id)) problems.push('id must be kebab-case');
  if (!Number.isInteger(rule.version) || rule.version < 1) problems.push('version must be a whole number ≥ 1');
  if (!Number.isFinite(rule.position)) problems.push('position must be a number');
  if (!Object.values(OwnerParty).includes(rule.owner)) problems.push(`unknown owner "${String(rule.owner)}"`);
  if (!Array.isArray(rule.when) || rule.when.length === 0) {
    problems.push('when must list at least one condition');
  } else {
    problems.push(...rule.when.flatMap(conditionProblems));
  }
  if (rule.reason.trim() === '') problems.push('reason must not be empty');
  for (const [, name] of rule.reason.matchAll(PLACEHOLDER)) {
    if (!Object.hasOwn(REASON_PLACEHOLDERS, name)) problems.push(`unknown reason placeholder {${name}}`);
  }
  return problems;
}

function isCatchAll(rule: RoutingRule): boolean {
  return rule.when.some((condition) => Object.keys(condition).length === 0);
}

/** Everything wrong with a table: each rule's problems, duplicate ids, and a missing final catch-all. */
export function routingTableProblems(rules: readonly RoutingRule[]): string[] {
  const problems = rules.flatMap((rule) => routingRuleProblems(rule).map((problem) => `${rule.id}: ${problem}`));
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) problems.push(`${rule.id}: listed more than once`);
    seen.add(rule.id);
  }
  const last = [...rules].sort(byPositionThenId).at(-1);
  if (last === undefined || !isCatchAll(last)) problems.push('the last rule must be a catch-all (when: [{}])');
  return problems;
}
