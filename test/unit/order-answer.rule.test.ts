import {
  DeliveryMethod,
  FulfillmentChannel,
  Language,
  OrderStatus,
  ReturnStatus,
  ShipmentStatus,
  TicketCategory,
} from '../../src/domain/enums';
import {
  answerTopicOf,
  firstBotMessage,
  formatCalendarDate,
  orderAnswerLines,
  OrderRecord,
  RETURN_POLICY,
  returnDeadlineOf,
  trackingUrlOf,
} from '../../src/rules/order-answer.rule';
import { OrderFacts } from '../../src/rules/routing.rule';

const NOW = new Date('2026-11-20T01:00:00Z'); // Friday 20 Nov 2026, 10:00 JST
const LANGUAGES = [Language.ja, Language.en, Language.zh, Language.ko];
const DELIVERY = [TicketCategory.ITEM_NOT_RECEIVED, TicketCategory.DELIVERY_DELAYED, TicketCategory.MISDELIVERED];
const RETURN = [
  TicketCategory.RETURN_REQUEST,
  TicketCategory.DEFECTIVE_ITEM,
  TicketCategory.NOT_AS_DESCRIBED,
  TicketCategory.MISSING_PARTS,
  TicketCategory.DAMAGED_IN_TRANSIT,
];

const inTransit: OrderFacts = {
  soldByPlatform: false,
  fulfillment: FulfillmentChannel.SELLER,
  status: OrderStatus.SHIPPED,
  promisedDeliveryAt: new Date('2026-11-21T12:00:00Z'),
  shipment: { status: ShipmentStatus.IN_TRANSIT, deliveryMethod: null, shippedAt: new Date('2026-11-18T00:00:00Z'), deliveredAt: null },
  return: null,
};
const deliveredOn = (deliveredAt: string, fulfillment = FulfillmentChannel.SELLER): OrderFacts => ({
  ...inTransit,
  fulfillment,
  status: OrderStatus.DELIVERED,
  shipment: {
    status: ShipmentStatus.DELIVERED,
    deliveryMethod: DeliveryMethod.LEFT_AT_DOOR,
    shippedAt: new Date('2026-11-01T00:00:00Z'),
    deliveredAt: new Date(deliveredAt),
  },
});
const withReturn = (status: ReturnStatus, receivedAt: string | null, refundedAt: string | null = null): OrderFacts => ({
  ...deliveredOn('2026-11-10T05:00:00Z'),
  return: {
    status,
    requestedAt: new Date('2026-11-12T03:00:00Z'),
    receivedAt: receivedAt === null ? null : new Date(receivedAt),
    refundedAt: refundedAt === null ? null : new Date(refundedAt),
  },
});
const record: OrderRecord = {
  number: '503-0000001-7000001',
  shipment: { trackingNumber: 'TRK 42', carrierName: 'ヤマト運輸', trackingUrlTemplate: 'https://track.example.jp/{trackingNumber}' },
};
const noTemplate: OrderRecord = { ...record, shipment: { ...record.shipment!, trackingUrlTemplate: null } };

const answer = (facts: OrderFacts | null, category: TicketCategory, language: Language, rec: OrderRecord = record, now = NOW) =>
  orderAnswerLines({ order: facts === null ? null : { facts, record: rec }, category, language, now });

// What each case must say, per language: a fragment of the expected text (dates as each language writes them).
const SAYS: Record<string, Record<Language, string>> = {
  inTransit: { ja: '輸送中', en: 'on its way with ヤマト運輸', zh: '运送中', ko: '배송 중입니다' },
  promised: { ja: '2026年11月21日（土）', en: 'Saturday, 21 November 2026', zh: '2026年11月21日（周六）', ko: '2026년 11월 21일(토)' },
  deadlineOpen: {
    ja: '2026年12月19日（土）（日本時間）まで返品',
    en: 'until Saturday, 19 December 2026 (Japan time)',
    zh: '截止日期为2026年12月19日（周六）',
    ko: '2026년 12월 19일(토)(일본 시간)까지 반품',
  },
  deadlinePassed: {
    ja: '2026年11月1日（日）に終了',
    en: 'ended on Sunday, 1 November 2026',
    zh: '已于2026年11月1日（周日）结束',
    ko: '2026년 11월 1일(일)에 종료',
  },
  noTemplate: { ja: 'ヤマト運輸のウェブサイト', en: "ヤマト運輸's website", zh: 'ヤマト運輸的网站', ko: 'ヤマト運輸 홈페이지' },
  refunded: {
    ja: '2026年11月18日（水）に返金',
    en: 'refund was made on Wednesday, 18 November 2026',
    zh: '退款已于2026年11月18日（周三）完成',
    ko: '환불은 2026년 11월 18일(수)에 완료',
  },
  refundDue: {
    ja: '2026年11月24日（火）までに行われる予定',
    en: 'due by Tuesday, 24 November 2026',
    zh: '2026年11月24日（周二）前完成',
    ko: '2026년 11월 24일(화)까지 처리될 예정',
  },
  refundOverdue: { ja: '申し訳ございません', en: 'should have been made by', zh: '本应在', ko: '처리되었어야 했습니다' },
  notShipped: { ja: 'まだ発送されておりません', en: 'not been shipped yet', zh: '尚未发货', ko: '아직 발송되지 않았습니다' },
  noReturn: { ja: '返品の記録がございません', en: 'no return on record', zh: '没有退货记录', ko: '반품 기록이 없습니다' },
};

describe('orderAnswerLines', () => {
  describe.each(LANGUAGES)('in %s', (language) => {
    it.each(DELIVERY)('%s on an order in transit: status, carrier, tracking number and link, promised date', (category) => {
      const text = answer(inTransit, category, language).join('\n');
      expect(text).toContain(record.number);
      expect(text).toContain(SAYS.inTransit[language]);
      expect(text).toContain('TRK 42');
      expect(text).toContain('https://track.example.jp/TRK%2042');
      expect(text).toContain(SAYS.promised[language]);
    });

    it.each(DELIVERY)('%s without a carrier tracking page points to the carrier’s website', (category) => {
      const text = answer(inTransit, category, language, noTemplate).join('\n');
      expect(text).not.toContain('https://');
      expect(text).toContain(SAYS.noTemplate[language]);
    });

    it.each(DELIVERY)('%s on an order without a shipment says it has not shipped, no tracking', (category) => {
      const unshipped: OrderFacts = { ...inTransit, status: OrderStatus.UNSHIPPED, shipment: null };
      const text = answer(unshipped, category, language, { ...record, shipment: null }).join('\n');
      expect(text).toContain(SAYS.notShipped[language]);
      expect(text).toContain(SAYS.promised[language]);
      expect(text).not.toContain('TRK');
    });

    it.each(RETURN)('%s within the return window: deadline and numbered steps', (category) => {
      const lines = answer(deliveredOn('2026-11-19T05:00:00Z'), category, language);
      expect(lines.join('\n')).toContain(SAYS.deadlineOpen[language]);
      expect(lines.filter((line) => /^\d\. /.test(line))).toHaveLength(3);
    });

    it.each(RETURN)('%s after the return window: says when it ended, no steps', (category) => {
      const lines = answer(deliveredOn('2026-10-02T05:00:00Z'), category, language);
      expect(lines.join('\n')).toContain(SAYS.deadlinePassed[language]);
      expect(lines.filter((line) => /^\d\. /.test(line))).toHaveLength(0);
    });

    it.each([TicketCategory.REFUND_NOT_RECEIVED, ...RETURN])('%s with a refunded return: the refund date', (category) => {
      expect(
        answer(withReturn(ReturnStatus.REFUNDED, '2026-11-16T03:00:00Z', '2026-11-18T03:00:00Z'), category, language).join('\n'),
      ).toContain(SAYS.refunded[language]);
    });

    it.each<[string, string, Date, string]>([
      ['received Thursday, refund not due yet', '2026-11-19T03:00:00Z', NOW, 'refundDue'],
      ['received two weeks ago, refund overdue', '2026-11-05T03:00:00Z', NOW, 'refundOverdue'],
    ])('REFUND_NOT_RECEIVED with a return %s', (_case, receivedAt, now, says) => {
      const text = answer(withReturn(ReturnStatus.RECEIVED, receivedAt), TicketCategory.REFUND_NOT_RECEIVED, language, record, now).join(
        '\n',
      );
      expect(text).toContain(SAYS[says][language]);
    });

    it('REFUND_NOT_RECEIVED without a return says none is on record', () => {
      expect(answer(deliveredOn('2026-11-19T05:00:00Z'), TicketCategory.REFUND_NOT_RECEIVED, language).join('\n')).toContain(
        SAYS.noReturn[language],
      );
    });

    it.each([TicketCategory.PAYMENT_ISSUE, TicketCategory.ACCOUNT_ACCESS, TicketCategory.CANCEL_ORDER, TicketCategory.OTHER])(
      '%s is not answered from the order',
      (category) => {
        expect(answer(inTransit, category, language)).toEqual([]);
      },
    );

    it.each(Object.values(TicketCategory))('%s without an order answers nothing', (category) => {
      expect(answer(null, category, language)).toEqual([]);
    });
  });

  it.each<[string, OrderFacts, RegExp]>([
    [
      'seller-fulfilled: the seller sends the return address',
      deliveredOn('2026-11-19T05:00:00Z', FulfillmentChannel.SELLER),
      /shipped by the seller/,
    ],
    [
      'platform-fulfilled: return label from the order page',
      deliveredOn('2026-11-19T05:00:00Z', FulfillmentChannel.PLATFORM),
      /Return items/,
    ],
  ])('return steps differ by fulfilment: %s', (_case, facts, expected) => {
    expect(answer(facts, TicketCategory.RETURN_REQUEST, Language.en).join('\n')).toMatch(expected);
  });

  it('a delivered parcel is answered with its delivery date and method, and no promised date', () => {
    const text = answer(deliveredOn('2026-11-19T05:00:00Z'), TicketCategory.ITEM_NOT_RECEIVED, Language.en).join('\n');
    expect(text).toContain('delivered on Thursday, 19 November 2026 (left at the door)');
    expect(text).not.toContain('Expected delivery');
  });

  it('a late parcel apologises for the passed promised date', () => {
    const late = { ...inTransit, promisedDeliveryAt: new Date('2026-11-18T12:00:00Z') };
    expect(answer(late, TicketCategory.DELIVERY_DELAYED, Language.ja).join('\n')).toContain('お届け予定日（2026年11月18日（水））を過ぎて');
  });
});

describe('every shipment, return and refund state is answered in every language', () => {
  const OUT_FOR_DELIVERY: Record<Language, string> = {
    ja: 'ヤマト運輸がお届けに向かっております',
    en: 'out for delivery with ヤマト運輸',
    zh: 'ヤマト運輸正在为您派送包裹',
    ko: 'ヤマト運輸에서 배달하러 가고 있습니다',
  };
  const PROMISE_PASSED: Record<Language, string> = {
    ja: 'お届け予定日（2026年11月18日（水））を過ぎて',
    en: 'It was due by Wednesday, 18 November 2026; we are sorry that it is late.',
    zh: '原定送达日期为2026年11月18日（周三），现已延误',
    ko: '도착 예정일(2026년 11월 18일(수))이 지나',
  };
  const shipped = (status: ShipmentStatus, promisedDeliveryAt = '2026-11-21T12:00:00Z'): OrderFacts => ({
    ...inTransit,
    promisedDeliveryAt: new Date(promisedDeliveryAt),
    shipment: { ...inTransit.shipment!, status },
  });
  const undelivered = Object.values(ShipmentStatus).filter((status) => status !== ShipmentStatus.DELIVERED);

  it.each(LANGUAGES)('OUT_FOR_DELIVERY says the carrier is on its way (%s)', (language) => {
    expect(answer(shipped(ShipmentStatus.OUT_FOR_DELIVERY), TicketCategory.DELIVERY_DELAYED, language).join('\n')).toContain(
      OUT_FOR_DELIVERY[language],
    );
  });

  it.each(
    LANGUAGES.flatMap((language) =>
      [ShipmentStatus.IN_TRANSIT, ShipmentStatus.OUT_FOR_DELIVERY].map((status) => [language, status] as const),
    ),
  )('a promised date that has passed is apologised for (%s, %s)', (language, status) => {
    const text = answer(shipped(status, '2026-11-18T12:00:00Z'), TicketCategory.DELIVERY_DELAYED, language).join('\n');
    expect(text).toContain(PROMISE_PASSED[language]);
    expect(text).not.toContain(SAYS.promised[language]);
  });

  it.each(LANGUAGES)('each shipment state has a line of its own naming the carrier (%s)', (language) => {
    const statusLines = undelivered.map((status) => answer(shipped(status), TicketCategory.ITEM_NOT_RECEIVED, language)[1]);
    for (const line of statusLines) expect(line).toContain('ヤマト運輸');
    expect(new Set(statusLines).size).toBe(undelivered.length);
  });

  it.each(LANGUAGES)('each return state has a line of its own (%s)', (language) => {
    const states: OrderFacts[] = [
      withReturn(ReturnStatus.REQUESTED, null),
      withReturn(ReturnStatus.IN_TRANSIT, null),
      withReturn(ReturnStatus.RECEIVED, '2026-11-19T03:00:00Z'),
      withReturn(ReturnStatus.RECEIVED, '2026-11-10T03:00:00Z'),
      withReturn(ReturnStatus.REFUNDED, '2026-11-16T03:00:00Z', '2026-11-18T03:00:00Z'),
      withReturn(ReturnStatus.REJECTED, null),
    ];
    const answers = states.map((facts) => answer(facts, TicketCategory.REFUND_NOT_RECEIVED, language).join('\n'));
    for (const text of answers) expect(text.length).toBeGreaterThan(0);
    expect(new Set(answers).size).toBe(states.length);
  });
});

describe('return window and dates', () => {
  it.each<[string, string]>([
    ['2026-11-19T05:00:00Z', '2026-12-19'],
    // 23:30 JST on 30 Nov is 30 Nov in Tokyo although it is still the 30th in UTC too; 00:30 JST on 1 Dec is 1 Dec.
    ['2026-11-30T14:30:00Z', '2026-12-30'],
    ['2026-11-30T15:30:00Z', '2026-12-31'],
  ])('delivered %s → returnable until the end of %s (the Tokyo date of delivery + 30 days)', (deliveredAt, deadline) => {
    expect(returnDeadlineOf(new Date(deliveredAt))).toBe(deadline);
    expect(RETURN_POLICY.windowDays).toBe(30);
  });

  it('the last day of the window is whole, the next day is passed', () => {
    const facts = deliveredOn('2026-10-21T05:00:00Z'); // deadline 2026-11-20
    expect(answer(facts, TicketCategory.RETURN_REQUEST, Language.en, record, new Date('2026-11-20T14:59:00Z')).join('\n')).toContain(
      'until Friday, 20 November 2026',
    );
    expect(answer(facts, TicketCategory.RETURN_REQUEST, Language.en, record, new Date('2026-11-20T15:00:00Z')).join('\n')).toContain(
      'ended on Friday, 20 November 2026',
    );
  });

  it.each<[Language, string]>([
    [Language.ja, '2027年1月3日（日）'],
    [Language.en, 'Sunday, 3 January 2027'],
    [Language.zh, '2027年1月3日（周日）'],
    [Language.ko, '2027년 1월 3일(일)'],
  ])('formats a date in %s', (language, expected) => {
    expect(formatCalendarDate('2027-01-03', language)).toBe(expected);
  });

  it('builds tracking links with the number encoded, none without a template', () => {
    expect(trackingUrlOf('https://t.example/{trackingNumber}?x=1', 'A/1 2')).toBe('https://t.example/A%2F1%202?x=1');
    expect(trackingUrlOf(null, 'A')).toBeNull();
  });

  it('groups every category', () => {
    expect(Object.values(TicketCategory).map((category) => [category, answerTopicOf(category)])).toMatchSnapshot();
  });
});

describe('firstBotMessage', () => {
  it('is empty with neither an answer nor a question', () => {
    for (const language of LANGUAGES) expect(firstBotMessage([], [], language)).toBe('');
  });

  it.each<[Language, string[]]>([
    [
      Language.ja,
      [
        'お問い合わせいただきありがとうございます。',
        'A',
        '担当者が確認を進めるため、以下の情報をお知らせいただけますでしょうか。',
        '・運送会社',
        'ご返信をお待ちしております。',
      ],
    ],
    [
      Language.ko,
      [
        '문의해 주셔서 감사합니다.',
        'A',
        '신속한 확인을 위해 아래 정보를 알려 주시기 바랍니다.',
        '- 가족, 이웃 또는 택배함을 확인하셨는지 여부',
        '회신을 기다리겠습니다.',
      ],
    ],
  ])('puts the answer before the question (%s)', (language, expected) => {
    const message = firstBotMessage(['A'], ['neighboursChecked'], language).split('\n');
    expect(message[0]).toBe(expected[0]);
    expect(message[1]).toBe('A');
    expect(message[2]).toBe(expected[2]);
    expect(message[message.length - 1]).toBe(expected[expected.length - 1]);
  });

  it.each(LANGUAGES)('closes an answer without questions by saying the team follows up (%s)', (language) => {
    const lines = firstBotMessage(['A'], [], language).split('\n');
    expect(lines).toHaveLength(3);
  });
});
