import fc from 'fast-check';
import Holidays from 'date-holidays';
import {
  BusinessCalendar,
  DEFAULT_CALENDARS,
  findDefaultCalendar,
  InvalidBusinessCalendarError,
  WeeklyOpenHours,
} from '../../src/rules/business-calendar.rule';
import { addBusinessMinutes, businessMinutesBetween, isOpenAt, nextOpeningAt } from '../../src/rules/business-minutes.rule';

const { ALWAYS, JP_SUPPORT_HOURS, JP_BUSINESS_DAYS } = DEFAULT_CALENDARS;

/** Tokyo has had no DST since 1951, so +09:00 is exact. */
function tokyo(localDateTime: string): Date {
  return new Date(`${localDateTime}+09:00`);
}

function everyDay(opensAt: string, closesAt: string): WeeklyOpenHours[] {
  return [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opensAt, closesAt }));
}

function calendar(overrides: Partial<BusinessCalendar> & Pick<BusinessCalendar, 'id'>): BusinessCalendar {
  return {
    name: overrides.id,
    timeZone: 'Asia/Tokyo',
    weeklyHours: [],
    alwaysOpen: false,
    holidayCountry: null,
    closures: [],
    ...overrides,
  };
}

const NEW_YORK_BUSINESS_DAYS = calendar({
  id: 'NEW_YORK_BUSINESS_DAYS',
  timeZone: 'America/New_York',
  weeklyHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: '09:00', closesAt: '17:00' })),
  holidayCountry: 'US',
});
/** alwaysOpen without holidays: the real-time fast path. */
const NEW_YORK_ALWAYS = calendar({ id: 'NEW_YORK_ALWAYS', timeZone: 'America/New_York', alwaysOpen: true });
/** The same opening expressed as weekly hours: the day-by-day path. */
const NEW_YORK_AROUND_THE_CLOCK = calendar({
  id: 'NEW_YORK_AROUND_THE_CLOCK',
  timeZone: 'America/New_York',
  weeklyHours: everyDay('00:00', '24:00'),
});
const NEW_YORK_NINE_TO_FIVE_DAILY = calendar({
  id: 'NEW_YORK_NINE_TO_FIVE_DAILY',
  timeZone: 'America/New_York',
  weeklyHours: everyDay('09:00', '17:00'),
});
/** Spans the 02:00 change itself. */
const NEW_YORK_NIGHT_SHIFT = calendar({
  id: 'NEW_YORK_NIGHT_SHIFT',
  timeZone: 'America/New_York',
  weeklyHours: everyDay('01:00', '03:00'),
});
/** Opens inside the hour that spring-forward skips. */
const NEW_YORK_OPENS_IN_SKIPPED_HOUR = calendar({
  id: 'NEW_YORK_OPENS_IN_SKIPPED_HOUR',
  timeZone: 'America/New_York',
  weeklyHours: everyDay('02:30', '04:00'),
});

describe('DEFAULT_CALENDARS (docs/sla.md)', () => {
  it('holds exactly the three default calendars, keyed by id and frozen', () => {
    expect(Object.keys(DEFAULT_CALENDARS)).toEqual(['ALWAYS', 'JP_SUPPORT_HOURS', 'JP_BUSINESS_DAYS']);
    for (const [key, value] of Object.entries(DEFAULT_CALENDARS)) {
      expect(value.id).toBe(key);
      expect(findDefaultCalendar(key)).toBe(value);
      expect(Object.isFrozen(value)).toBe(true);
      expect(Object.isFrozen(value.weeklyHours)).toBe(true);
    }
    expect(findDefaultCalendar('toString')).toBeUndefined();
  });

  it('ALWAYS is 24/7; JP_SUPPORT_HOURS every day 09–21 JST minus 31 Dec–3 Jan; JP_BUSINESS_DAYS Mon–Fri 09–18 JST minus JP holidays and 29 Dec–3 Jan', () => {
    expect(ALWAYS).toMatchObject({ alwaysOpen: true, weeklyHours: [], holidayCountry: null, closures: [] });
    expect(JP_SUPPORT_HOURS).toMatchObject({
      timeZone: 'Asia/Tokyo',
      alwaysOpen: false,
      holidayCountry: null,
      weeklyHours: everyDay('09:00', '21:00'),
      closures: [{ startDate: '12-31', endDate: '01-03', recurringYearly: true }],
    });
    expect(JP_BUSINESS_DAYS).toMatchObject({
      timeZone: 'Asia/Tokyo',
      alwaysOpen: false,
      holidayCountry: 'JP',
      weeklyHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: '09:00', closesAt: '18:00' })),
      closures: [{ startDate: '12-29', endDate: '01-03', recurringYearly: true }],
    });
  });
});

describe('addBusinessMinutes', () => {
  const examples: Array<{ case: string; calendar: BusinessCalendar; start: Date; minutes: number; due: Date }> = [
    {
      case: 'phone callback Friday 20:55 JST: 5 min on Friday, resumes Saturday 09:00',
      calendar: JP_SUPPORT_HOURS,
      start: tokyo('2026-11-20T20:55'),
      minutes: 60,
      due: tokyo('2026-11-21T09:55'),
    },
    {
      case: 'a budget used up exactly at closing is due at the closing instant',
      calendar: JP_SUPPORT_HOURS,
      start: tokyo('2026-11-20T20:55'),
      minutes: 5,
      due: tokyo('2026-11-20T21:00'),
    },
    {
      case: 'phone callback 30 Dec 20:30 JST: 30 min on the 30th, closed 31 Dec–3 Jan',
      calendar: JP_SUPPORT_HOURS,
      start: tokyo('2026-12-30T20:30'),
      minutes: 60,
      due: tokyo('2027-01-04T09:30'),
    },
    {
      case: 'JP_SUPPORT_HOURS stays open on national holidays (Labour Thanksgiving Day)',
      calendar: JP_SUPPORT_HOURS,
      start: tokyo('2026-11-23T10:00'),
      minutes: 60,
      due: tokyo('2026-11-23T11:00'),
    },
    { case: 'chat at 03:00 on ALWAYS', calendar: ALWAYS, start: tokyo('2026-11-22T03:00'), minutes: 10, due: tokyo('2026-11-22T03:10') },
    {
      case: 'carrier first response 24 h from Friday 17:00: 60 Fri, Mon 23rd holiday, 540 Tue, 540 Wed, 300 Thu',
      calendar: JP_BUSINESS_DAYS,
      start: tokyo('2026-11-20T17:00'),
      minutes: 1440,
      due: tokyo('2026-11-26T14:00'),
    },
    {
      case: 'carrier resolution 5 business days from Friday 17:00: 60 + 4 × 540 (Tue–Fri), 480 on Mon 30th',
      calendar: JP_BUSINESS_DAYS,
      start: tokyo('2026-11-20T17:00'),
      minutes: 2700,
      due: tokyo('2026-11-30T17:00'),
    },
    {
      case: '5 business days from Monday 09:00 end at Friday closing',
      calendar: JP_BUSINESS_DAYS,
      start: tokyo('2026-11-30T09:00'),
      minutes: 2700,
      due: tokyo('2026-12-04T18:00'),
    },
    {
      case: 'year end: 60 on Mon 28 Dec, closed 29 Dec–3 Jan',
      calendar: JP_BUSINESS_DAYS,
      start: tokyo('2026-12-28T17:00'),
      minutes: 120,
      due: tokyo('2027-01-04T10:00'),
    },
    {
      case: 'Golden Week: 30 on Fri 1 May, weekend, 4–5 May holidays, 6 May substitute holiday',
      calendar: JP_BUSINESS_DAYS,
      start: tokyo('2026-05-01T17:30'),
      minutes: 60,
      due: tokyo('2026-05-07T09:30'),
    },
    {
      case: 'zero minutes in closed time is the next opening (Saturday → Tuesday after the holiday)',
      calendar: JP_BUSINESS_DAYS,
      start: tokyo('2026-11-21T10:00'),
      minutes: 0,
      due: tokyo('2026-11-24T09:00'),
    },
    {
      case: 'zero minutes while open is the start',
      calendar: JP_BUSINESS_DAYS,
      start: tokyo('2026-11-24T10:15'),
      minutes: 0,
      due: tokyo('2026-11-24T10:15'),
    },
    {
      case: 'zero minutes at a closing instant is the next opening',
      calendar: JP_SUPPORT_HOURS,
      start: tokyo('2026-11-20T21:00'),
      minutes: 0,
      due: tokyo('2026-11-21T09:00'),
    },
    {
      case: 'fractional minutes resolve to the millisecond',
      calendar: JP_SUPPORT_HOURS,
      start: tokyo('2026-11-20T20:59'),
      minutes: 1.5,
      due: tokyo('2026-11-21T09:00:30'),
    },
    {
      case: 'New York: Wed 16:00 + 120 → 60 Wed, Thanksgiving closed, the day after (an observance) open',
      calendar: NEW_YORK_BUSINESS_DAYS,
      start: new Date('2026-11-25T16:00:00-05:00'),
      minutes: 120,
      due: new Date('2026-11-27T10:00:00-05:00'),
    },
    {
      case: 'New York 24/7 across fall-back: Sat 12:00 EDT + 1440 = Sun 11:00 EST (24 real hours)',
      calendar: NEW_YORK_ALWAYS,
      start: new Date('2026-10-31T12:00:00-04:00'),
      minutes: 1440,
      due: new Date('2026-11-01T11:00:00-05:00'),
    },
    {
      case: 'New York 24/7 across spring-forward: Sat 12:00 EST + 1440 = Sun 13:00 EDT',
      calendar: NEW_YORK_ALWAYS,
      start: new Date('2026-03-07T12:00:00-05:00'),
      minutes: 1440,
      due: new Date('2026-03-08T13:00:00-04:00'),
    },
    {
      case: 'New York 00:00–24:00 weekly hours across fall-back (day-by-day path) agree with 24/7',
      calendar: NEW_YORK_AROUND_THE_CLOCK,
      start: new Date('2026-10-31T12:00:00-04:00'),
      minutes: 1440,
      due: new Date('2026-11-01T11:00:00-05:00'),
    },
    {
      case: 'New York 00:00–24:00 weekly hours across spring-forward',
      calendar: NEW_YORK_AROUND_THE_CLOCK,
      start: new Date('2026-03-07T12:00:00-05:00'),
      minutes: 1440,
      due: new Date('2026-03-08T13:00:00-04:00'),
    },
    {
      case: 'New York 09–17 daily: Sat 16:00 EST + 120 → 60 Sat, Sunday (spring-forward day) 09:00 EDT + 60',
      calendar: NEW_YORK_NINE_TO_FIVE_DAILY,
      start: new Date('2026-03-07T16:00:00-05:00'),
      minutes: 120,
      due: new Date('2026-03-08T10:00:00-04:00'),
    },
    {
      case: 'New York 09–17 daily: the spring-forward day holds 8 real hours',
      calendar: NEW_YORK_NINE_TO_FIVE_DAILY,
      start: new Date('2026-03-08T09:00:00-04:00'),
      minutes: 480,
      due: new Date('2026-03-08T17:00:00-04:00'),
    },
    {
      case: 'New York 09–17 daily: the fall-back day holds 8 real hours',
      calendar: NEW_YORK_NINE_TO_FIVE_DAILY,
      start: new Date('2026-11-01T09:00:00-05:00'),
      minutes: 480,
      due: new Date('2026-11-01T17:00:00-05:00'),
    },
    {
      case: 'New York 01:00–03:00 on fall-back day runs from 01:00 EDT to 03:00 EST (3 real hours)',
      calendar: NEW_YORK_NIGHT_SHIFT,
      start: new Date('2026-11-01T01:00:00-04:00'),
      minutes: 180,
      due: new Date('2026-11-01T03:00:00-05:00'),
    },
    {
      case: 'New York 01:00–03:00 on spring-forward day is 1 real hour, then the next night',
      calendar: NEW_YORK_NIGHT_SHIFT,
      start: new Date('2026-03-08T01:00:00-05:00'),
      minutes: 90,
      due: new Date('2026-03-09T01:30:00-04:00'),
    },
    {
      case: 'an opening skipped by spring-forward opens at the change (03:00 EDT)',
      calendar: NEW_YORK_OPENS_IN_SKIPPED_HOUR,
      start: new Date('2026-03-08T00:00:00-05:00'),
      minutes: 0,
      due: new Date('2026-03-08T03:00:00-04:00'),
    },
  ];

  it.each(examples)('$case', ({ calendar: businessCalendar, start, minutes, due }) => {
    expect(addBusinessMinutes(start, minutes, businessCalendar).toISOString()).toBe(due.toISOString());
  });

  it('applies holidays and closures to an always-open calendar, counting whole local days', () => {
    const alwaysOpenButHolidays = calendar({ id: 'ALWAYS_BUT_JP_HOLIDAYS', alwaysOpen: true, holidayCountry: 'JP' });
    expect(addBusinessMinutes(tokyo('2026-11-22T23:00'), 120, alwaysOpenButHolidays)).toEqual(tokyo('2026-11-24T01:00'));
    const withFixedClosure = calendar({
      id: 'ALWAYS_BUT_MOVING_DAY',
      alwaysOpen: true,
      closures: [{ startDate: '2026-04-01', endDate: '2026-04-02', reason: 'office move' }],
    });
    expect(addBusinessMinutes(tokyo('2026-03-31T23:30'), 60, withFixedClosure)).toEqual(tokyo('2026-04-03T00:30'));
    expect(addBusinessMinutes(tokyo('2027-03-31T23:30'), 60, withFixedClosure)).toEqual(tokyo('2027-04-01T00:30'));
  });

  it('supports split shifts and merges overlapping hours', () => {
    const lunchBreak = calendar({
      id: 'LUNCH_BREAK',
      weeklyHours: [
        { weekday: 1, opensAt: '09:00', closesAt: '12:00' },
        { weekday: 1, opensAt: '13:00', closesAt: '18:00' },
        { weekday: 2, opensAt: '11:00', closesAt: '13:00' },
        { weekday: 2, opensAt: '09:00', closesAt: '12:00' },
      ],
    });
    expect(addBusinessMinutes(tokyo('2026-11-30T11:30'), 60, lunchBreak)).toEqual(tokyo('2026-11-30T13:30'));
    expect(addBusinessMinutes(tokyo('2026-11-30T11:30'), 30, lunchBreak)).toEqual(tokyo('2026-11-30T12:00'));
    expect(businessMinutesBetween(tokyo('2026-12-01T00:00'), tokyo('2026-12-02T00:00'), lunchBreak)).toBe(240);
  });

  it('caches by content, so a changed copy of a calendar is never answered from the original', () => {
    const copy = calendar({ ...JP_SUPPORT_HOURS, weeklyHours: everyDay('09:00', '21:00') });
    expect(addBusinessMinutes(tokyo('2026-11-20T20:55'), 60, copy)).toEqual(tokyo('2026-11-21T09:55'));
    const later = calendar({ ...copy, weeklyHours: everyDay('10:00', '21:00') });
    expect(addBusinessMinutes(tokyo('2026-11-20T20:55'), 60, later)).toEqual(tokyo('2026-11-21T10:55'));
  });

  it('rejects negative, non-finite amounts and invalid dates', () => {
    expect(() => addBusinessMinutes(tokyo('2026-11-20T10:00'), -1, ALWAYS)).toThrow(RangeError);
    expect(() => addBusinessMinutes(tokyo('2026-11-20T10:00'), Number.NaN, ALWAYS)).toThrow(RangeError);
    expect(() => addBusinessMinutes(tokyo('2026-11-20T10:00'), Number.POSITIVE_INFINITY, ALWAYS)).toThrow(RangeError);
    expect(() => addBusinessMinutes(new Date('not a date'), 1, ALWAYS)).toThrow(RangeError);
  });
});

describe('calendar validation', () => {
  const invalidCalendars: Array<{ case: string; calendar: BusinessCalendar; message: RegExp }> = [
    { case: 'no open time at all', calendar: calendar({ id: 'NEVER' }), message: /no open time at all/ },
    {
      case: 'unknown time zone',
      calendar: calendar({ id: 'MARS', timeZone: 'Mars/Olympus_Mons', alwaysOpen: true }),
      message: /unknown time zone/,
    },
    {
      case: 'unknown holiday country',
      calendar: calendar({ id: 'XX', alwaysOpen: true, holidayCountry: 'XX' }),
      message: /no country "XX"/,
    },
    {
      case: 'always open with weekly hours',
      calendar: calendar({ id: 'BOTH', alwaysOpen: true, weeklyHours: everyDay('09:00', '17:00') }),
      message: /must not list weekly hours/,
    },
    { case: 'H:MM time', calendar: calendar({ id: 'SHORT_TIME', weeklyHours: everyDay('9:00', '17:00') }), message: /HH:MM/ },
    {
      case: 'overnight span',
      calendar: calendar({ id: 'OVERNIGHT', weeklyHours: everyDay('22:00', '02:00') }),
      message: /opening before closing/,
    },
    { case: 'opening at 24:00', calendar: calendar({ id: 'LATE', weeklyHours: everyDay('24:00', '24:00') }), message: /HH:MM/ },
    {
      case: 'weekday 7',
      calendar: calendar({ id: 'WEEKDAY_SEVEN', weeklyHours: [{ weekday: 7, opensAt: '09:00', closesAt: '17:00' }] }),
      message: /weekday must be/,
    },
    {
      case: 'impossible closure date',
      calendar: calendar({
        id: 'FEB_30',
        alwaysOpen: true,
        closures: [{ startDate: '2026-02-30', endDate: '2026-03-01', reason: 'typo' }],
      }),
      message: /YYYY-MM-DD/,
    },
    {
      case: 'yearly closure without MM-DD',
      calendar: calendar({
        id: 'YEARLY_ISO',
        alwaysOpen: true,
        closures: [{ startDate: '2026-12-29', endDate: '01-03', reason: 'typo', recurringYearly: true }],
      }),
      message: /MM-DD/,
    },
  ];

  it.each(invalidCalendars)('rejects $case', ({ calendar: businessCalendar, message }) => {
    const attempt = (): Date => addBusinessMinutes(tokyo('2026-11-20T10:00'), 10, businessCalendar);
    expect(attempt).toThrow(InvalidBusinessCalendarError);
    expect(attempt).toThrow(message);
  });

  it('throws instead of looping when closures leave no open time within 366 days', () => {
    const closedForTwoYears = calendar({
      id: 'CLOSED_FOR_TWO_YEARS',
      alwaysOpen: true,
      closures: [{ startDate: '2026-01-01', endDate: '2027-12-31', reason: 'renovation' }],
    });
    expect(() => nextOpeningAt(tokyo('2026-06-01T10:00'), closedForTwoYears)).toThrow(
      /CLOSED_FOR_TWO_YEARS.*no open time at all within 366 days/,
    );
    // Closed for less than a year is merely late.
    const closedForEightMonths = calendar({
      ...closedForTwoYears,
      closures: [{ startDate: '2026-01-01', endDate: '2026-08-31', reason: 'renovation' }],
    });
    expect(nextOpeningAt(tokyo('2026-01-01T10:00'), closedForEightMonths)).toEqual(tokyo('2026-09-01T00:00'));
  });
});

describe('businessMinutesBetween', () => {
  const examples: Array<{ case: string; calendar: BusinessCalendar; from: Date; to: Date; minutes: number }> = [
    {
      case: 'carrier first response window',
      calendar: JP_BUSINESS_DAYS,
      from: tokyo('2026-11-20T17:00'),
      to: tokyo('2026-11-26T14:00'),
      minutes: 1440,
    },
    {
      case: 'reversed arguments are negative',
      calendar: JP_BUSINESS_DAYS,
      from: tokyo('2026-11-26T14:00'),
      to: tokyo('2026-11-20T17:00'),
      minutes: -1440,
    },
    { case: 'empty interval', calendar: JP_BUSINESS_DAYS, from: tokyo('2026-11-24T10:00'), to: tokyo('2026-11-24T10:00'), minutes: 0 },
    {
      case: 'weekend and holiday only',
      calendar: JP_BUSINESS_DAYS,
      from: tokyo('2026-11-21T00:00'),
      to: tokyo('2026-11-24T00:00'),
      minutes: 0,
    },
    {
      case: 'reversed closed interval is zero, not minus zero',
      calendar: JP_BUSINESS_DAYS,
      from: tokyo('2026-11-24T00:00'),
      to: tokyo('2026-11-21T00:00'),
      minutes: 0,
    },
    {
      case: 'one full working week',
      calendar: JP_BUSINESS_DAYS,
      from: tokyo('2026-11-30T00:00'),
      to: tokyo('2026-12-07T00:00'),
      minutes: 2700,
    },
    {
      case: 'across the New Year closure',
      calendar: JP_SUPPORT_HOURS,
      from: tokyo('2026-12-30T20:30'),
      to: tokyo('2027-01-04T09:30'),
      minutes: 60,
    },
    {
      case: 'half a minute',
      calendar: JP_SUPPORT_HOURS,
      from: tokyo('2026-11-20T10:00:00'),
      to: tokyo('2026-11-20T10:00:30'),
      minutes: 0.5,
    },
    { case: 'ALWAYS counts real minutes', calendar: ALWAYS, from: tokyo('2026-11-22T03:00'), to: tokyo('2026-11-22T03:10'), minutes: 10 },
    {
      case: 'New York spring-forward day is 23 hours around the clock',
      calendar: NEW_YORK_AROUND_THE_CLOCK,
      from: new Date('2026-03-08T00:00:00-05:00'),
      to: new Date('2026-03-09T00:00:00-04:00'),
      minutes: 23 * 60,
    },
    {
      case: 'New York fall-back day is 25 hours around the clock',
      calendar: NEW_YORK_AROUND_THE_CLOCK,
      from: new Date('2026-11-01T00:00:00-04:00'),
      to: new Date('2026-11-02T00:00:00-05:00'),
      minutes: 25 * 60,
    },
    {
      case: 'New York 09–17 on the spring-forward day is exactly 8 hours',
      calendar: NEW_YORK_NINE_TO_FIVE_DAILY,
      from: new Date('2026-03-08T00:00:00-05:00'),
      to: new Date('2026-03-09T00:00:00-04:00'),
      minutes: 480,
    },
    {
      case: 'New York 09–17 on the fall-back day is exactly 8 hours',
      calendar: NEW_YORK_NINE_TO_FIVE_DAILY,
      from: new Date('2026-11-01T00:00:00-04:00'),
      to: new Date('2026-11-02T00:00:00-05:00'),
      minutes: 480,
    },
    {
      case: 'New York 01:00–03:00 on the spring-forward day is 1 hour',
      calendar: NEW_YORK_NIGHT_SHIFT,
      from: new Date('2026-03-08T00:00:00-05:00'),
      to: new Date('2026-03-09T00:00:00-04:00'),
      minutes: 60,
    },
    {
      case: 'New York 01:00–03:00 on the fall-back day is 3 hours',
      calendar: NEW_YORK_NIGHT_SHIFT,
      from: new Date('2026-11-01T00:00:00-04:00'),
      to: new Date('2026-11-02T00:00:00-05:00'),
      minutes: 180,
    },
    {
      case: 'New York 02:30–04:00 on the spring-forward day opens at the change: 03:00–04:00 EDT',
      calendar: NEW_YORK_OPENS_IN_SKIPPED_HOUR,
      from: new Date('2026-03-08T00:00:00-05:00'),
      to: new Date('2026-03-09T00:00:00-04:00'),
      minutes: 60,
    },
  ];

  it.each(examples)('$case', ({ calendar: businessCalendar, from, to, minutes }) => {
    expect(businessMinutesBetween(from, to, businessCalendar)).toBe(minutes);
  });
});

describe('isOpenAt and nextOpeningAt', () => {
  const examples: Array<{ case: string; calendar: BusinessCalendar; instant: Date; open: boolean; nextOpening: Date }> = [
    {
      case: 'Labour Thanksgiving Day',
      calendar: JP_BUSINESS_DAYS,
      instant: tokyo('2026-11-23T10:00'),
      open: false,
      nextOpening: tokyo('2026-11-24T09:00'),
    },
    {
      case: 'the opening instant is open',
      calendar: JP_BUSINESS_DAYS,
      instant: tokyo('2026-11-24T09:00'),
      open: true,
      nextOpening: tokyo('2026-11-24T09:00'),
    },
    {
      case: 'the last millisecond before closing is open',
      calendar: JP_BUSINESS_DAYS,
      instant: tokyo('2026-11-24T17:59:59.999'),
      open: true,
      nextOpening: tokyo('2026-11-24T17:59:59.999'),
    },
    {
      case: 'the closing instant is closed',
      calendar: JP_BUSINESS_DAYS,
      instant: tokyo('2026-11-24T18:00'),
      open: false,
      nextOpening: tokyo('2026-11-25T09:00'),
    },
    {
      case: 'year-end closure from 29 Dec',
      calendar: JP_BUSINESS_DAYS,
      instant: tokyo('2026-12-29T10:00'),
      open: false,
      nextOpening: tokyo('2027-01-04T09:00'),
    },
    {
      case: 'New Year closure on 31 Dec',
      calendar: JP_SUPPORT_HOURS,
      instant: tokyo('2026-12-31T12:00'),
      open: false,
      nextOpening: tokyo('2027-01-04T09:00'),
    },
    {
      case: 'support hours on 30 Dec',
      calendar: JP_SUPPORT_HOURS,
      instant: tokyo('2026-12-30T20:59'),
      open: true,
      nextOpening: tokyo('2026-12-30T20:59'),
    },
    {
      case: 'support hours on a national holiday',
      calendar: JP_SUPPORT_HOURS,
      instant: tokyo('2026-11-23T10:00'),
      open: true,
      nextOpening: tokyo('2026-11-23T10:00'),
    },
    { case: 'ALWAYS at 03:00', calendar: ALWAYS, instant: tokyo('2027-01-01T03:00'), open: true, nextOpening: tokyo('2027-01-01T03:00') },
    {
      case: 'New York Thanksgiving',
      calendar: NEW_YORK_BUSINESS_DAYS,
      instant: new Date('2026-11-26T12:00:00-05:00'),
      open: false,
      nextOpening: new Date('2026-11-27T09:00:00-05:00'),
    },
    {
      case: 'New York night shift: the repeated 01:30 (EST) is still open',
      calendar: NEW_YORK_NIGHT_SHIFT,
      instant: new Date('2026-11-01T01:30:00-05:00'),
      open: true,
      nextOpening: new Date('2026-11-01T01:30:00-05:00'),
    },
  ];

  it.each(examples)('$case', ({ calendar: businessCalendar, instant, open, nextOpening }) => {
    expect(isOpenAt(instant, businessCalendar)).toBe(open);
    expect(nextOpeningAt(instant, businessCalendar).toISOString()).toBe(nextOpening.toISOString());
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties. Deterministic: a fixed seed, so a failure reproduces; fast-check prints the counterexample.

const PROPERTY_RUNS = { numRuns: 200, seed: 20261120 };
const MILLISECONDS_PER_MINUTE = 60_000;
const MILLISECONDS_PER_HOUR = 3_600_000;
const FIRST_INSTANT = Date.UTC(2025, 0, 1);
const END_INSTANT = Date.UTC(2028, 0, 1);
/** Loose enough for the rounding of fractional minutes to the millisecond. */
const MINUTE_TOLERANCE = 1e-6;

/** Any millisecond of 2025–2027, or a whole hour, which hits every opening and closing boundary of these calendars. */
const startArbitrary = fc
  .oneof(
    fc.integer({ min: FIRST_INSTANT, max: END_INSTANT - 1 }),
    fc
      .integer({ min: FIRST_INSTANT / MILLISECONDS_PER_HOUR, max: END_INSTANT / MILLISECONDS_PER_HOUR - 1 })
      .map((hours) => hours * MILLISECONDS_PER_HOUR),
  )
  .map((instant) => new Date(instant));
/** Whole minutes, or minutes to the millisecond, 0–10,000. */
const minutesArbitrary = fc.oneof(
  fc.integer({ min: 0, max: 10_000 }),
  fc.integer({ min: 0, max: 10_000 * MILLISECONDS_PER_MINUTE }).map((milliseconds) => milliseconds / MILLISECONDS_PER_MINUTE),
);

/** New York DST changes of 2025–2027, at 02:00 local: spring forward at 07:00Z, fall back at 06:00Z. */
const NEW_YORK_DST_CHANGES = [
  Date.UTC(2025, 2, 9, 7),
  Date.UTC(2025, 10, 2, 6),
  Date.UTC(2026, 2, 8, 7),
  Date.UTC(2026, 10, 1, 6),
  Date.UTC(2027, 2, 14, 7),
  Date.UTC(2027, 10, 7, 6),
];
const TWO_DAYS_IN_MILLISECONDS = 2 * 24 * MILLISECONDS_PER_HOUR;
/** Within two days of a DST change, to the millisecond or on a whole minute. */
const nearDstChangeArbitrary = fc
  .tuple(
    fc.constantFrom(...NEW_YORK_DST_CHANGES),
    fc.oneof(
      fc.integer({ min: -TWO_DAYS_IN_MILLISECONDS, max: TWO_DAYS_IN_MILLISECONDS }),
      fc
        .integer({ min: -TWO_DAYS_IN_MILLISECONDS / MILLISECONDS_PER_MINUTE, max: TWO_DAYS_IN_MILLISECONDS / MILLISECONDS_PER_MINUTE })
        .map((minutes) => minutes * MILLISECONDS_PER_MINUTE),
    ),
  )
  .map(([change, offset]) => new Date(change + offset));

const propertyCases: Array<{ calendar: BusinessCalendar; starts: fc.Arbitrary<Date>; description: string }> = [
  { calendar: ALWAYS, starts: startArbitrary, description: 'starts in 2025–2027' },
  { calendar: JP_SUPPORT_HOURS, starts: startArbitrary, description: 'starts in 2025–2027' },
  { calendar: JP_BUSINESS_DAYS, starts: startArbitrary, description: 'starts in 2025–2027' },
  { calendar: NEW_YORK_BUSINESS_DAYS, starts: startArbitrary, description: 'starts in 2025–2027' },
  { calendar: NEW_YORK_NIGHT_SHIFT, starts: nearDstChangeArbitrary, description: 'starts near DST changes' },
  { calendar: NEW_YORK_OPENS_IN_SKIPPED_HOUR, starts: nearDstChangeArbitrary, description: 'starts near DST changes' },
  { calendar: NEW_YORK_AROUND_THE_CLOCK, starts: nearDstChangeArbitrary, description: 'starts near DST changes' },
];

describe.each(propertyCases)('properties of $calendar.id, $description', ({ calendar: businessCalendar, starts }) => {
  it('inverse: the business minutes from the first opening to the due time are the amount added', () => {
    fc.assert(
      fc.property(starts, minutesArbitrary, (start, minutes) => {
        const due = addBusinessMinutes(start, minutes, businessCalendar);
        const counted = businessMinutesBetween(nextOpeningAt(start, businessCalendar), due, businessCalendar);
        expect(Math.abs(counted - minutes)).toBeLessThanOrEqual(MINUTE_TOLERANCE);
      }),
      PROPERTY_RUNS,
    );
  });

  it('monotonic: more minutes never give an earlier due time', () => {
    fc.assert(
      fc.property(starts, minutesArbitrary, minutesArbitrary, (start, first, second) => {
        const [fewer, more] = first <= second ? [first, second] : [second, first];
        const earlierDue = addBusinessMinutes(start, fewer, businessCalendar);
        expect(earlierDue.getTime()).toBeLessThanOrEqual(addBusinessMinutes(start, more, businessCalendar).getTime());
      }),
      PROPERTY_RUNS,
    );
  });

  it('a positive amount never ends strictly inside closed time (open, or exactly a closing instant)', () => {
    fc.assert(
      fc.property(starts, minutesArbitrary, (start, minutes) => {
        fc.pre(minutes > 0);
        const due = addBusinessMinutes(start, minutes, businessCalendar);
        expect(due.getTime()).toBeGreaterThan(start.getTime());
        const closingInstant = isOpenAt(new Date(due.getTime() - 1), businessCalendar);
        expect(isOpenAt(due, businessCalendar) || closingInstant).toBe(true);
      }),
      PROPERTY_RUNS,
    );
  });

  it('nextOpeningAt is open, not before the instant, and no business time lies in between', () => {
    fc.assert(
      fc.property(starts, (instant) => {
        const opening = nextOpeningAt(instant, businessCalendar);
        expect(isOpenAt(opening, businessCalendar)).toBe(true);
        expect(opening.getTime()).toBeGreaterThanOrEqual(instant.getTime());
        expect(businessMinutesBetween(instant, opening, businessCalendar)).toBe(0);
        expect(opening.getTime() === instant.getTime()).toBe(isOpenAt(instant, businessCalendar));
      }),
      PROPERTY_RUNS,
    );
  });
});

// An independent model: walks minute by minute, reading the local wall clock through Intl and the rules straight
// from the calendar data, to check the interval arithmetic on whole-minute starts (slow, hence fewer runs).

interface ReferenceRules {
  timeZone: string;
  /** minutes after local midnight [opens, closes) per short English weekday */
  openMinutes: Partial<Record<string, readonly [number, number]>>;
  holidayCountry: string | null;
  isClosedMonthDay: (monthDay: string) => boolean;
}

const referenceHolidays = new Map<string, ReadonlySet<string>>();

function referencePublicHolidays(country: string, year: string): ReadonlySet<string> {
  const key = `${country}:${year}`;
  let dates = referenceHolidays.get(key);
  if (dates === undefined) {
    dates = new Set(
      new Holidays(country)
        .getHolidays(Number(year))
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    referenceHolidays.set(key, dates);
  }
  return dates;
}

const referenceFormatters = new Map<string, Intl.DateTimeFormat>();

function referenceIsOpenDuringMinute(instant: number, rules: ReferenceRules): boolean {
  let formatter = referenceFormatters.get(rules.timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: rules.timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    referenceFormatters.set(rules.timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes): string => parts.find((part) => part.type === type)?.value ?? '';
  const monthDay = `${field('month')}-${field('day')}`;
  if (rules.holidayCountry !== null && referencePublicHolidays(rules.holidayCountry, field('year')).has(`${field('year')}-${monthDay}`))
    return false;
  if (rules.isClosedMonthDay(monthDay)) return false;
  const hours = rules.openMinutes[field('weekday')];
  const minuteOfDay = (Number(field('hour')) % 24) * 60 + Number(field('minute'));
  return hours !== undefined && hours[0] <= minuteOfDay && minuteOfDay < hours[1];
}

function referenceDueInstant(start: number, minutes: number, rules: ReferenceRules): number {
  let counted = 0;
  for (let minute = start; ; minute += MILLISECONDS_PER_MINUTE) {
    if (!referenceIsOpenDuringMinute(minute, rules)) continue;
    if (minutes === 0) return minute;
    counted += 1;
    if (counted === minutes) return minute + MILLISECONDS_PER_MINUTE;
  }
}

/** Each run walks up to days of minutes through Intl, so fewer runs than the other properties. */
const REFERENCE_MODEL_RUNS = { numRuns: 30, seed: 20261120 };
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];
const EVERY_WEEKDAY_NAME = [...WEEKDAYS, 'Sat', 'Sun'];
const wholeMinuteStartArbitrary = fc
  .integer({ min: FIRST_INSTANT / MILLISECONDS_PER_MINUTE, max: END_INSTANT / MILLISECONDS_PER_MINUTE - 1 })
  .map((minute) => minute * MILLISECONDS_PER_MINUTE);
const wholeMinuteNearDstChangeArbitrary = nearDstChangeArbitrary.map(
  (instant) => Math.floor(instant.getTime() / MILLISECONDS_PER_MINUTE) * MILLISECONDS_PER_MINUTE,
);

const referenceModels: Array<{ calendar: BusinessCalendar; rules: ReferenceRules; starts: fc.Arbitrary<number>; maximumMinutes: number }> =
  [
    {
      calendar: JP_SUPPORT_HOURS,
      rules: {
        timeZone: 'Asia/Tokyo',
        openMinutes: Object.fromEntries(EVERY_WEEKDAY_NAME.map((weekday) => [weekday, [540, 1260] as const])),
        holidayCountry: null,
        isClosedMonthDay: (monthDay) => monthDay === '12-31' || monthDay <= '01-03',
      },
      starts: wholeMinuteStartArbitrary,
      maximumMinutes: 1500,
    },
    {
      calendar: JP_BUSINESS_DAYS,
      rules: {
        timeZone: 'Asia/Tokyo',
        openMinutes: Object.fromEntries(WEEKDAYS.map((weekday) => [weekday, [540, 1080] as const])),
        holidayCountry: 'JP',
        isClosedMonthDay: (monthDay) => monthDay >= '12-29' || monthDay <= '01-03',
      },
      starts: wholeMinuteStartArbitrary,
      maximumMinutes: 1500,
    },
    {
      calendar: NEW_YORK_BUSINESS_DAYS,
      rules: {
        timeZone: 'America/New_York',
        openMinutes: Object.fromEntries(WEEKDAYS.map((weekday) => [weekday, [540, 1020] as const])),
        holidayCountry: 'US',
        isClosedMonthDay: () => false,
      },
      starts: wholeMinuteStartArbitrary,
      maximumMinutes: 1500,
    },
    {
      calendar: NEW_YORK_NIGHT_SHIFT,
      rules: {
        timeZone: 'America/New_York',
        openMinutes: Object.fromEntries(EVERY_WEEKDAY_NAME.map((weekday) => [weekday, [60, 180] as const])),
        holidayCountry: null,
        isClosedMonthDay: () => false,
      },
      starts: wholeMinuteNearDstChangeArbitrary,
      maximumMinutes: 300,
    },
    {
      calendar: NEW_YORK_OPENS_IN_SKIPPED_HOUR,
      rules: {
        timeZone: 'America/New_York',
        openMinutes: Object.fromEntries(EVERY_WEEKDAY_NAME.map((weekday) => [weekday, [150, 240] as const])),
        holidayCountry: null,
        isClosedMonthDay: () => false,
      },
      starts: wholeMinuteNearDstChangeArbitrary,
      maximumMinutes: 300,
    },
  ];

describe.each(referenceModels)('$calendar.id against a minute-by-minute reference model', (referenceModel) => {
  const { calendar: businessCalendar, rules, starts, maximumMinutes } = referenceModel;
  it('gives the same due time for whole-minute starts and amounts', () => {
    fc.assert(
      fc.property(starts, fc.integer({ min: 0, max: maximumMinutes }), (start, minutes) => {
        expect(addBusinessMinutes(new Date(start), minutes, businessCalendar).toISOString()).toBe(
          new Date(referenceDueInstant(start, minutes, rules)).toISOString(),
        );
      }),
      REFERENCE_MODEL_RUNS,
    );
  });
});
