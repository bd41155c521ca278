import {
  addBusinessDays,
  businessDaysBetween,
  formatTokyoDateTime,
  isJapaneseBusinessDay,
  tokyoCalendarDate,
} from '../../src/rules/business-days.rule';

/** An instant written in Tokyo time. */
const tokyo = (localDateTime: string): Date => new Date(`${localDateTime}+09:00`);

describe('isJapaneseBusinessDay', () => {
  it.each([
    ['2026-11-20T12:00', 'a Friday', true],
    ['2026-11-21T12:00', 'a Saturday', false],
    ['2026-11-22T12:00', 'a Sunday', false],
    ['2026-11-23T12:00', 'Labour Thanksgiving Day, a Monday', false],
    ['2026-11-24T12:00', 'the Tuesday after it', true],
    ['2026-05-06T12:00', 'a substitute holiday (振替休日)', false],
    ['2026-09-22T12:00', 'a citizens’ holiday between two holidays (国民の休日)', false],
    ['2026-12-25T12:00', 'Christmas, only an observance in Japan', true],
    ['2026-12-28T12:00', 'the last working day of the year', true],
    ['2026-12-29T12:00', 'the first day of the year-end closure, a Tuesday', false],
    ['2026-12-31T12:00', 'New Year’s Eve, a Thursday', false],
    ['2027-01-01T12:00', 'New Year’s Day', false],
    ['2027-01-04T12:00', 'the first working day of 2027', true],
    ['2027-01-11T12:00', 'Coming of Age Day 2027', false],
  ])('%s (%s) ⇒ %s', (localDateTime, _description, expected) => {
    expect(isJapaneseBusinessDay(tokyo(localDateTime))).toBe(expected);
  });
});

describe('businessDaysBetween', () => {
  it.each([
    ['Friday → Saturday', '2026-11-20T10:00', '2026-11-21T10:00', 0],
    ['Friday → Sunday', '2026-11-20T10:00', '2026-11-22T10:00', 0],
    ['Friday → holiday Monday', '2026-11-20T10:00', '2026-11-23T23:59', 0],
    ['Friday → Tuesday after the holiday', '2026-11-20T10:00', '2026-11-24T00:00', 1],
    ['Friday → Wednesday after the holiday', '2026-11-20T10:00', '2026-11-25T10:00', 2],
    ['Thursday → Tuesday across the long weekend', '2026-11-19T15:00', '2026-11-24T09:00', 2],
    ['Monday → Friday of the same week', '2026-11-16T10:00', '2026-11-20T10:00', 4],
    ['Thursday afternoon → Friday morning', '2026-11-19T15:00', '2026-11-20T10:00', 1],
    ['same day', '2026-11-20T09:00', '2026-11-20T18:00', 0],
    ['backwards in time', '2026-11-25T10:00', '2026-11-20T10:00', 0],
    ['Monday 28 Dec → Monday 4 Jan over the New Year closure', '2026-12-28T10:00', '2027-01-04T10:00', 1],
    ['Friday 25 Dec → Sunday 3 Jan', '2026-12-25T10:00', '2027-01-03T23:59', 1],
    ['inside the closure → Monday 4 Jan', '2026-12-30T10:00', '2027-01-04T10:00', 1],
    ['4 Jan → 12 Jan over Coming of Age Day', '2027-01-04T10:00', '2027-01-12T10:00', 5],
  ])('%s ⇒ %i', (_description, from, to, expected) => {
    expect(businessDaysBetween(tokyo(from), tokyo(to))).toBe(expected);
  });

  it('counts Tokyo dates, not UTC dates', () => {
    // 23:30 UTC on Thursday is 08:30 on Friday in Tokyo; 15:30 UTC on Monday is 00:30 on Tuesday in Tokyo.
    expect(businessDaysBetween(new Date('2026-11-19T23:30:00Z'), new Date('2026-11-23T15:30:00Z'))).toBe(1);
    // The last second of Friday and the first second of Saturday in Tokyo.
    expect(businessDaysBetween(new Date('2026-11-20T14:59:59Z'), new Date('2026-11-20T15:00:00Z'))).toBe(0);
  });
});

describe('addBusinessDays', () => {
  it.each([
    ['Friday + 0', '2026-11-20T10:00', 0, '2026-11-20T10:00'],
    ['Friday + 1 skips the weekend and the holiday', '2026-11-20T10:00', 1, '2026-11-24T10:00'],
    ['Friday + 2', '2026-11-20T10:00', 2, '2026-11-25T10:00'],
    ['Saturday + 1', '2026-11-21T22:15', 1, '2026-11-24T22:15'],
    ['holiday Monday + 1', '2026-11-23T08:00', 1, '2026-11-24T08:00'],
    ['Friday 25 Dec + 1', '2026-12-25T17:30', 1, '2026-12-28T17:30'],
    ['Friday 25 Dec + 2 crosses the New Year closure', '2026-12-25T17:30', 2, '2027-01-04T17:30'],
    ['Friday 8 Jan + 1 skips Coming of Age Day', '2027-01-08T09:00', 1, '2027-01-12T09:00'],
  ])('%s', (_description, from, businessDays, expected) => {
    expect(addBusinessDays(tokyo(from), businessDays)).toEqual(tokyo(expected));
  });

  it.each([-1, 1.5, Number.NaN])('rejects %p business days', (businessDays) => {
    expect(() => addBusinessDays(tokyo('2026-11-20T10:00'), businessDays)).toThrow(RangeError);
  });

  it.each(['2026-11-20T10:00', '2026-11-21T03:00', '2026-12-24T23:59', '2026-04-28T00:00'])(
    'is the inverse of businessDaysBetween and lands on a business day, from %s',
    (from) => {
      for (let businessDays = 0; businessDays <= 12; businessDays += 1) {
        const result = addBusinessDays(tokyo(from), businessDays);
        expect(businessDaysBetween(tokyo(from), result)).toBe(businessDays);
        if (businessDays > 0) expect(isJapaneseBusinessDay(result)).toBe(true);
      }
    },
  );
});

describe('Tokyo formatting', () => {
  it('gives the Tokyo calendar date and time', () => {
    expect(tokyoCalendarDate(new Date('2026-11-19T15:00:00Z'))).toBe('2026-11-20');
    expect(formatTokyoDateTime(new Date('2026-11-19T15:05:00Z'))).toBe('2026-11-20 00:05 JST');
  });
});
