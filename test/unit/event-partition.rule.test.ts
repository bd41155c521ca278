import { EVENT_MONTHS_PREPARED_AHEAD, planEventPartitions, utcMonthStart } from '../../src/rules/event-partition.rule';

describe('event log partitions', () => {
  it.each([
    // now, retention months, prepare from, prepare through, detach before
    ['2026-12-03T16:00:00Z', null, '2026-12-01T00:00:00Z', '2027-03-01T00:00:00Z', null],
    ['2026-12-03T16:00:00Z', 0, '2026-12-01T00:00:00Z', '2027-03-01T00:00:00Z', '2026-12-01T00:00:00Z'],
    ['2026-12-03T16:00:00Z', 2, '2026-12-01T00:00:00Z', '2027-03-01T00:00:00Z', '2026-10-01T00:00:00Z'],
    ['2026-12-03T16:00:00Z', 12, '2026-12-01T00:00:00Z', '2027-03-01T00:00:00Z', '2025-12-01T00:00:00Z'],
    // The month is UTC's: 08:00 in Tokyo on the 1st is still the previous month.
    ['2027-03-01T08:00:00+09:00', 1, '2027-02-01T00:00:00Z', '2027-05-01T00:00:00Z', '2027-01-01T00:00:00Z'],
    ['2027-01-31T23:59:59.999Z', 1, '2027-01-01T00:00:00Z', '2027-04-01T00:00:00Z', '2026-12-01T00:00:00Z'],
  ])('at %s with retention %s: prepare %s to %s, detach before %s', (now, retention, from, through, detachBefore) => {
    expect(planEventPartitions(new Date(now), retention)).toEqual({
      prepareFrom: new Date(from),
      prepareThrough: new Date(through),
      detachBefore: detachBefore === null ? null : new Date(detachBefore),
    });
  });

  it('prepares three months ahead', () => {
    expect(EVENT_MONTHS_PREPARED_AHEAD).toBe(3);
  });

  it('counts months across years both ways', () => {
    expect(utcMonthStart(new Date('2026-11-15T00:00:00Z'), 3)).toEqual(new Date('2027-02-01T00:00:00Z'));
    expect(utcMonthStart(new Date('2026-02-15T00:00:00Z'), -14)).toEqual(new Date('2024-12-01T00:00:00Z'));
  });

  it.each([[-1], [1.5], [Number.NaN]])('refuses a retention of %s months', (months) => {
    expect(() => planEventPartitions(new Date('2026-12-03T00:00:00Z'), months)).toThrow();
  });
});
