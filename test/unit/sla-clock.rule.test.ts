import { OwnerParty, TicketStatus } from '../../src/domain/enums';
import { DEFAULT_CALENDARS } from '../../src/rules/business-calendar.rule';
import {
  fireDueClock,
  nextDueAt,
  nextFireAt,
  planClockChanges,
  remainingBusinessMinutes,
  sellerSilenceEscalationAt,
  SlaSignal,
  startClock,
} from '../../src/rules/sla-clock.rule';
import { SlaClock, SlaClockState } from '../../src/rules/sla-clock-model.rule';
import { DEFAULT_SLA_POLICIES, SlaMetric, SlaPolicy } from '../../src/rules/sla-policy.rule';

const policy = (id: string): SlaPolicy => DEFAULT_SLA_POLICIES.find((candidate) => candidate.id === id)!;
const calendarOf = (calendarId: string) => DEFAULT_CALENDARS[calendarId as keyof typeof DEFAULT_CALENDARS];
const at = (time: string) => new Date(`2026-11-20T${time}:00+09:00`);
const platformDefault = policy('platform-default');
const sellerMarketplace = policy('seller-marketplace');

function clock(
  metric: SlaMetric,
  ownerParty: OwnerParty,
  startedAt: Date,
  chosen: SlaPolicy,
  id: string,
  changes: Partial<SlaClock> = {},
): SlaClock {
  return { ...startClock(metric, ownerParty, chosen, calendarOf(chosen.calendarId), startedAt)!, id, ...changes };
}

function plan(
  clocks: SlaClock[],
  signal: SlaSignal,
  ticket: { ownerParty: OwnerParty; status: TicketStatus; ownerHasResponded?: boolean },
  chosen: SlaPolicy,
  now: Date,
) {
  return planClockChanges({ clocks, ticket: { ownerHasResponded: false, ...ticket }, signal, policy: chosen, calendarOf, now });
}

describe('startClock', () => {
  it.each([
    [
      'platform-default FIRST_RESPONSE',
      platformDefault,
      SlaMetric.FIRST_RESPONSE,
      '2026-11-21T10:00:00+09:00',
      '2026-11-21T04:00:00+09:00',
    ],
    ['platform-default RESOLUTION', platformDefault, SlaMetric.RESOLUTION, '2026-11-23T10:00:00+09:00', '2026-11-22T16:00:00+09:00'],
    [
      'seller-marketplace NEXT_RESPONSE',
      sellerMarketplace,
      SlaMetric.NEXT_RESPONSE,
      '2026-11-21T10:00:00+09:00',
      '2026-11-21T04:00:00+09:00',
    ],
  ])('%s from Friday 10:00 is due %s and warns %s', (_name, chosen, metric, due, warn) => {
    const started = startClock(metric, OwnerParty.PLATFORM, chosen, calendarOf(chosen.calendarId), at('10:00'))!;
    expect(started).toMatchObject({
      state: SlaClockState.ACTIVE,
      policyId: chosen.id,
      policyVersion: 1,
      dueAt: new Date(due),
      warnAt: new Date(warn),
    });
    expect(nextFireAt(started)).toEqual(new Date(warn));
  });

  it('starts nothing for a metric the policy has no target for', () => {
    expect(startClock(SlaMetric.RESOLUTION, OwnerParty.SELLER, sellerMarketplace, calendarOf('ALWAYS'), at('10:00'))).toBeNull();
  });
});

describe('planClockChanges', () => {
  it('OWNER_ASSIGNED starts FIRST_RESPONSE and RESOLUTION, and cancels what the previous owner still owed with the minutes it used', () => {
    const sellerClock = clock(SlaMetric.FIRST_RESPONSE, OwnerParty.SELLER, at('10:00'), sellerMarketplace, '1');
    const result = plan(
      [sellerClock],
      { kind: 'OWNER_ASSIGNED' },
      { ownerParty: OwnerParty.PLATFORM, status: TicketStatus.NEW },
      platformDefault,
      at('15:00'),
    );
    expect(result.changed).toEqual([
      {
        before: sellerClock,
        clock: expect.objectContaining({ state: SlaClockState.CANCELLED, usedBusinessMinutes: 300, cancelledAt: at('15:00') }),
        outcome: 'CANCELLED',
      },
    ]);
    expect(result.started.map((started) => [started.metric, started.ownerParty, started.startedAt])).toEqual([
      [SlaMetric.FIRST_RESPONSE, OwnerParty.PLATFORM, at('15:00')],
      [SlaMetric.RESOLUTION, OwnerParty.PLATFORM, at('15:00')],
    ]);
  });

  it('OWNER_ASSIGNED on a PENDING ticket starts RESOLUTION paused, and on a SOLVED one starts nothing', () => {
    const pending = plan(
      [],
      { kind: 'OWNER_ASSIGNED' },
      { ownerParty: OwnerParty.PLATFORM, status: TicketStatus.PENDING },
      platformDefault,
      at('10:00'),
    );
    expect(pending.started.find((started) => started.metric === SlaMetric.RESOLUTION)).toMatchObject({
      state: SlaClockState.PAUSED,
      pausedAt: at('10:00'),
    });
    expect(
      plan([], { kind: 'OWNER_ASSIGNED' }, { ownerParty: OwnerParty.PLATFORM, status: TicketStatus.SOLVED }, platformDefault, at('10:00'))
        .started,
    ).toEqual([]);
  });

  it('OWNER_RESPONDED meets waiting response clocks; a breached one stays BREACHED and learns when it was met', () => {
    const firstResponse = clock(SlaMetric.FIRST_RESPONSE, OwnerParty.PLATFORM, at('10:00'), platformDefault, '1');
    const breached = clock(SlaMetric.NEXT_RESPONSE, OwnerParty.PLATFORM, at('08:00'), platformDefault, '2', {
      state: SlaClockState.BREACHED,
      breachedAt: at('09:00'),
    });
    const resolution = clock(SlaMetric.RESOLUTION, OwnerParty.PLATFORM, at('10:00'), platformDefault, '3');
    const result = plan(
      [firstResponse, breached, resolution],
      { kind: 'OWNER_RESPONDED' },
      { ownerParty: OwnerParty.PLATFORM, status: TicketStatus.OPEN },
      platformDefault,
      at('12:00'),
    );
    expect(result.changed.map((entry) => [entry.before.id, entry.clock.state, entry.outcome, entry.clock.metAt])).toEqual([
      ['1', SlaClockState.MET, 'MET', at('12:00')],
      ['2', SlaClockState.BREACHED, null, at('12:00')],
    ]);
    expect(result.started).toEqual([]);
  });

  it.each([
    ['starts NEXT_RESPONSE after an owner response', true, [] as SlaClock[], 1],
    ['starts nothing before the owner has responded', false, [] as SlaClock[], 0],
    [
      'starts nothing while a response clock is still waiting',
      true,
      [clock(SlaMetric.NEXT_RESPONSE, OwnerParty.PLATFORM, at('09:00'), platformDefault, '9')],
      0,
    ],
  ])('CUSTOMER_WROTE %s', (_name, ownerHasResponded, clocks, startedCount) => {
    const result = plan(
      clocks,
      { kind: 'CUSTOMER_WROTE' },
      { ownerParty: OwnerParty.PLATFORM, status: TicketStatus.OPEN, ownerHasResponded },
      platformDefault,
      at('12:00'),
    );
    expect(result.started).toHaveLength(startedCount);
    if (startedCount === 1) expect(result.started[0]).toMatchObject({ metric: SlaMetric.NEXT_RESPONSE, startedAt: at('12:00') });
  });

  it('PENDING pauses RESOLUTION; leaving PENDING resumes it with the pause paid back', () => {
    const resolution = clock(SlaMetric.RESOLUTION, OwnerParty.PLATFORM, at('10:00'), platformDefault, '3');
    const paused = plan(
      [resolution],
      { kind: 'STATUS_CHANGED', from: TicketStatus.OPEN, to: TicketStatus.PENDING },
      { ownerParty: OwnerParty.PLATFORM, status: TicketStatus.PENDING },
      platformDefault,
      at('13:00'),
    );
    const pausedClock = paused.changed[0].clock;
    expect(pausedClock).toMatchObject({ state: SlaClockState.PAUSED, pausedAt: at('13:00') });
    expect(nextFireAt(pausedClock)).toBeNull();
    expect(remainingBusinessMinutes(pausedClock, at('17:00'), calendarOf('ALWAYS'))).toBe(72 * 60 - 180);
    const resumed = plan(
      [pausedClock],
      { kind: 'STATUS_CHANGED', from: TicketStatus.PENDING, to: TicketStatus.OPEN },
      { ownerParty: OwnerParty.PLATFORM, status: TicketStatus.OPEN },
      platformDefault,
      at('18:00'),
    );
    expect(resumed.changed[0].clock).toMatchObject({
      state: SlaClockState.ACTIVE,
      pausedAt: null,
      pausedBusinessMinutes: 300,
      dueAt: new Date('2026-11-23T15:00:00+09:00'),
    });
  });

  it('SOLVED meets RESOLUTION and cancels running response clocks; CLOSED cancels whatever still waits', () => {
    const resolution = clock(SlaMetric.RESOLUTION, OwnerParty.PLATFORM, at('10:00'), platformDefault, '3');
    const nextResponse = clock(SlaMetric.NEXT_RESPONSE, OwnerParty.PLATFORM, at('11:00'), platformDefault, '4');
    const solved = plan(
      [resolution, nextResponse],
      { kind: 'STATUS_CHANGED', from: TicketStatus.OPEN, to: TicketStatus.SOLVED },
      { ownerParty: OwnerParty.PLATFORM, status: TicketStatus.SOLVED },
      platformDefault,
      at('12:00'),
    );
    expect(solved.changed.map((entry) => [entry.before.id, entry.clock.state, entry.outcome])).toEqual([
      ['3', SlaClockState.MET, 'MET'],
      ['4', SlaClockState.CANCELLED, 'CANCELLED'],
    ]);
    const closed = plan(
      [nextResponse],
      { kind: 'STATUS_CHANGED', from: TicketStatus.SOLVED, to: TicketStatus.CLOSED },
      { ownerParty: OwnerParty.PLATFORM, status: TicketStatus.CLOSED },
      platformDefault,
      at('12:00'),
    );
    expect(closed.changed[0].clock.state).toBe(SlaClockState.CANCELLED);
  });

  it('reopening resumes RESOLUTION from where it was met, without charging the solved time', () => {
    const met = clock(SlaMetric.RESOLUTION, OwnerParty.PLATFORM, at('10:00'), platformDefault, '3', {
      state: SlaClockState.MET,
      metAt: at('12:00'),
      usedBusinessMinutes: 120,
    });
    const reopened = plan(
      [met],
      { kind: 'STATUS_CHANGED', from: TicketStatus.SOLVED, to: TicketStatus.OPEN },
      { ownerParty: OwnerParty.PLATFORM, status: TicketStatus.OPEN },
      platformDefault,
      at('20:00'),
    );
    expect(reopened.changed[0].clock).toMatchObject({
      state: SlaClockState.ACTIVE,
      metAt: null,
      pausedBusinessMinutes: 480,
      dueAt: new Date('2026-11-23T18:00:00+09:00'),
    });
  });
});

describe('reopening a ticket whose RESOLUTION clock was met at the solve', () => {
  // platform-chat RESOLUTION: 1440 minutes on ALWAYS, from Friday 10:00 (due Saturday 10:00); solved Saturday
  // 12:00, reopened Sunday 12:00 (24 h solved, never charged), solved again Sunday 15:00.
  const chat = policy('platform-chat');
  const started = clock(SlaMetric.RESOLUTION, OwnerParty.PLATFORM, at('10:00'), chat, '3');
  const saturday = (time: string) => new Date(`2026-11-21T${time}+09:00`);
  const sunday = (time: string) => new Date(`2026-11-22T${time}+09:00`);
  const metInTime = { ...started, state: SlaClockState.MET, metAt: saturday('09:00:00'), usedBusinessMinutes: 1380 };
  const breached = {
    ...started,
    state: SlaClockState.BREACHED,
    warnedAt: saturday('04:00:00'),
    breachedAt: saturday('10:00:30'),
    metAt: saturday('12:00:00'),
    usedBusinessMinutes: 1560,
  };
  const reopen = (stored: SlaClock, now: Date) =>
    plan(
      [stored],
      { kind: 'STATUS_CHANGED', from: TicketStatus.SOLVED, to: TicketStatus.OPEN },
      { ownerParty: OwnerParty.PLATFORM, status: TicketStatus.OPEN },
      chat,
      now,
    ).changed[0].clock;
  const solve = (stored: SlaClock, now: Date) =>
    plan(
      [stored],
      { kind: 'STATUS_CHANGED', from: TicketStatus.OPEN, to: TicketStatus.SOLVED },
      { ownerParty: OwnerParty.PLATFORM, status: TicketStatus.SOLVED },
      chat,
      now,
    ).changed[0];

  it.each([
    // name, stored at the solve, reopened at, clock after the reopen, solved again at, outcome, minutes used then
    [
      'a MET clock counts again, due later by the solved time',
      metInTime,
      sunday('09:00:00'),
      {
        state: SlaClockState.ACTIVE,
        metAt: null,
        usedBusinessMinutes: null,
        pausedBusinessMinutes: 1440,
        dueAt: sunday('10:00:00'),
        breachedAt: null,
      },
      sunday('09:30:00'),
      'MET',
      1410,
    ],
    [
      'a BREACHED clock runs again, breach and due time kept, never fired again',
      breached,
      sunday('12:00:00'),
      {
        state: SlaClockState.BREACHED,
        metAt: null,
        usedBusinessMinutes: null,
        pausedBusinessMinutes: 1440,
        dueAt: saturday('10:00:00'),
        breachedAt: saturday('10:00:30'),
      },
      sunday('15:00:00'),
      null,
      1740,
    ],
  ] as Array<[string, SlaClock, Date, Partial<SlaClock>, Date, string | null, number]>)(
    '%s',
    (_name, stored, reopenedAt, expected, solvedAgainAt, outcome, used) => {
      const reopened = reopen(stored, reopenedAt);
      expect(reopened).toMatchObject(expected);
      if (reopened.state === SlaClockState.BREACHED) {
        expect(nextFireAt(reopened)).toBeNull();
        expect(fireDueClock(reopened, sunday('23:00:00')).outcomes).toEqual([]);
        // 26 h used by Sunday 12:00 against a 24 h target.
        expect(remainingBusinessMinutes(reopened, reopenedAt, calendarOf('ALWAYS'))).toBe(-120);
      }
      const solvedAgain = solve(reopened, solvedAgainAt);
      expect(solvedAgain.outcome).toBe(outcome);
      expect(solvedAgain.clock).toMatchObject({ metAt: solvedAgainAt, usedBusinessMinutes: used, breachedAt: expected.breachedAt });
    },
  );
});

describe('pauses summed to the millisecond', () => {
  const status = (from: TicketStatus, to: TicketStatus): SlaSignal => ({ kind: 'STATUS_CHANGED', from, to });
  const instant = (text: string) => new Date(`${text}+09:00`);
  it.each([
    // pauses as [PENDING at, OPEN at] pairs ⇒ paused milliseconds, due time of platform-default RESOLUTION from Monday 10:00 (due Thursday 10:00 unpaused)
    ['one pause of 20:23:45.678', [['2026-12-07T11:00:00.000', '2026-12-08T07:23:45.678']], 73_425_678, '2026-12-11T06:23:45.678'],
    [
      'two pauses adding to 21:25:51.467',
      [
        ['2026-12-07T11:00:00.000', '2026-12-08T07:23:45.678'],
        ['2026-12-08T09:00:00.000', '2026-12-08T10:02:05.789'],
      ],
      77_151_467,
      '2026-12-11T07:25:51.467',
    ],
    [
      'three pauses of a third of a second each',
      [
        ['2026-12-07T11:00:00.000', '2026-12-07T11:00:00.333'],
        ['2026-12-07T12:00:00.000', '2026-12-07T12:00:00.333'],
        ['2026-12-07T13:00:00.000', '2026-12-07T13:00:00.334'],
      ],
      1000,
      '2026-12-10T10:00:01.000',
    ],
  ] as Array<[string, Array<[string, string]>, number, string]>)('%s', (_name, pauses, pausedMilliseconds, due) => {
    let current = clock(SlaMetric.RESOLUTION, OwnerParty.PLATFORM, instant('2026-12-07T10:00:00.000'), platformDefault, '3');
    for (const [pausedAt, resumedAt] of pauses) {
      current = plan(
        [current],
        status(TicketStatus.OPEN, TicketStatus.PENDING),
        { ownerParty: OwnerParty.PLATFORM, status: TicketStatus.PENDING },
        platformDefault,
        instant(pausedAt),
      ).changed[0].clock;
      current = plan(
        [current],
        status(TicketStatus.PENDING, TicketStatus.OPEN),
        { ownerParty: OwnerParty.PLATFORM, status: TicketStatus.OPEN },
        platformDefault,
        instant(resumedAt),
      ).changed[0].clock;
    }
    expect(current.pausedBusinessMinutes).toBe(pausedMilliseconds / 60_000);
    expect(current.dueAt).toEqual(instant(due));
  });
});

describe('fireDueClock', () => {
  const started = clock(SlaMetric.FIRST_RESPONSE, OwnerParty.PLATFORM, at('10:00'), policy('platform-chat'), '1');
  it.each([
    ['before the warning', '10:07', [], SlaClockState.ACTIVE],
    ['at the warning (75 %)', '10:07:30', ['WARNED'], SlaClockState.ACTIVE],
    ['after the due time, never warned', '10:11', ['WARNED', 'BREACHED'], SlaClockState.BREACHED],
  ])('%s', (_name, time, outcomes, state) => {
    const now = new Date(`2026-11-20T${time.length === 5 ? `${time}:00` : time}+09:00`);
    const fired = fireDueClock(started, now);
    expect(fired.outcomes).toEqual(outcomes);
    expect(fired.clock.state).toBe(state);
    if (state === SlaClockState.BREACHED) expect(fired.clock.breachedAt).toEqual(now);
  });

  it('fires nothing twice: a warned clock next fires at its due time, a breached one never again', () => {
    const warned = fireDueClock(started, at('10:08')).clock;
    expect(nextFireAt(warned)).toEqual(at('10:10'));
    const breached = fireDueClock(warned, at('10:10')).clock;
    expect(fireDueClock(breached, at('11:00')).outcomes).toEqual([]);
    expect(nextFireAt(breached)).toBeNull();
  });
});

describe('nextDueAt and the seller-silence escalation', () => {
  it('is the earliest due time of ACTIVE clocks', () => {
    const early = clock(SlaMetric.FIRST_RESPONSE, OwnerParty.PLATFORM, at('10:00'), policy('platform-chat'), '1');
    const late = clock(SlaMetric.RESOLUTION, OwnerParty.PLATFORM, at('10:00'), policy('platform-chat'), '2');
    expect(nextDueAt([late, early])).toEqual(at('10:10'));
    expect(
      nextDueAt([
        { ...early, state: SlaClockState.MET },
        { ...late, state: SlaClockState.PAUSED },
      ]),
    ).toBeNull();
  });

  // Seller clocks (seller-marketplace, 24 h each on ALWAYS) of a ticket handed to the seller on Thursday 09:00.
  const sellerFirst = clock(SlaMetric.FIRST_RESPONSE, OwnerParty.SELLER, new Date('2026-11-19T09:00:00+09:00'), sellerMarketplace, '1');
  const sellerAnswered = { ...sellerFirst, state: SlaClockState.MET, metAt: at('08:00'), usedBusinessMinutes: 1380 };
  const sellerNext = clock(SlaMetric.NEXT_RESPONSE, OwnerParty.SELLER, at('10:00'), sellerMarketplace, '2');
  const sellerBreached = { ...sellerFirst, state: SlaClockState.BREACHED, breachedAt: at('09:00') };
  const thursdayPlus48h = new Date('2026-11-21T09:00:00+09:00');
  const fridayPlus48h = new Date('2026-11-22T10:00:00+09:00');
  it.each([
    ['a seller receives a waiting customer', OwnerParty.SELLER, TicketStatus.NEW, [sellerFirst], thursdayPlus48h],
    ['the seller answered: nobody waits', OwnerParty.SELLER, TicketStatus.OPEN, [sellerAnswered], null],
    ['the seller answered, then set ON_HOLD: no status change re-arms it', OwnerParty.SELLER, TicketStatus.ON_HOLD, [sellerAnswered], null],
    ['the seller answered, PENDING, then OPEN again: still nobody waits', OwnerParty.SELLER, TicketStatus.OPEN, [sellerAnswered], null],
    [
      'the customer wrote after the answer: 48 h after that message',
      OwnerParty.SELLER,
      TicketStatus.OPEN,
      [sellerAnswered, sellerNext],
      fridayPlus48h,
    ],
    [
      'the customer still waits for a first answer, the clock breached: 48 h after the oldest message',
      OwnerParty.SELLER,
      TicketStatus.OPEN,
      [sellerBreached],
      thursdayPlus48h,
    ],
    ['the oldest of two waiting clocks counts', OwnerParty.SELLER, TicketStatus.ON_HOLD, [sellerNext, sellerFirst], thursdayPlus48h],
    ['a waiting clock of a ticket PENDING on the customer', OwnerParty.SELLER, TicketStatus.PENDING, [sellerFirst], null],
    ['a SOLVED ticket', OwnerParty.SELLER, TicketStatus.SOLVED, [sellerFirst], null],
    [
      'a cancelled seller clock (the ticket was handed over)',
      OwnerParty.SELLER,
      TicketStatus.OPEN,
      [{ ...sellerFirst, state: SlaClockState.CANCELLED, cancelledAt: at('08:00') }],
      null,
    ],
    ['the platform owns it', OwnerParty.PLATFORM, TicketStatus.OPEN, [sellerFirst], null],
  ] as Array<[string, OwnerParty, TicketStatus, SlaClock[], Date | null]>)('%s', (_name, ownerParty, status, clocks, expected) => {
    expect(sellerSilenceEscalationAt({ ownerParty, status, clocks })).toEqual(expected);
  });
});
