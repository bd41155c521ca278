import { Language, TicketCategory, TicketChannel, TicketPriority } from '../../src/domain/enums';
import { chooseQueue, DEFAULT_QUEUE_RULES, NO_QUEUE_RULE_ID, priorityRank, QueueFacts, QueueRule } from '../../src/rules/queue.rule';

function facts(overrides: Partial<QueueFacts> = {}): QueueFacts {
  return {
    category: TicketCategory.OTHER,
    language: Language.ja,
    channel: TicketChannel.EMAIL,
    priority: TicketPriority.NORMAL,
    routingRuleId: 'fallback',
    escalationKind: null,
    ...overrides,
  };
}

describe('chooseQueue over the default queue table', () => {
  const cases: Array<[string, Partial<QueueFacts>, string, string]> = [
    [
      'a low-confidence contact routed to triage',
      { category: TicketCategory.PAYMENT_ISSUE, routingRuleId: 'no-order' },
      'triage',
      'triage-routing',
    ],
    [
      'a ticket without an order routed to triage',
      { category: TicketCategory.DEFECTIVE_ITEM, routingRuleId: 'no-order' },
      'triage',
      'triage-routing',
    ],
    ['a payment issue', { category: TicketCategory.PAYMENT_ISSUE, routingRuleId: 'platform-services' }, 'payments', 'payments'],
    ['a refund not received', { category: TicketCategory.REFUND_NOT_RECEIVED, routingRuleId: 'refund-overdue' }, 'payments', 'payments'],
    ['a membership question', { category: TicketCategory.MEMBERSHIP, routingRuleId: 'platform-services' }, 'payments', 'payments'],
    [
      'an account takeover',
      { category: TicketCategory.ACCOUNT_ACCESS, routingRuleId: 'platform-services', priority: TicketPriority.URGENT },
      'account-security',
      'account-security',
    ],
    ['phishing', { category: TicketCategory.FRAUD_PHISHING, routingRuleId: 'platform-services' }, 'account-security', 'account-security'],
    ['a lost parcel', { category: TicketCategory.ITEM_NOT_RECEIVED, routingRuleId: 'lost-parcel' }, 'logistics', 'logistics'],
    ['damage in transit', { category: TicketCategory.DAMAGED_IN_TRANSIT, routingRuleId: 'damaged' }, 'logistics', 'logistics'],
    [
      'a stuck carrier escalated',
      { category: TicketCategory.DEFECTIVE_ITEM, routingRuleId: 'carrier-stuck', escalationKind: 'carrier-stuck' },
      'logistics',
      'logistics',
    ],
    [
      'a customer claim',
      { category: TicketCategory.ITEM_NOT_RECEIVED, routingRuleId: 'customer-claim', escalationKind: 'customer-claim' },
      'guarantee-claims',
      'guarantee-claim',
    ],
    [
      'a silent seller',
      { category: TicketCategory.DEFECTIVE_ITEM, routingRuleId: 'seller-silent', escalationKind: 'seller-silent' },
      'guarantee-claims',
      'guarantee-claim',
    ],
    [
      'a seller hand-up of a defect',
      { category: TicketCategory.DEFECTIVE_ITEM, routingRuleId: 'hand-up', escalationKind: 'hand-up' },
      'triage',
      'fallback',
    ],
    ['a platform-fulfilled return', { category: TicketCategory.RETURN_REQUEST, routingRuleId: 'platform-fulfilled' }, 'triage', 'fallback'],
  ];
  it.each(cases)('%s lands in %s by rule %s', (_name, overrides, teamId, ruleId) => {
    const decision = chooseQueue(DEFAULT_QUEUE_RULES, facts(overrides));
    expect(decision.teamId).toBe(teamId);
    expect(decision.ruleId).toBe(ruleId);
    expect(decision.ruleVersion).toBe(1);
  });

  it('fills the reason from the facts', () => {
    expect(chooseQueue(DEFAULT_QUEUE_RULES, facts({ category: TicketCategory.PAYMENT_ISSUE })).reason).toBe(
      'Category PAYMENT_ISSUE: the payments team handles charges, refunds and memberships',
    );
    expect(chooseQueue(DEFAULT_QUEUE_RULES, facts({ escalationKind: 'customer-claim', routingRuleId: 'customer-claim' })).reason).toBe(
      'Escalated by customer-claim: the marketplace guarantee team decides claims against sellers',
    );
  });
});

describe('chooseQueue over other tables', () => {
  const rule = (id: string, position: number, teamId: string, when: QueueRule['when']): QueueRule => ({
    id,
    version: 3,
    position,
    teamId,
    when,
    reason: `${id} for {language}`,
  });
  const table: Array<[string, QueueRule[], Partial<QueueFacts>, string | null]> = [
    ['the first match by position wins', [rule('b', 20, 'payments', [{}]), rule('a', 10, 'logistics', [{}])], {}, 'a'],
    ['equal positions are ordered by id', [rule('z', 10, 'payments', [{}]), rule('y', 10, 'logistics', [{}])], {}, 'y'],
    [
      'a language condition',
      [rule('english', 10, 'payments', [{ languages: [Language.en] }]), rule('rest', 20, 'triage', [{}])],
      { language: Language.en },
      'english',
    ],
    [
      'a language condition that does not hold',
      [rule('english', 10, 'payments', [{ languages: [Language.en] }]), rule('rest', 20, 'triage', [{}])],
      { language: Language.ko },
      'rest',
    ],
    [
      'alternatives: the second holds',
      [rule('phone-or-urgent', 10, 'payments', [{ channels: [TicketChannel.PHONE] }, { priorities: [TicketPriority.URGENT] }])],
      { priority: TicketPriority.URGENT },
      'phone-or-urgent',
    ],
    [
      'an AND of fields: one fails',
      [rule('urgent-phone', 10, 'payments', [{ channels: [TicketChannel.PHONE], priorities: [TicketPriority.URGENT] }])],
      { channel: TicketChannel.PHONE },
      null,
    ],
    ['escalated: true needs an escalation', [rule('escalated', 10, 'payments', [{ escalated: true }])], {}, null],
    ['escalated: false holds without one', [rule('not-escalated', 10, 'payments', [{ escalated: false }])], {}, 'not-escalated'],
    [
      'an escalation kind needs an escalation',
      [rule('claims', 10, 'payments', [{ escalationKinds: ['customer-claim'] }])],
      { routingRuleId: 'customer-claim' },
      null,
    ],
    ['an empty table', [], {}, null],
  ];
  it.each(table)('%s', (_name, rules, overrides, expectedRule) => {
    const decision = chooseQueue(rules, facts(overrides));
    if (expectedRule === null) {
      expect(decision).toMatchObject({ teamId: 'triage', ruleId: NO_QUEUE_RULE_ID, ruleVersion: 0 });
    } else {
      expect(decision.ruleId).toBe(expectedRule);
      expect(decision.ruleVersion).toBe(3);
    }
  });

  it('fills {language}', () => {
    expect(chooseQueue([rule('x', 1, 'triage', [{}])], facts({ language: Language.zh })).reason).toBe('x for zh');
  });
});

describe('priorityRank', () => {
  it.each([
    [TicketPriority.URGENT, 4],
    [TicketPriority.HIGH, 3],
    [TicketPriority.NORMAL, 2],
    [TicketPriority.LOW, 1],
  ])('%s ranks %i', (priority, rank) => expect(priorityRank(priority)).toBe(rank));
});
