import { DeliveryMethod, Language, PaymentMethod, TicketCategory } from '../../src/domain/enums';
import {
  KnownFacts,
  MISSING_DETAIL_KEYS,
  MissingDetail,
  missingDetails,
  missingDetailsMessage,
  TicketDetails,
} from '../../src/rules/missing-details.rule';

describe('missingDetails', () => {
  const nothingKnown: KnownFacts = { hasShipment: false };

  it.each<[TicketCategory, MissingDetail[]]>([
    [TicketCategory.ITEM_NOT_RECEIVED, ['trackingNumber', 'leftAtDoor', 'neighboursChecked']],
    [TicketCategory.MISDELIVERED, ['trackingNumber', 'neighboursChecked']],
    [TicketCategory.DELIVERY_DELAYED, ['trackingNumber']],
    [TicketCategory.DAMAGED_IN_TRANSIT, ['trackingNumber', 'wantedOutcome']],
    [TicketCategory.RETURN_REQUEST, ['reason', 'opened', 'wantedOutcome']],
    [TicketCategory.NOT_AS_DESCRIBED, ['reason', 'opened', 'wantedOutcome']],
    [TicketCategory.DEFECTIVE_ITEM, ['reason', 'wantedOutcome']],
    [TicketCategory.MISSING_PARTS, ['reason', 'wantedOutcome']],
    [TicketCategory.PAYMENT_ISSUE, ['paymentMethod', 'chargeDate', 'amount', 'doubleCharge']],
    [TicketCategory.ACCOUNT_ACCESS, ['canSignIn', 'secondFactorInUse', 'recentChanges']],
    [TicketCategory.FRAUD_PHISHING, ['canSignIn']],
    [TicketCategory.DIGITAL_SERVICE, ['deviceModel', 'appVersion', 'osVersion', 'stepsToReproduce']],
    [TicketCategory.REFUND_NOT_RECEIVED, []],
    [TicketCategory.CANCEL_ORDER, []],
    [TicketCategory.CHANGE_ORDER, []],
    [TicketCategory.MEMBERSHIP, []],
    [TicketCategory.OTHER, []],
  ])('%s with nothing given asks for %j', (category, expected) => {
    expect(missingDetails(category, {}, nothingKnown)).toEqual(expected);
    expect(missingDetails(category, {})).toEqual(expected);
  });

  it.each<[string, TicketCategory, TicketDetails, KnownFacts, MissingDetail[]]>([
    [
      'a tracking number and explicit "no" answers',
      TicketCategory.ITEM_NOT_RECEIVED,
      { trackingNumber: '1234-5678-9012', leftAtDoor: false, neighboursChecked: false },
      nothingKnown,
      [],
    ],
    ['a shipment id instead of a tracking number', TicketCategory.DELIVERY_DELAYED, { shipmentId: 'S-1' }, nothingKnown, []],
    ['a blank tracking number', TicketCategory.DELIVERY_DELAYED, { trackingNumber: '   ' }, nothingKnown, ['trackingNumber']],
    [
      'a linked shipment supplies the tracking number',
      TicketCategory.ITEM_NOT_RECEIVED,
      {},
      { hasShipment: true },
      ['leftAtDoor', 'neighboursChecked'],
    ],
    [
      'an order not yet shipped has no tracking number to ask for',
      TicketCategory.DELIVERY_DELAYED,
      {},
      { hasShipment: false, orderAwaitingShipment: true },
      [],
    ],
    [
      'the carrier’s recorded delivery method answers "left at the door"',
      TicketCategory.ITEM_NOT_RECEIVED,
      {},
      { hasShipment: true, deliveryMethod: DeliveryMethod.LEFT_AT_DOOR },
      ['neighboursChecked'],
    ],
    [
      'an unknown delivery method answers nothing',
      TicketCategory.ITEM_NOT_RECEIVED,
      {},
      { hasShipment: true, deliveryMethod: null },
      ['leftAtDoor', 'neighboursChecked'],
    ],
    [
      'a linked order supplies the payment method',
      TicketCategory.PAYMENT_ISSUE,
      { chargeDate: '2026-11-18' },
      { hasShipment: false, hasOrder: true },
      ['amount', 'doubleCharge'],
    ],
    [
      'every payment detail given',
      TicketCategory.PAYMENT_ISSUE,
      { paymentMethod: PaymentMethod.CREDIT_CARD, chargeDate: '2026-11-18', amount: 3980, doubleCharge: true },
      nothingKnown,
      [],
    ],
    [
      'an amount that is not a number',
      TicketCategory.PAYMENT_ISSUE,
      { amount: Number.NaN },
      { hasShipment: false, hasOrder: true },
      ['chargeDate', 'amount', 'doubleCharge'],
    ],
    [
      'account answers, "false" included',
      TicketCategory.ACCOUNT_ACCESS,
      { canSignIn: false, secondFactorInUse: false },
      nothingKnown,
      ['recentChanges'],
    ],
    [
      'return facts given',
      TicketCategory.RETURN_REQUEST,
      { reason: 'サイズが合わない', opened: false, wantedOutcome: 'REFUND' },
      nothingKnown,
      [],
    ],
    [
      'device facts partly given',
      TicketCategory.DIGITAL_SERVICE,
      { deviceModel: 'Pixel 8', osVersion: 'Android 15' },
      nothingKnown,
      ['appVersion', 'stepsToReproduce'],
    ],
  ])('%s', (_description, category, details, known, expected) => {
    expect(missingDetails(category, details, known)).toEqual(expected);
  });

  it('returns details in MISSING_DETAIL_KEYS order', () => {
    for (const category of Object.values(TicketCategory)) {
      const missing = missingDetails(category, {});
      const positions = missing.map((detail) => MISSING_DETAIL_KEYS.indexOf(detail));
      expect(positions).toEqual([...positions].sort((left, right) => left - right));
    }
  });
});

describe('missingDetailsMessage', () => {
  it('lists exactly the missing details in Japanese for ja', () => {
    const message = missingDetailsMessage(['trackingNumber', 'neighboursChecked'], Language.ja);
    expect(message).toBe(
      [
        'お問い合わせいただきありがとうございます。',
        '担当者が確認を進めるため、以下の情報をお知らせいただけますでしょうか。',
        '・追跡番号（お問い合わせ伝票番号）',
        '・ご家族・ご近所の方や宅配ボックスをご確認いただいたかどうか',
        'ご返信をお待ちしております。',
      ].join('\n'),
    );
  });

  it.each<[Language, string[]]>([
    [
      Language.en,
      [
        'Thank you for contacting us.',
        'So that we can look into this without delay, please tell us:',
        '- the outcome you would like: refund, replacement or repair',
        'We look forward to your reply.',
      ],
    ],
    [Language.zh, ['感谢您的咨询。', '为了尽快为您处理，请告知以下信息：', '・希望的处理方式（退款、换货或维修）', '期待您的回复。']],
    [
      Language.ko,
      [
        '문의해 주셔서 감사합니다.',
        '신속한 확인을 위해 아래 정보를 알려 주시기 바랍니다.',
        '- 원하시는 처리 방법(환불, 교환, 수리 중 선택)',
        '회신을 기다리겠습니다.',
      ],
    ],
  ])("lists exactly the missing details in the ticket's language (%s)", (language, expected) => {
    expect(missingDetailsMessage(['wantedOutcome'], language)).toBe(expected.join('\n'));
  });

  it.each([Language.ja, Language.en, Language.zh, Language.ko])(
    'has one list line per missing detail, every detail labelled (%s)',
    (language) => {
      const message = missingDetailsMessage(MISSING_DETAIL_KEYS, language);
      const bullet = language === Language.ja || language === Language.zh ? '・' : '- ';
      const listLines = message.split('\n').filter((line) => line.startsWith(bullet));
      expect(listLines).toHaveLength(MISSING_DETAIL_KEYS.length);
      expect(new Set(listLines).size).toBe(MISSING_DETAIL_KEYS.length);
    },
  );

  it.each([Language.ja, Language.en, Language.zh, Language.ko])(
    'is empty when nothing is missing (%s), so no message is posted',
    (language) => {
      expect(missingDetailsMessage([], language)).toBe('');
    },
  );
});
