import { CustomerTier, Language, OwnerParty, TicketCategory, TicketChannel, TicketPriority, TicketStatus } from '../../src/domain/enums';
import { DEFAULT_CALENDARS } from '../../src/rules/business-calendar.rule';
import { SlaSignal, startClock } from '../../src/rules/sla-clock.rule';
import { SlaClock, SlaClockState } from '../../src/rules/sla-clock-model.rule';
import { DEFAULT_SLA_POLICIES, SlaMetric, SlaPolicy } from '../../src/rules/sla-policy.rule';
import {
  breachesCarrierResolution,
  mergeSlaPlans,
  planDueTimers,
  planTicketSla,
  stateAfter,
  TicketSlaFacts,
  TicketSlaState,
} from '../../src/rules/ticket-sla-plan.rule';

const policy = (id: string): SlaPolicy => DEFAULT_SLA_POLICIES.find((candidate) => candidate.id === id)!;
const calendarOf = (calendarId: string) => DEFAULT_CALENDARS[calendarId as keyof typeof DEFAULT_CALENDARS];
const at = (dayAndTime: string) => new Date(`2026-11-${dayAndTime}:00+09:00`);

function clock(
  metric: SlaMetric,
  ownerParty: OwnerParty,
  startedAt: Date,
  chosen: string,
  id: string,
  changes: Partial<SlaClock> = {},
): SlaClock {
  const source = policy(chosen);
  return { ...startClock(metric, ownerParty, source, calendarOf(source.calendarId), startedAt)!, id, ...changes };
}

const ticket = (changes: Partial<TicketSlaFacts> = {}): TicketSlaFacts => ({
  ownerParty: OwnerParty.SELLER,
  status: TicketStatus.NEW,
  channel: TicketChannel.EMAIL,
  priority: TicketPriority.NORMAL,
  category: TicketCategory.DEFECTIVE_ITEM,
  customerTier: CustomerTier.STANDARD,
  sellerId: null,
  carrierId: null,
  language: Language.ja,
  ...changes,
});

const state = (clocks: SlaClock[], changes: Partial<TicketSlaState> = {}): TicketSlaState => ({
  clocks,
  nextSlaDueAt: null,
  escalationDueAt: null,
  ...changes,
});

const plan = (facts: TicketSlaFacts, stored: TicketSlaState, signals: SlaSignal[], now: Date) =>
  planTicketSla({ ticket: facts, state: stored, signals, policies: DEFAULT_SLA_POLICIES, calendarOf, now });

describe('planTicketSla', () => {
  it('a new seller ticket starts its seller clocks and the 48-hour seller-silence deadline', () => {
    const result = plan(ticket(), state([]), [{ kind: 'OWNER_ASSIGNED' }], at('20T10:00'));
    expect(result.startedClocks.map((started) => [started.metric, started.ownerParty, started.policyId])).toEqual([
      [SlaMetric.FIRST_RESPONSE, OwnerParty.SELLER, 'seller-marketplace'],
    ]);
    expect(result.changedClocks).toEqual([]);
    expect(result.deadlines).toEqual({ nextSlaDueAt: at('21T10:00'), escalationDueAt: at('22T10:00') });
    expect(result.deadlinesChanged).toBe(true);
  });

  it('a hand-over to the platform cancels the seller clock, starts the platform policy chosen on the ticket as it now stands, and clears the seller deadline', () => {
    const sellerClock = clock(SlaMetric.FIRST_RESPONSE, OwnerParty.SELLER, at('20T10:00'), 'seller-marketplace', '7');
    const stored = state([sellerClock], { nextSlaDueAt: sellerClock.dueAt, escalationDueAt: at('22T10:00') });
    const result = plan(
      ticket({ ownerParty: OwnerParty.PLATFORM, priority: TicketPriority.HIGH, channel: TicketChannel.CHAT }),
      stored,
      [{ kind: 'OWNER_ASSIGNED' }],
      at('20T15:00'),
    );
    expect(result.changedClocks).toEqual([expect.objectContaining({ id: '7', state: SlaClockState.CANCELLED, usedBusinessMinutes: 300 })]);
    expect(result.startedClocks.map((started) => [started.metric, started.policyId, started.dueAt])).toEqual([
      [SlaMetric.FIRST_RESPONSE, 'platform-chat', at('20T15:10')],
      [SlaMetric.RESOLUTION, 'platform-chat', at('21T15:00')],
    ]);
    // Cancelled clocks are not announced (the owner change is).
    expect(result.outcomes).toEqual([]);
    expect(result.deadlines).toEqual({ nextSlaDueAt: at('20T15:10'), escalationDueAt: null });
  });

  it('applies the signals of one change in order and reports the clocks met in time', () => {
    const firstResponse = clock(SlaMetric.FIRST_RESPONSE, OwnerParty.PLATFORM, at('20T10:00'), 'platform-default', '1');
    const resolution = clock(SlaMetric.RESOLUTION, OwnerParty.PLATFORM, at('20T10:00'), 'platform-default', '2');
    const stored = state([firstResponse, resolution], { nextSlaDueAt: firstResponse.dueAt });
    const result = plan(
      ticket({ ownerParty: OwnerParty.PLATFORM, status: TicketStatus.OPEN }),
      stored,
      [{ kind: 'STATUS_CHANGED', from: TicketStatus.NEW, to: TicketStatus.OPEN }, { kind: 'OWNER_RESPONDED' }],
      at('20T12:00'),
    );
    expect(result.outcomes).toEqual([{ clock: expect.objectContaining({ id: '1', state: SlaClockState.MET }), outcome: 'MET' }]);
    expect(result.changedClocks.map((changed) => changed.id)).toEqual(['1']);
    expect(result.deadlines.nextSlaDueAt).toEqual(resolution.dueAt);
  });

  it('says when the deadlines stay as stored, so that nothing is written', () => {
    const firstResponse = clock(SlaMetric.FIRST_RESPONSE, OwnerParty.PLATFORM, at('20T10:00'), 'platform-default', '1');
    const stored = state([firstResponse], { nextSlaDueAt: firstResponse.dueAt });
    // A customer message while the first response is still awaited starts nothing.
    const result = plan(
      ticket({ ownerParty: OwnerParty.PLATFORM, status: TicketStatus.NEW }),
      stored,
      [{ kind: 'CUSTOMER_WROTE' }],
      at('20T11:00'),
    );
    expect(result).toMatchObject({ changedClocks: [], startedClocks: [], deadlinesChanged: false });
    expect(plan(ticket(), stored, [], at('20T11:00'))).toMatchObject({ changedClocks: [], startedClocks: [], deadlinesChanged: false });
  });
});

describe('the seller-silence deadline over a sequence of changes', () => {
  // Each step is planned on the state the previous one left: [status after the change, signals, time, deadline].
  const steps: Array<[string, TicketStatus, SlaSignal[], Date, Date | null]> = [
    ['the seller receives the ticket Friday 10:00', TicketStatus.NEW, [{ kind: 'OWNER_ASSIGNED' }], at('20T10:00'), at('22T10:00')],
    [
      'the seller answers at 11:00',
      TicketStatus.OPEN,
      [{ kind: 'STATUS_CHANGED', from: TicketStatus.NEW, to: TicketStatus.OPEN }, { kind: 'OWNER_RESPONDED' }],
      at('20T11:00'),
      null,
    ],
    [
      'the seller sets ON_HOLD at 12:00',
      TicketStatus.ON_HOLD,
      [{ kind: 'STATUS_CHANGED', from: TicketStatus.OPEN, to: TicketStatus.ON_HOLD }],
      at('20T12:00'),
      null,
    ],
    [
      'then PENDING at 13:00',
      TicketStatus.PENDING,
      [{ kind: 'STATUS_CHANGED', from: TicketStatus.ON_HOLD, to: TicketStatus.PENDING }],
      at('20T13:00'),
      null,
    ],
    [
      'then OPEN again at 14:00',
      TicketStatus.OPEN,
      [{ kind: 'STATUS_CHANGED', from: TicketStatus.PENDING, to: TicketStatus.OPEN }],
      at('20T14:00'),
      null,
    ],
    ['the customer writes Monday 09:00', TicketStatus.OPEN, [{ kind: 'CUSTOMER_WROTE' }], at('23T09:00'), at('25T09:00')],
    [
      'and again at 15:00: the oldest unanswered message counts',
      TicketStatus.OPEN,
      [{ kind: 'CUSTOMER_WROTE' }],
      at('23T15:00'),
      at('25T09:00'),
    ],
    [
      'the seller sets ON_HOLD without answering',
      TicketStatus.ON_HOLD,
      [{ kind: 'STATUS_CHANGED', from: TicketStatus.OPEN, to: TicketStatus.ON_HOLD }],
      at('23T16:00'),
      at('25T09:00'),
    ],
  ];

  it("is armed only by a customer waiting for the seller, never by the seller's own status changes", () => {
    let stored = state([]);
    for (const [description, status, signals, now, expected] of steps) {
      const result = plan(ticket({ status }), stored, signals, now);
      expect([description, result.deadlines.escalationDueAt]).toEqual([description, expected]);
      stored = stateAfter(stored, {
        ...result,
        startedClocks: result.startedClocks.map((started, index) => ({ ...started, id: `${description}-${index}` })),
      });
    }
  });
});

describe('planDueTimers', () => {
  const chat = clock(SlaMetric.FIRST_RESPONSE, OwnerParty.PLATFORM, at('20T10:00'), 'platform-chat', '1');
  const resolution = clock(SlaMetric.RESOLUTION, OwnerParty.PLATFORM, at('20T10:00'), 'platform-chat', '2');
  const stored = state([chat, resolution], { nextSlaDueAt: chat.dueAt });

  it.each<[string, Date, Array<[string, string]>, Date | null]>([
    // time ⇒ outcomes (clock, outcome), next due time after them
    ['nothing before the warning', at('20T10:07'), [], at('20T10:10')],
    ['a warning at 75 % keeps the clock counting', at('20T10:08'), [['1', 'WARNED']], at('20T10:10')],
    [
      'warning and breach together when both passed',
      at('20T10:11'),
      [
        ['1', 'WARNED'],
        ['1', 'BREACHED'],
      ],
      at('21T10:00'),
    ],
    [
      'every clock that is due, each once',
      at('21T10:00'),
      [
        ['1', 'WARNED'],
        ['1', 'BREACHED'],
        ['2', 'WARNED'],
        ['2', 'BREACHED'],
      ],
      null,
    ],
  ])('%s', (_description, now, expected, nextDue) => {
    const result = planDueTimers(stored, now);
    expect(result.outcomes.map(({ clock: fired, outcome }) => [fired.id, outcome])).toEqual(expected);
    expect(result.deadlines.nextSlaDueAt).toEqual(nextDue);
    expect(result.deadlinesChanged).toBe(nextDue?.getTime() !== chat.dueAt.getTime());
    // A breach is recorded at the moment the timer sees it, never backdated.
    for (const { clock: fired, outcome } of result.outcomes) if (outcome === 'BREACHED') expect(fired.breachedAt).toEqual(now);
  });

  it('fires nothing twice: a warned clock does not warn again', () => {
    const warned = planDueTimers(stored, at('20T10:08'));
    const again = planDueTimers(state([warned.changedClocks[0], resolution], { nextSlaDueAt: chat.dueAt }), at('20T10:09'));
    expect(again.outcomes).toEqual([]);
  });
});

describe('breachesCarrierResolution', () => {
  const carrierResolution = clock(SlaMetric.RESOLUTION, OwnerParty.CARRIER, at('20T10:00'), 'carrier-investigation', '3');
  const carrierFirstResponse = clock(SlaMetric.FIRST_RESPONSE, OwnerParty.CARRIER, at('20T10:00'), 'carrier-investigation', '4');
  const wayLater = new Date('2026-12-31T00:00:00+09:00');

  it.each<[string, SlaClock[], OwnerParty, boolean]>([
    ["the owning carrier's resolution breach escalates", [carrierResolution], OwnerParty.CARRIER, true],
    ["a carrier's response breach does not", [carrierFirstResponse], OwnerParty.CARRIER, false],
    ['nor a breach once the platform owns the ticket', [carrierResolution], OwnerParty.PLATFORM, false],
  ])('%s', (_description, clocks, owner, expected) => {
    expect(breachesCarrierResolution(planDueTimers(state(clocks), wayLater), owner)).toBe(expected);
  });
});

describe('a breach and the escalation it causes, planned one after the other and written once', () => {
  const firstResponse = clock(SlaMetric.FIRST_RESPONSE, OwnerParty.CARRIER, at('20T10:00'), 'carrier-investigation', '5', {
    state: SlaClockState.MET,
    metAt: at('20T11:00'),
  });
  const resolution = clock(SlaMetric.RESOLUTION, OwnerParty.CARRIER, at('20T10:00'), 'carrier-investigation', '6');
  const stored = state([firstResponse, resolution], { nextSlaDueAt: resolution.dueAt });
  const breachedAt = new Date(resolution.dueAt.getTime() + 1000);
  const breach = planDueTimers(stored, breachedAt);
  const afterBreach = stateAfter(stored, breach);
  const escalation = planTicketSla({
    ticket: ticket({ ownerParty: OwnerParty.PLATFORM, status: TicketStatus.OPEN, priority: TicketPriority.HIGH }),
    state: afterBreach,
    signals: [{ kind: 'OWNER_ASSIGNED' }],
    policies: DEFAULT_SLA_POLICIES,
    calendarOf,
    now: breachedAt,
  });
  const merged = mergeSlaPlans(breach, escalation);

  it('plans the escalation on the clocks as the breach leaves them', () => {
    expect(afterBreach.clocks.find((candidate) => candidate.id === '6')).toMatchObject({ state: SlaClockState.BREACHED, breachedAt });
    expect(afterBreach.nextSlaDueAt).toBeNull();
  });

  it("writes each clock once, as the last change left it: breached, then given the carrier's share", () => {
    expect(merged.changedClocks).toEqual([
      expect.objectContaining({
        id: '6',
        state: SlaClockState.BREACHED,
        breachedAt,
        cancelledAt: breachedAt,
        usedBusinessMinutes: expect.closeTo(2700 + 1 / 60, 6),
      }),
    ]);
    expect(merged.startedClocks.map((started) => [started.metric, started.ownerParty])).toEqual([
      [SlaMetric.FIRST_RESPONSE, OwnerParty.PLATFORM],
      [SlaMetric.RESOLUTION, OwnerParty.PLATFORM],
    ]);
    expect(merged.outcomes.map(({ outcome }) => outcome)).toEqual(['WARNED', 'BREACHED']);
    expect(merged.deadlines).toEqual(escalation.deadlines);
    expect(merged.deadlinesChanged).toBe(true);
  });
});
