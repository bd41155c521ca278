// Holidays through date-holidays: public (national) holidays only; bank holidays and observances stay open.

import Holidays from 'date-holidays';
import { dayNumberOfIsoDate, MILLISECONDS_PER_DAY } from './calendar-local-time.rule';

let supportedCountries: ReadonlySet<string> | undefined;
const holidayEngines = new Map<string, Holidays>();
const holidayDaysByCountryYear = new Map<string, ReadonlySet<number>>();

export function isSupportedHolidayCountry(country: string): boolean {
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

export function isPublicHoliday(country: string, dayNumber: number): boolean {
  const year = new Date(dayNumber * MILLISECONDS_PER_DAY).getUTCFullYear();
  // A multi-day holiday listed under the previous year may run into this one.
  return publicHolidayDays(country, year).has(dayNumber) || publicHolidayDays(country, year - 1).has(dayNumber);
}
