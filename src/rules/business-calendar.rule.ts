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

import Holidays from 'date-holidays';

export interface WeeklyOpenHours {
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** 'HH:MM' local wall-clock time, 00:00–23:59 */
  opensAt: string;
  /** 'HH:MM' local wall-clock time after opensAt, up to '24:00' (the next local midnight); no overnight spans */
  closesAt: string;
}

export interface Closure {
  /** 'YYYY-MM-DD' local date, inclusive; 'MM-DD' when recurringYearly */
  startDate: string;
  /** 'YYYY-MM-DD' local date, inclusive; 'MM-DD' when recurringYearly (may be earlier than startDate: wraps New Year) */
  endDate: string;
  reason: string;
  /** Closed every year between the two month-days, e.g. '12-29' … '01-03'. */
  recurringYearly?: boolean;
}

export interface BusinessCalendar {
  id: string;
  /** Each change by an admin is a new version (1 when absent); a clock keeps the version it started on. */
  version?: number;
  name: string;
  /** IANA time zone in which weekly hours, holidays and closures are read */
  timeZone: string;
  /** Several entries per weekday are allowed (split shifts); must be empty when alwaysOpen. */
  weeklyHours: readonly WeeklyOpenHours[];
  /** Open 00:00–24:00 every day, still subject to holidays and closures; without those it counts real minutes. */
  alwaysOpen: boolean;
  /** ISO 3166 country whose national (date-holidays type 'public') holidays close the whole local day; null: none */
  holidayCountry: string | null;
  closures: readonly Closure[];
}

/** A calendar that cannot be used: malformed data, or no open time at all within 366 consecutive days. */
export class InvalidBusinessCalendarError extends Error {
  constructor(
    readonly calendarId: string,
    problem: string,
  ) {
    super(`Business calendar "${calendarId}": ${problem}`);
    this.name = 'InvalidBusinessCalendarError';
  }
}

const EVERY_WEEKDAY = [0, 1, 2, 3, 4, 5, 6] as const;
const MONDAY_TO_FRIDAY = [1, 2, 3, 4, 5] as const;

function openHours(weekdays: readonly number[], opensAt: string, closesAt: string): WeeklyOpenHours[] {
  return weekdays.map((weekday) => ({ weekday, opensAt, closesAt }));
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (typeof child === 'object' && child !== null) deepFreeze(child);
  }
  return Object.freeze(value);
}

/** The default calendars (docs/sla.md "Policies and calendars"); keys equal ids. Frozen because every ticket of the marketplace shares them. */
export const DEFAULT_CALENDARS: {
  readonly ALWAYS: BusinessCalendar;
  readonly JP_SUPPORT_HOURS: BusinessCalendar;
  readonly JP_BUSINESS_DAYS: BusinessCalendar;
} = deepFreeze({
  ALWAYS: {
    id: 'ALWAYS',
    name: '24/7',
    timeZone: 'Asia/Tokyo',
    weeklyHours: [],
    alwaysOpen: true,
    holidayCountry: null,
    closures: [],
  },
  JP_SUPPORT_HOURS: {
    id: 'JP_SUPPORT_HOURS',
    name: 'Support hours, every day 09:00–21:00 JST',
    timeZone: 'Asia/Tokyo',
    weeklyHours: openHours(EVERY_WEEKDAY, '09:00', '21:00'),
    alwaysOpen: false,
    holidayCountry: null,
    closures: [{ startDate: '12-31', endDate: '01-03', recurringYearly: true, reason: 'New Year holidays (年末年始)' }],
  },
  JP_BUSINESS_DAYS: {
    id: 'JP_BUSINESS_DAYS',
    name: 'Business days, Mon–Fri 09:00–18:00 JST',
    timeZone: 'Asia/Tokyo',
    weeklyHours: openHours(MONDAY_TO_FRIDAY, '09:00', '18:00'),
    alwaysOpen: false,
    holidayCountry: 'JP',
    closures: [{ startDate: '12-29', endDate: '01-03', recurringYearly: true, reason: 'Year-end and New Year holidays (年末年始)' }],
  },
});

export type DefaultCalendarId = keyof typeof DEFAULT_CALENDARS;

export function findDefaultCalendar(calendarId: string): BusinessCalendar | undefined {
  return Object.prototype.hasOwnProperty.call(DEFAULT_CALENDARS, calendarId)
    ? DEFAULT_CALENDARS[calendarId as DefaultCalendarId]
    : undefined;
}

const MILLISECONDS_PER_SECOND = 1000;
const MILLISECONDS_PER_MINUTE = 60_000;
const MILLISECONDS_PER_DAY = 86_400_000;
const MINUTES_PER_DAY = 1440;
/** A calendar closed for longer than this is treated as never opening (a year, leap day included). */
const MAX_CONSECUTIVE_CLOSED_DAYS = 366;
/** Bounds every cache; a few years of days per calendar is far below it, so clearing is a safety net only. */
const MAX_CACHE_ENTRIES = 20_000;

// ---------------------------------------------------------------------------------------------------------------
// Time zones through Intl. Local days are numbered like UTC days: dayNumber = days since 1970-01-01 of the local
// civil date, and a "wall time" is a local date-time written as milliseconds as if it were UTC.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Local wall time minus real time at `instant`, in ms; resolved to the second, as every tz offset is. */
function utcOffsetAt(timeZone: string, instant: number): number {
  const wholeSecond = Math.floor(instant / MILLISECONDS_PER_SECOND) * MILLISECONDS_PER_SECOND;
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterOf(timeZone).formatToParts(wholeSecond)) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  // Some ICU versions print midnight as 24 despite h23.
  const hour = fields.hour === 24 ? 0 : fields.hour;
  return Date.UTC(fields.year, fields.month - 1, fields.day, hour, fields.minute, fields.second) - wholeSecond;
}

/** The real instant of a local wall time: the earlier one when repeated, the change itself when skipped. */
function instantOfWallTime(timeZone: string, wallTime: number): number {
  // Real offsets lie within ±14 h, so the offsets a day either side bracket every change that can affect wallTime.
  const offsetBefore = utcOffsetAt(timeZone, wallTime - MILLISECONDS_PER_DAY);
  const offsetAfter = utcOffsetAt(timeZone, wallTime + MILLISECONDS_PER_DAY);
  if (offsetBefore === offsetAfter) return wallTime - offsetBefore;
  // The larger offset gives the earlier instant, which wins when the wall time occurs twice.
  const candidateOffsets = offsetBefore > offsetAfter ? [offsetBefore, offsetAfter] : [offsetAfter, offsetBefore];
  for (const offset of candidateOffsets) {
    if (utcOffsetAt(timeZone, wallTime - offset) === offset) return wallTime - offset;
  }
  // Skipped wall time: binary-search the change between the instants the two offsets would give.
  let beforeChange = wallTime - offsetAfter;
  let afterChange = wallTime - offsetBefore;
  const offsetBeforeChange = utcOffsetAt(timeZone, beforeChange);
  while (afterChange - beforeChange > 1) {
    const middle = Math.floor((beforeChange + afterChange) / 2);
    if (utcOffsetAt(timeZone, middle) === offsetBeforeChange) beforeChange = middle;
    else afterChange = middle;
  }
  return afterChange;
}

/** Real instant at which each local day starts, per time zone. */
const startOfDayCache = new Map<string, Map<number, number>>();

function startOfLocalDay(timeZone: string, dayNumber: number): number {
  let starts = startOfDayCache.get(timeZone);
  if (starts === undefined) {
    starts = new Map();
    startOfDayCache.set(timeZone, starts);
  }
  let start = starts.get(dayNumber);
  if (start === undefined) {
    if (starts.size >= MAX_CACHE_ENTRIES) starts.clear();
    start = instantOfWallTime(timeZone, dayNumber * MILLISECONDS_PER_DAY);
    starts.set(dayNumber, start);
  }
  return start;
}

/** Local day containing `instant`; uses the cached day starts, so it costs no Intl call once warm. */
function localDayNumberOf(timeZone: string, instant: number): number {
  let dayNumber = Math.floor(instant / MILLISECONDS_PER_DAY);
  while (instant < startOfLocalDay(timeZone, dayNumber)) dayNumber -= 1;
  while (instant >= startOfLocalDay(timeZone, dayNumber + 1)) dayNumber += 1;
  return dayNumber;
}

function weekdayOf(dayNumber: number): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber + 4) % 7) + 7) % 7;
}

// ---------------------------------------------------------------------------------------------------------------
// Holidays through date-holidays: public (national) holidays only; bank holidays and observances stay open.

let supportedCountries: ReadonlySet<string> | undefined;
const holidayEngines = new Map<string, Holidays>();
const holidayDaysByCountryYear = new Map<string, ReadonlySet<number>>();

function isSupportedHolidayCountry(country: string): boolean {
  supportedCountries ??= new Set(Object.keys(new Holidays().getCountries()));
  return supportedCountries.has(country);
}

function publicHolidayDays(country: string, year: number): ReadonlySet<number> {
  const key = `${country}:${year}`;
  let days = holidayDaysByCountryYear.get(key);
  if (days === undefined) {
    let engine = holidayEngines.get(country);
    if (engine === undefined) {
      engine = new Holidays(country);
      holidayEngines.set(country, engine);
    }
    const collected = new Set<number>();
    for (const holiday of engine.getHolidays(year)) {
      if (holiday.type !== 'public') continue;
      // `date` is the local civil date of the country; a holiday closes whole days, however many hours it spans.
      const firstDay = dayNumberOfIsoDate(holiday.date.slice(0, 10));
      const dayCount = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / MILLISECONDS_PER_DAY));
      for (let offset = 0; offset < dayCount; offset += 1) collected.add(firstDay + offset);
    }
    days = collected;
    holidayDaysByCountryYear.set(key, days);
  }
  return days;
}

function isPublicHoliday(country: string, dayNumber: number): boolean {
  const year = new Date(dayNumber * MILLISECONDS_PER_DAY).getUTCFullYear();
  // A multi-day holiday listed under the previous year may run into this one.
  return publicHolidayDays(country, year).has(dayNumber) || publicHolidayDays(country, year - 1).has(dayNumber);
}

// ---------------------------------------------------------------------------------------------------------------
// Calendar compilation: validated once per distinct content.

interface OpenMinutes {
  /** minutes after local midnight */
  opensAt: number;
  /** minutes after local midnight, up to 1440 */
  closesAt: number;
}

interface OpenInterval {
  /** epoch ms, inclusive */
  opensAt: number;
  /** epoch ms, exclusive */
  closesAt: number;
}

type CompiledClosure =
  | { recurringYearly: false; firstDay: number; lastDay: number }
  /** month * 100 + day, so that ranges compare as numbers */
  | { recurringYearly: true; firstMonthDay: number; lastMonthDay: number };

interface CompiledCalendar {
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

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const WALL_CLOCK_TIME = /^(\d{2}):(\d{2})$/;

function dayNumberOfIsoDate(isoDate: string): number {
  const match = ISO_DATE.exec(isoDate);
  if (match === null) return Number.NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 02-30 over to March; a round trip rejects such dates.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return Number.NaN;
  return date.getTime() / MILLISECONDS_PER_DAY;
}

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

function compiled(calendar: BusinessCalendar): CompiledCalendar {
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
function openIntervalsOf(calendar: CompiledCalendar, dayNumber: number): readonly OpenInterval[] {
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
