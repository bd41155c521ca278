import { assertNever, OwnerParty, ReturnStatus, TicketCategory, TicketStatus } from '../domain/enums';
import { formatTokyoDateTime } from './business-days.rule';
import type { OrderFacts } from './routing.rule';

// Customer claim (docs/routing.md "Customer claims"): the customer may escalate a SELLER- or CARRIER-owned ticket that is not SOLVED or
// CLOSED when
//   (a) the owner has not resolved it 48 hours after the customer's first message, or
//   (b) it is ITEM_NOT_RECEIVED and 3 calendar days (72 hours) have passed since the latest promised delivery date, or
//   (c) it is REFUND_NOT_RECEIVED and the return was received;
// and only within 90 calendar days (90 × 24 hours) of the latest promised delivery date. An order without a promised
// date has no window limit: there is nothing to count from, and the customer must not lose the guarantee for it.
// All boundaries are inclusive: a claim at exactly 48 h, 72 h or 90 days is allowed.

export const OWNER_RESOLUTION_HOURS = 48;
export const ITEM_NOT_RECEIVED_GRACE_DAYS = 3;
export const CLAIM_WINDOW_DAYS = 90;

const HOUR_MILLISECONDS = 60 * 60 * 1000;
const DAY_MILLISECONDS = 24 * HOUR_MILLISECONDS;

export type ClaimBasis = 'OWNER_UNRESOLVED_48H' | 'ITEM_NOT_RECEIVED_3_DAYS_LATE' | 'REFUND_AFTER_RETURN_RECEIVED';

export type ClaimIneligibilityCode =
  /** The PLATFORM already owns the ticket; there is nobody to escalate from. */
  | 'NOT_ESCALATABLE_OWNER'
  | 'ALREADY_RESOLVED'
  /** A branch will hold at `eligibleAt`, inside the window. */
  | 'NOT_YET_ELIGIBLE'
  /** No branch holds yet, and the window closes before the earliest one would. */
  | 'CLAIM_WINDOW_ENDS_BEFORE_ELIGIBLE'
  | 'CLAIM_WINDOW_EXPIRED';

export type ClaimEligibility =
  | { eligible: true; basis: ClaimBasis; reason: string }
  | { eligible: false; code: ClaimIneligibilityCode; reason: string; eligibleAt: Date | null };

export interface ClaimInput {
  owner: OwnerParty;
  status: TicketStatus;
  category: TicketCategory;
  firstCustomerMessageAt: Date;
  order: OrderFacts | null;
}

/** A branch of the claim rule and the instant from which it holds. */
interface Branch {
  basis: ClaimBasis;
  holdsFrom: Date;
  /** Why the claim is allowed, once the branch holds. */
  reason: string;
  /** What completes "a claim opens at <time>, when …", before the branch holds. */
  opensWhen: string;
}

function later(instant: Date, milliseconds: number): Date {
  return new Date(instant.getTime() + milliseconds);
}

function ownerName(owner: OwnerParty): string {
  switch (owner) {
    case OwnerParty.SELLER:
      return 'seller';
    case OwnerParty.CARRIER:
      return 'carrier';
    case OwnerParty.PLATFORM:
      return 'platform';
    default:
      return assertNever(owner);
  }
}

/** The instant the return counts as received; a RECEIVED or REFUNDED return without a timestamp counts from now. */
function returnReceivedAt(order: OrderFacts | null, now: Date): Date | null {
  const returnFacts = order?.return ?? null;
  if (returnFacts === null) return null;
  if (returnFacts.receivedAt !== null) return returnFacts.receivedAt;
  const receivedStatuses: readonly ReturnStatus[] = [ReturnStatus.RECEIVED, ReturnStatus.REFUNDED];
  return receivedStatuses.includes(returnFacts.status) ? now : null;
}

/** Every branch that holds now or will hold later, in the order (a), (b), (c) of docs/routing.md "Customer claims". */
function branches(input: ClaimInput, now: Date): Branch[] {
  const owner = ownerName(input.owner);
  const found: Branch[] = [
    {
      basis: 'OWNER_UNRESOLVED_48H',
      holdsFrom: later(input.firstCustomerMessageAt, OWNER_RESOLUTION_HOURS * HOUR_MILLISECONDS),
      reason:
        `The ${owner} has not resolved the ticket within ${OWNER_RESOLUTION_HOURS} hours of the customer's first ` +
        `message (${formatTokyoDateTime(input.firstCustomerMessageAt)})`,
      opensWhen: `the ${owner} has had ${OWNER_RESOLUTION_HOURS} hours since the customer's first message`,
    },
  ];
  const promisedDeliveryAt = input.order?.promisedDeliveryAt ?? null;
  if (input.category === TicketCategory.ITEM_NOT_RECEIVED && promisedDeliveryAt !== null) {
    found.push({
      basis: 'ITEM_NOT_RECEIVED_3_DAYS_LATE',
      holdsFrom: later(promisedDeliveryAt, ITEM_NOT_RECEIVED_GRACE_DAYS * DAY_MILLISECONDS),
      reason:
        `The item has not been received ${ITEM_NOT_RECEIVED_GRACE_DAYS} days after the latest promised delivery ` +
        `date (${formatTokyoDateTime(promisedDeliveryAt)})`,
      opensWhen: `${ITEM_NOT_RECEIVED_GRACE_DAYS} days have passed since the latest promised delivery date`,
    });
  }
  const receivedAt = returnReceivedAt(input.order, now);
  if (input.category === TicketCategory.REFUND_NOT_RECEIVED && receivedAt !== null) {
    found.push({
      basis: 'REFUND_AFTER_RETURN_RECEIVED',
      holdsFrom: receivedAt,
      reason: `The return was received (${formatTokyoDateTime(receivedAt)}) and the refund has not arrived`,
      opensWhen: 'the return is received',
    });
  }
  return found;
}

export function claimEligibility(input: ClaimInput, now: Date): ClaimEligibility {
  if (input.owner !== OwnerParty.SELLER && input.owner !== OwnerParty.CARRIER) {
    return {
      eligible: false,
      code: 'NOT_ESCALATABLE_OWNER',
      reason: `The ${ownerName(input.owner)} already owns this ticket; ` + 'only tickets owned by a seller or a carrier can be claimed',
      eligibleAt: null,
    };
  }
  if (input.status === TicketStatus.SOLVED || input.status === TicketStatus.CLOSED) {
    return {
      eligible: false,
      code: 'ALREADY_RESOLVED',
      reason: `The ticket is ${input.status}; reopen it by writing to us before claiming`,
      eligibleAt: null,
    };
  }

  const promisedDeliveryAt = input.order?.promisedDeliveryAt ?? null;
  const windowEndsAt = promisedDeliveryAt === null ? null : later(promisedDeliveryAt, CLAIM_WINDOW_DAYS * DAY_MILLISECONDS);
  if (windowEndsAt !== null && now.getTime() > windowEndsAt.getTime()) {
    return {
      eligible: false,
      code: 'CLAIM_WINDOW_EXPIRED',
      reason:
        `Claims close ${CLAIM_WINDOW_DAYS} days after the latest promised delivery date; ` +
        `this one closed at ${formatTokyoDateTime(windowEndsAt)}`,
      eligibleAt: null,
    };
  }

  const candidates = branches(input, now);
  const holding = candidates.find((branch) => branch.holdsFrom.getTime() <= now.getTime());
  if (holding !== undefined) return { eligible: true, basis: holding.basis, reason: holding.reason };

  const earliest = candidates.reduce((first, branch) => (branch.holdsFrom.getTime() < first.holdsFrom.getTime() ? branch : first));
  if (windowEndsAt !== null && earliest.holdsFrom.getTime() > windowEndsAt.getTime()) {
    return {
      eligible: false,
      code: 'CLAIM_WINDOW_ENDS_BEFORE_ELIGIBLE',
      reason:
        `The claim window closes at ${formatTokyoDateTime(windowEndsAt)}, before the ticket would become eligible ` +
        `at ${formatTokyoDateTime(earliest.holdsFrom)}`,
      eligibleAt: null,
    };
  }
  return {
    eligible: false,
    code: 'NOT_YET_ELIGIBLE',
    reason: `Not yet eligible: a claim opens at ${formatTokyoDateTime(earliest.holdsFrom)}, when ${earliest.opensWhen}`,
    eligibleAt: earliest.holdsFrom,
  };
}
