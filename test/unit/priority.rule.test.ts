import { CustomerTier, TicketCategory, TicketPriority } from '../../src/domain/enums';
import { priorityFor, reportsTakeover } from '../../src/rules/priority.rule';

const { STANDARD, PRIME, BUSINESS } = CustomerTier;
const { LOW, NORMAL, HIGH, URGENT } = TicketPriority;

describe('priorityFor', () => {
  it.each<[string, TicketCategory, CustomerTier, boolean, boolean, TicketPriority]>([
    // category, tier, takeover reported, escalated ⇒ priority
    ['fraud is urgent', TicketCategory.FRAUD_PHISHING, STANDARD, false, false, URGENT],
    ['fraud stays urgent for PRIME', TicketCategory.FRAUD_PHISHING, PRIME, false, false, URGENT],
    ['fraud stays urgent when escalated', TicketCategory.FRAUD_PHISHING, STANDARD, false, true, URGENT],
    ['account takeover is urgent', TicketCategory.ACCOUNT_ACCESS, STANDARD, true, false, URGENT],
    ['account takeover stays urgent for BUSINESS', TicketCategory.ACCOUNT_ACCESS, BUSINESS, true, false, URGENT],
    ['account takeover stays urgent when escalated', TicketCategory.ACCOUNT_ACCESS, STANDARD, true, true, URGENT],
    ['account access without takeover is normal', TicketCategory.ACCOUNT_ACCESS, STANDARD, false, false, NORMAL],
    ['account access without takeover, PRIME', TicketCategory.ACCOUNT_ACCESS, PRIME, false, false, HIGH],
    ['payment is high', TicketCategory.PAYMENT_ISSUE, STANDARD, false, false, HIGH],
    ['payment stays high for PRIME', TicketCategory.PAYMENT_ISSUE, PRIME, false, false, HIGH],
    ['payment stays high for BUSINESS', TicketCategory.PAYMENT_ISSUE, BUSINESS, false, false, HIGH],
    ['other is low', TicketCategory.OTHER, STANDARD, false, false, LOW],
    ['other is raised to normal for PRIME', TicketCategory.OTHER, PRIME, false, false, NORMAL],
    ['other is raised to normal for BUSINESS', TicketCategory.OTHER, BUSINESS, false, false, NORMAL],
    ['escalated other is high', TicketCategory.OTHER, STANDARD, false, true, HIGH],
    ['escalated other stays high for PRIME', TicketCategory.OTHER, PRIME, false, true, HIGH],
    ['defect is normal', TicketCategory.DEFECTIVE_ITEM, STANDARD, false, false, NORMAL],
    ['defect is raised to high for PRIME', TicketCategory.DEFECTIVE_ITEM, PRIME, false, false, HIGH],
    ['defect is raised to high for BUSINESS', TicketCategory.DEFECTIVE_ITEM, BUSINESS, false, false, HIGH],
    ['escalated defect is high', TicketCategory.DEFECTIVE_ITEM, STANDARD, false, true, HIGH],
    ['escalated defect stays high for PRIME', TicketCategory.DEFECTIVE_ITEM, PRIME, false, true, HIGH],
    ['takeover words outside ACCOUNT_ACCESS change nothing', TicketCategory.DEFECTIVE_ITEM, STANDARD, true, false, NORMAL],
    ['membership is normal', TicketCategory.MEMBERSHIP, STANDARD, false, false, NORMAL],
  ])('%s', (_description, category, tier, takeoverReported, isEscalated, expected) => {
    expect(priorityFor({ category, tier, takeoverReported, isEscalated })).toBe(expected);
  });

  const everyInput = Object.values(TicketCategory).flatMap((category) =>
    [false, true].flatMap((takeoverReported) => [false, true].map((isEscalated) => ({ category, takeoverReported, isEscalated }))),
  );
  const rank = (priority: TicketPriority): number => [LOW, NORMAL, HIGH, URGENT].indexOf(priority);

  it.each([PRIME, BUSINESS])('%s raises exactly one level, capped at HIGH, and never lowers', (tier) => {
    for (const input of everyInput) {
      const standard = priorityFor({ ...input, tier: STANDARD });
      const raised = priorityFor({ ...input, tier });
      const expected = rank(standard) >= rank(HIGH) ? rank(standard) : rank(standard) + 1;
      expect(rank(raised)).toBe(expected);
    }
  });
});

describe('reportsTakeover', () => {
  it.each([
    ['乗っ取り', 'アカウントが乗っ取られたようです', true],
    ['不正ログイン', '不正ログインの通知が来ました', true],
    ['身に覚えのない注文', '身に覚えのない注文が3件あります', true],
    ['Someone hacked my account', '', true],
    ['Unauthorized orders', 'There are unauthorized orders on my account', true],
    ['Unauthorised purchase', '', true],
    ['Strange activity', 'Someone else logged in from another country', true],
    ['My orders', "Two orders I didn't place appeared today", true],
    ['ログインできない', 'パスワードを忘れました', false],
    ['Cannot sign in', 'I forgot my password', false],
    ['Order', 'I placed an order yesterday', false],
  ])('%s / %s ⇒ %s', (subject, body, expected) => {
    expect(reportsTakeover(subject, body)).toBe(expected);
  });
});
