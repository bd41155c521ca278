import { CallbackWindow } from '../domain/callback';
import { BusinessCalendar } from './business-calendar.rule';
import { openIntervalsOfDays } from './business-minutes.rule';

// Callback slots (issue #17, point 3). A team's support hours (its business calendar) are cut into slots of the
// team's `callbackSlotMinutes`, laid from each opening of the calendar: JP_SUPPORT_HOURS (09:00–21:00 JST) with
// 30-minute slots gives 09:00, 09:30, … 20:30. A trailing piece shorter than a slot before a closing is no slot.
// Each slot takes at most the team's `callbackSlotCapacity` callbacks. A callback is scheduled in the earliest slot
// that starts at or after `notBefore` (now, or the end of a missed slot), lies wholly inside one of the customer's
// preferred windows (any slot when none is given) and is not full, within the horizon; callbackAt is the slot's
// start. Pure: the caller passes `now`, the calendar and the slots' bookings.

/** How far ahead a callback is scheduled: beyond it the request is refused (NO_CALLBACK_SLOT). */
export const CALLBACK_HORIZON_DAYS = 14;
/** CALLBACK_DUE_SOON fires this many minutes before a slot starts (not at all when scheduled closer than that). */
export const CALLBACK_WARNING_MINUTES = 15;

const MILLISECONDS_PER_MINUTE = 60_000;
const MILLISECONDS_PER_DAY = 86_400_000;

export interface CallbackSlot {
  startsAt: Date;
  endsAt: Date;
}

export interface CallbackSlotRequest {
  now: Date;
  /** The team's support hours. */
  calendar: BusinessCalendar;
  slotMinutes: number;
  slotCapacity: number;
  /** Callbacks already scheduled in the team's slots, by the slot's start (epoch milliseconds). */
  bookedBySlotStart: ReadonlyMap<number, number>;
  /** The customer's windows; empty: any slot. */
  preferredWindows: readonly CallbackWindow[];
  /** The slot starts at or after this instant (later than now when rescheduling after a missed slot); default now. */
  notBefore?: Date;
}

export type CallbackSlotChoice = { outcome: 'SCHEDULED'; slot: CallbackSlot } | { outcome: 'NO_FREE_SLOT' };

/** The end of the scheduling horizon for a request made at `now`. */
export function callbackHorizonEnd(now: Date): Date {
  return new Date(now.getTime() + CALLBACK_HORIZON_DAYS * MILLISECONDS_PER_DAY);
}

/** The slots of the calendar that start in [from, to), in order. */
export function callbackSlotsBetween(from: Date, to: Date, calendar: BusinessCalendar, slotMinutes: number): CallbackSlot[] {
  if (!Number.isInteger(slotMinutes) || slotMinutes <= 0)
    throw new RangeError(`slotMinutes must be a positive whole number, got ${slotMinutes}`);
  const length = slotMinutes * MILLISECONDS_PER_MINUTE;
  const slots: CallbackSlot[] = [];
  for (const interval of openIntervalsOfDays(from, to, calendar)) {
    for (let start = interval.opensAt.getTime(); start + length <= interval.closesAt.getTime(); start += length) {
      if (start >= from.getTime() && start < to.getTime()) slots.push({ startsAt: new Date(start), endsAt: new Date(start + length) });
    }
  }
  return slots;
}

function fitsWindows(slot: CallbackSlot, windows: readonly CallbackWindow[]): boolean {
  if (windows.length === 0) return true;
  return windows.some((window) => window.startsAt.getTime() <= slot.startsAt.getTime() && slot.endsAt.getTime() <= window.endsAt.getTime());
}

/** The earliest free slot that honours the preferred windows, within the horizon. */
export function chooseCallbackSlot(request: CallbackSlotRequest): CallbackSlotChoice {
  const { now, calendar, slotMinutes, slotCapacity, bookedBySlotStart, preferredWindows } = request;
  const notBefore = request.notBefore !== undefined && request.notBefore.getTime() > now.getTime() ? request.notBefore : now;
  for (const slot of callbackSlotsBetween(notBefore, callbackHorizonEnd(now), calendar, slotMinutes)) {
    if (!fitsWindows(slot, preferredWindows)) continue;
    if ((bookedBySlotStart.get(slot.startsAt.getTime()) ?? 0) >= slotCapacity) continue;
    return { outcome: 'SCHEDULED', slot };
  }
  return { outcome: 'NO_FREE_SLOT' };
}

/**
 * When CALLBACK_DUE_SOON fires for a slot: CALLBACK_WARNING_MINUTES before it starts; null when that moment has
 * passed already (a slot scheduled closer than that: CALLBACK_SCHEDULED itself is the notice).
 */
export function callbackWarnAt(slotStartsAt: Date, now: Date): Date | null {
  const warnAt = slotStartsAt.getTime() - CALLBACK_WARNING_MINUTES * MILLISECONDS_PER_MINUTE;
  return warnAt > now.getTime() ? new Date(warnAt) : null;
}
