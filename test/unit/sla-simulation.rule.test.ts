import { CustomerTier, Language, OwnerParty, TicketCategory, TicketChannel, TicketPriority } from '../../src/domain/enums';
import { DEFAULT_CALENDARS } from '../../src/rules/business-calendar.rule';
import { startClock } from '../../src/rules/sla-clock.rule';
import { SlaClock, SlaClockState } from '../../src/rules/sla-clock-model.rule';
import { AnsweredClock, simulateSlaPolicies } from '../../src/rules/sla-simulation.rule';
import { DEFAULT_SLA_POLICIES, SlaMetric, SlaPolicy, SlaSubject } from '../../src/rules/sla-policy.rule';

const calendarOf = (calendarId: string) => DEFAULT_CALENDARS[calendarId as keyof typeof DEFAULT_CALENDARS];
const at = (time: string) => new Date(`2026-12-07T${time}+09:00`);
const chat = DEFAULT_SLA_POLICIES.find((policy) => policy.id === 'platform-chat')!;
const subject: SlaSubject = {
  ownerParty: OwnerParty.PLATFORM,
  channel: TicketChannel.CHAT,
  priority: TicketPriority.NORMAL,
  category: TicketCategory.ACCOUNT_ACCESS,
  customerTier: CustomerTier.STANDARD,
  sellerId: null,
  carrierId: null,
  language: Language.ja,
};
/** A platform-chat FIRST_RESPONSE (10 minutes) from 10:00, answered at `metAt`. */
function answered(id: string, metAt: string, changes: Partial<SlaClock> = {}): AnsweredClock {
  const started = startClock(SlaMetric.FIRST_RESPONSE, OwnerParty.PLATFORM, chat, calendarOf('ALWAYS'), at('10:00:00'))!;
  const late = at(metAt) > started.dueAt;
  const clock = {
    ...started,
    id,
    state: late ? SlaClockState.BREACHED : SlaClockState.MET,
    metAt: at(metAt),
    breachedAt: late ? started.dueAt : null,
    ...changes,
  };
  return { ticketId: id, number: `T-00000${id}`, clock: clock as SlaClock & { metAt: Date }, subject };
}
const withChatFirstResponse = (minutes: number, calendarId = 'ALWAYS'): SlaPolicy[] =>
  DEFAULT_SLA_POLICIES.map((policy) =>
    policy.id === 'platform-chat'
      ? { ...policy, version: 2, calendarId, targetsInMinutes: { ...policy.targetsInMinutes, FIRST_RESPONSE: minutes } }
      : policy,
  );
const clocks = [answered('1', '10:04:00'), answered('2', '10:07:00'), answered('3', '10:12:00'), answered('4', '10:09:59')];

describe('simulateSlaPolicies', () => {
  it.each<[string, SlaPolicy[], { breachedInsteadOfMet: string[]; metInsteadOfBreached: string[] }]>([
    ['the current set changes nothing', [...DEFAULT_SLA_POLICIES], { breachedInsteadOfMet: [], metInsteadOfBreached: [] }],
    [
      '5 minutes instead of 10: answers after 5 minutes become breaches',
      withChatFirstResponse(5),
      { breachedInsteadOfMet: ['2', '4'], metInsteadOfBreached: [] },
    ],
    ['15 minutes: the 12-minute answer becomes met', withChatFirstResponse(15), { breachedInsteadOfMet: [], metInsteadOfBreached: ['3'] }],
    [
      '10 minutes on support hours (opening 09:00): the same, all within open time',
      withChatFirstResponse(10, 'JP_SUPPORT_HOURS'),
      { breachedInsteadOfMet: [], metInsteadOfBreached: [] },
    ],
  ])('%s', (_name, policies, expected) => {
    const result = simulateSlaPolicies(clocks, policies, calendarOf);
    expect(result.compared).toBe(4);
    const ids = (pick: 'breachedInsteadOfMet' | 'metInsteadOfBreached') =>
      result.groups.flatMap((group) => (group[pick] > 0 ? group.examples.map((example) => example.ticketId) : []));
    expect({ breachedInsteadOfMet: result.breachedInsteadOfMet, metInsteadOfBreached: result.metInsteadOfBreached }).toEqual({
      breachedInsteadOfMet: expected.breachedInsteadOfMet.length,
      metInsteadOfBreached: expected.metInsteadOfBreached.length,
    });
    expect({ late: ids('breachedInsteadOfMet'), inTime: ids('metInsteadOfBreached') }).toEqual({
      late: expected.breachedInsteadOfMet,
      inTime: expected.metInsteadOfBreached,
    });
  });

  it('names the policies and the due times of each changed clock', () => {
    const result = simulateSlaPolicies([answered('2', '10:07:00')], withChatFirstResponse(5), calendarOf);
    expect(result.groups).toEqual([
      {
        metric: SlaMetric.FIRST_RESPONSE,
        fromPolicy: 'platform-chat',
        toPolicy: 'platform-chat',
        breachedInsteadOfMet: 1,
        metInsteadOfBreached: 0,
        examples: [{ ticketId: '2', number: 'T-000002', metAt: at('10:07:00'), dueAt: at('10:10:00'), proposedDueAt: at('10:05:00') }],
      },
    ]);
  });

  it('counts a clock whose metric the proposed policy does not measure apart', () => {
    const noFirstResponse = DEFAULT_SLA_POLICIES.map((policy) =>
      policy.id === 'platform-chat' ? { ...policy, targetsInMinutes: { RESOLUTION: 1440 } } : policy,
    );
    expect(simulateSlaPolicies(clocks, noFirstResponse, calendarOf)).toMatchObject({ compared: 0, notMeasured: 4 });
  });
});
