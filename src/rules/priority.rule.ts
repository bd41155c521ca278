import { assertNever, CustomerTier, TicketCategory, TicketPriority } from '../domain/enums';
import { findPhrases } from './classification.rule';

// Priority (docs/routing.md "Intake, step by step"): URGENT for FRAUD_PHISHING and for ACCOUNT_ACCESS reporting a takeover or unauthorised
// orders; HIGH for PAYMENT_ISSUE and for every escalated ticket; LOW for OTHER; NORMAL otherwise. PRIME and
// BUSINESS customers are raised one level, but the tier alone never lifts a ticket above HIGH.

export interface PriorityInput {
  category: TicketCategory;
  tier: CustomerTier;
  /** The customer reports a takeover or orders they did not place (see reportsTakeover). */
  takeoverReported: boolean;
  /** The ticket has been escalated to the PLATFORM (seller silent, carrier stuck, customer claim, hand-up). */
  isEscalated: boolean;
}

const ASCENDING: readonly TicketPriority[] = [TicketPriority.LOW, TicketPriority.NORMAL, TicketPriority.HIGH, TicketPriority.URGENT];

function rank(priority: TicketPriority): number {
  return ASCENDING.indexOf(priority);
}

function higherOf(left: TicketPriority, right: TicketPriority): TicketPriority {
  return rank(left) >= rank(right) ? left : right;
}

/** The priority a category starts at; an account takeover reported by the customer raises ACCOUNT_ACCESS to URGENT. */
const CATEGORY_PRIORITY: Readonly<Record<TicketCategory, TicketPriority>> = {
  [TicketCategory.FRAUD_PHISHING]: TicketPriority.URGENT,
  [TicketCategory.ACCOUNT_ACCESS]: TicketPriority.NORMAL,
  [TicketCategory.PAYMENT_ISSUE]: TicketPriority.HIGH,
  [TicketCategory.OTHER]: TicketPriority.LOW,
  [TicketCategory.ITEM_NOT_RECEIVED]: TicketPriority.NORMAL,
  [TicketCategory.DELIVERY_DELAYED]: TicketPriority.NORMAL,
  [TicketCategory.MISDELIVERED]: TicketPriority.NORMAL,
  [TicketCategory.DAMAGED_IN_TRANSIT]: TicketPriority.NORMAL,
  [TicketCategory.DEFECTIVE_ITEM]: TicketPriority.NORMAL,
  [TicketCategory.NOT_AS_DESCRIBED]: TicketPriority.NORMAL,
  [TicketCategory.MISSING_PARTS]: TicketPriority.NORMAL,
  [TicketCategory.RETURN_REQUEST]: TicketPriority.NORMAL,
  [TicketCategory.REFUND_NOT_RECEIVED]: TicketPriority.NORMAL,
  [TicketCategory.CANCEL_ORDER]: TicketPriority.NORMAL,
  [TicketCategory.CHANGE_ORDER]: TicketPriority.NORMAL,
  [TicketCategory.MEMBERSHIP]: TicketPriority.NORMAL,
  [TicketCategory.DIGITAL_SERVICE]: TicketPriority.NORMAL,
};

function priorityOfCategory(category: TicketCategory, takeoverReported: boolean): TicketPriority {
  if (category === TicketCategory.ACCOUNT_ACCESS && takeoverReported) return TicketPriority.URGENT;
  return CATEGORY_PRIORITY[category];
}

/** One level up for PRIME and BUSINESS, capped at HIGH; a priority already at or above HIGH is left as it is. */
function raisedForTier(priority: TicketPriority, tier: CustomerTier): TicketPriority {
  switch (tier) {
    case CustomerTier.STANDARD:
      return priority;
    case CustomerTier.PRIME:
    case CustomerTier.BUSINESS: {
      if (rank(priority) >= rank(TicketPriority.HIGH)) return priority;
      return ASCENDING[rank(priority) + 1] ?? priority;
    }
    default:
      return assertNever(tier);
  }
}

export function priorityFor(input: PriorityInput): TicketPriority {
  const byCategory = priorityOfCategory(input.category, input.takeoverReported);
  const byEscalation = input.isEscalated ? higherOf(byCategory, TicketPriority.HIGH) : byCategory;
  return raisedForTier(byEscalation, input.tier);
}

/** Phrases by which customers report a takeover or orders they did not place; matched as the classifier matches. */
export const TAKEOVER_PHRASES: readonly string[] = [
  '乗っ取',
  '不正ログイン',
  '不正アクセス',
  '身に覚えのない注文',
  '身に覚えのない購入',
  '覚えのない注文',
  '注文した覚えのない',
  '勝手に注文',
  '勝手にログイン',
  '知らない注文',
  'unauthorised order',
  'unauthorized order',
  'unauthorised purchase',
  'unauthorized purchase',
  'unauthorised login',
  'unauthorized login',
  'unauthorised access',
  'unauthorized access',
  'hacked',
  'account was compromised',
  'account has been compromised',
  'account compromised',
  'account takeover',
  'taken over',
  'someone else logged in',
  'someone logged in',
  'someone logged into my account',
  'someone else is using my account',
  'orders i did not place',
  "orders i didn't place",
  'orders i did not make',
  "orders i didn't make",
  'orders that i never placed',
  'purchases i did not make',
  "purchases i didn't make",
];

export function reportsTakeover(subject: string, body: string): boolean {
  return findPhrases(`${subject}\n${body}`, TAKEOVER_PHRASES).length > 0;
}

/**
 * An escalation never lowers a priority; it raises anything below HIGH to HIGH. The SLA clocks follow the
 * raise like any priority change (the POLICY_FACTS_CHANGED signal, src/rules/sla-retarget.rule.ts).
 */
export function escalatedPriority(priority: TicketPriority): TicketPriority {
  return priority === TicketPriority.URGENT ? TicketPriority.URGENT : TicketPriority.HIGH;
}
