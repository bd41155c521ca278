import {
  DeliveryMethod,
  FulfillmentChannel,
  OrderStatus,
  OwnerParty,
  ReturnStatus,
  ShipmentStatus,
  TicketCategory,
} from '../../src/domain/enums';
import {
  DEFAULT_ROUTING_RULES,
  OrderFacts,
  ReturnFacts,
  route,
  RoutingFacts,
  RoutingRule,
  routingRuleProblems,
  routingTableProblems,
  ruleMatches,
  ShipmentFacts,
} from '../../src/rules/routing.rule';

const tokyo = (localDateTime: string): Date => new Date(`${localDateTime}+09:00`);
/** A Friday; the Monday after it (23 Nov 2026) is a national holiday. */
const NOW = tokyo('2026-11-20T10:00');

function shipment(status: ShipmentStatus): ShipmentFacts {
  return {
    status,
    deliveryMethod: DeliveryMethod.HAND_OVER,
    shippedAt: tokyo('2026-11-16T12:00'),
    deliveredAt: status === ShipmentStatus.DELIVERED ? tokyo('2026-11-19T14:00') : null,
  };
}

function receivedReturn(receivedAt: string, overrides: Partial<ReturnFacts> = {}): ReturnFacts {
  return {
    status: ReturnStatus.RECEIVED,
    requestedAt: tokyo('2026-11-10T10:00'),
    receivedAt: tokyo(receivedAt),
    refundedAt: null,
    ...overrides,
  };
}

/** A marketplace seller's own order, delivered, unless overridden. */
function sellerOrder(overrides: Partial<OrderFacts> = {}): OrderFacts {
  return {
    soldByPlatform: false,
    fulfillment: FulfillmentChannel.SELLER,
    status: OrderStatus.DELIVERED,
    promisedDeliveryAt: tokyo('2026-11-18T21:00'),
    shipment: shipment(ShipmentStatus.DELIVERED),
    return: null,
    ...overrides,
  };
}

/** A seller's order handed to the carrier, its shipment in the given status. */
function shippedOrder(status: ShipmentStatus): OrderFacts {
  return sellerOrder({ status: OrderStatus.SHIPPED, shipment: shipment(status) });
}

/** A seller's delivered order that came back. */
function returnedOrder(returnFacts: ReturnFacts): OrderFacts {
  return sellerOrder({ status: OrderStatus.RETURNED, return: returnFacts });
}

function facts(category: TicketCategory, order: OrderFacts | null, confidence = 1, isGuess = false): RoutingFacts {
  return { category, confidence, isGuess, order };
}

describe('DEFAULT_ROUTING_RULES', () => {
  it('is the table of docs/routing.md, version 1, in its order', () => {
    expect(DEFAULT_ROUTING_RULES.map((rule) => [rule.id, rule.owner, rule.version])).toEqual([
      ['platform-services', OwnerParty.PLATFORM, 2],
      ['no-order', OwnerParty.PLATFORM, 2],
      ['platform-fulfilled', OwnerParty.PLATFORM, 1],
      ['lost-parcel', OwnerParty.PLATFORM, 1],
      ['damaged', OwnerParty.PLATFORM, 1],
      ['delivered-not-received', OwnerParty.CARRIER, 1],
      ['not-handed-over', OwnerParty.SELLER, 1],
      ['in-transit', OwnerParty.CARRIER, 1],
      ['misdelivered', OwnerParty.CARRIER, 1],
      ['refund-overdue', OwnerParty.PLATFORM, 1],
      ['change-after-shipping', OwnerParty.CARRIER, 1],
      ['seller-fulfilled', OwnerParty.SELLER, 1],
      ['fallback', OwnerParty.PLATFORM, 1],
    ]);
    const positions = DEFAULT_ROUTING_RULES.map((rule) => rule.position);
    expect(positions).toEqual([...positions].sort((left, right) => left - right));
    expect(new Set(positions).size).toBe(positions.length);
  });

  it('is plain JSON data that survives storage in a jsonb column', () => {
    const stored: RoutingRule[] = JSON.parse(JSON.stringify(DEFAULT_ROUTING_RULES));
    expect(stored).toEqual(DEFAULT_ROUTING_RULES);
    const decision = route(facts(TicketCategory.ITEM_NOT_RECEIVED, sellerOrder()), stored, NOW);
    expect(decision.ruleId).toBe('delivered-not-received');
  });

  it('has no problems and ends with a catch-all', () => {
    expect(routingTableProblems(DEFAULT_ROUTING_RULES)).toEqual([]);
  });
});

describe('route with DEFAULT_ROUTING_RULES', () => {
  const platformServiceCases = [
    TicketCategory.PAYMENT_ISSUE,
    TicketCategory.ACCOUNT_ACCESS,
    TicketCategory.FRAUD_PHISHING,
    TicketCategory.MEMBERSHIP,
    TicketCategory.DIGITAL_SERVICE,
  ].flatMap((category) => [
    [`${category} on a seller's order`, facts(category, sellerOrder()), 'platform-services', OwnerParty.PLATFORM],
    [`${category} without an order`, facts(category, null), 'platform-services', OwnerParty.PLATFORM],
    [
      `${category} classified with low confidence but not a guess`,
      facts(category, sellerOrder(), 0.2),
      'platform-services',
      OwnerParty.PLATFORM,
    ],
    // A guessed platform-service category must not reach the platform desk with its priority: triage first.
    [`${category} only guessed, on a seller's order`, facts(category, sellerOrder(), 0.2, true), 'no-order', OwnerParty.PLATFORM],
    [`${category} only guessed, without an order`, facts(category, null, 0.1, true), 'no-order', OwnerParty.PLATFORM],
  ]);

  const routingCases: Array<[string, RoutingFacts, string, OwnerParty]> = [
    ...(platformServiceCases as Array<[string, RoutingFacts, string, OwnerParty]>),
    ['no order attached', facts(TicketCategory.DEFECTIVE_ITEM, null), 'no-order', OwnerParty.PLATFORM],
    ['no order attached, OTHER', facts(TicketCategory.OTHER, null, 0), 'no-order', OwnerParty.PLATFORM],
    ['a guess on a seller order', facts(TicketCategory.OTHER, sellerOrder(), 0, true), 'no-order', OwnerParty.PLATFORM],
    [
      'a guessed delivery category on a delivered order',
      facts(TicketCategory.ITEM_NOT_RECEIVED, sellerOrder(), 0.3, true),
      'no-order',
      OwnerParty.PLATFORM,
    ],
    ['low confidence that is not a guess', facts(TicketCategory.DEFECTIVE_ITEM, sellerOrder(), 0.4), 'seller-fulfilled', OwnerParty.SELLER],
    [
      'fulfilled by the platform, sold by a seller',
      facts(TicketCategory.DEFECTIVE_ITEM, sellerOrder({ fulfillment: FulfillmentChannel.PLATFORM })),
      'platform-fulfilled',
      OwnerParty.PLATFORM,
    ],
    [
      'sold by the platform itself',
      facts(TicketCategory.NOT_AS_DESCRIBED, sellerOrder({ soldByPlatform: true, fulfillment: FulfillmentChannel.PLATFORM })),
      'platform-fulfilled',
      OwnerParty.PLATFORM,
    ],
    [
      'platform-fulfilled wins over a lost parcel',
      facts(
        TicketCategory.ITEM_NOT_RECEIVED,
        sellerOrder({ fulfillment: FulfillmentChannel.PLATFORM, shipment: shipment(ShipmentStatus.LOST) }),
      ),
      'platform-fulfilled',
      OwnerParty.PLATFORM,
    ],
    [
      'item not received, shipment LOST',
      facts(TicketCategory.ITEM_NOT_RECEIVED, shippedOrder(ShipmentStatus.LOST)),
      'lost-parcel',
      OwnerParty.PLATFORM,
    ],
    [
      'delivery delayed, shipment LOST',
      facts(TicketCategory.DELIVERY_DELAYED, shippedOrder(ShipmentStatus.LOST)),
      'lost-parcel',
      OwnerParty.PLATFORM,
    ],
    ['damaged in transit', facts(TicketCategory.DAMAGED_IN_TRANSIT, sellerOrder()), 'damaged', OwnerParty.PLATFORM],
    [
      'item not received, shipment DELIVERED',
      facts(TicketCategory.ITEM_NOT_RECEIVED, sellerOrder()),
      'delivered-not-received',
      OwnerParty.CARRIER,
    ],
    [
      'delivery delayed, shipment DELIVERED: not a carrier case',
      facts(TicketCategory.DELIVERY_DELAYED, sellerOrder()),
      'seller-fulfilled',
      OwnerParty.SELLER,
    ],
    [
      'item not received, no shipment',
      facts(TicketCategory.ITEM_NOT_RECEIVED, sellerOrder({ status: OrderStatus.UNSHIPPED, shipment: null })),
      'not-handed-over',
      OwnerParty.SELLER,
    ],
    [
      'delivery delayed, only LABEL_CREATED',
      facts(TicketCategory.DELIVERY_DELAYED, shippedOrder(ShipmentStatus.LABEL_CREATED)),
      'not-handed-over',
      OwnerParty.SELLER,
    ],
    ...[ShipmentStatus.IN_TRANSIT, ShipmentStatus.OUT_FOR_DELIVERY, ShipmentStatus.DELIVERY_FAILED].flatMap(
      (status): Array<[string, RoutingFacts, string, OwnerParty]> => [
        [
          `item not received, shipment ${status}`,
          facts(TicketCategory.ITEM_NOT_RECEIVED, shippedOrder(status)),
          'in-transit',
          OwnerParty.CARRIER,
        ],
        [
          `delivery delayed, shipment ${status}`,
          facts(TicketCategory.DELIVERY_DELAYED, shippedOrder(status)),
          'in-transit',
          OwnerParty.CARRIER,
        ],
      ],
    ),
    [
      'item not received, RETURNED_TO_SENDER: the seller has it back',
      facts(TicketCategory.ITEM_NOT_RECEIVED, shippedOrder(ShipmentStatus.RETURNED_TO_SENDER)),
      'seller-fulfilled',
      OwnerParty.SELLER,
    ],
    ['misdelivered', facts(TicketCategory.MISDELIVERED, sellerOrder()), 'misdelivered', OwnerParty.CARRIER],
    [
      'refund missing, return received Monday, now Friday (4 business days)',
      facts(TicketCategory.REFUND_NOT_RECEIVED, returnedOrder(receivedReturn('2026-11-16T10:00'))),
      'refund-overdue',
      OwnerParty.PLATFORM,
    ],
    [
      'refund missing, return received Tuesday (3 business days)',
      facts(TicketCategory.REFUND_NOT_RECEIVED, returnedOrder(receivedReturn('2026-11-17T17:00'))),
      'refund-overdue',
      OwnerParty.PLATFORM,
    ],
    [
      'refund missing, return received Wednesday (2 business days: not more than 2)',
      facts(TicketCategory.REFUND_NOT_RECEIVED, returnedOrder(receivedReturn('2026-11-18T09:00'))),
      'seller-fulfilled',
      OwnerParty.SELLER,
    ],
    [
      'refund missing, return received yesterday',
      facts(TicketCategory.REFUND_NOT_RECEIVED, returnedOrder(receivedReturn('2026-11-19T15:00'))),
      'seller-fulfilled',
      OwnerParty.SELLER,
    ],
    [
      'refund missing, return already refunded',
      facts(
        TicketCategory.REFUND_NOT_RECEIVED,
        sellerOrder({
          status: OrderStatus.RETURNED,
          return: receivedReturn('2026-11-10T10:00', { status: ReturnStatus.REFUNDED, refundedAt: tokyo('2026-11-12T10:00') }),
        }),
      ),
      'seller-fulfilled',
      OwnerParty.SELLER,
    ],
    [
      'refund missing, return still in transit',
      facts(
        TicketCategory.REFUND_NOT_RECEIVED,
        sellerOrder({
          return: { status: ReturnStatus.IN_TRANSIT, requestedAt: tokyo('2026-11-10T10:00'), receivedAt: null, refundedAt: null },
        }),
      ),
      'seller-fulfilled',
      OwnerParty.SELLER,
    ],
    [
      'change after shipping',
      facts(TicketCategory.CHANGE_ORDER, shippedOrder(ShipmentStatus.IN_TRANSIT)),
      'change-after-shipping',
      OwnerParty.CARRIER,
    ],
    [
      'change before shipping',
      facts(TicketCategory.CHANGE_ORDER, sellerOrder({ status: OrderStatus.UNSHIPPED, shipment: null })),
      'seller-fulfilled',
      OwnerParty.SELLER,
    ],
    ...[
      TicketCategory.DEFECTIVE_ITEM,
      TicketCategory.NOT_AS_DESCRIBED,
      TicketCategory.MISSING_PARTS,
      TicketCategory.RETURN_REQUEST,
      TicketCategory.CANCEL_ORDER,
      TicketCategory.OTHER,
    ].map((category): [string, RoutingFacts, string, OwnerParty] => [
      `${category} on a seller-fulfilled order`,
      facts(category, sellerOrder()),
      'seller-fulfilled',
      OwnerParty.SELLER,
    ]),
  ];

  const titledCases = routingCases.map(([description, routingFacts, rule, owner]) => [description, rule, owner, routingFacts] as const);

  it.each(titledCases)('%s ⇒ %s (%s)', (_description, expectedRule, expectedOwner, routingFacts) => {
    const decision = route(routingFacts, DEFAULT_ROUTING_RULES, NOW);
    const expectedVersion = DEFAULT_ROUTING_RULES.find((rule) => rule.id === expectedRule)?.version;
    expect(decision).toMatchObject({ ruleId: expectedRule, ruleVersion: expectedVersion, owner: expectedOwner });
    expect(decision.reason).not.toMatch(/[{}]/);
    const matchedRule = DEFAULT_ROUTING_RULES.find((rule) => rule.id === expectedRule);
    expect(matchedRule !== undefined && ruleMatches(matchedRule, routingFacts, NOW)).toBe(true);
  });

  it('reaches fallback only when no other rule applies (here: without seller-fulfilled)', () => {
    const withoutSellerFulfilled = DEFAULT_ROUTING_RULES.filter((rule) => rule.id !== 'seller-fulfilled');
    expect(route(facts(TicketCategory.RETURN_REQUEST, sellerOrder()), withoutSellerFulfilled, NOW)).toEqual({
      owner: OwnerParty.PLATFORM,
      ruleId: 'fallback',
      ruleVersion: 1,
      reason: 'No specific rule covers a return request: the platform handles it',
    });
  });

  it.each<[string, RoutingFacts, string]>([
    [
      'delivered-not-received',
      facts(TicketCategory.ITEM_NOT_RECEIVED, sellerOrder()),
      'Shipment is DELIVERED but the customer reports not receiving it: the carrier investigates',
    ],
    [
      'no-order without an order',
      facts(TicketCategory.DEFECTIVE_ITEM, null),
      'Sent to the platform triage queue because no order is attached',
    ],
    [
      'no-order for low confidence',
      facts(TicketCategory.DEFECTIVE_ITEM, sellerOrder(), 0.31, true),
      'Sent to the platform triage queue because the text could not be classified with confidence (DEFECTIVE_ITEM is a guess at 31 %)',
    ],
    [
      'no-order for a text classified as OTHER',
      facts(TicketCategory.OTHER, sellerOrder(), 0.97, true),
      'Sent to the platform triage queue because the text names no issue a category covers (OTHER at 97 %)',
    ],
    [
      'platform-fulfilled',
      facts(TicketCategory.DEFECTIVE_ITEM, sellerOrder({ fulfillment: FulfillmentChannel.PLATFORM })),
      'The order is fulfilled by the platform and sold by a marketplace seller: the platform answers for what it ships or sells itself',
    ],
    [
      'not-handed-over without a shipment',
      facts(TicketCategory.DELIVERY_DELAYED, sellerOrder({ status: OrderStatus.UNSHIPPED, shipment: null })),
      'The customer reports a delayed delivery and the seller has not handed the parcel to a carrier (no shipment yet): the seller must ship it',
    ],
    [
      'refund-overdue',
      facts(TicketCategory.REFUND_NOT_RECEIVED, returnedOrder(receivedReturn('2026-11-16T10:00'))),
      'The return was received 4 business days ago and is still not refunded: the platform enforces the refund',
    ],
    [
      'seller-fulfilled',
      facts(TicketCategory.MISSING_PARTS, sellerOrder()),
      'The seller fulfils this order, so the seller handles missing parts',
    ],
  ])('gives a concrete reason: %s', (_description, routingFacts, expectedReason) => {
    expect(route(routingFacts, DEFAULT_ROUTING_RULES, NOW).reason).toBe(expectedReason);
  });
});

describe('route mechanics', () => {
  const catchAll = (id: string, position: number, owner: OwnerParty): RoutingRule => ({
    id,
    version: 3,
    position,
    owner,
    when: [{}],
    reason: `Rule ${id}`,
  });
  const anyTicket = facts(TicketCategory.OTHER, null, 0);

  it('evaluates by position, whatever the order of the list', () => {
    const rules = [catchAll('late', 20, OwnerParty.SELLER), catchAll('early', 10, OwnerParty.CARRIER)];
    expect(route(anyTicket, rules, NOW)).toEqual({ owner: OwnerParty.CARRIER, ruleId: 'early', ruleVersion: 3, reason: 'Rule early' });
  });

  it('breaks a tie in position by id', () => {
    const rules = [catchAll('b-rule', 10, OwnerParty.SELLER), catchAll('a-rule', 10, OwnerParty.CARRIER)];
    expect(route(anyTicket, rules, NOW).ruleId).toBe('a-rule');
  });

  it('throws when no rule matches', () => {
    const withoutCatchAll = DEFAULT_ROUTING_RULES.filter((rule) => rule.id !== 'fallback' && rule.id !== 'seller-fulfilled');
    expect(() => route(facts(TicketCategory.RETURN_REQUEST, sellerOrder()), withoutCatchAll, NOW)).toThrow(/catch-all/);
    expect(() => route(anyTicket, [], NOW)).toThrow(/catch-all/);
  });

  it.each<[string, RoutingRule['when'], RoutingFacts, boolean]>([
    ['an empty condition matches everything', [{}], anyTicket, true],
    ['an empty OR list matches nothing', [], anyTicket, false],
    ['any condition of the list may match', [{ hasOrder: true }, { categories: [TicketCategory.OTHER] }], anyTicket, true],
    ['every field of a condition must hold', [{ categories: [TicketCategory.OTHER], hasOrder: true }], anyTicket, false],
    ['hasShipment: false needs an order', [{ hasShipment: false }], anyTicket, false],
    [
      'hasShipment: false holds for an order without shipment',
      [{ hasShipment: false }],
      facts(TicketCategory.OTHER, sellerOrder({ shipment: null })),
      true,
    ],
    [
      'a shipment status needs a shipment',
      [{ shipmentStatuses: [ShipmentStatus.DELIVERED] }],
      facts(TicketCategory.OTHER, sellerOrder({ shipment: null })),
      false,
    ],
    ['returnRefunded: false needs a return', [{ returnRefunded: false }], facts(TicketCategory.OTHER, sellerOrder()), false],
    ['soldByPlatform: false needs an order', [{ soldByPlatform: false }], anyTicket, false],
  ])('ruleMatches: %s', (_description, when, routingFacts, expected) => {
    const rule: RoutingRule = { id: 'probe', version: 1, position: 1, owner: OwnerParty.PLATFORM, when, reason: 'probe' };
    expect(ruleMatches(rule, routingFacts, NOW)).toBe(expected);
  });
});

describe('routing table validation', () => {
  const valid: RoutingRule = {
    id: 'probe',
    version: 1,
    position: 5,
    owner: OwnerParty.SELLER,
    when: [{ categories: [TicketCategory.OTHER] }],
    reason: 'Probe for {category}',
  };

  it.each<[string, RoutingRule, string[]]>([
    ['a valid rule', valid, []],
    [
      'an unknown field',
      { ...valid, when: [{ categorys: ['OTHER'] } as RoutingRule['when'][number]] },
      ['unknown condition field "categorys"'],
    ],
    [
      'an unknown enum value',
      { ...valid, when: [{ shipmentStatuses: ['VANISHED' as ShipmentStatus] }] },
      ['shipmentStatuses has unknown values ["VANISHED"]'],
    ],
    ['an empty list', { ...valid, when: [{ categories: [] }] }, ['categories must be a non-empty list']],
    ['a confidence above 1', { ...valid, when: [{ confidenceBelow: 60 }] }, ['confidenceBelow must be a number from 0 to 1']],
    [
      'a fractional business-day count',
      { ...valid, when: [{ returnReceivedMoreThanBusinessDaysAgo: 1.5 }] },
      ['returnReceivedMoreThanBusinessDaysAgo must be a whole number ≥ 0'],
    ],
    ['no condition at all', { ...valid, when: [] }, ['when must list at least one condition']],
    ['an unknown placeholder', { ...valid, reason: 'Because {mood}' }, ['unknown reason placeholder {mood}']],
    ['a bad id and version', { ...valid, id: 'Probe Rule', version: 0 }, ['id must be kebab-case', 'version must be a whole number ≥ 1']],
  ])('routingRuleProblems: %s', (_description, rule, expected) => {
    expect(routingRuleProblems(rule)).toEqual(expected);
  });

  it('routingTableProblems reports duplicate ids and a missing final catch-all', () => {
    expect(routingTableProblems([valid, valid])).toEqual([
      'probe: listed more than once',
      'the last rule must be a catch-all (when: [{}])',
    ]);
  });
});
