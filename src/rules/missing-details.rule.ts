import { DeliveryMethod, Language, PaymentMethod, TicketCategory } from '../domain/enums';

// The facts an agent would otherwise have to ask for (docs/routing.md "Required details per category"). A ticket that
// lacks them is still opened; the bot posts one PUBLIC message listing exactly what is missing.

export type WantedOutcome = 'REFUND' | 'REPLACEMENT' | 'REPAIR';

/** What the customer told us in structured form; every field optional because a contact is never refused. */
export interface TicketDetails {
  trackingNumber?: string;
  shipmentId?: string;
  leftAtDoor?: boolean;
  neighboursChecked?: boolean;
  reason?: string;
  opened?: boolean;
  wantedOutcome?: WantedOutcome;
  paymentMethod?: PaymentMethod;
  /** Calendar date of the charge as the customer saw it, ISO 8601 (YYYY-MM-DD). */
  chargeDate?: string;
  /** Amount charged, in the order's currency, in major units (yen). */
  amount?: number;
  doubleCharge?: boolean;
  canSignIn?: boolean;
  secondFactorInUse?: boolean;
  recentChanges?: string;
  takeoverReported?: boolean;
  unauthorisedOrders?: boolean;
  deviceModel?: string;
  appVersion?: string;
  osVersion?: string;
  stepsToReproduce?: string;
}

/** Every detail the bot may ask for, in the order it asks. `shipmentId` is not here: it answers `trackingNumber`. */
export const MISSING_DETAIL_KEYS = [
  'trackingNumber',
  'leftAtDoor',
  'neighboursChecked',
  'reason',
  'opened',
  'wantedOutcome',
  'paymentMethod',
  'chargeDate',
  'amount',
  'doubleCharge',
  'canSignIn',
  'secondFactorInUse',
  'recentChanges',
  'deviceModel',
  'appVersion',
  'osVersion',
  'stepsToReproduce',
] as const satisfies readonly (keyof TicketDetails)[];

export type MissingDetail = (typeof MISSING_DETAIL_KEYS)[number];

/** Facts the ticket's linked order, shipment and carrier record already supply, so the customer is not asked. */
export interface KnownFacts {
  /** A shipment is linked: its tracking number is on record. */
  hasShipment: boolean;
  /** The order is linked: its payment method is on record. */
  hasOrder?: boolean;
  /** The linked order is PENDING or UNSHIPPED: no tracking number exists yet, so none is asked for. */
  orderAwaitingShipment?: boolean;
  /** How the carrier recorded the delivery; any recorded method answers "was it left at the door". */
  deliveryMethod?: DeliveryMethod | null;
}

const NOTHING_KNOWN: KnownFacts = { hasShipment: false };

/** The details each category needs, before subtracting what the customer or the records supplied. */
const REQUIRED_DETAILS: Readonly<Record<TicketCategory, readonly MissingDetail[]>> = {
  [TicketCategory.ITEM_NOT_RECEIVED]: ['trackingNumber', 'leftAtDoor', 'neighboursChecked'],
  [TicketCategory.MISDELIVERED]: ['trackingNumber', 'neighboursChecked'],
  [TicketCategory.DELIVERY_DELAYED]: ['trackingNumber'],
  [TicketCategory.DAMAGED_IN_TRANSIT]: ['trackingNumber', 'wantedOutcome'],
  [TicketCategory.RETURN_REQUEST]: ['reason', 'opened', 'wantedOutcome'],
  [TicketCategory.NOT_AS_DESCRIBED]: ['reason', 'opened', 'wantedOutcome'],
  // A defect or a missing part is only found by opening the parcel, so "opened" would be a needless question.
  [TicketCategory.DEFECTIVE_ITEM]: ['reason', 'wantedOutcome'],
  [TicketCategory.MISSING_PARTS]: ['reason', 'wantedOutcome'],
  [TicketCategory.PAYMENT_ISSUE]: ['paymentMethod', 'chargeDate', 'amount', 'doubleCharge'],
  [TicketCategory.ACCOUNT_ACCESS]: ['canSignIn', 'secondFactorInUse', 'recentChanges'],
  // Whether the customer can still sign in decides how fast the account must be secured.
  [TicketCategory.FRAUD_PHISHING]: ['canSignIn'],
  [TicketCategory.DIGITAL_SERVICE]: ['deviceModel', 'appVersion', 'osVersion', 'stepsToReproduce'],
  // The linked order and return records answer these, or an agent reads the text; nothing to ask up front.
  [TicketCategory.REFUND_NOT_RECEIVED]: [],
  [TicketCategory.CANCEL_ORDER]: [],
  [TicketCategory.CHANGE_ORDER]: [],
  [TicketCategory.MEMBERSHIP]: [],
  [TicketCategory.OTHER]: [],
};

function hasText(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

/** Whether the customer's details or the records already answer each detail (a table: every detail has a row). */
const IS_SUPPLIED: Readonly<Record<MissingDetail, (details: TicketDetails, known: KnownFacts) => boolean>> = {
  trackingNumber: (details, known) =>
    hasText(details.trackingNumber) || hasText(details.shipmentId) || known.hasShipment || known.orderAwaitingShipment === true,
  leftAtDoor: (details, known) => details.leftAtDoor !== undefined || (known.deliveryMethod ?? null) !== null,
  neighboursChecked: (details) => details.neighboursChecked !== undefined,
  reason: (details) => hasText(details.reason),
  opened: (details) => details.opened !== undefined,
  wantedOutcome: (details) => details.wantedOutcome !== undefined,
  paymentMethod: (details, known) => details.paymentMethod !== undefined || known.hasOrder === true,
  chargeDate: (details) => hasText(details.chargeDate),
  amount: (details) => details.amount !== undefined && Number.isFinite(details.amount),
  doubleCharge: (details) => details.doubleCharge !== undefined,
  canSignIn: (details) => details.canSignIn !== undefined,
  secondFactorInUse: (details) => details.secondFactorInUse !== undefined,
  recentChanges: (details) => hasText(details.recentChanges),
  deviceModel: (details) => hasText(details.deviceModel),
  appVersion: (details) => hasText(details.appVersion),
  osVersion: (details) => hasText(details.osVersion),
  stepsToReproduce: (details) => hasText(details.stepsToReproduce),
};

/** The details still missing, in MISSING_DETAIL_KEYS order; `false` is an answer, only absence is missing. */
export function missingDetails(category: TicketCategory, details: TicketDetails, known: KnownFacts = NOTHING_KNOWN): MissingDetail[] {
  return REQUIRED_DETAILS[category].filter((detail) => !IS_SUPPLIED[detail](details, known));
}

const JAPANESE_LABELS: Readonly<Record<MissingDetail, string>> = {
  trackingNumber: '追跡番号（お問い合わせ伝票番号）',
  leftAtDoor: '置き配（玄関前などへの配達）を指定されていたかどうか',
  neighboursChecked: 'ご家族・ご近所の方や宅配ボックスをご確認いただいたかどうか',
  reason: '理由（不具合や相違の具体的な内容）',
  opened: '商品を開封済みかどうか',
  wantedOutcome: 'ご希望の対応（返金・交換・修理のいずれか）',
  paymentMethod: 'お支払い方法',
  chargeDate: '請求された日付',
  amount: '請求された金額',
  doubleCharge: '同じ請求が二重に発生しているかどうか',
  canSignIn: '現在ログインできるかどうか',
  secondFactorInUse: '二段階認証をご利用かどうか',
  recentChanges: '最近変更された内容（メールアドレス・パスワード・電話番号など）',
  deviceModel: 'ご利用の端末の機種',
  appVersion: 'アプリのバージョン',
  osVersion: 'OSのバージョン',
  stepsToReproduce: '問題が起きるまでの操作手順',
};

const ENGLISH_LABELS: Readonly<Record<MissingDetail, string>> = {
  trackingNumber: 'the tracking number',
  leftAtDoor: 'whether you asked for the parcel to be left at the door',
  neighboursChecked: 'whether you have checked with your household, your neighbours and any parcel box',
  reason: 'the reason (what exactly is wrong)',
  opened: 'whether the item has been opened',
  wantedOutcome: 'the outcome you would like: refund, replacement or repair',
  paymentMethod: 'the payment method',
  chargeDate: 'the date of the charge',
  amount: 'the amount charged',
  doubleCharge: 'whether you were charged twice for the same thing',
  canSignIn: 'whether you can still sign in',
  secondFactorInUse: 'whether you use two-step verification',
  recentChanges: 'any recent changes to your account (e-mail address, password, phone number)',
  deviceModel: 'your device model',
  appVersion: 'the app version',
  osVersion: 'the operating system version',
  stepsToReproduce: 'the steps that lead to the problem',
};

const CHINESE_LABELS: Readonly<Record<MissingDetail, string>> = {
  trackingNumber: '运单号（快递单号）',
  leftAtDoor: '是否指定了放在门口等无接触配送',
  neighboursChecked: '是否已向家人、邻居确认，或查看过快递柜',
  reason: '原因（具体是什么问题，或与描述有何不符）',
  opened: '商品是否已开封',
  wantedOutcome: '希望的处理方式（退款、换货或维修）',
  paymentMethod: '支付方式',
  chargeDate: '扣款日期',
  amount: '扣款金额',
  doubleCharge: '是否被重复扣款',
  canSignIn: '目前是否能够登录',
  secondFactorInUse: '是否开启了两步验证',
  recentChanges: '最近修改过的账户信息（邮箱地址、密码、手机号码等）',
  deviceModel: '所用设备的型号',
  appVersion: '应用的版本',
  osVersion: '操作系统的版本',
  stepsToReproduce: '出现问题前的操作步骤',
};

const KOREAN_LABELS: Readonly<Record<MissingDetail, string>> = {
  trackingNumber: '운송장 번호',
  leftAtDoor: '문 앞 배송(비대면 배송)을 요청하셨는지 여부',
  neighboursChecked: '가족, 이웃 또는 택배함을 확인하셨는지 여부',
  reason: '사유(구체적인 문제 또는 상품 설명과 다른 점)',
  opened: '상품 개봉 여부',
  wantedOutcome: '원하시는 처리 방법(환불, 교환, 수리 중 선택)',
  paymentMethod: '결제 수단',
  chargeDate: '청구된 날짜',
  amount: '청구된 금액',
  doubleCharge: '같은 건이 이중으로 청구되었는지 여부',
  canSignIn: '현재 로그인이 가능한지 여부',
  secondFactorInUse: '2단계 인증 사용 여부',
  recentChanges: '최근 변경하신 계정 정보(이메일 주소, 비밀번호, 전화번호 등)',
  deviceModel: '사용 중인 기기 모델',
  appVersion: '앱 버전',
  osVersion: 'OS 버전',
  stepsToReproduce: '문제가 발생하기까지의 조작 순서',
};

/** The frame of every bot message, per language: Japanese polite, Chinese simplified, Korean 합쇼체. */
export const BOT_MESSAGE_FRAME: Readonly<
  Record<
    Language,
    { greeting: string; askIntro: string; bullet: string; awaitingReply: string; labels: Readonly<Record<MissingDetail, string>> }
  >
> = {
  ja: {
    greeting: 'お問い合わせいただきありがとうございます。',
    askIntro: '担当者が確認を進めるため、以下の情報をお知らせいただけますでしょうか。',
    bullet: '・',
    awaitingReply: 'ご返信をお待ちしております。',
    labels: JAPANESE_LABELS,
  },
  en: {
    greeting: 'Thank you for contacting us.',
    askIntro: 'So that we can look into this without delay, please tell us:',
    bullet: '- ',
    awaitingReply: 'We look forward to your reply.',
    labels: ENGLISH_LABELS,
  },
  zh: {
    greeting: '感谢您的咨询。',
    askIntro: '为了尽快为您处理，请告知以下信息：',
    bullet: '・',
    awaitingReply: '期待您的回复。',
    labels: CHINESE_LABELS,
  },
  ko: {
    greeting: '문의해 주셔서 감사합니다.',
    askIntro: '신속한 확인을 위해 아래 정보를 알려 주시기 바랍니다.',
    bullet: '- ',
    awaitingReply: '회신을 기다리겠습니다.',
    labels: KOREAN_LABELS,
  },
};

/** The lines asking for exactly the missing details (an introduction, one line each); [] when nothing is missing. */
export function missingDetailsQuestion(missing: readonly MissingDetail[], language: Language): string[] {
  if (missing.length === 0) return [];
  const frame = BOT_MESSAGE_FRAME[language];
  return [frame.askIntro, ...missing.map((detail) => `${frame.bullet}${frame.labels[detail]}`)];
}

/**
 * The bot's message listing exactly the missing details, in the ticket's language (ja, en, zh, ko). Returns ''
 * when nothing is missing. openTicket posts `firstBotMessage` (order-answer.rule.ts), which is this message with
 * the order's answer after the greeting.
 */
export function missingDetailsMessage(missing: readonly MissingDetail[], language: Language): string {
  if (missing.length === 0) return '';
  const frame = BOT_MESSAGE_FRAME[language];
  return [frame.greeting, ...missingDetailsQuestion(missing, language), frame.awaitingReply].join('\n');
}
