import { OwnerParty } from '../../src/domain/enums';
import {
  achievementRate,
  dayNumberOf,
  reportBuckets,
  reportInputProblem,
  SlaReportGrouping,
  startOfReportDay,
} from '../../src/rules/sla-report.rule';

describe('dayNumberOf', () => {
  it.each([
    ['1970-01-01', 0],
    ['2026-11-30', 20_787],
    ['2028-02-29', 21_243],
    ['2026-02-29', null],
    ['2026-02-30', null],
    ['2026-13-01', null],
    ['2026-1-01', null],
    ['2026-11-30T00:00', null],
    ['', null],
  ])('%s ⇒ %s', (date, expected) => {
    expect(dayNumberOf(date)).toBe(expected);
  });
});

describe('startOfReportDay', () => {
  it.each([
    ['2026-12-01', '2026-11-30T15:00:00.000Z'],
    ['2027-01-01', '2026-12-31T15:00:00.000Z'],
    // Tokyo keeps +09:00 in summer: no daylight saving.
    ['2026-07-01', '2026-06-30T15:00:00.000Z'],
  ])('%s starts at %s', (date, instant) => {
    expect(startOfReportDay(date).toISOString()).toBe(instant);
  });
});

describe('reportBuckets', () => {
  const week = SlaReportGrouping.WEEK;
  it.each([
    ['one day by day', '2026-11-16', '2026-11-16', SlaReportGrouping.DAY, [['2026-11-16', '2026-11-16', '2026-11-16']]],
    [
      'three days by day',
      '2026-11-29',
      '2026-12-01',
      SlaReportGrouping.DAY,
      [
        ['2026-11-29', '2026-11-29', '2026-11-29'],
        ['2026-11-30', '2026-11-30', '2026-11-30'],
        ['2026-12-01', '2026-12-01', '2026-12-01'],
      ],
    ],
    // Sunday 1 Nov is in the ISO week of Monday 26 Oct; Monday 30 Nov starts a week that the report clips.
    [
      'November by week',
      '2026-11-01',
      '2026-11-30',
      week,
      [
        ['2026-10-26', '2026-11-01', '2026-11-01'],
        ['2026-11-02', '2026-11-02', '2026-11-08'],
        ['2026-11-09', '2026-11-09', '2026-11-15'],
        ['2026-11-16', '2026-11-16', '2026-11-22'],
        ['2026-11-23', '2026-11-23', '2026-11-29'],
        ['2026-11-30', '2026-11-30', '2026-11-30'],
      ],
    ],
    ['a week across the year end', '2026-12-28', '2027-01-03', week, [['2026-12-28', '2026-12-28', '2027-01-03']]],
    [
      'mid-month to mid-month by month',
      '2026-11-15',
      '2027-02-10',
      SlaReportGrouping.MONTH,
      [
        ['2026-11-01', '2026-11-15', '2026-11-30'],
        ['2026-12-01', '2026-12-01', '2026-12-31'],
        ['2027-01-01', '2027-01-01', '2027-01-31'],
        ['2027-02-01', '2027-02-01', '2027-02-10'],
      ],
    ],
    ['February of a leap year', '2028-02-01', '2028-02-29', SlaReportGrouping.MONTH, [['2028-02-01', '2028-02-01', '2028-02-29']]],
  ])('%s', (_name, from, to, grouping, expected) => {
    expect(reportBuckets(from, to, grouping).map((bucket) => [bucket.key, bucket.from, bucket.to])).toEqual(expected);
  });

  it('covers a leap year by day with 366 buckets and by week with 53', () => {
    expect(reportBuckets('2028-01-01', '2028-12-31', SlaReportGrouping.DAY)).toHaveLength(366);
    // 1 Jan 2028 is a Saturday (week of 27 Dec 2027) and 31 Dec 2028 a Sunday: 1 + 52 weeks.
    expect(reportBuckets('2028-01-01', '2028-12-31', week)).toHaveLength(53);
  });
});

describe('reportInputProblem', () => {
  const base = { party: OwnerParty.SELLER, sellerId: '7', carrierId: null, from: '2026-11-01', to: '2026-11-30' };
  it.each([
    ['a seller over a month', {}, null],
    ['to before from', { from: '2026-11-30', to: '2026-11-01' }, 'input.to'],
    ['the same day', { from: '2026-11-30', to: '2026-11-30' }, null],
    ['366 days', { from: '2028-01-01', to: '2028-12-31' }, null],
    ['367 days', { from: '2026-01-01', to: '2027-01-02' }, 'input.to'],
    ['a date that does not exist', { from: '2026-02-30' }, 'input.from'],
    ['a date with a time', { to: '2026-11-30T00:00' }, 'input.to'],
    ['a seller without its id', { sellerId: null }, 'input.sellerId'],
    ['a seller with a carrier id', { carrierId: '3' }, 'input.carrierId'],
    ['a carrier with its id', { party: OwnerParty.CARRIER, sellerId: null, carrierId: '3' }, null],
    ['a carrier without its id', { party: OwnerParty.CARRIER, sellerId: null }, 'input.carrierId'],
    ['a carrier with a seller id', { party: OwnerParty.CARRIER, carrierId: '3' }, 'input.sellerId'],
    ['the platform', { party: OwnerParty.PLATFORM, sellerId: null }, null],
    ['the platform with a seller id', { party: OwnerParty.PLATFORM }, 'input.sellerId'],
    ['the platform with a carrier id', { party: OwnerParty.PLATFORM, sellerId: null, carrierId: '3' }, 'input.carrierId'],
  ])('%s ⇒ %s', (_name, change, field) => {
    expect(reportInputProblem({ ...base, ...change })?.field ?? null).toBe(field);
  });
});

describe('achievementRate', () => {
  it.each([
    [3, 1, 0.75],
    [0, 2, 0],
    [5, 0, 1],
    [0, 0, null],
  ])('met %d, breached %d ⇒ %s', (met, breached, expected) => {
    expect(achievementRate(met, breached)).toBe(expected);
  });
});
