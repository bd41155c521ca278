// Business calendars (docs/sla.md "Policies and calendars"): when a calendar is open, as plain data, and the
// default calendars. The business-time maths over them: business-minutes.rule.ts; how a calendar's content is
// validated and compiled: business-calendar-compilation.rule.ts.

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
