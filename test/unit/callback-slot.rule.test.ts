import { BusinessCalendar, DEFAULT_CALENDARS } from '../../src/rules/business-calendar.rule';
import { callbackSlotsBetween, callbackWarnAt, chooseCallbackSlot, CallbackSlotRequest } from '../../src/rules/callback-slot.rule';
import { CallbackWindow } from '../../src/domain/callback';

const jst = (local: string) => new Date(`${local}+09:00`);
const window = (from: string, to: string): CallbackWindow => ({ startsAt: jst(from), endsAt: jst(to) });
const booked = (...entries: Array<[string, number]>) => new Map(entries.map(([local, count]) => [jst(local).getTime(), count]));

interface SlotCase {
  name: string;
  now: string;
  calendar?: BusinessCalendar;
  slotMinutes?: number;
  slotCapacity?: number;
  booked?: Map<number, number>;
  windows?: CallbackWindow[];
  notBefore?: string;
  /** Local JST start of the chosen slot, or null for NO_FREE_SLOT. */
  expected: string | null;
}

// 20 Nov 2026 is a Friday; Monday 23 Nov is Labour Thanksgiving Day (a national holiday).
const CASES: SlotCase[] = [
  { name: 'a request at 22:30 JST waits for 09:00 the next open day', now: '2026-11-20T22:30', expected: '2026-11-21T09:00' },
  { name: 'a request during open hours takes the next slot that has not started', now: '2026-11-20T10:10', expected: '2026-11-20T10:30' },
  { name: 'a request exactly at a slot start takes that slot', now: '2026-11-20T10:00', expected: '2026-11-20T10:00' },
  { name: 'a request during the last slot of the day waits for the next morning', now: '2026-11-20T20:45', expected: '2026-11-21T09:00' },
  { name: 'a request before opening takes the opening slot', now: '2026-11-21T07:15', expected: '2026-11-21T09:00' },
  { name: 'the New Year closure (31 Dec–3 Jan) is skipped', now: '2026-12-30T21:30', expected: '2027-01-04T09:00' },
  {
    name: 'a team on business days skips the weekend and a national holiday',
    now: '2026-11-20T18:30',
    calendar: DEFAULT_CALENDARS.JP_BUSINESS_DAYS,
    expected: '2026-11-24T09:00',
  },
  {
    name: 'a Saturday request on business days waits for Tuesday after the holiday Monday',
    now: '2026-11-21T11:00',
    calendar: DEFAULT_CALENDARS.JP_BUSINESS_DAYS,
    expected: '2026-11-24T09:00',
  },
  {
    name: 'a full slot rolls over to the next one',
    now: '2026-11-20T22:30',
    booked: booked(['2026-11-21T09:00', 4]),
    expected: '2026-11-21T09:30',
  },
  {
    name: 'a slot below capacity still takes callbacks',
    now: '2026-11-20T22:30',
    booked: booked(['2026-11-21T09:00', 3]),
    expected: '2026-11-21T09:00',
  },
  {
    name: 'with capacity 1 every booked slot rolls over, across the closing',
    now: '2026-11-20T20:00',
    slotCapacity: 1,
    booked: booked(['2026-11-20T20:00', 1], ['2026-11-20T20:30', 1], ['2026-11-21T09:00', 1]),
    expected: '2026-11-21T09:30',
  },
  {
    name: 'a preferred window is honoured',
    now: '2026-11-20T22:30',
    windows: [window('2026-11-21T12:00', '2026-11-21T13:00')],
    expected: '2026-11-21T12:00',
  },
  {
    name: 'a slot must lie wholly inside the window',
    now: '2026-11-20T22:30',
    windows: [window('2026-11-21T12:10', '2026-11-21T13:00')],
    expected: '2026-11-21T12:30',
  },
  {
    name: 'a window shorter than any slot it overlaps finds nothing',
    now: '2026-11-20T22:30',
    windows: [window('2026-11-21T12:10', '2026-11-21T12:40')],
    expected: null,
  },
  {
    name: 'a window in closed hours finds nothing',
    now: '2026-11-20T22:30',
    windows: [window('2026-11-21T21:00', '2026-11-21T23:00')],
    expected: null,
  },
  {
    name: 'of several windows the earliest open slot wins, whatever their order',
    now: '2026-11-20T22:30',
    windows: [window('2026-11-22T18:00', '2026-11-22T19:00'), window('2026-11-21T15:00', '2026-11-21T16:00')],
    expected: '2026-11-21T15:00',
  },
  {
    name: 'a full window moves on to the next window',
    now: '2026-11-20T22:30',
    slotCapacity: 2,
    booked: booked(['2026-11-21T15:00', 2]),
    windows: [window('2026-11-21T15:00', '2026-11-21T15:30'), window('2026-11-22T10:00', '2026-11-22T11:00')],
    expected: '2026-11-22T10:00',
  },
  {
    name: 'a window that began already keeps its slots still ahead',
    now: '2026-11-20T14:05',
    windows: [window('2026-11-20T14:00', '2026-11-20T15:00')],
    expected: '2026-11-20T14:30',
  },
  {
    name: 'a reschedule starts after the missed slot',
    now: '2026-11-21T09:20',
    notBefore: '2026-11-21T09:30',
    booked: booked(['2026-11-21T09:30', 4]),
    expected: '2026-11-21T10:00',
  },
  {
    name: 'notBefore earlier than now changes nothing',
    now: '2026-11-21T09:20',
    notBefore: '2026-11-21T08:00',
    expected: '2026-11-21T09:30',
  },
  {
    name: '50-minute slots leave a trailing piece that is no slot',
    now: '2026-11-20T20:41',
    slotMinutes: 50,
    expected: '2026-11-21T09:00',
  },
  { name: '50-minute slots are laid from the opening', now: '2026-11-20T09:01', slotMinutes: 50, expected: '2026-11-20T09:50' },
  {
    name: 'an always-open calendar lays slots from midnight',
    now: '2026-11-20T22:30',
    calendar: DEFAULT_CALENDARS.ALWAYS,
    expected: '2026-11-20T22:30',
  },
  {
    name: 'a window beyond the 14-day horizon finds nothing',
    now: '2026-11-20T22:30',
    windows: [window('2026-12-05T10:00', '2026-12-05T11:00')],
    expected: null,
  },
];

function requestOf(testCase: SlotCase): CallbackSlotRequest {
  return {
    now: jst(testCase.now),
    calendar: testCase.calendar ?? DEFAULT_CALENDARS.JP_SUPPORT_HOURS,
    slotMinutes: testCase.slotMinutes ?? 30,
    slotCapacity: testCase.slotCapacity ?? 4,
    bookedBySlotStart: testCase.booked ?? new Map(),
    preferredWindows: testCase.windows ?? [],
    ...(testCase.notBefore ? { notBefore: jst(testCase.notBefore) } : {}),
  };
}

describe('chooseCallbackSlot', () => {
  it.each(CASES.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    const choice = chooseCallbackSlot(requestOf(testCase));
    if (testCase.expected === null) {
      expect(choice).toEqual({ outcome: 'NO_FREE_SLOT' });
      return;
    }
    const minutes = testCase.slotMinutes ?? 30;
    expect(choice).toEqual({
      outcome: 'SCHEDULED',
      slot: { startsAt: jst(testCase.expected), endsAt: new Date(jst(testCase.expected).getTime() + minutes * 60_000) },
    });
  });

  it('refuses when every slot of the horizon is full', () => {
    const now = jst('2026-11-20T22:30');
    const slots = callbackSlotsBetween(now, new Date(now.getTime() + 15 * 86_400_000), DEFAULT_CALENDARS.JP_SUPPORT_HOURS, 30);
    const full = new Map(slots.map((slot) => [slot.startsAt.getTime(), 4]));
    expect(chooseCallbackSlot({ ...requestOf({ name: '', now: '2026-11-20T22:30', expected: null }), bookedBySlotStart: full })).toEqual({
      outcome: 'NO_FREE_SLOT',
    });
  });
});

describe('callbackSlotsBetween', () => {
  it('cuts a support day of 09:00–21:00 into 24 half-hour slots', () => {
    const slots = callbackSlotsBetween(jst('2026-11-21T00:00'), jst('2026-11-22T00:00'), DEFAULT_CALENDARS.JP_SUPPORT_HOURS, 30);
    expect(slots).toHaveLength(24);
    expect(slots[0].startsAt).toEqual(jst('2026-11-21T09:00'));
    expect(slots[23]).toEqual({ startsAt: jst('2026-11-21T20:30'), endsAt: jst('2026-11-21T21:00') });
  });

  it('refuses a slot length that is not a positive whole number of minutes', () => {
    expect(() => callbackSlotsBetween(jst('2026-11-21T00:00'), jst('2026-11-22T00:00'), DEFAULT_CALENDARS.JP_SUPPORT_HOURS, 0)).toThrow(
      RangeError,
    );
  });
});

describe('callbackWarnAt', () => {
  const cases: Array<[string, string, string, string | null]> = [
    ['a slot the next morning warns 15 minutes before it', '2026-11-21T09:00', '2026-11-20T22:30', '2026-11-21T08:45'],
    ['a slot 16 minutes ahead still warns', '2026-11-21T09:00', '2026-11-21T08:44', '2026-11-21T08:45'],
    ['a slot 15 minutes ahead or closer gets no warning', '2026-11-21T09:00', '2026-11-21T08:45', null],
  ];
  it.each(cases)('%s', (_name, slot, now, expected) => {
    expect(callbackWarnAt(jst(slot), jst(now))).toEqual(expected === null ? null : jst(expected));
  });
});
