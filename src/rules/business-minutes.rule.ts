// Business-time maths of the SLA engine (docs/sla.md): pure functions over a BusinessCalendar, `now` always passed in.
//
// Model. A calendar is open during half-open intervals [opensAt, closesAt) of real time. Each local calendar day
// (in the calendar's IANA time zone) contributes the intervals of its weekday's open hours, converted from local
// wall-clock times to UTC instants on that very day, so a day that is 23 or 25 hours long (DST) is measured in
// real elapsed time. A day on a public holiday of `holidayCountry` or inside a closure has no open time at all.
//
// Units. Business minutes are real minutes that elapse while the calendar is open; amounts may be fractional and
// are resolved to the millisecond (the resolution of Date), rounding to the nearest millisecond.
//
// Boundaries. Open at `opensAt`, closed at `closesAt` (half-open). A clock started in closed time starts counting at
// the next opening: addBusinessMinutes(start, 0) is `start` when open, else the next opening. When a positive budget
// is used up exactly at a closing instant, the due time is that closing instant (not the next opening): with
// JP_SUPPORT_HOURS a 60-minute callback requested Friday 20:55 JST uses 5 minutes on Friday, resumes Saturday 09:00
// and is due Saturday 09:55 JST; a 5-minute one is due Friday 21:00 JST. So a positive result is always either
// open or exactly a closing instant, and businessMinutesBetween(nextOpeningAt(start), addBusinessMinutes(start, m))
// equals m.
//
// DST. A wall-clock time that does not exist (skipped by a spring-forward change) resolves to the instant of the
// change, i.e. the first real instant whose wall-clock time is later; an ambiguous one (repeated by a fall-back
// change) resolves to its earlier occurrence. Both rules keep the mapping monotonic, so no interval turns negative.
//
// Calendars are values: computations are cached by their content (time zone, hours, holidays, closures), never
// by object identity, so a calendar rebuilt from the database per request reuses the same cache entries.

import { BusinessCalendar, InvalidBusinessCalendarError } from './business-calendar.rule';
import { compiled, openIntervalsOf } from './business-calendar-compilation.rule';
import { localDayNumberOf, MILLISECONDS_PER_MINUTE } from './calendar-local-time.rule';

/** A calendar closed for longer than this is treated as never opening (a year, leap day included). */
const MAX_CONSECUTIVE_CLOSED_DAYS = 366;

function instantOf(date: Date, argumentName: string): number {
  const instant = date.getTime();
  if (!Number.isFinite(instant)) throw new RangeError(`${argumentName} is an invalid Date`);
  return instant;
}

// ---------------------------------------------------------------------------------------------------------------
// Public maths.

/**
 * The instant at which `minutes` business minutes (≥ 0, fractional allowed, resolved to the millisecond) have
 * elapsed since `start`. Counting starts at `start` if open, else at the next opening; so `minutes = 0` gives
 * nextOpeningAt(start). A positive budget used up exactly at a closing time is due at that closing instant.
 * Throws InvalidBusinessCalendarError when the calendar stays closed for more than 366 consecutive days.
 */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  const startInstant = instantOf(start, 'start');
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes must be a finite number ≥ 0, got ${minutes}`);
  const compiledCalendar = compiled(calendar);
  let remaining = Math.round(minutes * MILLISECONDS_PER_MINUTE);
  if (compiledCalendar.countsRealTime) return new Date(startInstant + remaining);

  let cursor = startInstant;
  let closedDaysInARow = 0;
  for (let dayNumber = localDayNumberOf(compiledCalendar.timeZone, startInstant); ; dayNumber += 1) {
    const intervals = openIntervalsOf(compiledCalendar, dayNumber);
    closedDaysInARow = intervals.length === 0 ? closedDaysInARow + 1 : 0;
    if (closedDaysInARow > MAX_CONSECUTIVE_CLOSED_DAYS) {
      const problem = `no open time at all within ${MAX_CONSECUTIVE_CLOSED_DAYS} days after ${start.toISOString()}`;
      throw new InvalidBusinessCalendarError(calendar.id, problem);
    }
    for (const interval of intervals) {
      if (interval.closesAt <= cursor) continue;
      const countingFrom = Math.max(interval.opensAt, cursor);
      // `<=` (not `<`) makes a budget that ends at closing time due at the closing instant.
      if (remaining <= interval.closesAt - countingFrom) return new Date(countingFrom + remaining);
      remaining -= interval.closesAt - countingFrom;
      cursor = interval.closesAt;
    }
  }
}

/** Business minutes (fractional) elapsed while open in [from, to); negative when to < from. */
export function businessMinutesBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  const fromInstant = instantOf(from, 'from');
  const toInstant = instantOf(to, 'to');
  if (toInstant < fromInstant) {
    const elapsed = businessMinutesBetween(to, from, calendar);
    return elapsed === 0 ? 0 : -elapsed;
  }
  const compiledCalendar = compiled(calendar);
  if (compiledCalendar.countsRealTime) return (toInstant - fromInstant) / MILLISECONDS_PER_MINUTE;

  let elapsed = 0;
  const lastDay = localDayNumberOf(compiledCalendar.timeZone, toInstant);
  for (let dayNumber = localDayNumberOf(compiledCalendar.timeZone, fromInstant); dayNumber <= lastDay; dayNumber += 1) {
    for (const interval of openIntervalsOf(compiledCalendar, dayNumber)) {
      const overlap = Math.min(interval.closesAt, toInstant) - Math.max(interval.opensAt, fromInstant);
      if (overlap > 0) elapsed += overlap;
    }
  }
  return elapsed / MILLISECONDS_PER_MINUTE;
}

/** Whether the calendar is open at `instant` (open at an opening instant, closed at a closing instant). */
export function isOpenAt(instant: Date, calendar: BusinessCalendar): boolean {
  const at = instantOf(instant, 'instant');
  const compiledCalendar = compiled(calendar);
  if (compiledCalendar.countsRealTime) return true;
  const intervals = openIntervalsOf(compiledCalendar, localDayNumberOf(compiledCalendar.timeZone, at));
  return intervals.some((interval) => interval.opensAt <= at && at < interval.closesAt);
}

/** `instant` itself when open, else the next opening instant. */
export function nextOpeningAt(instant: Date, calendar: BusinessCalendar): Date {
  return addBusinessMinutes(instant, 0, calendar);
}

/**
 * The open intervals [opensAt, closesAt) of every local day of the calendar from the day containing `from` to the
 * day containing `to`, whole (not clipped to [from, to)), in order; an always-open day is one interval from local
 * midnight to the next. Slots are laid over them from each opening (callbacks: src/rules/callback-slot.rule.ts).
 */
export function openIntervalsOfDays(from: Date, to: Date, calendar: BusinessCalendar): Array<{ opensAt: Date; closesAt: Date }> {
  const fromInstant = instantOf(from, 'from');
  const toInstant = instantOf(to, 'to');
  const compiledCalendar = compiled(calendar);
  const result: Array<{ opensAt: Date; closesAt: Date }> = [];
  const lastDay = localDayNumberOf(compiledCalendar.timeZone, toInstant);
  for (let dayNumber = localDayNumberOf(compiledCalendar.timeZone, fromInstant); dayNumber <= lastDay; dayNumber += 1) {
    for (const interval of openIntervalsOf(compiledCalendar, dayNumber))
      result.push({ opensAt: new Date(interval.opensAt), closesAt: new Date(interval.closesAt) });
  }
  return result;
}
