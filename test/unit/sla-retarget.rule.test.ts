import { OwnerParty } from '../../src/domain/enums';
import { DEFAULT_CALENDARS } from '../../src/rules/business-calendar.rule';
import { nextFireAt, startClock } from '../../src/rules/sla-clock.rule';
import { SlaClock, SlaClockState } from '../../src/rules/sla-clock-model.rule';
import { retargetClocks } from '../../src/rules/sla-retarget.rule';
import { DEFAULT_SLA_POLICIES, SlaMetric, SlaPolicy } from '../../src/rules/sla-policy.rule';

const policy = (id: string): SlaPolicy => DEFAULT_SLA_POLICIES.find((candidate) => candidate.id === id)!;
const calendarOf = (calendarId: string) => DEFAULT_CALENDARS[calendarId as keyof typeof DEFAULT_CALENDARS];
/** Monday 7 December 2026, JST. */
const monday = (time: string) => new Date(`2026-12-07T${time}+09:00`);
const tuesday = (time: string) => new Date(`2026-12-08T${time}+09:00`);

function clock(
  metric: SlaMetric,
  startedAt: Date,
  chosen: string,
  changes: Partial<SlaClock> = {},
  ownerParty = OwnerParty.PLATFORM,
): SlaClock {
  const source = policy(chosen);
  return { ...startClock(metric, ownerParty, source, calendarOf(source.calendarId), startedAt)!, id: '1', ...changes };
}

const urgent = policy('platform-urgent');
/** A policy without a RESOLUTION target, as an admin might write one. */
const responsesOnly: SlaPolicy = {
  ...urgent,
  id: 'platform-vip-responses',
  version: 3,
  targetsInMinutes: { [SlaMetric.FIRST_RESPONSE]: 30, [SlaMetric.NEXT_RESPONSE]: 30 },
};

describe('retargetClocks', () => {
  it.each<[string, SlaClock, SlaPolicy, Date, Partial<SlaClock>]>([
    // name, running clock, policy that now matches, now ⇒ the clock after
    [
      'FIRST_RESPONSE of an e-mail (24 h) to platform-urgent (60 min): due an hour after its start',
      clock(SlaMetric.FIRST_RESPONSE, monday('10:00:00'), 'platform-default'),
      urgent,
      monday('10:30:00'),
      {
        policyId: 'platform-urgent',
        policyVersion: 1,
        targetMinutes: 60,
        startedAt: monday('10:00:00'),
        dueAt: monday('11:00:00'),
        warnAt: monday('10:45:00'),
        state: SlaClockState.ACTIVE,
      },
    ],
    [
      'RESOLUTION (72 h) to platform-urgent (24 h)',
      clock(SlaMetric.RESOLUTION, monday('10:00:00'), 'platform-default'),
      urgent,
      monday('10:30:00'),
      { policyId: 'platform-urgent', targetMinutes: 1440, dueAt: tuesday('10:00:00'), warnAt: tuesday('04:00:00') },
    ],
    [
      'a PAUSED RESOLUTION keeps its pause (same calendar) and stays paused',
      clock(SlaMetric.RESOLUTION, monday('10:00:00'), 'platform-default', {
        state: SlaClockState.PAUSED,
        pausedAt: monday('14:00:00'),
        pausedBusinessMinutes: 90.5,
      }),
      urgent,
      monday('15:00:00'),
      {
        state: SlaClockState.PAUSED,
        pausedAt: monday('14:00:00'),
        pausedBusinessMinutes: 90.5,
        dueAt: tuesday('11:30:30'),
        warnAt: tuesday('05:30:30'),
      },
    ],
    [
      'a phone callback on JP_SUPPORT_HOURS moved to ALWAYS keeps the 5 minutes used; the closed night counts as paused',
      clock(SlaMetric.FIRST_RESPONSE, new Date('2026-11-20T20:55:00+09:00'), 'platform-phone'),
      urgent,
      new Date('2026-11-21T08:00:00+09:00'),
      {
        calendarId: 'ALWAYS',
        pausedBusinessMinutes: 660,
        dueAt: new Date('2026-11-21T08:55:00+09:00'),
        warnAt: new Date('2026-11-21T08:40:00+09:00'),
      },
    ],
    [
      'a warning whose new instant lies ahead is given again then',
      clock(SlaMetric.FIRST_RESPONSE, monday('10:00:00'), 'platform-urgent', { warnedAt: monday('10:46:00') }),
      policy('platform-default'),
      monday('10:50:00'),
      { policyId: 'platform-default', warnedAt: null, warnAt: tuesday('04:00:00'), dueAt: tuesday('10:00:00') },
    ],
    [
      'a warning given stays given when the new instant has passed; the overdue clock breaches at the next sweep',
      clock(SlaMetric.FIRST_RESPONSE, monday('10:00:00'), 'platform-urgent', { warnedAt: monday('10:46:00') }),
      policy('platform-chat'),
      monday('10:50:00'),
      {
        policyId: 'platform-chat',
        warnedAt: monday('10:46:00'),
        warnAt: monday('10:07:30'),
        dueAt: monday('10:10:00'),
        state: SlaClockState.ACTIVE,
      },
    ],
  ])('%s', (_name, running, matching, now, expected) => {
    const [changed, ...others] = retargetClocks({ clocks: [running], ownerParty: OwnerParty.PLATFORM, policy: matching, calendarOf, now });
    expect(others).toEqual([]);
    expect(changed.before).toBe(running);
    expect(changed.outcome).toBe('RETARGETED');
    expect(changed.clock).toMatchObject(expected);
    if (changed.clock.state === SlaClockState.ACTIVE)
      expect(nextFireAt(changed.clock)).toEqual(
        changed.clock.warnedAt === null && changed.clock.warnAt < changed.clock.dueAt ? changed.clock.warnAt : changed.clock.dueAt,
      );
  });

  it('cancels, with the minutes used, a running clock whose metric the new policy does not measure', () => {
    const resolution = clock(SlaMetric.RESOLUTION, monday('10:00:00'), 'platform-default');
    const [changed] = retargetClocks({
      clocks: [resolution],
      ownerParty: OwnerParty.PLATFORM,
      policy: responsesOnly,
      calendarOf,
      now: monday('12:30:00'),
    });
    expect(changed).toMatchObject({
      outcome: 'CANCELLED',
      clock: { state: SlaClockState.CANCELLED, cancelledAt: monday('12:30:00'), usedBusinessMinutes: 150, policyId: 'platform-default' },
    });
  });

  it.each<[string, SlaClock]>([
    [
      'a MET clock',
      clock(SlaMetric.FIRST_RESPONSE, monday('10:00:00'), 'platform-default', {
        state: SlaClockState.MET,
        metAt: monday('10:20:00'),
        usedBusinessMinutes: 20,
      }),
    ],
    [
      'a BREACHED clock still awaiting its answer',
      clock(SlaMetric.FIRST_RESPONSE, monday('08:00:00'), 'platform-chat', {
        state: SlaClockState.BREACHED,
        breachedAt: monday('08:10:01'),
      }),
    ],
    [
      'a CANCELLED clock',
      clock(SlaMetric.RESOLUTION, monday('09:00:00'), 'platform-default', {
        state: SlaClockState.CANCELLED,
        cancelledAt: monday('09:30:00'),
      }),
    ],
    ["an earlier owner's running clock", clock(SlaMetric.FIRST_RESPONSE, monday('09:00:00'), 'seller-marketplace', {}, OwnerParty.SELLER)],
    ['a clock already on the matching policy version', clock(SlaMetric.FIRST_RESPONSE, monday('10:00:00'), 'platform-urgent')],
  ])('leaves %s alone', (_name, stored) => {
    expect(
      retargetClocks({ clocks: [stored], ownerParty: OwnerParty.PLATFORM, policy: urgent, calendarOf, now: monday('10:30:00') }),
    ).toEqual([]);
  });
});
