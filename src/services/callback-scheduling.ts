import { EntityManager } from 'typeorm';
import { CallbackRecord } from '../domain/callback';
import { CALLBACK_HORIZON_DAYS, callbackHorizonEnd, callbackWarnAt, chooseCallbackSlot } from '../rules/callback-slot.rule';
import { CallbackWindow } from '../domain/callback';
import { insertCallback, readSlotBookings, TeamSlotSettings } from './callback-requests';
import { SlaCatalog } from './sla-catalog';
import { MutationResult, refused, succeeded, userError, UserErrorCode } from '../domain/user-error';

// Booking a slot (issue #17, point 3): the first request and the reschedule after a missed call take the same
// path. The caller holds the ticket's lock and the team's (lockTeamSlotsOfTicket), so the bookings it reads stay
// true until it commits.

export interface SlotBooking {
  ticketId: string;
  team: TeamSlotSettings;
  phoneNumber: string;
  preferredWindows: readonly CallbackWindow[];
  attempt: number;
  rescheduledFromId: string | null;
  /** The slot starts at or after this instant (the end of the missed slot when rescheduling). */
  notBefore: Date | null;
  requestedBy: string;
  now: Date;
}

export class CallbackScheduler {
  constructor(private readonly catalog: SlaCatalog) {}

  /** Books the earliest free slot that honours the windows (NO_CALLBACK_SLOT when none is left within the horizon). */
  async book(manager: EntityManager, booking: SlotBooking): Promise<MutationResult<CallbackRecord>> {
    const { team, now } = booking;
    const calendar = (await this.catalog.load(manager)).calendarOf(team.calendarId);
    const from = booking.notBefore !== null && booking.notBefore.getTime() > now.getTime() ? booking.notBefore : now;
    const bookedBySlotStart = await readSlotBookings(manager, team.teamId, from, callbackHorizonEnd(now));
    const choice = chooseCallbackSlot({
      now,
      calendar,
      slotMinutes: team.slotMinutes,
      slotCapacity: team.slotCapacity,
      bookedBySlotStart,
      preferredWindows: booking.preferredWindows,
      notBefore: from,
    });
    if (choice.outcome === 'NO_FREE_SLOT') {
      const which = booking.preferredWindows.length > 0 ? ' that lies in your preferred windows' : '';
      return refused(
        userError(
          UserErrorCode.NO_CALLBACK_SLOT,
          `No callback slot${which} is free in the next ${CALLBACK_HORIZON_DAYS} days of the team's support hours`,
          'input.preferredWindows',
        ),
      );
    }
    const stored = await insertCallback(manager, {
      ticketId: booking.ticketId,
      teamId: team.teamId,
      phoneNumber: booking.phoneNumber,
      preferredWindows: booking.preferredWindows,
      slot: choice.slot,
      attempt: booking.attempt,
      rescheduledFromId: booking.rescheduledFromId,
      dueSoonAt: callbackWarnAt(choice.slot.startsAt, now),
      requestedBy: booking.requestedBy,
      createdAt: now,
    });
    return succeeded(stored);
  }
}
