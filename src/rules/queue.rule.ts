import { Language, TicketCategory, TicketChannel, TicketPriority } from '../domain/enums';

// Which team's queue a platform ticket lands in (issue #17): queue rules are data, an ordered table where the
// first match wins, evaluated by one pure function, like ownership routing (src/rules/routing.rule.ts). The
// decision names the rule, its version and a one-line reason a person can read.

/** What a queue rule can ask of a ticket the platform owns. */
export interface QueueFacts {
  category: TicketCategory;
  language: Language;
  channel: TicketChannel;
  priority: TicketPriority;
  /** The routing rule (or escalation kind, or `manual-transfer`) that gave the ticket to the platform. */
  routingRuleId: string;
  /** The kind of escalation that brought the ticket to the platform (e.g. `customer-claim`), or null. */
  escalationKind: string | null;
}

/** Every requirement a queue rule condition can state, with its value type. */
export interface QueueRuleConditionFields {
  categories: readonly TicketCategory[];
  languages: readonly Language[];
  channels: readonly TicketChannel[];
  priorities: readonly TicketPriority[];
  /** Ids of the routing rules (or escalation kinds) that gave the ticket to the platform. */
  routingRuleIds: readonly string[];
  /** Whether the ticket came to the platform by an escalation. */
  escalated: boolean;
  /** The kinds of escalation (`customer-claim`, `seller-silent`, `carrier-stuck`, `hand-up`, `agent-escalation`). */
  escalationKinds: readonly string[];
}

/** An AND of requirements; an absent field does not constrain, so `{}` matches every ticket (a catch-all). */
export type QueueRuleCondition = Partial<QueueRuleConditionFields>;

export interface QueueRule {
  id: string;
  version: number;
  /** Evaluation order, ascending; equal positions are ordered by id. */
  position: number;
  teamId: string;
  /** The rule matches when any of these conditions holds (OR). */
  when: readonly QueueRuleCondition[];
  /** One English line; `{category}`, `{language}`, `{routingRule}`, `{escalationKind}`, `{channel}` are filled in. */
  reason: string;
}

export interface QueueDecision {
  teamId: string;
  ruleId: string;
  ruleVersion: number;
  reason: string;
}

/** Used when no rule of the table matches (a table without a catch-all): triage takes the ticket. */
export const QUEUE_FALLBACK_TEAM_ID = 'triage';
export const NO_QUEUE_RULE_ID = 'no-queue-rule';

const listHolds = <T>(values: readonly T[] | undefined, actual: T | null): boolean =>
  values === undefined || (actual !== null && values.includes(actual));

function conditionHolds(condition: QueueRuleCondition, facts: QueueFacts): boolean {
  return (
    listHolds(condition.categories, facts.category) &&
    listHolds(condition.languages, facts.language) &&
    listHolds(condition.channels, facts.channel) &&
    listHolds(condition.priorities, facts.priority) &&
    listHolds(condition.routingRuleIds, facts.routingRuleId) &&
    listHolds(condition.escalationKinds, facts.escalationKind) &&
    (condition.escalated === undefined || condition.escalated === (facts.escalationKind !== null))
  );
}

export function queueRuleMatches(rule: QueueRule, facts: QueueFacts): boolean {
  return rule.when.some((condition) => conditionHolds(condition, facts));
}

const PLACEHOLDERS: Readonly<Record<string, (facts: QueueFacts) => string>> = {
  category: (facts) => facts.category,
  language: (facts) => facts.language,
  channel: (facts) => facts.channel,
  routingRule: (facts) => facts.routingRuleId,
  escalationKind: (facts) => facts.escalationKind ?? 'no escalation',
};

function renderReason(template: string, facts: QueueFacts): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(PLACEHOLDERS, name) ? PLACEHOLDERS[name](facts) : whole));
}

/** The queue of a platform ticket: the first rule (by position, then id) whose conditions hold. */
export function chooseQueue(rules: readonly QueueRule[], facts: QueueFacts): QueueDecision {
  const ordered = [...rules].sort(
    (left, right) => left.position - right.position || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0),
  );
  const rule = ordered.find((candidate) => queueRuleMatches(candidate, facts));
  if (rule === undefined) {
    return {
      teamId: QUEUE_FALLBACK_TEAM_ID,
      ruleId: NO_QUEUE_RULE_ID,
      ruleVersion: 0,
      reason: `No queue rule matched ${facts.category}: triage takes it`,
    };
  }
  return { teamId: rule.teamId, ruleId: rule.id, ruleVersion: rule.version, reason: renderReason(rule.reason, facts) };
}

/** URGENT 4 … LOW 1: the order takeNextTicket pulls equal due times in (the SQL function ticket_priority_rank agrees). */
export function priorityRank(priority: TicketPriority): number {
  switch (priority) {
    case TicketPriority.URGENT:
      return 4;
    case TicketPriority.HIGH:
      return 3;
    case TicketPriority.NORMAL:
      return 2;
    case TicketPriority.LOW:
      return 1;
  }
}

/** The default queue table as the first migration seeded it (migrations/1765720000000-teams-and-queues.ts). */
export const DEFAULT_QUEUE_RULES: readonly QueueRule[] = [
  {
    id: 'guarantee-claim',
    version: 1,
    position: 10,
    teamId: 'guarantee-claims',
    when: [{ escalationKinds: ['customer-claim', 'seller-silent'] }],
    reason: 'Escalated by {escalationKind}: the marketplace guarantee team decides claims against sellers',
  },
  {
    id: 'account-security',
    version: 1,
    position: 30,
    teamId: 'account-security',
    when: [{ categories: [TicketCategory.ACCOUNT_ACCESS, TicketCategory.FRAUD_PHISHING] }],
    reason: 'Category {category}: account security handles sign-in problems, takeovers and fraud',
  },
  {
    id: 'payments',
    version: 1,
    position: 40,
    teamId: 'payments',
    when: [{ categories: [TicketCategory.PAYMENT_ISSUE, TicketCategory.REFUND_NOT_RECEIVED, TicketCategory.MEMBERSHIP] }],
    reason: 'Category {category}: the payments team handles charges, refunds and memberships',
  },
  {
    id: 'triage-routing',
    version: 1,
    position: 20,
    teamId: 'triage',
    when: [{ routingRuleIds: ['no-order'] }],
    reason: 'Routed by rule {routingRule}: triage settles the category and the owner first',
  },
  {
    id: 'logistics',
    version: 1,
    position: 50,
    teamId: 'logistics',
    when: [
      {
        categories: [
          TicketCategory.ITEM_NOT_RECEIVED,
          TicketCategory.DELIVERY_DELAYED,
          TicketCategory.MISDELIVERED,
          TicketCategory.DAMAGED_IN_TRANSIT,
          TicketCategory.CHANGE_ORDER,
        ],
      },
      { escalationKinds: ['carrier-stuck'] },
    ],
    reason: 'The ticket is about delivery ({category}): logistics deals with carriers and parcels',
  },
  {
    id: 'fallback',
    version: 1,
    position: 60,
    teamId: 'triage',
    when: [{}],
    reason: 'No specific queue rule covers {category}: triage takes it',
  },
];
