import Holidays from 'date-holidays';

// Japanese business days at day granularity, for rules phrased in whole business days (refund-overdue).
//
// A JP business day is a Tokyo calendar date that is Monday–Friday, not a Japanese national holiday (date-holidays,
// country JP, type 'public' only: substitute holidays 振替休日 and 国民の休日 included, bank holidays excluded) and
// not in the year-end closure 29 Dec–3 Jan.
//
// Tokyo civil time is UTC+9 for every date since 1951 (Japan keeps no daylight saving time), so a fixed offset gives
// the Tokyo calendar date of any instant, and adding whole days keeps the Tokyo time of day.
//
// The SLA clocks measure business *hours* on the JP_BUSINESS_DAYS calendar; that belongs to the SLA maths, not here.

const TOKYO_OFFSET_MILLISECONDS = 9 * 60 * 60 * 1000;
const DAY_MILLISECONDS = 24 * 60 * 60 * 1000;

/** Whole days since 1970-01-01 of the Tokyo calendar date an instant falls on. */
type TokyoDayNumber = number;

function tokyoDayNumber(instant: Date): TokyoDayNumber {
  return Math.floor((instant.getTime() + TOKYO_OFFSET_MILLISECONDS) / DAY_MILLISECONDS);
}

/** Year, month (1–12), day and weekday (0 = Sunday) of a Tokyo day number. */
function calendarOf(day: TokyoDayNumber): { year: number; month: number; dayOfMonth: number; weekday: number } {
  const midnight = new Date(day * DAY_MILLISECONDS);
  return {
    year: midnight.getUTCFullYear(),
    month: midnight.getUTCMonth() + 1,
    dayOfMonth: midnight.getUTCDate(),
    weekday: midnight.getUTCDay(),
  };
}

function isoDate(year: number, month: number, dayOfMonth: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

let japaneseHolidays: Holidays | null = null;
const publicHolidaysByYear = new Map<number, ReadonlySet<string>>();

/** ISO dates (YYYY-MM-DD, Tokyo) of the year's public holidays; computed once per year and kept for the process. */
function publicHolidaysOf(year: number): ReadonlySet<string> {
  const cached = publicHolidaysByYear.get(year);
  if (cached !== undefined) return cached;
  japaneseHolidays ??= new Holidays('JP');
  const dates = new Set(
    japaneseHolidays
      .getHolidays(year)
      .filter((holiday) => holiday.type === 'public')
      .map((holiday) => holiday.date.slice(0, 10)),
  );
  publicHolidaysByYear.set(year, dates);
  return dates;
}

function isYearEndClosure(month: number, dayOfMonth: number): boolean {
  return (month === 12 && dayOfMonth >= 29) || (month === 1 && dayOfMonth <= 3);
}

function isBusinessDay(day: TokyoDayNumber): boolean {
  const { year, month, dayOfMonth, weekday } = calendarOf(day);
  if (weekday === 0 || weekday === 6) return false;
  if (isYearEndClosure(month, dayOfMonth)) return false;
  return !publicHolidaysOf(year).has(isoDate(year, month, dayOfMonth));
}

/** The Tokyo calendar date of an instant, YYYY-MM-DD. */
export function tokyoCalendarDate(instant: Date): string {
  const { year, month, dayOfMonth } = calendarOf(tokyoDayNumber(instant));
  return isoDate(year, month, dayOfMonth);
}

/** Whether the Tokyo calendar date of the instant is a JP business day. */
export function isJapaneseBusinessDay(instant: Date): boolean {
  return isBusinessDay(tokyoDayNumber(instant));
}

/**
 * Number of JP business days strictly after the Tokyo date of `from`, up to and including the Tokyo date of `to`.
 * Unit: whole days; the times of day do not matter. Invariants: never negative (0 when `to` is on or before the
 * date of `from`); non-decreasing in `to`; businessDaysBetween(x, addBusinessDays(x, n)) === n.
 */
export function businessDaysBetween(from: Date, to: Date): number {
  const lastDay = tokyoDayNumber(to);
  let count = 0;
  for (let day = tokyoDayNumber(from) + 1; day <= lastDay; day += 1) {
    if (isBusinessDay(day)) count += 1;
  }
  return count;
}

/**
 * The same Tokyo time of day on the n-th JP business day after the Tokyo date of `from` (n = 0 returns `from`).
 * Counting starts the day after `from` whether or not `from` itself is a business day.
 */
export function addBusinessDays(from: Date, businessDays: number): Date {
  if (!Number.isInteger(businessDays) || businessDays < 0) {
    throw new RangeError(`addBusinessDays needs a whole number of business days ≥ 0, got ${businessDays}`);
  }
  const startDay = tokyoDayNumber(from);
  let day = startDay;
  for (let remaining = businessDays; remaining > 0;) {
    day += 1;
    if (isBusinessDay(day)) remaining -= 1;
  }
  return new Date(from.getTime() + (day - startDay) * DAY_MILLISECONDS);
}

/** "2026-11-20 10:00 JST": an instant as a person in Japan reads it, for reasons and messages. */
export function formatTokyoDateTime(instant: Date): string {
  const tokyo = new Date(instant.getTime() + TOKYO_OFFSET_MILLISECONDS);
  const hours = String(tokyo.getUTCHours()).padStart(2, '0');
  const minutes = String(tokyo.getUTCMinutes()).padStart(2, '0');
  return `${tokyoCalendarDate(instant)} ${hours}:${minutes} JST`;
}
