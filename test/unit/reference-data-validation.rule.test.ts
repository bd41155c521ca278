import { OwnerParty, ShipmentStatus, TicketCategory, TicketChannel, TicketPriority } from '../../src/domain/enums';
import { BusinessCalendar, DEFAULT_CALENDARS } from '../../src/rules/business-calendar.rule';
import {
  businessCalendarProblems,
  shadowedRoutingRuleProblems,
  slaPolicyTableProblems,
} from '../../src/rules/reference-data-validation.rule';
import { DEFAULT_ROUTING_RULES, RoutingRule, routingTableProblems } from '../../src/rules/routing.rule';
import { DEFAULT_SLA_POLICIES, SlaMetric, SlaPolicy } from '../../src/rules/sla-policy.rule';

const CALENDAR_IDS = new Set(Object.keys(DEFAULT_CALENDARS));
const policy = (changes: Partial<SlaPolicy> & Pick<SlaPolicy, 'id' | 'position'>): SlaPolicy => ({
  name: changes.id,
  version: 1,
  when: {},
  targetsInMinutes: { [SlaMetric.FIRST_RESPONSE]: 60 },
  calendarId: 'ALWAYS',
  warningThreshold: 0.75,
  ...changes,
});

describe('slaPolicyTableProblems', () => {
  it('finds nothing wrong with the default table', () => {
    expect(slaPolicyTableProblems(DEFAULT_SLA_POLICIES, CALENDAR_IDS)).toEqual([]);
  });

  it.each<[string, SlaPolicy[], string[]]>([
    [
      'a policy with an empty list matches no ticket',
      [policy({ id: 'no-channel', position: 1, when: { channels: [] } })],
      ['no-channel: no ticket can match it (a condition lists no values)'],
    ],
    [
      'a policy after a broader one is shadowed',
      [
        policy({
          id: 'chat-urgent',
          position: 65,
          when: { ownerParties: [OwnerParty.PLATFORM], channels: [TicketChannel.CHAT], priorities: [TicketPriority.URGENT] },
        }),
      ],
      ['chat-urgent: no ticket can match it: the earlier policy platform-urgent takes every ticket it would'],
    ],
    [
      'an unknown field, value, metric, calendar and threshold',
      [
        policy({
          id: 'Bad Id',
          position: 1.5,
          when: { ownerParties: ['NOBODY' as OwnerParty], colour: ['red'] } as never,
          targetsInMinutes: { SOON: 5, FIRST_RESPONSE: 0 } as never,
          calendarId: 'MOON',
          warningThreshold: 1.5,
        }),
      ],
      [
        'Bad Id: id must be kebab-case',
        'Bad Id: position must be a whole number',
        'Bad Id: ownerParties: unknown value NOBODY',
        'Bad Id: unknown condition field "colour"',
        'Bad Id: unknown metric "SOON"',
        'Bad Id: FIRST_RESPONSE must be a number of business minutes > 0',
        'Bad Id: warningThreshold must be a fraction in (0, 1]',
        'Bad Id: no business calendar "MOON"',
      ],
    ],
    [
      'seller and carrier lists must hold their global ids',
      [policy({ id: 'odd-ids', position: 6, when: { sellerIds: ['Q2FycmllcjoxNw', 'seller-42'], carrierIds: ['Q2FycmllcjoxNw'] } })],
      ['odd-ids: sellerIds: not seller ids: Q2FycmllcjoxNw, seller-42'],
    ],
    [
      'a seller-specific policy with its own calendar is fine',
      [
        policy({
          id: 'seller-kyoto-tea',
          position: 5,
          when: { ownerParties: [OwnerParty.SELLER], sellerIds: ['U2VsbGVyOjQy'] },
          calendarId: 'JP_BUSINESS_DAYS',
        }),
      ],
      [],
    ],
  ])('%s', (_name, added, problems) => {
    expect(slaPolicyTableProblems([...DEFAULT_SLA_POLICIES, ...added], CALENDAR_IDS)).toEqual(problems);
  });

  it('refuses a table that leaves an owner party without a catch-all', () => {
    const withoutSellerCatchAll = DEFAULT_SLA_POLICIES.filter((candidate) => candidate.id !== 'seller-marketplace');
    expect(slaPolicyTableProblems(withoutSellerCatchAll, CALENDAR_IDS)).toEqual([
      'no policy matches every SELLER ticket: the table must end with a catch-all per owner party',
    ]);
  });
});

describe('businessCalendarProblems', () => {
  const now = new Date('2026-12-07T10:00:00+09:00');
  const closedAllYear: BusinessCalendar = {
    ...DEFAULT_CALENDARS.JP_BUSINESS_DAYS,
    id: 'WAREHOUSE_CLOSED',
    closures: [{ startDate: '2026-12-01', endDate: '2028-01-31', reason: 'Moving the warehouse' }],
  };
  it.each<[string, BusinessCalendar, string[]]>([
    ['the defaults are fine', DEFAULT_CALENDARS.JP_SUPPORT_HOURS, []],
    [
      'a seller closed on Sundays is fine',
      {
        ...DEFAULT_CALENDARS.JP_SUPPORT_HOURS,
        id: 'seller-kyoto-tea',
        weeklyHours: DEFAULT_CALENDARS.JP_SUPPORT_HOURS.weeklyHours.filter((hours) => hours.weekday !== 0),
      },
      [],
    ],
    ['no open minute within a year', closedAllYear, [`no open time at all within 366 days after ${now.toISOString()}`]],
    [
      'no weekly hours and not always open',
      { ...DEFAULT_CALENDARS.JP_SUPPORT_HOURS, id: 'EMPTY', weeklyHours: [] },
      ['no open time at all: no weekly hours and not always open'],
    ],
    ['an unknown time zone', { ...DEFAULT_CALENDARS.ALWAYS, id: 'MARS', timeZone: 'Mars/Olympus' }, ['unknown time zone "Mars/Olympus"']],
    [
      'hours closing before they open',
      {
        ...DEFAULT_CALENDARS.ALWAYS,
        id: 'BACKWARDS',
        alwaysOpen: false,
        weeklyHours: [{ weekday: 1, opensAt: '18:00', closesAt: '09:00' }],
      },
      ['open hours "18:00"–"09:00" must be HH:MM with opening before closing (up to 24:00)'],
    ],
  ])('%s', (_name, calendar, problems) => {
    expect(businessCalendarProblems(calendar, now)).toEqual(problems);
  });
});

describe('shadowedRoutingRuleProblems', () => {
  const rule = (changes: Partial<RoutingRule> & Pick<RoutingRule, 'id' | 'position' | 'when'>): RoutingRule => ({
    version: 1,
    owner: OwnerParty.CARRIER,
    reason: 'The carrier handles it',
    ...changes,
  });
  it.each<[string, unknown, string[]]>([
    ['carrier ids as the API issues them', ['Q2FycmllcjoxNw'], []],
    [
      'a seller id is no carrier id',
      ['U2VsbGVyOjQy'],
      ['sagawa: carrierIds must be a non-empty list of carrier ids (as `carriers` lists them)'],
    ],
    ['an empty list', [], ['sagawa: carrierIds must be a non-empty list of carrier ids (as `carriers` lists them)']],
  ])('a carrier-specific rule: %s', (_name, carrierIds, problems) => {
    const carrierRule = rule({
      id: 'sagawa',
      position: 55,
      when: [{ categories: [TicketCategory.ITEM_NOT_RECEIVED], carrierIds } as never],
    });
    expect(routingTableProblems([...DEFAULT_ROUTING_RULES, carrierRule])).toEqual(problems);
  });

  it('finds nothing wrong with the default table', () => {
    expect(routingTableProblems(DEFAULT_ROUTING_RULES)).toEqual([]);
    expect(shadowedRoutingRuleProblems(DEFAULT_ROUTING_RULES)).toEqual([]);
  });

  it.each<[string, RoutingRule, string[]]>([
    [
      'a carrier rule before the defaults it narrows is fine',
      rule({
        id: 'sagawa-lost',
        position: 35,
        when: [{ categories: [TicketCategory.ITEM_NOT_RECEIVED], shipmentStatuses: [ShipmentStatus.LOST] }],
      }),
      [],
    ],
    [
      'a rule after one that takes all its cases',
      rule({
        id: 'lost-again',
        position: 45,
        when: [{ categories: [TicketCategory.ITEM_NOT_RECEIVED], shipmentStatuses: [ShipmentStatus.LOST], hasShipment: true }],
      }),
      ['lost-again: can never match: shadowed by the earlier rule lost-parcel'],
    ],
    [
      'each alternative covered by a different earlier rule',
      rule({
        id: 'covered-twice',
        position: 55,
        when: [{ categories: [TicketCategory.DAMAGED_IN_TRANSIT] }, { categories: [TicketCategory.PAYMENT_ISSUE], hasOrder: false }],
      }),
      ['covered-twice: can never match: shadowed by the earlier rules damaged, no-order'],
    ],
    // platform-services takes only settled categories (version 2): a guessed PAYMENT_ISSUE on an order goes on to
    // no-order, which the checker, comparing one earlier rule at a time, does not combine.
    [
      'an alternative covered only by two earlier rules together',
      rule({ id: 'split-cover', position: 55, when: [{ categories: [TicketCategory.PAYMENT_ISSUE] }] }),
      [],
    ],
    [
      'one alternative still reachable',
      rule({
        id: 'half-covered',
        position: 55,
        when: [{ categories: [TicketCategory.DAMAGED_IN_TRANSIT] }, { categories: [TicketCategory.NOT_AS_DESCRIBED] }],
      }),
      [],
    ],
    [
      'an empty list',
      rule({ id: 'nothing', position: 55, when: [{ categories: [] }] }),
      ['nothing: can never match (a condition lists no values)'],
    ],
    [
      'anything after the catch-all',
      rule({ id: 'too-late', position: 200, when: [{ categories: [TicketCategory.NOT_AS_DESCRIBED] }] }),
      ['too-late: can never match: shadowed by the earlier rule fallback'],
    ],
  ])('%s', (_name, added, problems) => {
    expect(shadowedRoutingRuleProblems([...DEFAULT_ROUTING_RULES, added])).toEqual(problems);
  });
});
