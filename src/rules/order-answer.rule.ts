import {
  assertNever,
  DeliveryMethod,
  FulfillmentChannel,
  Language,
  OrderStatus,
  ReturnStatus,
  ShipmentStatus,
  TicketCategory,
} from '../domain/enums';
import { addBusinessDays, businessDaysBetween, tokyoCalendarDate } from './business-days.rule';
import { BOT_MESSAGE_FRAME, MissingDetail, missingDetailsQuestion } from './missing-details.rule';
import { OrderFacts, ReturnFacts } from './routing.rule';

// The bot's first answer (issue #13, point 6): what the linked order's records already answer, said before an agent
// sees the ticket. It only reports facts and the published return policy below; it never promises an outcome an
// agent, seller or carrier has to decide (a late return, a lost parcel, an overdue refund are "our team checks").

/** The published return policy, as data (docs/routing.md §1 "The bot's first answer" states it for people). */
export const RETURN_POLICY = {
  /**
   * Calendar days a delivered order can be returned, counted from the Tokyo date of delivery: delivered on 1 Dec,
   * returnable until the end of 31 Dec (Japan time). The same for every category: a defect found late is the
   * team's call, not the bot's.
   */
  windowDays: 30,
  /**
   * JP business days after the return arrives within which the refund is made. Matches the routing table's
   * refund-overdue rule (a RECEIVED return more than 2 business days old without a refund goes to the platform).
   */
  refundWithinBusinessDays: 2,
} as const;

/** What the customer can see of the order's records besides the routing facts (order number, tracking). */
export interface OrderRecord {
  /** The order's human number (`503-1234567-7654321`). */
  number: string;
  /** The latest shipment as the customer can follow it; null without a shipment. */
  shipment: {
    trackingNumber: string;
    carrierName: string;
    /** The carrier's tracking page, `{trackingNumber}` standing for the number; null when the carrier has none. */
    trackingUrlTemplate: string | null;
  } | null;
}

export interface OrderAnswerInput {
  /** The linked order's routing facts and record; null when no order is linked (nothing to answer). */
  order: { facts: OrderFacts; record: OrderRecord } | null;
  category: TicketCategory;
  language: Language;
  now: Date;
}

/** Which question of the customer's the order's records can answer. */
export type AnswerTopic = 'DELIVERY' | 'RETURN' | 'REFUND' | 'NONE';

/** Which question of the customer's the order's records can answer, by category. */
const ANSWER_TOPIC_OF_CATEGORY: Readonly<Record<TicketCategory, AnswerTopic>> = {
  [TicketCategory.ITEM_NOT_RECEIVED]: 'DELIVERY',
  [TicketCategory.DELIVERY_DELAYED]: 'DELIVERY',
  [TicketCategory.MISDELIVERED]: 'DELIVERY',
  [TicketCategory.DAMAGED_IN_TRANSIT]: 'RETURN',
  [TicketCategory.DEFECTIVE_ITEM]: 'RETURN',
  [TicketCategory.NOT_AS_DESCRIBED]: 'RETURN',
  [TicketCategory.MISSING_PARTS]: 'RETURN',
  [TicketCategory.RETURN_REQUEST]: 'RETURN',
  [TicketCategory.REFUND_NOT_RECEIVED]: 'REFUND',
  // Cancelling or changing an order is decided by its seller or carrier; payment, account and service questions
  // are not about the order's shipment or return at all.
  [TicketCategory.CANCEL_ORDER]: 'NONE',
  [TicketCategory.CHANGE_ORDER]: 'NONE',
  [TicketCategory.PAYMENT_ISSUE]: 'NONE',
  [TicketCategory.ACCOUNT_ACCESS]: 'NONE',
  [TicketCategory.FRAUD_PHISHING]: 'NONE',
  [TicketCategory.MEMBERSHIP]: 'NONE',
  [TicketCategory.DIGITAL_SERVICE]: 'NONE',
  [TicketCategory.OTHER]: 'NONE',
};

export function answerTopicOf(category: TicketCategory): AnswerTopic {
  return ANSWER_TOPIC_OF_CATEGORY[category];
}

/** The carrier's tracking page for a tracking number, or null when the carrier publishes none. */
export function trackingUrlOf(template: string | null, trackingNumber: string): string | null {
  return template?.replace('{trackingNumber}', encodeURIComponent(trackingNumber)) ?? null;
}

/**
 * The lines of the bot's answer from the order's records, in the customer's language; [] when the records answer
 * nothing the category asks. A return already on record is answered by its state, whatever the category of the
 * return group, since the customer then asks where it stands rather than how to start one.
 */
export function orderAnswerLines(input: OrderAnswerInput): string[] {
  const { order, language, now } = input;
  if (order === null) return [];
  const texts = ANSWER_TEXTS[language];
  const topic = answerTopicOf(input.category);
  let lines: string[];
  switch (topic) {
    case 'DELIVERY':
      lines = deliveryLines(order.facts, order.record, language, now);
      break;
    case 'RETURN':
      lines =
        order.facts.return !== null ? returnStateLines(order.facts.return, language, now) : returnPolicyLines(order.facts, language, now);
      break;
    case 'REFUND':
      lines = order.facts.return !== null ? returnStateLines(order.facts.return, language, now) : [texts.noReturnOnRecord];
      break;
    case 'NONE':
      lines = [];
      break;
    default:
      return assertNever(topic);
  }
  return lines.length === 0 ? [] : [texts.aboutOrder(order.record.number), ...lines];
}

/**
 * The bot's first PUBLIC message: a greeting, the order answer, the question for the missing details, a closing.
 * '' when there is neither an answer nor a question, so no message is posted.
 */
export function firstBotMessage(answer: readonly string[], missing: readonly MissingDetail[], language: Language): string {
  if (answer.length === 0 && missing.length === 0) return '';
  const frame = BOT_MESSAGE_FRAME[language];
  return [
    frame.greeting,
    ...answer,
    ...missingDetailsQuestion(missing, language),
    missing.length > 0 ? frame.awaitingReply : ANSWER_TEXTS[language].teamFollowsUp,
  ].join('\n');
}

function deliveryLines(facts: OrderFacts, record: OrderRecord, language: Language, now: Date): string[] {
  const texts = ANSWER_TEXTS[language];
  const shipment = facts.shipment;
  if (shipment === null || record.shipment === null) {
    if (facts.status === OrderStatus.CANCELLED) return [texts.orderCancelled];
    const status =
      facts.status === OrderStatus.PENDING || facts.status === OrderStatus.UNSHIPPED ? texts.notShippedYet : texts.noShipmentOnRecord;
    return [status, ...promisedLines(facts.promisedDeliveryAt, language, now)];
  }
  const { carrierName, trackingNumber, trackingUrlTemplate } = record.shipment;
  const trackingUrl = trackingUrlOf(trackingUrlTemplate, trackingNumber);
  const lines = [
    shipment.status === ShipmentStatus.DELIVERED
      ? texts.delivered(
          carrierName,
          shipment.deliveredAt === null ? null : formatDate(shipment.deliveredAt, language),
          shipment.deliveryMethod === null ? null : texts.deliveryMethods[shipment.deliveryMethod],
        )
      : texts.shipmentStatus[shipment.status](carrierName),
    texts.trackingNumber(trackingNumber),
    trackingUrl === null ? texts.noTrackingPage(carrierName) : texts.trackingPage(trackingUrl),
  ];
  if (shipment.status === ShipmentStatus.DELIVERY_FAILED && trackingUrl !== null) lines.push(texts.redelivery);
  if (STILL_TO_BE_DELIVERED.has(shipment.status)) lines.push(...promisedLines(facts.promisedDeliveryAt, language, now));
  return lines;
}

/** Shipments whose promised date still matters: the parcel is on its way (not delivered, lost or sent back). */
const STILL_TO_BE_DELIVERED: ReadonlySet<ShipmentStatus> = new Set([
  ShipmentStatus.LABEL_CREATED,
  ShipmentStatus.IN_TRANSIT,
  ShipmentStatus.OUT_FOR_DELIVERY,
  ShipmentStatus.DELIVERY_FAILED,
]);

function promisedLines(promisedDeliveryAt: Date | null, language: Language, now: Date): string[] {
  if (promisedDeliveryAt === null) return [];
  const texts = ANSWER_TEXTS[language];
  const date = formatDate(promisedDeliveryAt, language);
  return [tokyoCalendarDate(now) > tokyoCalendarDate(promisedDeliveryAt) ? texts.promisedPassed(date) : texts.promised(date)];
}

/** The last Tokyo date (YYYY-MM-DD) a delivery on `deliveredAt` can be returned: RETURN_POLICY.windowDays later. */
export function returnDeadlineOf(deliveredAt: Date): string {
  const [year, month, day] = tokyoCalendarDate(deliveredAt).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + RETURN_POLICY.windowDays)).toISOString().slice(0, 10);
}

function returnPolicyLines(facts: OrderFacts, language: Language, now: Date): string[] {
  const texts = ANSWER_TEXTS[language];
  if (facts.status === OrderStatus.CANCELLED) return [];
  const deliveredAt = facts.shipment?.deliveredAt ?? null;
  const isDelivered = deliveredAt !== null || facts.status === OrderStatus.DELIVERED || facts.shipment?.status === ShipmentStatus.DELIVERED;
  if (!isDelivered) return [texts.returnWindowFromDelivery(RETURN_POLICY.windowDays)];
  const steps = RETURN_STEPS[facts.fulfillment][language].map(
    (step, index) => `${index + 1}. ${step(RETURN_POLICY.refundWithinBusinessDays)}`,
  );
  if (deliveredAt === null) return [texts.returnWindowFromDelivery(RETURN_POLICY.windowDays), texts.returnSteps, ...steps];
  const deadline = returnDeadlineOf(deliveredAt);
  const deadlineText = formatCalendarDate(deadline, language);
  if (tokyoCalendarDate(now) > deadline) return [texts.returnWindowEnded(RETURN_POLICY.windowDays, deadlineText)];
  return [texts.returnUntil(RETURN_POLICY.windowDays, deadlineText), texts.returnSteps, ...steps];
}

function returnStateLines(current: ReturnFacts, language: Language, now: Date): string[] {
  const texts = ANSWER_TEXTS[language];
  const date = (instant: Date | null) => (instant === null ? null : formatDate(instant, language));
  if (current.refundedAt !== null || current.status === ReturnStatus.REFUNDED) return [texts.refunded(date(current.refundedAt))];
  switch (current.status) {
    case ReturnStatus.REQUESTED:
      return [texts.returnRequested(date(current.requestedAt))];
    case ReturnStatus.IN_TRANSIT:
      return [texts.returnInTransit(date(current.requestedAt))];
    case ReturnStatus.RECEIVED: {
      if (current.receivedAt === null) return [texts.returnReceived(null)];
      const due = formatDate(addBusinessDays(current.receivedAt, RETURN_POLICY.refundWithinBusinessDays), language);
      const overdue = businessDaysBetween(current.receivedAt, now) > RETURN_POLICY.refundWithinBusinessDays;
      return [texts.returnReceived(date(current.receivedAt)), overdue ? texts.refundOverdue(due) : texts.refundDue(due)];
    }
    case ReturnStatus.REJECTED:
      return [texts.returnRejected(date(current.requestedAt))];
    default:
      return assertNever(current.status);
  }
}

// Dates: the Tokyo calendar date, because that is the date on the customer's parcel, receipt and calendar.

const WEEKDAYS: Readonly<Record<Language, readonly string[]>> = {
  ja: ['日', '月', '火', '水', '木', '金', '土'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  zh: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  ko: ['일', '월', '화', '수', '목', '금', '토'],
};

const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A Tokyo calendar date (YYYY-MM-DD) as the language writes it: 2026年11月20日（金） / Friday, 20 November 2026. */
export function formatCalendarDate(isoDate: string, language: Language): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const weekday = WEEKDAYS[language][new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  switch (language) {
    case Language.ja:
      return `${year}年${month}月${day}日（${weekday}）`;
    case Language.en:
      return `${weekday}, ${day} ${ENGLISH_MONTHS[month - 1]} ${year}`;
    case Language.zh:
      return `${year}年${month}月${day}日（${weekday}）`;
    case Language.ko:
      return `${year}년 ${month}월 ${day}일(${weekday})`;
    default:
      return assertNever(language);
  }
}

/** The Tokyo calendar date of an instant, as the language writes it. */
export function formatDate(instant: Date, language: Language): string {
  return formatCalendarDate(tokyoCalendarDate(instant), language);
}

// Texts, one table per language. Japanese is polite (です・ます, 謙譲語 for what we do), Chinese simplified,
// Korean 합쇼체. A `null` date means the record has no date: the sentence is then said without one.

interface AnswerTexts {
  teamFollowsUp: string;
  aboutOrder(orderNumber: string): string;
  orderCancelled: string;
  notShippedYet: string;
  noShipmentOnRecord: string;
  shipmentStatus: Readonly<Record<Exclude<ShipmentStatus, ShipmentStatus.DELIVERED>, (carrier: string) => string>>;
  delivered(carrier: string, date: string | null, method: string | null): string;
  deliveryMethods: Readonly<Record<DeliveryMethod, string>>;
  trackingNumber(trackingNumber: string): string;
  trackingPage(url: string): string;
  noTrackingPage(carrier: string): string;
  redelivery: string;
  promised(date: string): string;
  promisedPassed(date: string): string;
  returnUntil(windowDays: number, deadline: string): string;
  returnWindowEnded(windowDays: number, deadline: string): string;
  returnWindowFromDelivery(windowDays: number): string;
  returnSteps: string;
  noReturnOnRecord: string;
  returnRequested(date: string | null): string;
  returnInTransit(date: string | null): string;
  returnReceived(date: string | null): string;
  refundDue(date: string): string;
  refundOverdue(date: string): string;
  refunded(date: string | null): string;
  returnRejected(date: string | null): string;
}

const JAPANESE: AnswerTexts = {
  teamFollowsUp: '担当者からも改めてご連絡いたします。',
  aboutOrder: (orderNumber) => `ご注文（${orderNumber}）について、以下のとおりご案内いたします。`,
  orderCancelled: 'こちらのご注文はキャンセル済みのため、お届けはございません。',
  notShippedYet: 'こちらのご注文はまだ発送されておりません。',
  noShipmentOnRecord: 'こちらのご注文の配送情報はまだ登録されておりません。',
  shipmentStatus: {
    LABEL_CREATED: (carrier) => `配送伝票は作成済みですが、お荷物はまだ${carrier}に引き渡されておりません。`,
    IN_TRANSIT: (carrier) => `お荷物は現在、${carrier}にて輸送中です。`,
    OUT_FOR_DELIVERY: (carrier) => `お荷物は現在、${carrier}がお届けに向かっております。`,
    DELIVERY_FAILED: (carrier) => `${carrier}がお届けにお伺いしましたが、お渡しできませんでした。`,
    LOST: (carrier) =>
      `${carrier}より、お荷物が所在不明になっているとの報告を受けております。ご迷惑をおかけして申し訳ございません。担当者が対応いたします。`,
    RETURNED_TO_SENDER: (carrier) => `お荷物は${carrier}により差出人へ返送されております。`,
  },
  delivered: (carrier, date, method) =>
    `${carrier}の記録では、${date === null ? '' : `${date}に`}配達が完了しております${method === null ? '' : `（${method}）`}。`,
  deliveryMethods: {
    HAND_OVER: '対面でのお渡し',
    LEFT_AT_DOOR: '置き配',
    LOCKER: '宅配ボックス・ロッカーへのお届け',
    MAILBOX: '郵便受けへの投函',
  },
  trackingNumber: (trackingNumber) => `追跡番号：${trackingNumber}`,
  trackingPage: (url) => `配送状況はこちらからご確認いただけます：${url}`,
  noTrackingPage: (carrier) => `配送状況は、${carrier}のウェブサイトにて上記の追跡番号でご確認いただけます。`,
  redelivery: '再配達は上記のページからお申し込みいただけます。',
  promised: (date) => `お届け予定日：${date}`,
  promisedPassed: (date) => `お届け予定日（${date}）を過ぎてしまい、大変申し訳ございません。`,
  returnUntil: (windowDays, deadline) =>
    `こちらのご注文は、お届け日から${windowDays}日後の${deadline}（日本時間）まで返品を承っております。`,
  returnWindowEnded: (windowDays, deadline) =>
    `こちらのご注文の返品受付期間（お届け日から${windowDays}日間）は${deadline}に終了しております。対応可能な方法を担当者が確認いたします。`,
  returnWindowFromDelivery: (windowDays) => `返品はお届け日から${windowDays}日以内に承っております。`,
  returnSteps: '返品の手順は以下のとおりです。',
  noReturnOnRecord: 'こちらのご注文には返品の記録がございません。返金の状況は担当者が確認いたします。',
  returnRequested: (date) =>
    `${date === null ? '' : `${date}に`}返品のお申し込みを承っております。商品のご返送はまだ確認できておりません。`,
  returnInTransit: (date) => `${date === null ? '' : `${date}に`}返品のお申し込みを承り、現在商品は返送中です。`,
  returnReceived: (date) => `ご返送いただいた商品は${date === null ? '' : `${date}に`}到着しております。`,
  refundDue: (date) => `返金は${date}までに行われる予定です。`,
  refundOverdue: (date) => `本来${date}までに行われるべき返金がまだ完了しておらず、申し訳ございません。担当者が至急確認いたします。`,
  refunded: (date) =>
    `${date === null ? '' : `${date}に`}返金の手続きが完了しております。お支払い方法によっては、ご利用明細に反映されるまで数日かかる場合がございます。`,
  returnRejected: (date) =>
    `${date === null ? '' : `${date}に`}お申し込みいただいた返品は、お受けできないこととなりました。理由と今後の対応については担当者よりご案内いたします。`,
};

const ENGLISH: AnswerTexts = {
  teamFollowsUp: 'A member of our team will also follow up with you.',
  aboutOrder: (orderNumber) => `Here is what we can tell you about your order ${orderNumber}:`,
  orderCancelled: 'This order has been cancelled, so nothing will be delivered.',
  notShippedYet: 'This order has not been shipped yet.',
  noShipmentOnRecord: 'We have no shipment on record for this order yet.',
  shipmentStatus: {
    LABEL_CREATED: (carrier) => `A shipping label has been created, but the parcel has not yet been handed over to ${carrier}.`,
    IN_TRANSIT: (carrier) => `Your parcel is on its way with ${carrier}.`,
    OUT_FOR_DELIVERY: (carrier) => `Your parcel is out for delivery with ${carrier}.`,
    DELIVERY_FAILED: (carrier) => `${carrier} tried to deliver your parcel but could not hand it over.`,
    LOST: (carrier) => `${carrier} has reported your parcel as lost. We are sorry for the trouble; our team will take care of this.`,
    RETURNED_TO_SENDER: (carrier) => `${carrier} has returned the parcel to the sender.`,
  },
  delivered: (carrier, date, method) =>
    `${carrier} recorded the parcel as delivered${date === null ? '' : ` on ${date}`}${method === null ? '' : ` (${method})`}.`,
  deliveryMethods: {
    HAND_OVER: 'handed over in person',
    LEFT_AT_DOOR: 'left at the door',
    LOCKER: 'placed in a parcel locker',
    MAILBOX: 'put in the mailbox',
  },
  trackingNumber: (trackingNumber) => `Tracking number: ${trackingNumber}`,
  trackingPage: (url) => `You can follow the parcel here: ${url}`,
  noTrackingPage: (carrier) => `You can follow the parcel on ${carrier}'s website with this tracking number.`,
  redelivery: 'You can arrange a redelivery on that page.',
  promised: (date) => `Expected delivery: by ${date}.`,
  promisedPassed: (date) => `It was due by ${date}; we are sorry that it is late.`,
  returnUntil: (windowDays, deadline) => `You can return this order until ${deadline} (Japan time), ${windowDays} days after delivery.`,
  returnWindowEnded: (windowDays, deadline) =>
    `The ${windowDays}-day return period for this order ended on ${deadline}. A member of our team will check what we can still do for you.`,
  returnWindowFromDelivery: (windowDays) => `Items can be returned within ${windowDays} days of delivery.`,
  returnSteps: 'How to return it:',
  noReturnOnRecord: 'We have no return on record for this order; a member of our team will check the refund.',
  returnRequested: (date) =>
    `Your return was requested${date === null ? '' : ` on ${date}`}; we have not yet seen the item on its way back.`,
  returnInTransit: (date) => `Your return was requested${date === null ? '' : ` on ${date}`} and the item is on its way back.`,
  returnReceived: (date) => `The returned item arrived${date === null ? '' : ` on ${date}`}.`,
  refundDue: (date) => `The refund is due by ${date}.`,
  refundOverdue: (date) => `The refund should have been made by ${date}. We are sorry; our team is looking into it now.`,
  refunded: (date) =>
    `The refund was made${date === null ? '' : ` on ${date}`}. Depending on your payment method, it can take a few days to appear on your statement.`,
  returnRejected: (date) =>
    `Your return${date === null ? '' : ` requested on ${date}`} was not accepted. A member of our team will explain why and what can be done.`,
};

const CHINESE: AnswerTexts = {
  teamFollowsUp: '我们的工作人员也会尽快与您联系。',
  aboutOrder: (orderNumber) => `关于您的订单（${orderNumber}），情况如下：`,
  orderCancelled: '该订单已取消，因此不会发货。',
  notShippedYet: '该订单尚未发货。',
  noShipmentOnRecord: '该订单暂无物流记录。',
  shipmentStatus: {
    LABEL_CREATED: (carrier) => `运单已创建，但包裹尚未交给${carrier}。`,
    IN_TRANSIT: (carrier) => `您的包裹正由${carrier}运送中。`,
    OUT_FOR_DELIVERY: (carrier) => `${carrier}正在为您派送包裹。`,
    DELIVERY_FAILED: (carrier) => `${carrier}曾上门派送，但未能将包裹交到您手中。`,
    LOST: (carrier) => `${carrier}已报告您的包裹丢失。给您带来不便，非常抱歉，我们的工作人员会为您处理。`,
    RETURNED_TO_SENDER: (carrier) => `包裹已由${carrier}退回寄件人。`,
  },
  delivered: (carrier, date, method) =>
    `根据${carrier}的记录，包裹已${date === null ? '' : `于${date}`}送达${method === null ? '' : `（${method}）`}。`,
  deliveryMethods: {
    HAND_OVER: '当面签收',
    LEFT_AT_DOOR: '放在门口',
    LOCKER: '放入快递柜',
    MAILBOX: '投入信箱',
  },
  trackingNumber: (trackingNumber) => `运单号：${trackingNumber}`,
  trackingPage: (url) => `您可以在此查询物流：${url}`,
  noTrackingPage: (carrier) => `您可以在${carrier}的网站上用此运单号查询物流。`,
  redelivery: '您可以在该页面预约再次派送。',
  promised: (date) => `预计送达日期：${date}`,
  promisedPassed: (date) => `原定送达日期为${date}，现已延误，非常抱歉。`,
  returnUntil: (windowDays, deadline) => `该订单可在送达后${windowDays}天内退货，截止日期为${deadline}（日本时间）。`,
  returnWindowEnded: (windowDays, deadline) =>
    `该订单的退货期限（送达后${windowDays}天）已于${deadline}结束。我们的工作人员会确认还能为您做些什么。`,
  returnWindowFromDelivery: (windowDays) => `商品可在送达后${windowDays}天内退货。`,
  returnSteps: '退货步骤如下：',
  noReturnOnRecord: '该订单没有退货记录，我们的工作人员会核查退款情况。',
  returnRequested: (date) => `您已${date === null ? '' : `于${date}`}申请退货，目前尚未确认商品寄回。`,
  returnInTransit: (date) => `您已${date === null ? '' : `于${date}`}申请退货，商品正在寄回途中。`,
  returnReceived: (date) => `退回的商品已${date === null ? '' : `于${date}`}收到。`,
  refundDue: (date) => `退款预计在${date}前完成。`,
  refundOverdue: (date) => `退款本应在${date}前完成，非常抱歉，我们的工作人员正在核查。`,
  refunded: (date) => `退款已${date === null ? '' : `于${date}`}完成。根据支付方式不同，可能需要几天才能到账。`,
  returnRejected: (date) => `您${date === null ? '' : `于${date}`}提交的退货申请未被受理。我们的工作人员会向您说明原因及后续处理方式。`,
};

const KOREAN: AnswerTexts = {
  teamFollowsUp: '담당자가 다시 연락드리겠습니다.',
  aboutOrder: (orderNumber) => `주문(${orderNumber})에 대해 안내해 드립니다.`,
  orderCancelled: '이 주문은 취소되어 배송되지 않습니다.',
  notShippedYet: '이 주문은 아직 발송되지 않았습니다.',
  noShipmentOnRecord: '이 주문의 배송 정보가 아직 등록되지 않았습니다.',
  shipmentStatus: {
    LABEL_CREATED: (carrier) => `운송장은 발행되었으나 상품이 아직 ${carrier}에 인계되지 않았습니다.`,
    IN_TRANSIT: (carrier) => `상품은 현재 ${carrier}에서 배송 중입니다.`,
    OUT_FOR_DELIVERY: (carrier) => `상품은 현재 ${carrier}에서 배달하러 가고 있습니다.`,
    DELIVERY_FAILED: (carrier) => `${carrier}에서 배달을 시도했으나 상품을 전달하지 못했습니다.`,
    LOST: (carrier) => `${carrier}에서 상품이 분실되었다고 알려 왔습니다. 불편을 드려 죄송합니다. 담당자가 처리해 드리겠습니다.`,
    RETURNED_TO_SENDER: (carrier) => `상품은 ${carrier}에 의해 발송인에게 반송되었습니다.`,
  },
  delivered: (carrier, date, method) =>
    `${carrier}의 기록에 따르면 상품은 ${date === null ? '' : `${date}에 `}배달 완료되었습니다${method === null ? '' : `(${method})`}.`,
  deliveryMethods: {
    HAND_OVER: '대면 전달',
    LEFT_AT_DOOR: '문 앞 배송',
    LOCKER: '택배함 보관',
    MAILBOX: '우편함 투입',
  },
  trackingNumber: (trackingNumber) => `운송장 번호: ${trackingNumber}`,
  trackingPage: (url) => `배송 조회는 여기에서 하실 수 있습니다: ${url}`,
  noTrackingPage: (carrier) => `${carrier} 홈페이지에서 이 운송장 번호로 배송 조회를 하실 수 있습니다.`,
  redelivery: '재배달은 위 페이지에서 신청하실 수 있습니다.',
  promised: (date) => `도착 예정일: ${date}`,
  promisedPassed: (date) => `도착 예정일(${date})이 지나 대단히 죄송합니다.`,
  returnUntil: (windowDays, deadline) => `이 주문은 배달일로부터 ${windowDays}일 후인 ${deadline}(일본 시간)까지 반품하실 수 있습니다.`,
  returnWindowEnded: (windowDays, deadline) =>
    `이 주문의 반품 기간(배달일로부터 ${windowDays}일)은 ${deadline}에 종료되었습니다. 가능한 방법을 담당자가 확인해 드리겠습니다.`,
  returnWindowFromDelivery: (windowDays) => `반품은 배달일로부터 ${windowDays}일 이내에 하실 수 있습니다.`,
  returnSteps: '반품 방법은 다음과 같습니다.',
  noReturnOnRecord: '이 주문에는 반품 기록이 없습니다. 환불 상황은 담당자가 확인해 드리겠습니다.',
  returnRequested: (date) => `${date === null ? '' : `${date}에 `}반품 신청이 접수되었습니다. 아직 상품 반송은 확인되지 않았습니다.`,
  returnInTransit: (date) => `${date === null ? '' : `${date}에 `}반품 신청이 접수되었으며, 상품은 현재 반송 중입니다.`,
  returnReceived: (date) => `반송하신 상품은 ${date === null ? '' : `${date}에 `}도착했습니다.`,
  refundDue: (date) => `환불은 ${date}까지 처리될 예정입니다.`,
  refundOverdue: (date) => `환불은 ${date}까지 처리되었어야 했습니다. 죄송합니다. 담당자가 바로 확인하겠습니다.`,
  refunded: (date) =>
    `환불은 ${date === null ? '' : `${date}에 `}완료되었습니다. 결제 수단에 따라 명세서에 반영되기까지 며칠이 걸릴 수 있습니다.`,
  returnRejected: (date) =>
    `${date === null ? '' : `${date}에 `}신청하신 반품은 승인되지 않았습니다. 사유와 향후 처리 방법은 담당자가 안내해 드리겠습니다.`,
};

const ANSWER_TEXTS: Readonly<Record<Language, AnswerTexts>> = { ja: JAPANESE, en: ENGLISH, zh: CHINESE, ko: KOREAN };

type ReturnStep = (refundWithinBusinessDays: number) => string;

/**
 * How a return works, by who fulfilled the order. The platform's warehouse takes returns through the order page
 * and a return label; a seller who shipped the order handles its return (the ticket is routed to that seller) and
 * sends the return address in the ticket's conversation.
 */
export const RETURN_STEPS: Readonly<Record<FulfillmentChannel, Readonly<Record<Language, readonly ReturnStep[]>>>> = {
  PLATFORM: {
    ja: [
      () => '注文履歴からこちらのご注文を開き、「返品する」をお選びください。',
      () => '付属品とあわせて梱包し、画面に表示される返品用ラベルを貼ってご返送ください。',
      (days) => `商品の到着後${days}営業日以内に、ご購入時のお支払い方法へ返金いたします。`,
    ],
    en: [
      () => 'Open this order in your order history and choose "Return items".',
      () => 'Pack the item with all its accessories and send it back with the return label shown there.',
      (days) => `We refund to your original payment method within ${days} business days of receiving it.`,
    ],
    zh: [
      () => '请在订单记录中打开该订单，选择“退货”。',
      () => '将商品连同全部配件一起包装好，贴上页面显示的退货标签后寄回。',
      (days) => `我们收到商品后，将在${days}个工作日内按原支付方式退款。`,
    ],
    ko: [
      () => '주문 내역에서 이 주문을 열고 「반품하기」를 선택해 주십시오.',
      () => '구성품을 모두 함께 포장하고 화면에 표시되는 반품 라벨을 붙여 보내 주십시오.',
      (days) => `상품이 도착한 후 ${days}영업일 이내에 결제하신 수단으로 환불해 드립니다.`,
    ],
  },
  SELLER: {
    ja: [
      () =>
        'こちらのご注文は出品者が発送しているため、返品は出品者が承ります。返送先と手順は、このお問い合わせにて出品者よりご案内いたします。',
      () => '追跡可能な方法でご返送いただき、追跡番号をこちらでお知らせください。',
      () => '商品の到着が確認でき次第、出品者より返金いたします。',
    ],
    en: [
      () =>
        'This order was shipped by the seller, who handles its return: the seller will reply in this conversation with the return address and instructions.',
      () => 'Please send the item back with a tracked service and tell us the tracking number here.',
      () => 'The seller refunds you once the item has arrived.',
    ],
    zh: [
      () => '该订单由卖家发货，退货也由卖家受理：卖家会在此对话中告知退货地址和具体步骤。',
      () => '请使用可追踪的方式寄回商品，并在此告知运单号。',
      () => '卖家确认收到商品后即为您退款。',
    ],
    ko: [
      () => '이 주문은 판매자가 발송한 상품이므로 반품은 판매자가 처리합니다. 반품 주소와 절차는 판매자가 이 문의를 통해 안내해 드립니다.',
      () => '추적 가능한 방법으로 반송하신 후 운송장 번호를 여기에 알려 주십시오.',
      () => '판매자가 상품 도착을 확인하는 대로 환불해 드립니다.',
    ],
  },
};
