import { DeliveryMethod, FulfillmentChannel, OrderStatus, OwnerParty, ShipmentStatus, TicketCategory } from '../../src/domain/enums';
import { RoutedTicket, simulateRouting } from '../../src/rules/routing-simulation.rule';
import { DEFAULT_ROUTING_RULES, OrderFacts, RoutingRule } from '../../src/rules/routing.rule';

const at = (time: string) => new Date(`2026-12-01T${time}:00+09:00`);
const delivered = (carrierId: string): OrderFacts => ({
  soldByPlatform: false,
  fulfillment: FulfillmentChannel.SELLER,
  status: OrderStatus.DELIVERED,
  promisedDeliveryAt: null,
  shipment: {
    carrierId,
    status: ShipmentStatus.DELIVERED,
    deliveryMethod: DeliveryMethod.LEFT_AT_DOOR,
    shippedAt: null,
    deliveredAt: null,
  },
  return: null,
});
const ticket = (id: string, category: TicketCategory, order: OrderFacts | null, owner: OwnerParty, ruleId: string): RoutedTicket => ({
  ticketId: id,
  number: `T-00000${id}`,
  facts: { category, confidence: 1, isGuess: false, order },
  routedAt: at('10:00'),
  owner,
  ruleId,
});
const sagawaRule: RoutingRule = {
  id: 'sagawa-not-received',
  version: 1,
  position: 55,
  owner: OwnerParty.PLATFORM,
  when: [
    { categories: [TicketCategory.ITEM_NOT_RECEIVED], shipmentStatuses: [ShipmentStatus.DELIVERED], carrierIds: ['Q2FycmllcjoxNw=='] },
  ],
  reason: 'SAGAWA claims go through the platform',
};
const past = [
  ticket('1', TicketCategory.ITEM_NOT_RECEIVED, delivered('Q2FycmllcjoxNw=='), OwnerParty.CARRIER, 'delivered-not-received'),
  ticket('2', TicketCategory.ITEM_NOT_RECEIVED, delivered('Q2FycmllcjoxOA=='), OwnerParty.CARRIER, 'delivered-not-received'),
  ticket('3', TicketCategory.DEFECTIVE_ITEM, delivered('Q2FycmllcjoxNw=='), OwnerParty.SELLER, 'seller-fulfilled'),
  ticket('4', TicketCategory.PAYMENT_ISSUE, null, OwnerParty.PLATFORM, 'platform-services'),
];

describe('simulateRouting', () => {
  it.each<
    [string, RoutingRule[], { changedOwner: number; changedRuleOnly: number; groups: Array<[string, string, string, number, string[]]> }]
  >([
    ['the current table changes nothing', [...DEFAULT_ROUTING_RULES], { changedOwner: 0, changedRuleOnly: 0, groups: [] }],
    [
      "a carrier-specific rule moves that carrier's tickets only",
      [...DEFAULT_ROUTING_RULES, sagawaRule],
      { changedOwner: 1, changedRuleOnly: 0, groups: [['ITEM_NOT_RECEIVED', 'CARRIER', 'PLATFORM', 1, ['1']]] },
    ],
    [
      'the same owner by another rule counts apart',
      [...DEFAULT_ROUTING_RULES, { ...sagawaRule, id: 'sagawa-carrier', owner: OwnerParty.CARRIER }],
      { changedOwner: 0, changedRuleOnly: 1, groups: [['ITEM_NOT_RECEIVED', 'CARRIER', 'CARRIER', 1, ['1']]] },
    ],
    [
      'without the platform-services rule, payments fall through to the catch-all',
      DEFAULT_ROUTING_RULES.filter((rule) => rule.id !== 'platform-services'),
      { changedOwner: 0, changedRuleOnly: 1, groups: [['PAYMENT_ISSUE', 'PLATFORM', 'PLATFORM', 1, ['4']]] },
    ],
  ])('%s', (_name, rules, expected) => {
    const result = simulateRouting(past, rules);
    expect(result.replayed).toBe(4);
    expect({ changedOwner: result.changedOwner, changedRuleOnly: result.changedRuleOnly }).toEqual({
      changedOwner: expected.changedOwner,
      changedRuleOnly: expected.changedRuleOnly,
    });
    expect(
      result.groups.map((group) => [
        group.category,
        group.fromOwner,
        group.toOwner,
        group.count,
        group.examples.map((example) => example.ticketId),
      ]),
    ).toEqual(expected.groups);
  });

  it('keeps three examples per group, oldest first, and orders groups by size', () => {
    const many = Array.from({ length: 5 }, (_, index) =>
      ticket(
        String(10 + index),
        TicketCategory.ITEM_NOT_RECEIVED,
        delivered('Q2FycmllcjoxNw=='),
        OwnerParty.CARRIER,
        'delivered-not-received',
      ),
    );
    const result = simulateRouting([...past, ...many], [...DEFAULT_ROUTING_RULES, sagawaRule]);
    expect(result.groups).toHaveLength(1);
    expect(result.groups[0]).toMatchObject({
      count: 6,
      examples: [
        { ticketId: '1', fromRule: 'delivered-not-received', toRule: 'sagawa-not-received' },
        { ticketId: '10' },
        { ticketId: '11' },
      ],
    });
  });
});
