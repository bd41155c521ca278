// Calendar compilation: a BusinessCalendar validated once per distinct content, and its open intervals per local
// day, cached (business-minutes.rule.ts header: calendars are values).

import { BusinessCalendar, InvalidBusinessCalendarError } from './business-calendar.rule';
import {
  dayNumberOfIsoDate,
  formatterOf,
  instantOfWallTime,
  MAX_CACHE_ENTRIES,
  MILLISECONDS_PER_DAY,
  MILLISECONDS_PER_MINUTE,
  MINUTES_PER_DAY,
  startOfLocalDay,
  weekdayOf,
} from './calendar-local-time.rule';
import { isPublicHoliday, isSupportedHolidayCountry } from './public-holiday.rule';

interface OpenMinutes {
  /** minutes after local midnight */
  opensAt: number;
  /** minutes after local midnight, up to 1440 */
  closesAt: number;
}

export interface OpenInterval {
  /** epoch ms, inclusive */
  opensAt: number;
  /** epoch ms, exclusive */
  closesAt: number;
}

type CompiledClosure =
  | { recurringYearly: false; firstDay: number; lastDay: number }
  /** month * 100 + day, so that ranges compare as numbers */
  | { recurringYearly: true; firstMonthDay: number; lastMonthDay: number };

export interface CompiledCalendar {
  id: string;
  timeZone: string;
  alwaysOpen: boolean;
  /** alwaysOpen without holidays or closures: business minutes are real minutes, no day iteration needed */
  countsRealTime: boolean;
  holidayCountry: string | null;
  /** index = weekday; sorted, merged */
  openMinutesByWeekday: readonly (readonly OpenMinutes[])[];
  closures: readonly CompiledClosure[];
  openIntervalsByDay: Map<number, readonly OpenInterval[]>;
}

const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const WALL_CLOCK_TIME = /^(\d{2}):(\d{2})$/;

function monthDayNumberOf(monthDay: string): number {
  const match = MONTH_DAY.exec(monthDay);
  if (match === null) return Number.NaN;
  // A leap year, so that 02-29 is a valid recurring date.
  const dayNumber = dayNumberOfIsoDate(`2000-${match[1]}-${match[2]}`);
  return Number.isNaN(dayNumber) ? Number.NaN : Number(match[1]) * 100 + Number(match[2]);
}

function minutesOfWallClockTime(time: string, allowEndOfDay: boolean): number {
  const match = WALL_CLOCK_TIME.exec(time);
  if (match === null) return Number.NaN;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (allowEndOfDay && hours === 24 && minutes === 0) return MINUTES_PER_DAY;
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : Number.NaN;
}

type InvalidCalendar = (problem: string) => InvalidBusinessCalendarError;

function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  const invalid: InvalidCalendar = (problem) => new InvalidBusinessCalendarError(calendar.id, problem);
  checkCalendarSettings(calendar, invalid);
  const openMinutesByWeekday = compileWeeklyHours(calendar.weeklyHours, invalid);
  const closures = calendar.closures.map((closure) => compileClosure(closure, invalid));
  return {
    id: calendar.id,
    timeZone: calendar.timeZone,
    alwaysOpen: calendar.alwaysOpen,
    countsRealTime: calendar.alwaysOpen && calendar.holidayCountry === null && closures.length === 0,
    holidayCountry: calendar.holidayCountry,
    openMinutesByWeekday,
    closures,
    openIntervalsByDay: new Map(),
  };
}

/** The time zone and holiday country exist, and the calendar is either always open or lists its hours. */
function checkCalendarSettings(calendar: BusinessCalendar, invalid: InvalidCalendar): void {
  try {
    formatterOf(calendar.timeZone);
  } catch {
    throw invalid(`unknown time zone "${calendar.timeZone}"`);
  }
  if (calendar.holidayCountry !== null && !isSupportedHolidayCountry(calendar.holidayCountry)) {
    throw invalid(`date-holidays knows no country "${calendar.holidayCountry}"`);
  }
  if (calendar.alwaysOpen && calendar.weeklyHours.length > 0) {
    throw invalid('an always-open calendar must not list weekly hours');
  }
  if (!calendar.alwaysOpen && calendar.weeklyHours.length === 0) {
    throw invalid('no open time at all: no weekly hours and not always open');
  }
}

/** Open minutes per weekday (0 = Sunday), sorted, overlapping and touching intervals merged. */
function compileWeeklyHours(weeklyHours: BusinessCalendar['weeklyHours'], invalid: InvalidCalendar): OpenMinutes[][] {
  const openMinutesByWeekday: OpenMinutes[][] = [[], [], [], [], [], [], []];
  for (const hours of weeklyHours) {
    const opensAt = minutesOfWallClockTime(hours.opensAt, false);
    const closesAt = minutesOfWallClockTime(hours.closesAt, true);
    if (!Number.isInteger(hours.weekday) || hours.weekday < 0 || hours.weekday > 6) {
      throw invalid(`weekday must be 0 (Sunday) … 6 (Saturday), got ${hours.weekday}`);
    }
    if (Number.isNaN(opensAt) || Number.isNaN(closesAt) || opensAt >= closesAt) {
      throw invalid(`open hours "${hours.opensAt}"–"${hours.closesAt}" must be HH:MM with opening before closing (up to 24:00)`);
    }
    openMinutesByWeekday[hours.weekday].push({ opensAt, closesAt });
  }
  for (const day of openMinutesByWeekday) {
    day.sort((left, right) => left.opensAt - right.opensAt);
    for (let index = day.length - 1; index > 0; index -= 1) {
      if (day[index].opensAt <= day[index - 1].closesAt) {
        day[index - 1].closesAt = Math.max(day[index - 1].closesAt, day[index].closesAt);
        day.splice(index, 1);
      }
    }
  }
  return openMinutesByWeekday;
}

function compileClosure(closure: BusinessCalendar['closures'][number], invalid: InvalidCalendar): CompiledClosure {
  if (closure.recurringYearly === true) {
    const firstMonthDay = monthDayNumberOf(closure.startDate);
    const lastMonthDay = monthDayNumberOf(closure.endDate);
    if (Number.isNaN(firstMonthDay) || Number.isNaN(lastMonthDay)) {
      throw invalid(`a yearly closure needs MM-DD dates, got "${closure.startDate}"–"${closure.endDate}"`);
    }
    return { recurringYearly: true, firstMonthDay, lastMonthDay };
  }
  const firstDay = dayNumberOfIsoDate(closure.startDate);
  const lastDay = dayNumberOfIsoDate(closure.endDate);
  if (Number.isNaN(firstDay) || Number.isNaN(lastDay) || firstDay > lastDay) {
    throw invalid(`a closure needs YYYY-MM-DD dates in order, got "${closure.startDate}"–"${closure.endDate}"`);
  }
  return { recurringYearly: false, firstDay, lastDay };
}

const compiledCalendars = new Map<string, CompiledCalendar>();

/** The same calendar object (e.g. from a cached catalog) skips building the content key on every call. */
const compiledByIdentity = new WeakMap<BusinessCalendar, CompiledCalendar>();

export function compiled(calendar: BusinessCalendar): CompiledCalendar {
  const known = compiledByIdentity.get(calendar);
  if (known !== undefined) return known;
  const result = compiledByContent(calendar);
  compiledByIdentity.set(calendar, result);
  return result;
}

function compiledByContent(calendar: BusinessCalendar): CompiledCalendar {
  // The content that the maths depends on; the id is included only so that error messages name the calendar.
  const key = JSON.stringify([
    calendar.id,
    calendar.timeZone,
    calendar.alwaysOpen,
    calendar.holidayCountry,
    calendar.weeklyHours.map((hours) => [hours.weekday, hours.opensAt, hours.closesAt]),
    calendar.closures.map((closure) => [closure.startDate, closure.endDate, closure.recurringYearly === true]),
  ]);
  let result = compiledCalendars.get(key);
  if (result === undefined) {
    result = compileCalendar(calendar);
    if (compiledCalendars.size >= MAX_CACHE_ENTRIES) compiledCalendars.clear();
    compiledCalendars.set(key, result);
  }
  return result;
}

function isClosedDay(calendar: CompiledCalendar, dayNumber: number): boolean {
  if (calendar.holidayCountry !== null && isPublicHoliday(calendar.holidayCountry, dayNumber)) return true;
  if (calendar.closures.length === 0) return false;
  const date = new Date(dayNumber * MILLISECONDS_PER_DAY);
  const monthDay = (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
  return calendar.closures.some((closure) => {
    if (!closure.recurringYearly) return closure.firstDay <= dayNumber && dayNumber <= closure.lastDay;
    return closure.firstMonthDay <= closure.lastMonthDay
      ? closure.firstMonthDay <= monthDay && monthDay <= closure.lastMonthDay
      : monthDay >= closure.firstMonthDay || monthDay <= closure.lastMonthDay;
  });
}

/** Open intervals of one local day, as real instants, sorted and disjoint; empty on holidays and closures. */
export function openIntervalsOf(calendar: CompiledCalendar, dayNumber: number): readonly OpenInterval[] {
  const cached = calendar.openIntervalsByDay.get(dayNumber);
  if (cached !== undefined) return cached;
  let intervals: OpenInterval[] = [];
  if (!isClosedDay(calendar, dayNumber)) {
    const openMinutes: readonly OpenMinutes[] = calendar.alwaysOpen
      ? [{ opensAt: 0, closesAt: MINUTES_PER_DAY }]
      : calendar.openMinutesByWeekday[weekdayOf(dayNumber)];
    const instantOf = (minutes: number): number =>
      minutes === 0 || minutes === MINUTES_PER_DAY
        ? startOfLocalDay(calendar.timeZone, dayNumber + minutes / MINUTES_PER_DAY)
        : instantOfWallTime(calendar.timeZone, dayNumber * MILLISECONDS_PER_DAY + minutes * MILLISECONDS_PER_MINUTE);
    intervals = openMinutes
      .map((minutes) => ({ opensAt: instantOf(minutes.opensAt), closesAt: instantOf(minutes.closesAt) }))
      // Hours lying wholly inside a skipped DST hour collapse to nothing.
      .filter((interval) => interval.closesAt > interval.opensAt);
  }
  if (calendar.openIntervalsByDay.size >= MAX_CACHE_ENTRIES) calendar.openIntervalsByDay.clear();
  calendar.openIntervalsByDay.set(dayNumber, intervals);
  return intervals;
}
