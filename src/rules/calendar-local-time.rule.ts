// Local time of an IANA time zone through Intl. Local days are numbered like UTC days: dayNumber = days since
// 1970-01-01 of the local civil date, and a "wall time" is a local date-time written as milliseconds as if it were
// UTC. DST rules: business-minutes.rule.ts (header).

export const MILLISECONDS_PER_SECOND = 1000;
export const MILLISECONDS_PER_MINUTE = 60_000;
export const MILLISECONDS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1440;
/** Bounds every cache; a few years of days per calendar is far below it, so clearing is a safety net only. */
export const MAX_CACHE_ENTRIES = 20_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatterOf(timeZone: string): Intl.DateTimeFormat {
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
export function instantOfWallTime(timeZone: string, wallTime: number): number {
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

export function startOfLocalDay(timeZone: string, dayNumber: number): number {
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
export function localDayNumberOf(timeZone: string, instant: number): number {
  let dayNumber = Math.floor(instant / MILLISECONDS_PER_DAY);
  while (instant < startOfLocalDay(timeZone, dayNumber)) dayNumber -= 1;
  while (instant >= startOfLocalDay(timeZone, dayNumber + 1)) dayNumber += 1;
  return dayNumber;
}

export function weekdayOf(dayNumber: number): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber + 4) % 7) + 7) % 7;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayNumberOfIsoDate(isoDate: string): number {
  const match = ISO_DATE.exec(isoDate);
  if (match === null) return Number.NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 02-30 over to March; a round trip rejects such dates.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return Number.NaN;
  return date.getTime() / MILLISECONDS_PER_DAY;
}
