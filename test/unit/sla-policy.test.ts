import { CustomerTier, Language, OwnerParty, TicketCategory, TicketChannel, TicketPriority } from '../../src/domain/enums';
import { BusinessCalendar, DEFAULT_CALENDARS, findDefaultCalendar } from '../../src/rules/business-calendar.rule';
import {
  clockTimes,
  DEFAULT_SLA_POLICIES,
  DEFAULT_WARNING_THRESHOLD,
  NoMatchingSlaPolicyError,
  selectSlaPolicy,
  SlaMetric,
  SlaPolicy,
  SlaSubject,
} from '../../src/rules/sla-policy.rule';

const { ALWAYS, JP_SUPPORT_HOURS, JP_BUSINESS_DAYS } = DEFAULT_CALENDARS;

/** Tokyo has had no DST since 1951, so +09:00 is exact. */
function tokyo(localDateTime: string): Date {
  return new Date(`${localDateTime}+09:00`);
}

function subject(overrides: Partial<SlaSubject>): SlaSubject {
  return {
    ownerParty: OwnerParty.PLATFORM,
    channel: TicketChannel.EMAIL,
    priority: TicketPriority.NORMAL,
    category: TicketCategory.OTHER,
    customerTier: CustomerTier.STANDARD,
    sellerId: null,
    carrierId: null,
    language: Language.ja,
    ...overrides,
  };
}

function policy(overrides: Partial<SlaPolicy> & Pick<SlaPolicy, 'id' | 'position'>): SlaPolicy {
  return {
    name: overrides.id,
    version: 1,
    when: {},
    targetsInMinutes: { [SlaMetric.FIRST_RESPONSE]: 60 },
    calendarId: 'ALWAYS',
    warningThreshold: DEFAULT_WARNING_THRESHOLD,
    ...overrides,
  };
}

describe('DEFAULT_SLA_POLICIES (docs/sla.md)', () => {
  it('is the design table, in order, version 1, warning at 75 %', () => {
    expect(
      DEFAULT_SLA_POLICIES.map(({ id, when, targetsInMinutes, calendarId, version, warningThreshold }) => ({
        id,
        when,
        targetsInMinutes,
        calendarId,
        version,
        warningThreshold,
      })),
    ).toEqual([
      {
        id: 'seller-marketplace',
        when: { ownerParties: [OwnerParty.SELLER] },
        targetsInMinutes: { FIRST_RESPONSE: 1440, NEXT_RESPONSE: 1440 },
        calendarId: 'ALWAYS',
        version: 1,
        warningThreshold: 0.75,
      },
      {
        id: 'carrier-investigation',
        when: { ownerParties: [OwnerParty.CARRIER] },
        targetsInMinutes: { FIRST_RESPONSE: 1440, NEXT_RESPONSE: 1440, RESOLUTION: 2700 },
        calendarId: 'JP_BUSINESS_DAYS',
        version: 1,
        warningThreshold: 0.75,
      },
      {
        id: 'platform-urgent',
        when: { ownerParties: [OwnerParty.PLATFORM], priorities: [TicketPriority.URGENT] },
        targetsInMinutes: { FIRST_RESPONSE: 60, NEXT_RESPONSE: 120, RESOLUTION: 1440 },
        calendarId: 'ALWAYS',
        version: 1,
        warningThreshold: 0.75,
      },
      {
        id: 'platform-chat',
        when: { ownerParties: [OwnerParty.PLATFORM], channels: [TicketChannel.CHAT] },
        targetsInMinutes: { FIRST_RESPONSE: 10, NEXT_RESPONSE: 30, RESOLUTION: 1440 },
        calendarId: 'ALWAYS',
        version: 1,
        warningThreshold: 0.75,
      },
      {
        id: 'platform-phone',
        when: { ownerParties: [OwnerParty.PLATFORM], channels: [TicketChannel.PHONE] },
        targetsInMinutes: { FIRST_RESPONSE: 60, NEXT_RESPONSE: 240, RESOLUTION: 2160 },
        calendarId: 'JP_SUPPORT_HOURS',
        version: 1,
        warningThreshold: 0.75,
      },
      {
        id: 'platform-default',
        when: { ownerParties: [OwnerParty.PLATFORM] },
        targetsInMinutes: { FIRST_RESPONSE: 1440, NEXT_RESPONSE: 1440, RESOLUTION: 4320 },
        calendarId: 'ALWAYS',
        version: 1,
        warningThreshold: 0.75,
      },
    ]);
  });

  it('has strictly increasing positions, unique ids, known calendars and is frozen', () => {
    const positions = DEFAULT_SLA_POLICIES.map((slaPolicy) => slaPolicy.position);
    expect(positions).toEqual([...positions].sort((left, right) => left - right));
    expect(new Set(positions).size).toBe(positions.length);
    expect(new Set(DEFAULT_SLA_POLICIES.map((slaPolicy) => slaPolicy.id)).size).toBe(DEFAULT_SLA_POLICIES.length);
    for (const slaPolicy of DEFAULT_SLA_POLICIES) {
      expect(findDefaultCalendar(slaPolicy.calendarId)).toBeDefined();
      expect(Object.isFrozen(slaPolicy)).toBe(true);
    }
    expect(Object.isFrozen(DEFAULT_SLA_POLICIES)).toBe(true);
  });
});

describe('selectSlaPolicy', () => {
  const examples: Array<{ case: string; subject: SlaSubject; policyId: string }> = [
    {
      case: 'seller, whatever channel and priority',
      subject: subject({ ownerParty: OwnerParty.SELLER, channel: TicketChannel.CHAT, priority: TicketPriority.URGENT }),
      policyId: 'seller-marketplace',
    },
    { case: 'seller by e-mail', subject: subject({ ownerParty: OwnerParty.SELLER }), policyId: 'seller-marketplace' },
    {
      case: 'carrier, whatever channel and priority',
      subject: subject({ ownerParty: OwnerParty.CARRIER, channel: TicketChannel.PHONE, priority: TicketPriority.URGENT }),
      policyId: 'carrier-investigation',
    },
    {
      case: 'platform urgent chat: priority before channel',
      subject: subject({ channel: TicketChannel.CHAT, priority: TicketPriority.URGENT }),
      policyId: 'platform-urgent',
    },
    {
      case: 'platform urgent phone',
      subject: subject({ channel: TicketChannel.PHONE, priority: TicketPriority.URGENT }),
      policyId: 'platform-urgent',
    },
    {
      case: 'platform urgent e-mail',
      subject: subject({ priority: TicketPriority.URGENT, category: TicketCategory.FRAUD_PHISHING }),
      policyId: 'platform-urgent',
    },
    {
      case: 'platform chat, high priority',
      subject: subject({ channel: TicketChannel.CHAT, priority: TicketPriority.HIGH }),
      policyId: 'platform-chat',
    },
    {
      case: 'platform phone callback',
      subject: subject({ channel: TicketChannel.PHONE, customerTier: CustomerTier.PRIME }),
      policyId: 'platform-phone',
    },
    { case: 'platform e-mail', subject: subject({ channel: TicketChannel.EMAIL }), policyId: 'platform-default' },
    { case: 'platform app', subject: subject({ channel: TicketChannel.APP, priority: TicketPriority.HIGH }), policyId: 'platform-default' },
    {
      case: 'platform social',
      subject: subject({ channel: TicketChannel.SOCIAL, priority: TicketPriority.LOW }),
      policyId: 'platform-default',
    },
  ];

  it.each(examples)('$case → $policyId', ({ subject: slaSubject, policyId }) => {
    expect(selectSlaPolicy(slaSubject, DEFAULT_SLA_POLICIES).id).toBe(policyId);
  });

  it('selects a policy for every combination of owner, channel, priority, category and tier', () => {
    let combinations = 0;
    for (const ownerParty of Object.values(OwnerParty)) {
      for (const channel of Object.values(TicketChannel)) {
        for (const priority of Object.values(TicketPriority)) {
          for (const category of Object.values(TicketCategory)) {
            for (const customerTier of Object.values(CustomerTier)) {
              const selected = selectSlaPolicy(subject({ ownerParty, channel, priority, category, customerTier }), DEFAULT_SLA_POLICIES);
              expect(selected.when.ownerParties).toEqual([ownerParty]);
              combinations += 1;
            }
          }
        }
      }
    }
    expect(combinations).toBe(3 * 5 * 4 * 17 * 3);
  });

  it('orders by position, not by array order, and breaks position ties by id', () => {
    const policies = [
      policy({ id: 'late', position: 30 }),
      policy({ id: 'tie-b', position: 20 }),
      policy({ id: 'tie-a', position: 20 }),
      policy({ id: 'tie-B', position: 20 }),
    ];
    // Code-unit order: upper case sorts before lower case, whatever the locale.
    expect(selectSlaPolicy(subject({}), policies).id).toBe('tie-B');
    expect(selectSlaPolicy(subject({}), [...policies].reverse()).id).toBe('tie-B');
    expect(
      selectSlaPolicy(
        subject({}),
        policies.filter((slaPolicy) => slaPolicy.id !== 'tie-B'),
      ).id,
    ).toBe('tie-a');
  });

  it('ANDs the fields of a condition and ORs the values of a list', () => {
    const businessFraud = policy({
      id: 'business-fraud',
      position: 5,
      when: { categories: [TicketCategory.FRAUD_PHISHING, TicketCategory.ACCOUNT_ACCESS], customerTiers: [CustomerTier.BUSINESS] },
    });
    const policies = [businessFraud, ...DEFAULT_SLA_POLICIES];
    const select = (overrides: Partial<SlaSubject>): string => selectSlaPolicy(subject(overrides), policies).id;
    expect(select({ category: TicketCategory.FRAUD_PHISHING, customerTier: CustomerTier.BUSINESS })).toBe('business-fraud');
    const sellerOwned = { ownerParty: OwnerParty.SELLER };
    expect(select({ ...sellerOwned, category: TicketCategory.ACCOUNT_ACCESS, customerTier: CustomerTier.BUSINESS })).toBe('business-fraud');
    expect(select({ category: TicketCategory.FRAUD_PHISHING, customerTier: CustomerTier.STANDARD })).toBe('platform-default');
    expect(select({ category: TicketCategory.OTHER, customerTier: CustomerTier.BUSINESS })).toBe('platform-default');
  });

  describe('conditions on the seller, the carrier and the language', () => {
    const sundayClosedSeller = policy({
      id: 'seller-kyoto-tea',
      position: 5,
      when: { ownerParties: [OwnerParty.SELLER], sellerIds: ['U2VsbGVyOjQy'] },
      calendarId: 'KYOTO_TEA_HOURS',
    });
    const yamato = policy({ id: 'carrier-yamato', position: 6, when: { carrierIds: ['Q2FycmllcjoxNw=='] } });
    const english = policy({
      id: 'platform-english',
      position: 7,
      when: { ownerParties: [OwnerParty.PLATFORM], languages: [Language.en] },
    });
    const policies = [sundayClosedSeller, yamato, english, ...DEFAULT_SLA_POLICIES];
    it.each<[string, Partial<SlaSubject>, string]>([
      [
        'the seller named gets its own policy (and calendar)',
        { ownerParty: OwnerParty.SELLER, sellerId: 'U2VsbGVyOjQy' },
        'seller-kyoto-tea',
      ],
      ['another seller does not', { ownerParty: OwnerParty.SELLER, sellerId: 'U2VsbGVyOjQz' }, 'seller-marketplace'],
      ['a ticket without a seller never matches a seller list', { ownerParty: OwnerParty.SELLER, sellerId: null }, 'seller-marketplace'],
      ['the carrier named, whoever owns the ticket', { ownerParty: OwnerParty.CARRIER, carrierId: 'Q2FycmllcjoxNw==' }, 'carrier-yamato'],
      [
        'a ticket without a carrier never matches a carrier list',
        { ownerParty: OwnerParty.CARRIER, carrierId: null },
        'carrier-investigation',
      ],
      ['an English contact to the platform', { language: Language.en }, 'platform-english'],
      ['a Japanese one keeps the default', { language: Language.ja }, 'platform-default'],
    ])('%s', (_name, overrides, expected) => {
      expect(selectSlaPolicy(subject(overrides), policies).id).toBe(expected);
    });
  });

  it('treats an empty list as matching nothing', () => {
    const policies = [policy({ id: 'no-channel', position: 1, when: { channels: [] } }), policy({ id: 'catch-all', position: 2 })];
    expect(selectSlaPolicy(subject({}), policies).id).toBe('catch-all');
  });

  it('throws when the table has no catch-all for the owner', () => {
    const platformOnly = DEFAULT_SLA_POLICIES.filter((slaPolicy) => slaPolicy.when.ownerParties?.includes(OwnerParty.PLATFORM));
    expect(() => selectSlaPolicy(subject({ ownerParty: OwnerParty.SELLER }), platformOnly)).toThrow(NoMatchingSlaPolicyError);
    expect(() => selectSlaPolicy(subject({}), [])).toThrow(/catch-all per owner party/);
  });
});

describe('clockTimes', () => {
  const examples: Array<{
    case: string;
    calendar: BusinessCalendar;
    startedAt: Date;
    targetMinutes: number;
    pausedBusinessMinutes?: number;
    warnAt: Date;
    dueAt: Date;
  }> = [
    {
      case: 'platform-chat first response at 03:00: warn after 7.5 of 10 minutes',
      calendar: ALWAYS,
      startedAt: tokyo('2026-11-22T03:00'),
      targetMinutes: 10,
      warnAt: tokyo('2026-11-22T03:07:30'),
      dueAt: tokyo('2026-11-22T03:10'),
    },
    {
      case: 'platform-urgent first response: warn at 45, due at 60 minutes',
      calendar: ALWAYS,
      startedAt: tokyo('2026-12-31T23:30'),
      targetMinutes: 60,
      warnAt: tokyo('2027-01-01T00:15'),
      dueAt: tokyo('2027-01-01T00:30'),
    },
    {
      case: 'platform-phone callback Friday 20:55: both times land on Saturday',
      calendar: JP_SUPPORT_HOURS,
      startedAt: tokyo('2026-11-20T20:55'),
      targetMinutes: 60,
      warnAt: tokyo('2026-11-21T09:40'),
      dueAt: tokyo('2026-11-21T09:55'),
    },
    {
      case: 'platform-phone callback requested on New Year’s Day starts counting on 4 January',
      calendar: JP_SUPPORT_HOURS,
      startedAt: tokyo('2027-01-01T10:00'),
      targetMinutes: 60,
      warnAt: tokyo('2027-01-04T09:45'),
      dueAt: tokyo('2027-01-04T10:00'),
    },
    {
      case: 'carrier first response from Friday 17:00: warn at 1080 (Wed 17:00), due at 1440 (Thu 14:00)',
      calendar: JP_BUSINESS_DAYS,
      startedAt: tokyo('2026-11-20T17:00'),
      targetMinutes: 1440,
      warnAt: tokyo('2026-11-25T17:00'),
      dueAt: tokyo('2026-11-26T14:00'),
    },
    {
      case: 'carrier resolution from Friday 17:00: warn at 2025 (Fri 27th 14:45), due at 2700 (Mon 30th 17:00)',
      calendar: JP_BUSINESS_DAYS,
      startedAt: tokyo('2026-11-20T17:00'),
      targetMinutes: 2700,
      warnAt: tokyo('2026-11-27T14:45'),
      dueAt: tokyo('2026-11-30T17:00'),
    },
    {
      case: 'carrier resolution paused one business day (540) is paid back in business time',
      calendar: JP_BUSINESS_DAYS,
      startedAt: tokyo('2026-11-20T17:00'),
      targetMinutes: 2700,
      pausedBusinessMinutes: 540,
      warnAt: tokyo('2026-11-30T14:45'),
      dueAt: tokyo('2026-12-01T17:00'),
    },
    {
      case: 'platform-default resolution paused 90 minutes',
      calendar: ALWAYS,
      startedAt: tokyo('2026-11-20T12:00'),
      targetMinutes: 4320,
      pausedBusinessMinutes: 90,
      warnAt: tokyo('2026-11-22T19:30'),
      dueAt: tokyo('2026-11-23T13:30'),
    },
  ];

  it.each(examples)('$case', ({ calendar, startedAt, targetMinutes, pausedBusinessMinutes, warnAt, dueAt }) => {
    const times = clockTimes({ startedAt, targetMinutes, warningThreshold: DEFAULT_WARNING_THRESHOLD, calendar, pausedBusinessMinutes });
    const expected = { warnAt: warnAt.toISOString(), dueAt: dueAt.toISOString() };
    expect({ warnAt: times.warnAt.toISOString(), dueAt: times.dueAt.toISOString() }).toEqual(expected);
  });

  it('warns at the due time with a threshold of 1', () => {
    const times = clockTimes({ startedAt: tokyo('2026-11-20T20:55'), targetMinutes: 60, warningThreshold: 1, calendar: JP_SUPPORT_HOURS });
    expect(times.warnAt).toEqual(times.dueAt);
  });

  it('rejects a non-positive target, a threshold outside (0, 1] and a negative pause', () => {
    const valid = { startedAt: tokyo('2026-11-20T10:00'), targetMinutes: 60, warningThreshold: 0.75, calendar: ALWAYS };
    expect(() => clockTimes({ ...valid, targetMinutes: 0 })).toThrow(RangeError);
    expect(() => clockTimes({ ...valid, warningThreshold: 0 })).toThrow(RangeError);
    expect(() => clockTimes({ ...valid, warningThreshold: 1.5 })).toThrow(RangeError);
    expect(() => clockTimes({ ...valid, pausedBusinessMinutes: -1 })).toThrow(RangeError);
  });
});
