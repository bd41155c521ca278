import {
  DeliveryMethod,
  FulfillmentChannel,
  OrderStatus,
  OwnerParty,
  ReturnStatus,
  ShipmentStatus,
  TicketCategory,
  TicketStatus,
} from '../../src/domain/enums';
import { ClaimEligibility, claimEligibility, ClaimInput } from '../../src/rules/claim-eligibility.rule';
import { OrderFacts, ReturnFacts } from '../../src/rules/routing.rule';

const tokyo = (localDateTime: string): Date => new Date(`${localDateTime}+09:00`);
const NOW = tokyo('2026-11-20T10:00');
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const beforeNow = (milliseconds: number): Date => new Date(NOW.getTime() - milliseconds);
const afterNow = (milliseconds: number): Date => new Date(NOW.getTime() + milliseconds);

function order(promisedDeliveryAt: Date | null, returnFacts: ReturnFacts | null = null): OrderFacts {
  return {
    soldByPlatform: false,
    fulfillment: FulfillmentChannel.SELLER,
    status: OrderStatus.SHIPPED,
    promisedDeliveryAt,
    shipment: { status: ShipmentStatus.IN_TRANSIT, deliveryMethod: DeliveryMethod.HAND_OVER, shippedAt: null, deliveredAt: null },
    return: returnFacts,
  };
}

function returned(status: ReturnStatus, receivedAt: Date | null): ReturnFacts {
  return { status, requestedAt: tokyo('2026-11-10T10:00'), receivedAt, refundedAt: null };
}

/** A seller-owned open ticket about a defect, first written 25 hours ago, on an order promised two days ago. */
function claim(overrides: Partial<ClaimInput>): ClaimInput {
  return {
    owner: OwnerParty.SELLER,
    status: TicketStatus.OPEN,
    category: TicketCategory.DEFECTIVE_ITEM,
    firstCustomerMessageAt: beforeNow(25 * HOUR),
    order: order(tokyo('2026-11-18T21:00')),
    ...overrides,
  };
}

type Expected = { eligible: true; basis: string } | { eligible: false; code: string; eligibleAt: Date | null };

describe('claimEligibility', () => {
  it.each<[string, ClaimInput, Expected]>([
    [
      'a PLATFORM-owned ticket',
      claim({ owner: OwnerParty.PLATFORM }),
      { eligible: false, code: 'NOT_ESCALATABLE_OWNER', eligibleAt: null },
    ],
    ['a SOLVED ticket', claim({ status: TicketStatus.SOLVED }), { eligible: false, code: 'ALREADY_RESOLVED', eligibleAt: null }],
    ['a CLOSED ticket', claim({ status: TicketStatus.CLOSED }), { eligible: false, code: 'ALREADY_RESOLVED', eligibleAt: null }],
    [
      'a PENDING ticket is still unresolved',
      claim({ status: TicketStatus.PENDING, firstCustomerMessageAt: beforeNow(49 * HOUR) }),
      { eligible: true, basis: 'OWNER_UNRESOLVED_48H' },
    ],

    // (a) 48 hours after the customer's first message
    ['(a) exactly 48 hours', claim({ firstCustomerMessageAt: beforeNow(48 * HOUR) }), { eligible: true, basis: 'OWNER_UNRESOLVED_48H' }],
    [
      '(a) one minute short of 48 hours',
      claim({ firstCustomerMessageAt: beforeNow(48 * HOUR - 60_000) }),
      { eligible: false, code: 'NOT_YET_ELIGIBLE', eligibleAt: afterNow(60_000) },
    ],
    ['(a) 25 hours', claim({}), { eligible: false, code: 'NOT_YET_ELIGIBLE', eligibleAt: afterNow(23 * HOUR) }],
    [
      '(a) for a CARRIER-owned ticket',
      claim({ owner: OwnerParty.CARRIER, category: TicketCategory.MISDELIVERED, firstCustomerMessageAt: beforeNow(3 * DAY) }),
      { eligible: true, basis: 'OWNER_UNRESOLVED_48H' },
    ],

    // (b) ITEM_NOT_RECEIVED, 3 days after the latest promised delivery date
    [
      '(b) exactly 72 hours after the promised date',
      claim({
        owner: OwnerParty.CARRIER,
        category: TicketCategory.ITEM_NOT_RECEIVED,
        firstCustomerMessageAt: beforeNow(HOUR),
        order: order(beforeNow(3 * DAY)),
      }),
      { eligible: true, basis: 'ITEM_NOT_RECEIVED_3_DAYS_LATE' },
    ],
    [
      '(b) opens before (a): promised 18 Nov 21:00, first message today 09:00',
      claim({
        owner: OwnerParty.CARRIER,
        category: TicketCategory.ITEM_NOT_RECEIVED,
        firstCustomerMessageAt: tokyo('2026-11-20T09:00'),
      }),
      { eligible: false, code: 'NOT_YET_ELIGIBLE', eligibleAt: tokyo('2026-11-21T21:00') },
    ],
    [
      '(a) opens before (b): promised 19 Nov 21:00, first message 19 Nov 22:00',
      claim({
        category: TicketCategory.ITEM_NOT_RECEIVED,
        firstCustomerMessageAt: tokyo('2026-11-19T22:00'),
        order: order(tokyo('2026-11-19T21:00')),
      }),
      { eligible: false, code: 'NOT_YET_ELIGIBLE', eligibleAt: tokyo('2026-11-21T22:00') },
    ],
    [
      '(a) and (b) both hold: the documented order names (a)',
      claim({
        category: TicketCategory.ITEM_NOT_RECEIVED,
        firstCustomerMessageAt: beforeNow(3 * DAY),
        order: order(beforeNow(5 * DAY)),
      }),
      { eligible: true, basis: 'OWNER_UNRESOLVED_48H' },
    ],
    [
      '(b) needs a promised date; without one only (a) counts',
      claim({ category: TicketCategory.ITEM_NOT_RECEIVED, firstCustomerMessageAt: beforeNow(HOUR), order: order(null) }),
      { eligible: false, code: 'NOT_YET_ELIGIBLE', eligibleAt: afterNow(47 * HOUR) },
    ],
    [
      '(b) is only for ITEM_NOT_RECEIVED',
      claim({ category: TicketCategory.DELIVERY_DELAYED, firstCustomerMessageAt: beforeNow(HOUR), order: order(beforeNow(5 * DAY)) }),
      { eligible: false, code: 'NOT_YET_ELIGIBLE', eligibleAt: afterNow(47 * HOUR) },
    ],

    // (c) REFUND_NOT_RECEIVED after the return was received
    [
      '(c) the return was received',
      claim({
        category: TicketCategory.REFUND_NOT_RECEIVED,
        firstCustomerMessageAt: beforeNow(HOUR),
        order: order(tokyo('2026-11-01T21:00'), returned(ReturnStatus.RECEIVED, tokyo('2026-11-19T15:00'))),
      }),
      { eligible: true, basis: 'REFUND_AFTER_RETURN_RECEIVED' },
    ],
    [
      '(c) the return is RECEIVED without a timestamp',
      claim({
        category: TicketCategory.REFUND_NOT_RECEIVED,
        firstCustomerMessageAt: beforeNow(HOUR),
        order: order(tokyo('2026-11-01T21:00'), returned(ReturnStatus.RECEIVED, null)),
      }),
      { eligible: true, basis: 'REFUND_AFTER_RETURN_RECEIVED' },
    ],
    [
      '(c) the return is still on its way: only (a) will open',
      claim({
        category: TicketCategory.REFUND_NOT_RECEIVED,
        firstCustomerMessageAt: beforeNow(HOUR),
        order: order(tokyo('2026-11-01T21:00'), returned(ReturnStatus.IN_TRANSIT, null)),
      }),
      { eligible: false, code: 'NOT_YET_ELIGIBLE', eligibleAt: afterNow(47 * HOUR) },
    ],
    [
      '(c) is only for REFUND_NOT_RECEIVED',
      claim({
        category: TicketCategory.RETURN_REQUEST,
        firstCustomerMessageAt: beforeNow(HOUR),
        order: order(tokyo('2026-11-01T21:00'), returned(ReturnStatus.RECEIVED, tokyo('2026-11-19T15:00'))),
      }),
      { eligible: false, code: 'NOT_YET_ELIGIBLE', eligibleAt: afterNow(47 * HOUR) },
    ],

    // The 90-day window from the latest promised delivery date
    [
      'exactly 90 days after the promised date is still inside the window',
      claim({ firstCustomerMessageAt: beforeNow(3 * DAY), order: order(beforeNow(90 * DAY)) }),
      { eligible: true, basis: 'OWNER_UNRESOLVED_48H' },
    ],
    [
      'one minute after the window closed',
      claim({ firstCustomerMessageAt: beforeNow(3 * DAY), order: order(beforeNow(90 * DAY + 60_000)) }),
      { eligible: false, code: 'CLAIM_WINDOW_EXPIRED', eligibleAt: null },
    ],
    [
      'the window closes before (a) would open',
      claim({ firstCustomerMessageAt: beforeNow(HOUR), order: order(beforeNow(89 * DAY)) }),
      { eligible: false, code: 'CLAIM_WINDOW_ENDS_BEFORE_ELIGIBLE', eligibleAt: null },
    ],
    [
      'the window closes just after (a) opens',
      claim({ firstCustomerMessageAt: beforeNow(HOUR), order: order(beforeNow(88 * DAY)) }),
      { eligible: false, code: 'NOT_YET_ELIGIBLE', eligibleAt: afterNow(47 * HOUR) },
    ],
    [
      'no order: no window',
      claim({ firstCustomerMessageAt: beforeNow(200 * DAY), order: null }),
      { eligible: true, basis: 'OWNER_UNRESOLVED_48H' },
    ],
    [
      'no promised date: no window',
      claim({ firstCustomerMessageAt: beforeNow(200 * DAY), order: order(null) }),
      { eligible: true, basis: 'OWNER_UNRESOLVED_48H' },
    ],
  ])('%s', (_description, input, expected) => {
    const result = claimEligibility(input, NOW);
    expect(result).toMatchObject(expected);
    expect(result.reason.length).toBeGreaterThan(0);
  });

  const notYetEligible: ClaimInput[] = [
    claim({}),
    claim({ owner: OwnerParty.CARRIER, category: TicketCategory.ITEM_NOT_RECEIVED, firstCustomerMessageAt: tokyo('2026-11-20T09:00') }),
    claim({
      category: TicketCategory.ITEM_NOT_RECEIVED,
      firstCustomerMessageAt: tokyo('2026-11-19T22:00'),
      order: order(tokyo('2026-11-19T21:00')),
    }),
    claim({ firstCustomerMessageAt: beforeNow(HOUR), order: order(beforeNow(88 * DAY)) }),
  ];

  it.each(notYetEligible)('becomes eligible exactly at eligibleAt (case %#)', (input) => {
    const result: ClaimEligibility = claimEligibility(input, NOW);
    if (result.eligible || result.eligibleAt === null) throw new Error('expected a future eligibleAt');
    expect(claimEligibility(input, result.eligibleAt).eligible).toBe(true);
    expect(claimEligibility(input, new Date(result.eligibleAt.getTime() - 1)).eligible).toBe(false);
  });

  it.each<[string, ClaimInput, string]>([
    [
      'eligible by (a)',
      claim({ firstCustomerMessageAt: tokyo('2026-11-17T20:30') }),
      "The seller has not resolved the ticket within 48 hours of the customer's first message (2026-11-17 20:30 JST)",
    ],
    [
      'eligible by (b)',
      claim({
        owner: OwnerParty.CARRIER,
        category: TicketCategory.ITEM_NOT_RECEIVED,
        firstCustomerMessageAt: beforeNow(HOUR),
        order: order(tokyo('2026-11-16T21:00')),
      }),
      'The item has not been received 3 days after the latest promised delivery date (2026-11-16 21:00 JST)',
    ],
    [
      'not yet eligible',
      claim({}),
      "Not yet eligible: a claim opens at 2026-11-21 09:00 JST, when the seller has had 48 hours since the customer's first message",
    ],
  ])('says why in words: %s', (_description, input, expectedReason) => {
    expect(claimEligibility(input, NOW).reason).toBe(expectedReason);
  });
});
