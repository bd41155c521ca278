// Demo data: the marketplace's story as a newcomer sees it after `npm start`.
//
// Fourteen customers, five third-party sellers, the three big Japanese carriers, about fifty orders and about
// forty support tickets, written so that every category, every rule of the default routing table and every order,
// shipment, delivery-method and return state shows up at least once.
//
// Every time here is RELATIVE to the moment of seeding ("placed 12 days ago", "opened 52 hours ago",
// "2 hours after the ticket was opened"), never an absolute date, so the demo always looks current: SLA clocks
// are running, some are about to breach, a return was received "yesterday" and a refund is overdue, whenever
// the demo is started. Negative `promisedDeliveryDaysAgo` values lie in the future.
//
// This file is plain data: no I/O and no database code. The seeder turns it into upserts of orders, shipments
// and returns (facts of the order system and the carriers) and into `openTicket` calls followed by the
// conversation of each ticket. `expectedCategory`, `expectedOwner` and `expectedRule` state what each ticket is
// meant to demonstrate; the unit test test/unit/demo-data.test.ts checks that the order facts support it.

import {
  AuthorRole,
  CustomerTier,
  DeliveryMethod,
  FulfillmentChannel,
  Language,
  MessageVisibility,
  OrderStatus,
  OwnerParty,
  PaymentMethod,
  ReturnStatus,
  ShipmentStatus,
  TicketCategory,
  TicketChannel,
  TicketResolution,
  TicketStatus,
} from '../domain/enums';

export interface DemoCustomer {
  key: string;
  name: string;
  email: string;
  phone: string | null;
  preferredLanguage: Language;
  tier: CustomerTier;
}

export interface DemoSeller {
  key: string;
  name: string;
  contactEmail: string;
  contactPhone: string | null;
  supportLanguages: Language[];
}

export interface DemoCarrier {
  key: string;
  code: string;
  name: string;
  /** Contains `{trackingNumber}` where the tracking number goes. */
  trackingUrlTemplate: string;
}

export interface DemoOrderItem {
  sku: string;
  title: string;
  quantity: number;
  /** Decimal string, JPY. */
  unitPrice: string;
}

export interface DemoShipment {
  externalId: string;
  carrierKey: string;
  trackingNumber: string;
  status: ShipmentStatus;
  /** How the parcel was (or, before delivery, will be) handed over; null when unknown. */
  deliveryMethod: DeliveryMethod | null;
  shippedDaysAgo: number | null;
  deliveredDaysAgo: number | null;
}

export interface DemoReturn {
  externalId: string;
  status: ReturnStatus;
  reason: string;
  requestedDaysAgo: number;
  receivedDaysAgo: number | null;
  refundedDaysAgo: number | null;
}

export interface DemoAddress {
  postalCode: string;
  region: string;
  line: string;
  recipient: string;
}

export interface DemoOrder {
  key: string;
  externalId: string;
  /** 503-1234567-7654321 style: 3-7-7 digits. */
  number: string;
  customerKey: string;
  /** null: sold by the platform's own retail. */
  sellerKey: string | null;
  fulfillment: FulfillmentChannel;
  status: OrderStatus;
  items: DemoOrderItem[];
  currency: 'JPY';
  paymentMethod: PaymentMethod;
  deliveryAddress: DemoAddress;
  placedDaysAgo: number;
  /** Negative = in the future. */
  promisedDeliveryDaysAgo: number | null;
  shipments: DemoShipment[];
  returns: DemoReturn[];
}

export interface DemoMessage {
  /** CUSTOMER, SELLER, CARRIER or AGENT; a SELLER or CARRIER writes only on a ticket it owns. */
  authorRole: AuthorRole;
  visibility: MessageVisibility;
  body: string;
  hoursAfterOpen: number;
}

export interface DemoTicket {
  key: string;
  customerKey: string;
  orderKey: string | null;
  channel: TicketChannel;
  subject: string;
  body: string;
  /** Only when the customer picked a topic; otherwise the classifier decides. */
  category?: TicketCategory;
  details?: Record<string, string | boolean | number>;
  openedHoursAgo: number;
  /** Messages after the opening one. */
  conversation: DemoMessage[];
  finalStatus?: TicketStatus;
  resolution?: TicketResolution;
  /** What the ticket is meant to be about. */
  expectedCategory: TicketCategory;
  /** The owner the default routing table should give it. */
  expectedOwner?: OwnerParty;
  /** The id of the routing rule that should match. */
  expectedRule?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Parties
// ---------------------------------------------------------------------------------------------------------------

export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  { key: 'customer-sato', name: '佐藤 美咲', email: 'misaki.sato@example.jp', phone: '090-3125-4478', preferredLanguage: Language.ja, tier: CustomerTier.PRIME },
  { key: 'customer-suzuki', name: '鈴木 健太', email: 'kenta.suzuki@example.jp', phone: '080-2241-9035', preferredLanguage: Language.ja, tier: CustomerTier.STANDARD },
  { key: 'customer-takahashi', name: '高橋 由美', email: 'yumi.takahashi@example.jp', phone: '090-6612-0387', preferredLanguage: Language.ja, tier: CustomerTier.PRIME },
  { key: 'customer-tanaka', name: '田中 翔', email: 'sho.tanaka@example.jp', phone: '070-1458-2296', preferredLanguage: Language.ja, tier: CustomerTier.STANDARD },
  { key: 'customer-watanabe', name: '渡辺 直子', email: 'naoko.watanabe@example.jp', phone: '090-4420-7713', preferredLanguage: Language.ja, tier: CustomerTier.BUSINESS },
  { key: 'customer-ito', name: '伊藤 大輔', email: 'daisuke.ito@example.jp', phone: null, preferredLanguage: Language.ja, tier: CustomerTier.STANDARD },
  { key: 'customer-yamamoto', name: '山本 さくら', email: 'sakura.yamamoto@example.jp', phone: '090-8837-1542', preferredLanguage: Language.ja, tier: CustomerTier.PRIME },
  { key: 'customer-nakamura', name: '中村 拓海', email: 'takumi.nakamura@example.jp', phone: '080-5527-3361', preferredLanguage: Language.ja, tier: CustomerTier.BUSINESS },
  { key: 'customer-kobayashi', name: '小林 恵', email: 'megumi.kobayashi@example.jp', phone: '090-2704-6659', preferredLanguage: Language.ja, tier: CustomerTier.STANDARD },
  { key: 'customer-smith', name: 'Emily Smith', email: 'emily.smith@example.com', phone: '090-7781-2043', preferredLanguage: Language.en, tier: CustomerTier.PRIME },
  { key: 'customer-miller', name: 'James Miller', email: 'james.miller@example.com', phone: null, preferredLanguage: Language.en, tier: CustomerTier.STANDARD },
  { key: 'customer-patel', name: 'Priya Patel', email: 'priya.patel@example.com', phone: '080-9136-5520', preferredLanguage: Language.en, tier: CustomerTier.BUSINESS },
  { key: 'customer-wang', name: '王 伟', email: 'wang.wei@example.com', phone: '090-5563-8127', preferredLanguage: Language.zh, tier: CustomerTier.STANDARD },
  { key: 'customer-kim', name: '김민준', email: 'minjun.kim@example.com', phone: '080-3398-4471', preferredLanguage: Language.ko, tier: CustomerTier.PRIME },
];

export const DEMO_SELLERS: readonly DemoSeller[] = [
  { key: 'seller-kyoto-tea', name: '茶房はなぶさ 宇治本店', contactEmail: 'hanabusa-tea@example.jp', contactPhone: '0774-21-3480', supportLanguages: [Language.ja] },
  { key: 'seller-gadget', name: 'ガジェットベース東京', contactEmail: 'gadget-base@example.jp', contactPhone: '03-5289-7714', supportLanguages: [Language.ja] },
  { key: 'seller-apparel', name: 'アーバンリネン', contactEmail: 'urban-linen@example.jp', contactPhone: null, supportLanguages: [Language.ja] },
  { key: 'seller-kitchen', name: '燕三条キッチン工房', contactEmail: 'tsubame-kitchen@example.jp', contactPhone: '0256-63-2290', supportLanguages: [Language.ja] },
  { key: 'seller-import', name: 'Pacific Import Store', contactEmail: 'pacific-import@example.jp', contactPhone: '06-6543-2101', supportLanguages: [Language.ja, Language.en] },
];

export const DEMO_CARRIERS: readonly DemoCarrier[] = [
  { key: 'carrier-yamato', code: 'YAMATO', name: 'ヤマト運輸', trackingUrlTemplate: 'https://tracking.yamato.example.jp/parcel?number={trackingNumber}' },
  { key: 'carrier-sagawa', code: 'SAGAWA', name: '佐川急便', trackingUrlTemplate: 'https://tracking.sagawa.example.jp/status/{trackingNumber}' },
  { key: 'carrier-japanpost', code: 'JAPANPOST', name: '日本郵便', trackingUrlTemplate: 'https://tracking.japanpost.example.jp/search?code={trackingNumber}' },
];

// ---------------------------------------------------------------------------------------------------------------
// Orders (facts of the order system and the carriers)
// ---------------------------------------------------------------------------------------------------------------

/** Delivery addresses the customers use (not exported: each order carries its own copy). */
const ADDRESS = {
  satoHome: { postalCode: '150-0001', region: '東京都', line: '渋谷区神宮前4-12-8 コーポ神宮前302', recipient: '佐藤 美咲' },
  satoFatherInLaw: { postalCode: '420-0839', region: '静岡県', line: '静岡市葵区鷹匠2-15-7', recipient: '佐藤 正雄' },
  suzuki: { postalCode: '530-0012', region: '大阪府', line: '大阪市北区芝田1-9-20 梅田レジデンス1105', recipient: '鈴木 健太' },
  takahashi: { postalCode: '220-0012', region: '神奈川県', line: '横浜市西区みなとみらい3-7-1 オーシャンタワー1203', recipient: '高橋 由美' },
  tanaka: { postalCode: '460-0008', region: '愛知県', line: '名古屋市中区栄3-15-27 栄ハイツ405', recipient: '田中 翔' },
  watanabeOffice: { postalCode: '101-0047', region: '東京都', line: '千代田区内神田2-8-4 内神田ビル9F 渡辺デザイン事務所', recipient: '渡辺 直子' },
  ito: { postalCode: '810-0001', region: '福岡県', line: '福岡市中央区天神2-8-34 天神パークハイツ710', recipient: '伊藤 大輔' },
  yamamoto: { postalCode: '064-0805', region: '北海道', line: '札幌市中央区南5条西7-4-1 メゾン南五条201', recipient: '山本 さくら' },
  nakamuraOffice: { postalCode: '330-0854', region: '埼玉県', line: 'さいたま市大宮区桜木町1-10-16 シーノ大宮8F 中村商事株式会社', recipient: '中村 拓海' },
  nakamuraHome: { postalCode: '336-0017', region: '埼玉県', line: 'さいたま市南区南浦和2-14-3', recipient: '中村 拓海' },
  kobayashi: { postalCode: '980-0811', region: '宮城県', line: '仙台市青葉区一番町2-4-17 一番町ハイツ503', recipient: '小林 恵' },
  smith: { postalCode: '106-0032', region: '東京都', line: '港区六本木6-10-1 六本木レジデンスB-1504', recipient: 'Emily Smith' },
  miller: { postalCode: '231-0023', region: '神奈川県', line: '横浜市中区山下町25-1 ベイビュー山下702', recipient: 'James Miller' },
  patelOffice: { postalCode: '135-0064', region: '東京都', line: '江東区青海2-4-32 青海フロンティアビル10F Patel Trading Japan合同会社', recipient: 'Priya Patel' },
  wang: { postalCode: '169-0075', region: '東京都', line: '新宿区高田馬場3-12-2 グリーンハイツ305', recipient: '王 伟' },
  kim: { postalCode: '169-0073', region: '東京都', line: '新宿区百人町2-1-5 ハイム大久保402', recipient: 'キム ミンジュン' },
} satisfies Record<string, DemoAddress>;

export const DEMO_ORDERS: readonly DemoOrder[] = [
  // Matcha for a tea ceremony; the parcel got lost in Yamato's network (→ ticket-lost-parcel).
  {
    key: 'order-001', externalId: 'oms-order-0001', number: '503-6433012-3530829', customerKey: 'customer-sato',
    sellerKey: 'seller-kyoto-tea', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.SHIPPED,
    items: [
      { sku: 'HNB-MATCHA-UJI-100', title: '宇治抹茶 100g', quantity: 2, unitPrice: '3240' },
      { sku: 'HNB-CHASEN-100', title: '竹製茶筅 百本立', quantity: 1, unitPrice: '2750' },
    ],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.satoHome },
    placedDaysAgo: 12, promisedDeliveryDaysAgo: 7,
    shipments: [
      { externalId: 'oms-ship-0001-1', carrierKey: 'carrier-yamato', trackingNumber: '601815908301', status: ShipmentStatus.LOST, deliveryMethod: null, shippedDaysAgo: 10, deliveredDaysAgo: null },
    ],
    returns: [],
  },
  // "Delivered" at the door, but the customer never asked for 置き配 (→ ticket-okihai-not-received).
  {
    key: 'order-002', externalId: 'oms-order-0002', number: '503-8275367-8015764', customerKey: 'customer-takahashi',
    sellerKey: 'seller-gadget', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.DELIVERED,
    items: [{ sku: 'GB-SPK-BT-WP', title: 'ポータブル Bluetooth スピーカー 防水', quantity: 1, unitPrice: '5980' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.takahashi },
    placedDaysAgo: 5, promisedDeliveryDaysAgo: 1,
    shipments: [
      { externalId: 'oms-ship-0002-1', carrierKey: 'carrier-yamato', trackingNumber: '131860913909', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.LEFT_AT_DOOR, shippedDaysAgo: 4, deliveredDaysAgo: 2 },
    ],
    returns: [],
  },
  // Small parcel "delivered to the mailbox" of the wrong flat (→ ticket-mailbox-never-arrived).
  {
    key: 'order-003', externalId: 'oms-order-0003', number: '503-7655194-1831970', customerKey: 'customer-smith',
    sellerKey: 'seller-import', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.DELIVERED,
    items: [{ sku: 'PIS-TEA-EARLGREY-50', title: 'オーガニック アールグレイ ティーバッグ 50袋', quantity: 2, unitPrice: '1580' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.smith },
    placedDaysAgo: 8, promisedDeliveryDaysAgo: 4,
    shipments: [
      { externalId: 'oms-ship-0003-1', carrierKey: 'carrier-japanpost', trackingNumber: '308246281948', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.MAILBOX, shippedDaysAgo: 6, deliveredDaysAgo: 4 },
    ],
    returns: [],
  },
  // Mis-sorted at a hub, still in transit past the promised date (→ ticket-in-transit-not-received).
  {
    key: 'order-004', externalId: 'oms-order-0004', number: '503-4032085-2728987', customerKey: 'customer-miller',
    sellerKey: 'seller-gadget', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.SHIPPED,
    items: [
      { sku: 'GB-CHG-USBC-65W', title: 'USB-C 急速充電器 65W', quantity: 1, unitPrice: '4280' },
      { sku: 'GB-CBL-USBC-2M-2P', title: 'USB-C ケーブル 2m 2本組', quantity: 1, unitPrice: '1280' },
    ],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.miller },
    placedDaysAgo: 6, promisedDeliveryDaysAgo: 1,
    shipments: [
      { externalId: 'oms-ship-0004-1', carrierKey: 'carrier-sagawa', trackingNumber: '993518190937', status: ShipmentStatus.IN_TRANSIT, deliveryMethod: DeliveryMethod.HAND_OVER, shippedDaysAgo: 5, deliveredDaysAgo: null },
    ],
    returns: [],
  },
  // Platform retail, delivered to a parcel locker that turned out empty (→ ticket-locker-empty).
  {
    key: 'order-005', externalId: 'oms-order-0005', number: '503-9920785-8173808', customerKey: 'customer-yamamoto',
    sellerKey: null, fulfillment: FulfillmentChannel.PLATFORM, status: OrderStatus.DELIVERED,
    items: [
      { sku: 'MP-COFFEE-MED-1KG', title: 'コーヒー豆 中煎り 1kg', quantity: 1, unitPrice: '2380' },
      { sku: 'MP-BATT-AA-20', title: 'アルカリ単三電池 20本パック', quantity: 1, unitPrice: '1180' },
    ],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.yamamoto },
    placedDaysAgo: 4, promisedDeliveryDaysAgo: 2,
    shipments: [
      { externalId: 'oms-ship-0005-1', carrierKey: 'carrier-yamato', trackingNumber: '579754323194', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.LOCKER, shippedDaysAgo: 3, deliveredDaysAgo: 2 },
    ],
    returns: [],
  },
  // Cash on delivery; the driver rang the wrong flat and took it back (→ ticket-delivery-failed).
  {
    key: 'order-006', externalId: 'oms-order-0006', number: '503-9811335-9306674', customerKey: 'customer-tanaka',
    sellerKey: 'seller-kitchen', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.SHIPPED,
    items: [{ sku: 'TK-NANBU-KYUSU-06', title: '南部鉄器 急須 0.6L', quantity: 1, unitPrice: '12800' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CASH_ON_DELIVERY, deliveryAddress: { ...ADDRESS.tanaka },
    placedDaysAgo: 5, promisedDeliveryDaysAgo: 1,
    shipments: [
      { externalId: 'oms-ship-0006-1', carrierKey: 'carrier-sagawa', trackingNumber: '574911862527', status: ShipmentStatus.DELIVERY_FAILED, deliveryMethod: DeliveryMethod.HAND_OVER, shippedDaysAgo: 3, deliveredDaysAgo: null },
    ],
    returns: [],
  },
  // The seller has not shipped a week later and does not answer (→ ticket-not-shipped-yet).
  {
    key: 'order-007', externalId: 'oms-order-0007', number: '503-8074924-1657788', customerKey: 'customer-ito',
    sellerKey: 'seller-apparel', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.UNSHIPPED,
    items: [{ sku: 'UL-DOWN-BLK-M', title: 'ダウンジャケット ブラック M', quantity: 1, unitPrice: '14900' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.ito },
    placedDaysAgo: 8, promisedDeliveryDaysAgo: 3,
    shipments: [],
    returns: [],
  },
  // Label printed, parcel never handed to Yamato (→ ticket-label-created-only).
  {
    key: 'order-008', externalId: 'oms-order-0008', number: '503-5528829-8954050', customerKey: 'customer-patel',
    sellerKey: 'seller-import', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.UNSHIPPED,
    items: [{ sku: 'PIS-MAPLE-500', title: 'カナダ産 メープルシロップ 500ml', quantity: 6, unitPrice: '2480' }],
    currency: 'JPY', paymentMethod: PaymentMethod.BANK_TRANSFER, deliveryAddress: { ...ADDRESS.patelOffice },
    placedDaysAgo: 6, promisedDeliveryDaysAgo: 1,
    shipments: [
      { externalId: 'oms-ship-0008-1', carrierKey: 'carrier-yamato', trackingNumber: '104974650752', status: ShipmentStatus.LABEL_CREATED, deliveryMethod: DeliveryMethod.HAND_OVER, shippedDaysAgo: null, deliveredDaysAgo: null },
    ],
    returns: [],
  },
  // Out for delivery one day late (→ ticket-out-for-delivery-late).
  {
    key: 'order-009', externalId: 'oms-order-0009', number: '503-2964541-9282794', customerKey: 'customer-kobayashi',
    sellerKey: 'seller-kyoto-tea', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.SHIPPED,
    items: [
      { sku: 'HNB-GYOKURO-KARIGANE-80', title: '玉露 雁ヶ音 80g', quantity: 2, unitPrice: '1620' },
      { sku: 'HNB-SENCHA-ICHIBAN-100', title: '煎茶 一番摘み 100g', quantity: 1, unitPrice: '2160' },
    ],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.kobayashi },
    placedDaysAgo: 5, promisedDeliveryDaysAgo: 1,
    shipments: [
      { externalId: 'oms-ship-0009-1', carrierKey: 'carrier-yamato', trackingNumber: '034236671276', status: ShipmentStatus.OUT_FOR_DELIVERY, deliveryMethod: DeliveryMethod.HAND_OVER, shippedDaysAgo: 3, deliveredDaysAgo: null },
    ],
    returns: [],
  },
  // Reported as delayed, then confirmed lost by Japan Post and refunded (→ ticket-delayed-then-lost).
  {
    key: 'order-010', externalId: 'oms-order-0010', number: '503-5661367-3297239', customerKey: 'customer-suzuki',
    sellerKey: 'seller-kitchen', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.SHIPPED,
    items: [
      { sku: 'TK-YUKIHIRA-18', title: '雪平鍋 18cm', quantity: 1, unitPrice: '3980' },
      { sku: 'TK-OROSHIGANE-SS', title: 'ステンレス おろし金', quantity: 1, unitPrice: '1650' },
    ],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.suzuki },
    placedDaysAgo: 15, promisedDeliveryDaysAgo: 10,
    shipments: [
      { externalId: 'oms-ship-0010-1', carrierKey: 'carrier-japanpost', trackingNumber: '684656321223', status: ShipmentStatus.LOST, deliveryMethod: null, shippedDaysAgo: 14, deliveredDaysAgo: null },
    ],
    returns: [],
  },
  // Left at the door of the floor below the customer's office (→ ticket-misdelivered-office).
  {
    key: 'order-011', externalId: 'oms-order-0011', number: '503-4914729-1202384', customerKey: 'customer-watanabe',
    sellerKey: 'seller-kitchen', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.DELIVERED,
    items: [
      { sku: 'TK-MANAITA-HINOKI-42', title: 'ひのき まな板 42cm', quantity: 2, unitPrice: '3300' },
      { sku: 'TK-CONTAINER-SS-3', title: 'ステンレス 保存容器 3点セット', quantity: 1, unitPrice: '2970' },
    ],
    currency: 'JPY', paymentMethod: PaymentMethod.BANK_TRANSFER, deliveryAddress: { ...ADDRESS.watanabeOffice },
    placedDaysAgo: 7, promisedDeliveryDaysAgo: 3,
    shipments: [
      { externalId: 'oms-ship-0011-1', carrierKey: 'carrier-yamato', trackingNumber: '792440268599', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.LEFT_AT_DOOR, shippedDaysAgo: 5, deliveredDaysAgo: 3 },
    ],
    returns: [],
  },
  // Signed for by a neighbour at a similar address (→ ticket-wrong-address-signed).
  {
    key: 'order-012', externalId: 'oms-order-0012', number: '503-6345416-3105398', customerKey: 'customer-smith',
    sellerKey: 'seller-apparel', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.DELIVERED,
    items: [
      { sku: 'UL-TEE-WHT-3P-M', title: '綿100% Tシャツ 白 3枚組 M', quantity: 1, unitPrice: '2990' },
      { sku: 'UL-WIDEPANTS-BEI-M', title: 'ワイドパンツ ベージュ M', quantity: 1, unitPrice: '4990' },
    ],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.smith },
    placedDaysAgo: 6, promisedDeliveryDaysAgo: 2,
    shipments: [
      { externalId: 'oms-ship-0012-1', carrierKey: 'carrier-sagawa', trackingNumber: '890786666176', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.HAND_OVER, shippedDaysAgo: 4, deliveredDaysAgo: 2 },
    ],
    returns: [],
  },
  // A crushed box and a broken teacup (→ ticket-damaged-teacup).
  {
    key: 'order-013', externalId: 'oms-order-0013', number: '503-2044345-4197897', customerKey: 'customer-takahashi',
    sellerKey: 'seller-kitchen', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.DELIVERED,
    items: [{ sku: 'TK-ARITA-YUNOMI-PAIR', title: '有田焼 湯呑み ペア', quantity: 1, unitPrice: '4400' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.takahashi },
    placedDaysAgo: 8, promisedDeliveryDaysAgo: 5,
    shipments: [
      { externalId: 'oms-ship-0013-1', carrierKey: 'carrier-yamato', trackingNumber: '137215901092', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.HAND_OVER, shippedDaysAgo: 6, deliveredDaysAgo: 5 },
    ],
    returns: [],
  },
  // Glass jars broken in transit (→ ticket-damaged-jars).
  {
    key: 'order-014', externalId: 'oms-order-0014', number: '503-2702289-7100362', customerKey: 'customer-patel',
    sellerKey: 'seller-import', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.DELIVERED,
    items: [{ sku: 'PIS-JAR-GLASS-3', title: 'ガラス保存瓶 3個セット', quantity: 2, unitPrice: '4200' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.patelOffice },
    placedDaysAgo: 5, promisedDeliveryDaysAgo: 1,
    shipments: [
      { externalId: 'oms-ship-0014-1', carrierKey: 'carrier-sagawa', trackingNumber: '901396245957', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.HAND_OVER, shippedDaysAgo: 3, deliveredDaysAgo: 1 },
    ],
    returns: [],
  },
  // Earphones with a dead right bud; the seller sent a replacement (second shipment) (→ ticket-defective-earphones).
  {
    key: 'order-015', externalId: 'oms-order-0015', number: '503-3060950-2935310', customerKey: 'customer-tanaka',
    sellerKey: 'seller-gadget', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.DELIVERED,
    items: [{ sku: 'GB-TWS-ANC-BLK', title: 'ワイヤレスイヤホン ノイズキャンセリング ブラック', quantity: 1, unitPrice: '8980' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.tanaka },
    placedDaysAgo: 11, promisedDeliveryDaysAgo: 8,
    shipments: [
      { externalId: 'oms-ship-0015-1', carrierKey: 'carrier-yamato', trackingNumber: '777741215472', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.LOCKER, shippedDaysAgo: 9, deliveredDaysAgo: 8 },
      { externalId: 'oms-ship-0015-2', carrierKey: 'carrier-yamato', trackingNumber: '068831067924', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.HAND_OVER, shippedDaysAgo: 3, deliveredDaysAgo: 2 },
    ],
    returns: [],
  },
  // Platform retail kettle that never heats; return label issued (→ ticket-defective-kettle).
  {
    key: 'order-016', externalId: 'oms-order-0016', number: '503-9662655-1387481', customerKey: 'customer-miller',
    sellerKey: null, fulfillment: FulfillmentChannel.PLATFORM, status: OrderStatus.DELIVERED,
    items: [{ sku: 'MP-KETTLE-SS-10', title: '電気ケトル 1.0L ステンレス', quantity: 1, unitPrice: '3980' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.miller },
    placedDaysAgo: 11, promisedDeliveryDaysAgo: 9,
    shipments: [
      { externalId: 'oms-ship-0016-1', carrierKey: 'carrier-yamato', trackingNumber: '385280841485', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.HAND_OVER, shippedDaysAgo: 10, deliveredDaysAgo: 9 },
    ],
    returns: [
      { externalId: 'oms-return-0016-1', status: ReturnStatus.REQUESTED, reason: 'Defective: the kettle does not heat', requestedDaysAgo: 6, receivedDaysAgo: null, refundedDaysAgo: null },
    ],
  },
  // A seller's power bank stored and shipped by the platform's warehouse (→ ticket-defective-battery-ko).
  {
    key: 'order-017', externalId: 'oms-order-0017', number: '503-3802500-6967591', customerKey: 'customer-kim',
    sellerKey: 'seller-gadget', fulfillment: FulfillmentChannel.PLATFORM, status: OrderStatus.DELIVERED,
    items: [{ sku: 'GB-PB-10000', title: 'モバイルバッテリー 10000mAh', quantity: 1, unitPrice: '3480' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.kim },
    placedDaysAgo: 5, promisedDeliveryDaysAgo: 3,
    shipments: [
      { externalId: 'oms-ship-0017-1', carrierKey: 'carrier-yamato', trackingNumber: '388853933633', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.LEFT_AT_DOOR, shippedDaysAgo: 4, deliveredDaysAgo: 3 },
    ],
    returns: [],
  },
  // A navy shirt that arrived light blue (→ ticket-wrong-color).
  {
    key: 'order-018', externalId: 'oms-order-0018', number: '503-9684536-9267507', customerKey: 'customer-yamamoto',
    sellerKey: 'seller-apparel', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.DELIVERED,
    items: [{ sku: 'UL-LINEN-LS-NVY-M', title: 'リネンシャツ 長袖 ネイビー M', quantity: 1, unitPrice: '5990' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.yamamoto },
    placedDaysAgo: 6, promisedDeliveryDaysAgo: 3,
    shipments: [
      { externalId: 'oms-ship-0018-1', carrierKey: 'carrier-japanpost', trackingNumber: '500474395755', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.MAILBOX, shippedDaysAgo: 4, deliveredDaysAgo: 3 },
    ],
    returns: [],
  },
  // Wrong size packed in the platform's warehouse; the return is on its way back (→ ticket-wrong-size).
  {
    key: 'order-019', externalId: 'oms-order-0019', number: '503-2351205-4698744', customerKey: 'customer-smith',
    sellerKey: 'seller-apparel', fulfillment: FulfillmentChannel.PLATFORM, status: OrderStatus.DELIVERED,
    items: [{ sku: 'UL-DOWN-BLK-M', title: 'ダウンジャケット ブラック M', quantity: 1, unitPrice: '14900' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.smith },
    placedDaysAgo: 7, promisedDeliveryDaysAgo: 5,
    shipments: [
      { externalId: 'oms-ship-0019-1', carrierKey: 'carrier-yamato', trackingNumber: '137353799075', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.HAND_OVER, shippedDaysAgo: 6, deliveredDaysAgo: 5 },
    ],
    returns: [
      { externalId: 'oms-return-0019-1', status: ReturnStatus.IN_TRANSIT, reason: 'Wrong size: received S instead of M', requestedDaysAgo: 3, receivedDaysAgo: null, refundedDaysAgo: null },
    ],
  },
  // Five chargers without their cables; the seller sent the cables by mail (→ ticket-missing-cables).
  {
    key: 'order-020', externalId: 'oms-order-0020', number: '503-2422346-3011649', customerKey: 'customer-nakamura',
    sellerKey: 'seller-gadget', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.DELIVERED,
    items: [{ sku: 'GB-CHG-USBC-65W', title: 'USB-C 急速充電器 65W', quantity: 5, unitPrice: '4280' }],
    currency: 'JPY', paymentMethod: PaymentMethod.BANK_TRANSFER, deliveryAddress: { ...ADDRESS.nakamuraOffice },
    placedDaysAgo: 5, promisedDeliveryDaysAgo: 2,
    shipments: [
      { externalId: 'oms-ship-0020-1', carrierKey: 'carrier-sagawa', trackingNumber: '637265167612', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.HAND_OVER, shippedDaysAgo: 3, deliveredDaysAgo: 2 },
      { externalId: 'oms-ship-0020-2', carrierKey: 'carrier-yamato', trackingNumber: '430155228890', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.MAILBOX, shippedDaysAgo: 1, deliveredDaysAgo: 0 },
    ],
    returns: [],
  },
  // French press without its filter; the seller has not answered yet (→ ticket-missing-parts-french-press).
  {
    key: 'order-021', externalId: 'oms-order-0021', number: '503-3852188-3131350', customerKey: 'customer-patel',
    sellerKey: 'seller-import', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.DELIVERED,
    items: [{ sku: 'PIS-FRENCHPRESS-350', title: 'フレンチプレス コーヒーメーカー 350ml', quantity: 1, unitPrice: '3980' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.patelOffice },
    placedDaysAgo: 7, promisedDeliveryDaysAgo: 3,
    shipments: [
      { externalId: 'oms-ship-0021-1', carrierKey: 'carrier-japanpost', trackingNumber: '029729975288', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.HAND_OVER, shippedDaysAgo: 5, deliveredDaysAgo: 3 },
    ],
    returns: [],
  },
  // An unneeded gift, sent back unopened (→ ticket-return-gift).
  {
    key: 'order-022', externalId: 'oms-order-0022', number: '503-3197544-1358976', customerKey: 'customer-kobayashi',
    sellerKey: 'seller-apparel', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.DELIVERED,
    items: [{ sku: 'UL-KNIT-CARDI-GRY-M', title: 'ウールニット カーディガン グレー M', quantity: 1, unitPrice: '7990' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.kobayashi },
    placedDaysAgo: 10, promisedDeliveryDaysAgo: 7,
    shipments: [
      { externalId: 'oms-ship-0022-1', carrierKey: 'carrier-yamato', trackingNumber: '018263304348', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.HAND_OVER, shippedDaysAgo: 8, deliveredDaysAgo: 7 },
    ],
    returns: [
      { externalId: 'oms-return-0022-1', status: ReturnStatus.IN_TRANSIT, reason: '贈り物が不要になったため（未開封）', requestedDaysAgo: 2, receivedDaysAgo: null, refundedDaysAgo: null },
    ],
  },
  // A skillet the customer wants to swap for a smaller one (→ ticket-return-exchange-skillet).
  {
    key: 'order-023', externalId: 'oms-order-0023', number: '503-5035581-6469193', customerKey: 'customer-miller',
    sellerKey: 'seller-import', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.DELIVERED,
    items: [{ sku: 'PIS-SKILLET-CI-10', title: '鋳鉄スキレット 10インチ', quantity: 1, unitPrice: '5600' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.miller },
    placedDaysAgo: 8, promisedDeliveryDaysAgo: 5,
    shipments: [
      { externalId: 'oms-ship-0023-1', carrierKey: 'carrier-yamato', trackingNumber: '486205798682', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.LEFT_AT_DOOR, shippedDaysAgo: 6, deliveredDaysAgo: 5 },
    ],
    returns: [],
  },
  // Platform retail rice cooker, unopened, return requested (→ ticket-return-rice-cooker-zh).
  {
    key: 'order-024', externalId: 'oms-order-0024', number: '503-9922542-3547391', customerKey: 'customer-wang',
    sellerKey: null, fulfillment: FulfillmentChannel.PLATFORM, status: OrderStatus.DELIVERED,
    items: [{ sku: 'MP-RICECOOKER-IH-55', title: 'IH炊飯器 5.5合', quantity: 1, unitPrice: '19800' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.wang },
    placedDaysAgo: 6, promisedDeliveryDaysAgo: 4,
    shipments: [
      { externalId: 'oms-ship-0024-1', carrierKey: 'carrier-sagawa', trackingNumber: '880729022279', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.HAND_OVER, shippedDaysAgo: 5, deliveredDaysAgo: 4 },
    ],
    returns: [
      { externalId: 'oms-return-0024-1', status: ReturnStatus.REQUESTED, reason: '不要になったため（未開封）', requestedDaysAgo: 2, receivedDaysAgo: null, refundedDaysAgo: null },
    ],
  },
  // Returned monitor received by the seller 9 days ago, still not refunded (→ ticket-refund-overdue).
  {
    key: 'order-025', externalId: 'oms-order-0025', number: '503-3018913-2036081', customerKey: 'customer-suzuki',
    sellerKey: 'seller-gadget', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.RETURNED,
    items: [{ sku: 'GB-MONITOR-156', title: 'モバイルモニター 15.6インチ', quantity: 1, unitPrice: '19800' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.suzuki },
    placedDaysAgo: 26, promisedDeliveryDaysAgo: 23,
    shipments: [
      { externalId: 'oms-ship-0025-1', carrierKey: 'carrier-yamato', trackingNumber: '588871803340', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.HAND_OVER, shippedDaysAgo: 24, deliveredDaysAgo: 23 },
    ],
    returns: [
      { externalId: 'oms-return-0025-1', status: ReturnStatus.RECEIVED, reason: '画面にドット欠けがあるため', requestedDaysAgo: 18, receivedDaysAgo: 9, refundedDaysAgo: null },
    ],
  },
  // Returned tumblers received by the seller yesterday: the refund is not late yet (→ ticket-refund-just-received).
  {
    key: 'order-026', externalId: 'oms-order-0026', number: '503-2639893-9518027', customerKey: 'customer-watanabe',
    sellerKey: 'seller-kitchen', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.RETURNED,
    items: [{ sku: 'TK-TUMBLER-SS-6', title: 'ステンレス タンブラー 6個セット', quantity: 1, unitPrice: '4800' }],
    currency: 'JPY', paymentMethod: PaymentMethod.BANK_TRANSFER, deliveryAddress: { ...ADDRESS.watanabeOffice },
    placedDaysAgo: 13, promisedDeliveryDaysAgo: 11,
    shipments: [
      { externalId: 'oms-ship-0026-1', carrierKey: 'carrier-sagawa', trackingNumber: '780175989834', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.HAND_OVER, shippedDaysAgo: 12, deliveredDaysAgo: 11 },
    ],
    returns: [
      { externalId: 'oms-return-0026-1', status: ReturnStatus.RECEIVED, reason: 'サイズを間違えて注文したため', requestedDaysAgo: 7, receivedDaysAgo: 1, refundedDaysAgo: null },
    ],
  },
  // Refunded, but the card statement lags behind (→ ticket-refund-card-statement).
  {
    key: 'order-027', externalId: 'oms-order-0027', number: '503-8589103-9525445', customerKey: 'customer-miller',
    sellerKey: null, fulfillment: FulfillmentChannel.PLATFORM, status: OrderStatus.RETURNED,
    items: [{ sku: 'MP-ROBOVAC-S1', title: 'ロボット掃除機 薄型', quantity: 1, unitPrice: '29800' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.miller },
    placedDaysAgo: 27, promisedDeliveryDaysAgo: 24,
    shipments: [
      { externalId: 'oms-ship-0027-1', carrierKey: 'carrier-yamato', trackingNumber: '878384837261', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.HAND_OVER, shippedDaysAgo: 25, deliveredDaysAgo: 24 },
    ],
    returns: [
      { externalId: 'oms-return-0027-1', status: ReturnStatus.REFUNDED, reason: 'Does not fit under the sofa', requestedDaysAgo: 20, receivedDaysAgo: 14, refundedDaysAgo: 12 },
    ],
  },
  // Ordered twice by mistake: this one is to be cancelled (→ ticket-cancel-duplicate); order-040 is kept.
  {
    key: 'order-028', externalId: 'oms-order-0028', number: '503-7582781-8417510', customerKey: 'customer-sato',
    sellerKey: 'seller-kyoto-tea', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.UNSHIPPED,
    items: [{ sku: 'HNB-MATCHA-UJI-100', title: '宇治抹茶 100g', quantity: 2, unitPrice: '3240' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.satoFatherInLaw },
    placedDaysAgo: 1, promisedDeliveryDaysAgo: -3,
    shipments: [],
    returns: [],
  },
  // Cancelled before it left the warehouse; the ticket is long closed (→ ticket-cancel-copy-paper).
  {
    key: 'order-029', externalId: 'oms-order-0029', number: '503-3302750-8847305', customerKey: 'customer-patel',
    sellerKey: null, fulfillment: FulfillmentChannel.PLATFORM, status: OrderStatus.CANCELLED,
    items: [{ sku: 'MP-PAPER-A4-2500', title: 'コピー用紙 A4 500枚×5冊', quantity: 2, unitPrice: '4380' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.patelOffice },
    placedDaysAgo: 16, promisedDeliveryDaysAgo: null,
    shipments: [],
    returns: [],
  },
  // Already on its way to the home address; the customer wants it at the office (→ ticket-change-address-shipped).
  {
    key: 'order-030', externalId: 'oms-order-0030', number: '503-4284050-6983003', customerKey: 'customer-nakamura',
    sellerKey: 'seller-kitchen', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.SHIPPED,
    items: [{ sku: 'TK-YUKIHIRA-20', title: '雪平鍋 20cm', quantity: 1, unitPrice: '4380' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.nakamuraHome },
    placedDaysAgo: 3, promisedDeliveryDaysAgo: -1,
    shipments: [
      { externalId: 'oms-ship-0030-1', carrierKey: 'carrier-yamato', trackingNumber: '515058770658', status: ShipmentStatus.IN_TRANSIT, deliveryMethod: DeliveryMethod.HAND_OVER, shippedDaysAgo: 1, deliveredDaysAgo: null },
    ],
    returns: [],
  },
  // Not shipped yet; the customer wants it sent to her office instead (→ ticket-change-address-unshipped).
  {
    key: 'order-031', externalId: 'oms-order-0031', number: '503-5956897-9594334', customerKey: 'customer-smith',
    sellerKey: 'seller-import', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.UNSHIPPED,
    items: [
      { sku: 'PIS-MAPLE-500', title: 'カナダ産 メープルシロップ 500ml', quantity: 2, unitPrice: '2480' },
      { sku: 'PIS-PEANUT-340', title: 'オーガニック ピーナッツバター 340g', quantity: 1, unitPrice: '1280' },
    ],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.smith },
    placedDaysAgo: 1, promisedDeliveryDaysAgo: -2,
    shipments: [],
    returns: [],
  },
  // A humidifier whose card authorisation looks like a second charge (→ ticket-double-charge).
  {
    key: 'order-032', externalId: 'oms-order-0032', number: '503-5338739-7810674', customerKey: 'customer-takahashi',
    sellerKey: null, fulfillment: FulfillmentChannel.PLATFORM, status: OrderStatus.DELIVERED,
    items: [{ sku: 'MP-HUMIDIFIER-ST-30', title: 'スチーム式加湿器 3.0L', quantity: 1, unitPrice: '6980' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.takahashi },
    placedDaysAgo: 6, promisedDeliveryDaysAgo: 4,
    shipments: [
      { externalId: 'oms-ship-0032-1', carrierKey: 'carrier-yamato', trackingNumber: '288975140261', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.LEFT_AT_DOOR, shippedDaysAgo: 5, deliveredDaysAgo: 4 },
    ],
    returns: [],
  },
  // Paid at a convenience store, still waiting for the payment to arrive (→ ticket-konbini-payment).
  {
    key: 'order-033', externalId: 'oms-order-0033', number: '503-5511786-1282389', customerKey: 'customer-ito',
    sellerKey: null, fulfillment: FulfillmentChannel.PLATFORM, status: OrderStatus.PENDING,
    items: [
      { sku: 'MP-TISSUE-5', title: 'ボックスティッシュ 5箱', quantity: 2, unitPrice: '548' },
      { sku: 'MP-TOILETPAPER-12W', title: 'トイレットペーパー 12ロール ダブル', quantity: 1, unitPrice: '1078' },
    ],
    currency: 'JPY', paymentMethod: PaymentMethod.CONVENIENCE_STORE, deliveryAddress: { ...ADDRESS.ito },
    placedDaysAgo: 2, promisedDeliveryDaysAgo: null,
    shipments: [],
    returns: [],
  },

  // --- Orders without a ticket: everyday business, and the remaining states --------------------------------------

  {
    key: 'order-034', externalId: 'oms-order-0034', number: '503-8008855-5493940', customerKey: 'customer-sato',
    sellerKey: null, fulfillment: FulfillmentChannel.PLATFORM, status: OrderStatus.DELIVERED,
    items: [
      { sku: 'MP-WATER-2L-6', title: '天然水 2L×6本', quantity: 2, unitPrice: '698' },
      { sku: 'MP-DETERGENT-REFILL-XL', title: '洗濯洗剤 詰め替え 超特大', quantity: 1, unitPrice: '1298' },
    ],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.satoHome },
    placedDaysAgo: 21, promisedDeliveryDaysAgo: 19,
    shipments: [
      { externalId: 'oms-ship-0034-1', carrierKey: 'carrier-yamato', trackingNumber: '920831240234', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.LEFT_AT_DOOR, shippedDaysAgo: 20, deliveredDaysAgo: 19 },
    ],
    returns: [],
  },
  // Opened tea cannot be returned: the seller rejected the return.
  {
    key: 'order-035', externalId: 'oms-order-0035', number: '503-6117141-9910141', customerKey: 'customer-suzuki',
    sellerKey: 'seller-kyoto-tea', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.DELIVERED,
    items: [{ sku: 'HNB-HOJICHA-TB-30', title: 'ほうじ茶 ティーバッグ 30包', quantity: 3, unitPrice: '1080' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.suzuki },
    placedDaysAgo: 16, promisedDeliveryDaysAgo: 13,
    shipments: [
      { externalId: 'oms-ship-0035-1', carrierKey: 'carrier-japanpost', trackingNumber: '347824504000', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.MAILBOX, shippedDaysAgo: 15, deliveredDaysAgo: 13 },
    ],
    returns: [
      { externalId: 'oms-return-0035-1', status: ReturnStatus.REJECTED, reason: '味が好みでなかったため（開封済みの食品のため返品不可）', requestedDaysAgo: 10, receivedDaysAgo: null, refundedDaysAgo: null },
    ],
  },
  {
    key: 'order-036', externalId: 'oms-order-0036', number: '503-9483466-4178552', customerKey: 'customer-takahashi',
    sellerKey: 'seller-apparel', fulfillment: FulfillmentChannel.PLATFORM, status: OrderStatus.DELIVERED,
    items: [{ sku: 'UL-TEE-WHT-3P-L', title: '綿100% Tシャツ 白 3枚組 L', quantity: 1, unitPrice: '2990' }],
    currency: 'JPY', paymentMethod: PaymentMethod.GIFT_CARD, deliveryAddress: { ...ADDRESS.takahashi },
    placedDaysAgo: 9, promisedDeliveryDaysAgo: 7,
    shipments: [
      { externalId: 'oms-ship-0036-1', carrierKey: 'carrier-yamato', trackingNumber: '873716786843', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.LOCKER, shippedDaysAgo: 8, deliveredDaysAgo: 7 },
    ],
    returns: [],
  },
  // Split shipment: the screen protector arrived, the e-reader is still on its way.
  {
    key: 'order-037', externalId: 'oms-order-0037', number: '503-4851482-6749629', customerKey: 'customer-tanaka',
    sellerKey: null, fulfillment: FulfillmentChannel.PLATFORM, status: OrderStatus.SHIPPED,
    items: [
      { sku: 'MP-EREADER-6-16', title: '電子書籍リーダー 6インチ 16GB', quantity: 1, unitPrice: '16980' },
      { sku: 'MP-EREADER-FILM-6', title: '電子書籍リーダー用 保護フィルム', quantity: 1, unitPrice: '980' },
    ],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.tanaka },
    placedDaysAgo: 4, promisedDeliveryDaysAgo: -1,
    shipments: [
      { externalId: 'oms-ship-0037-1', carrierKey: 'carrier-yamato', trackingNumber: '326502014620', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.MAILBOX, shippedDaysAgo: 3, deliveredDaysAgo: 2 },
      { externalId: 'oms-ship-0037-2', carrierKey: 'carrier-sagawa', trackingNumber: '822765444463', status: ShipmentStatus.IN_TRANSIT, deliveryMethod: DeliveryMethod.HAND_OVER, shippedDaysAgo: 1, deliveredDaysAgo: null },
    ],
    returns: [],
  },
  {
    key: 'order-038', externalId: 'oms-order-0038', number: '503-2417420-7390135', customerKey: 'customer-watanabe',
    sellerKey: null, fulfillment: FulfillmentChannel.PLATFORM, status: OrderStatus.DELIVERED,
    items: [
      { sku: 'MP-PAPER-A4-2500', title: 'コピー用紙 A4 500枚×5冊', quantity: 3, unitPrice: '4380' },
      { sku: 'MP-BATT-AA-20', title: 'アルカリ単三電池 20本パック', quantity: 1, unitPrice: '1180' },
    ],
    currency: 'JPY', paymentMethod: PaymentMethod.BANK_TRANSFER, deliveryAddress: { ...ADDRESS.watanabeOffice },
    placedDaysAgo: 14, promisedDeliveryDaysAgo: 11,
    shipments: [
      { externalId: 'oms-ship-0038-1', carrierKey: 'carrier-sagawa', trackingNumber: '849340722470', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.HAND_OVER, shippedDaysAgo: 12, deliveredDaysAgo: 11 },
    ],
    returns: [],
  },
  // Out for delivery today, to be left at the door (置き配 chosen at checkout).
  {
    key: 'order-039', externalId: 'oms-order-0039', number: '503-5416485-7109278', customerKey: 'customer-ito',
    sellerKey: 'seller-gadget', fulfillment: FulfillmentChannel.PLATFORM, status: OrderStatus.SHIPPED,
    items: [
      { sku: 'GB-CASE-IP15-BOOK', title: 'スマホケース 手帳型 iPhone 15 用', quantity: 1, unitPrice: '2480' },
      { sku: 'GB-FILM-IP15-2P', title: '強化ガラス保護フィルム 2枚入', quantity: 1, unitPrice: '1280' },
    ],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.ito },
    placedDaysAgo: 2, promisedDeliveryDaysAgo: 0,
    shipments: [
      { externalId: 'oms-ship-0039-1', carrierKey: 'carrier-yamato', trackingNumber: '585304352056', status: ShipmentStatus.OUT_FOR_DELIVERY, deliveryMethod: DeliveryMethod.LEFT_AT_DOOR, shippedDaysAgo: 1, deliveredDaysAgo: null },
    ],
    returns: [],
  },
  // The order that is kept, as a year-end gift with a noshi wrapper (→ ticket-gift-noshi).
  {
    key: 'order-040', externalId: 'oms-order-0040', number: '503-2407450-8963198', customerKey: 'customer-sato',
    sellerKey: 'seller-kyoto-tea', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.UNSHIPPED,
    items: [{ sku: 'HNB-MATCHA-UJI-100', title: '宇治抹茶 100g', quantity: 2, unitPrice: '3240' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.satoFatherInLaw },
    placedDaysAgo: 1, promisedDeliveryDaysAgo: -3,
    shipments: [],
    returns: [],
  },
  // Nobody home for the whole holding period: returned to the sender.
  {
    key: 'order-041', externalId: 'oms-order-0041', number: '503-1699055-7609864', customerKey: 'customer-yamamoto',
    sellerKey: null, fulfillment: FulfillmentChannel.PLATFORM, status: OrderStatus.RETURNED,
    items: [{ sku: 'MP-FUTON-DOWN-S', title: '羽毛掛け布団 シングル', quantity: 1, unitPrice: '12800' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.yamamoto },
    placedDaysAgo: 20, promisedDeliveryDaysAgo: 16,
    shipments: [
      { externalId: 'oms-ship-0041-1', carrierKey: 'carrier-japanpost', trackingNumber: '044319829657', status: ShipmentStatus.RETURNED_TO_SENDER, deliveryMethod: DeliveryMethod.HAND_OVER, shippedDaysAgo: 18, deliveredDaysAgo: null },
    ],
    returns: [],
  },
  {
    key: 'order-042', externalId: 'oms-order-0042', number: '503-3507575-5767691', customerKey: 'customer-nakamura',
    sellerKey: 'seller-kitchen', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.DELIVERED,
    items: [
      { sku: 'TK-SANTOKU-170', title: '三徳包丁 170mm', quantity: 4, unitPrice: '9800' },
      { sku: 'TK-MANAITA-HINOKI-42', title: 'ひのき まな板 42cm', quantity: 4, unitPrice: '3300' },
    ],
    currency: 'JPY', paymentMethod: PaymentMethod.BANK_TRANSFER, deliveryAddress: { ...ADDRESS.nakamuraOffice },
    placedDaysAgo: 30, promisedDeliveryDaysAgo: 25,
    shipments: [
      { externalId: 'oms-ship-0042-1', carrierKey: 'carrier-sagawa', trackingNumber: '920868288909', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.HAND_OVER, shippedDaysAgo: 27, deliveredDaysAgo: 25 },
    ],
    returns: [],
  },
  // Cancelled by the seller: the limited tea sold out.
  {
    key: 'order-043', externalId: 'oms-order-0043', number: '503-4857765-2427601', customerKey: 'customer-kobayashi',
    sellerKey: 'seller-kyoto-tea', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.CANCELLED,
    items: [{ sku: 'HNB-GYOKURO-KIWAMI-50', title: '季節限定 玉露 極み 50g', quantity: 1, unitPrice: '5400' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.kobayashi },
    placedDaysAgo: 9, promisedDeliveryDaysAgo: null,
    shipments: [],
    returns: [],
  },
  {
    key: 'order-044', externalId: 'oms-order-0044', number: '503-9208996-5425710', customerKey: 'customer-smith',
    sellerKey: 'seller-import', fulfillment: FulfillmentChannel.PLATFORM, status: OrderStatus.DELIVERED,
    items: [
      { sku: 'PIS-MAPLE-500', title: 'カナダ産 メープルシロップ 500ml', quantity: 1, unitPrice: '2480' },
      { sku: 'PIS-PEANUT-340', title: 'オーガニック ピーナッツバター 340g', quantity: 2, unitPrice: '1280' },
    ],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.smith },
    placedDaysAgo: 12, promisedDeliveryDaysAgo: 10,
    shipments: [
      { externalId: 'oms-ship-0044-1', carrierKey: 'carrier-yamato', trackingNumber: '071881817414', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.LEFT_AT_DOOR, shippedDaysAgo: 11, deliveredDaysAgo: 10 },
    ],
    returns: [],
  },
  // Waiting for a bank transfer.
  {
    key: 'order-045', externalId: 'oms-order-0045', number: '503-4939049-4442978', customerKey: 'customer-miller',
    sellerKey: null, fulfillment: FulfillmentChannel.PLATFORM, status: OrderStatus.PENDING,
    items: [{ sku: 'MP-DRIPBAG-50', title: 'ドリップバッグコーヒー 50袋', quantity: 1, unitPrice: '1980' }],
    currency: 'JPY', paymentMethod: PaymentMethod.BANK_TRANSFER, deliveryAddress: { ...ADDRESS.miller },
    placedDaysAgo: 1, promisedDeliveryDaysAgo: null,
    shipments: [],
    returns: [],
  },
  {
    key: 'order-046', externalId: 'oms-order-0046', number: '503-3473382-6566226', customerKey: 'customer-patel',
    sellerKey: 'seller-gadget', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.DELIVERED,
    items: [{ sku: 'GB-CBL-USBC-2M-2P', title: 'USB-C ケーブル 2m 2本組', quantity: 10, unitPrice: '1280' }],
    currency: 'JPY', paymentMethod: PaymentMethod.BANK_TRANSFER, deliveryAddress: { ...ADDRESS.patelOffice },
    placedDaysAgo: 19, promisedDeliveryDaysAgo: 16,
    shipments: [
      { externalId: 'oms-ship-0046-1', carrierKey: 'carrier-sagawa', trackingNumber: '449920707413', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.HAND_OVER, shippedDaysAgo: 17, deliveredDaysAgo: 16 },
    ],
    returns: [],
  },
  {
    key: 'order-047', externalId: 'oms-order-0047', number: '503-9214365-5879761', customerKey: 'customer-wang',
    sellerKey: 'seller-kyoto-tea', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.DELIVERED,
    items: [{ sku: 'HNB-MATCHA-UJI-100', title: '宇治抹茶 100g', quantity: 1, unitPrice: '3240' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CARRIER_BILLING, deliveryAddress: { ...ADDRESS.wang },
    placedDaysAgo: 11, promisedDeliveryDaysAgo: 8,
    shipments: [
      { externalId: 'oms-ship-0047-1', carrierKey: 'carrier-japanpost', trackingNumber: '847771834170', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.MAILBOX, shippedDaysAgo: 10, deliveredDaysAgo: 8 },
    ],
    returns: [],
  },
  // On its way to a parcel locker.
  {
    key: 'order-048', externalId: 'oms-order-0048', number: '503-5858495-8700252', customerKey: 'customer-kim',
    sellerKey: null, fulfillment: FulfillmentChannel.PLATFORM, status: OrderStatus.SHIPPED,
    items: [{ sku: 'MP-HANDCREAM-3', title: '薬用ハンドクリーム 3本セット', quantity: 1, unitPrice: '1650' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.kim },
    placedDaysAgo: 2, promisedDeliveryDaysAgo: -1,
    shipments: [
      { externalId: 'oms-ship-0048-1', carrierKey: 'carrier-sagawa', trackingNumber: '187463319128', status: ShipmentStatus.IN_TRANSIT, deliveryMethod: DeliveryMethod.LOCKER, shippedDaysAgo: 1, deliveredDaysAgo: null },
    ],
    returns: [],
  },
  // Label printed this morning; handed to Japan Post this afternoon.
  {
    key: 'order-049', externalId: 'oms-order-0049', number: '503-5392425-7032308', customerKey: 'customer-suzuki',
    sellerKey: 'seller-apparel', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.UNSHIPPED,
    items: [{ sku: 'UL-WIDEPANTS-BEI-L', title: 'ワイドパンツ ベージュ L', quantity: 1, unitPrice: '4990' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.suzuki },
    placedDaysAgo: 1, promisedDeliveryDaysAgo: -3,
    shipments: [
      { externalId: 'oms-ship-0049-1', carrierKey: 'carrier-japanpost', trackingNumber: '298415377602', status: ShipmentStatus.LABEL_CREATED, deliveryMethod: DeliveryMethod.MAILBOX, shippedDaysAgo: null, deliveredDaysAgo: null },
    ],
    returns: [],
  },
  {
    key: 'order-050', externalId: 'oms-order-0050', number: '503-1060238-9249291', customerKey: 'customer-takahashi',
    sellerKey: 'seller-import', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.DELIVERED,
    items: [{ sku: 'PIS-MAPLE-500', title: 'カナダ産 メープルシロップ 500ml', quantity: 2, unitPrice: '2480' }],
    currency: 'JPY', paymentMethod: PaymentMethod.GIFT_CARD, deliveryAddress: { ...ADDRESS.takahashi },
    placedDaysAgo: 15, promisedDeliveryDaysAgo: 12,
    shipments: [
      { externalId: 'oms-ship-0050-1', carrierKey: 'carrier-yamato', trackingNumber: '764265651505', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.HAND_OVER, shippedDaysAgo: 13, deliveredDaysAgo: 12 },
    ],
    returns: [],
  },
  {
    key: 'order-051', externalId: 'oms-order-0051', number: '503-6675272-7681686', customerKey: 'customer-tanaka',
    sellerKey: null, fulfillment: FulfillmentChannel.PLATFORM, status: OrderStatus.DELIVERED,
    items: [{ sku: 'MP-DESKLIGHT-LED', title: 'LED デスクライト 調光機能付き', quantity: 1, unitPrice: '4580' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.tanaka },
    placedDaysAgo: 35, promisedDeliveryDaysAgo: 32,
    shipments: [
      { externalId: 'oms-ship-0051-1', carrierKey: 'carrier-yamato', trackingNumber: '130445166915', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.LOCKER, shippedDaysAgo: 33, deliveredDaysAgo: 32 },
    ],
    returns: [],
  },
  // A rusty teapot, returned and refunded weeks ago.
  {
    key: 'order-052', externalId: 'oms-order-0052', number: '503-8181533-5616339', customerKey: 'customer-yamamoto',
    sellerKey: 'seller-kitchen', fulfillment: FulfillmentChannel.SELLER, status: OrderStatus.RETURNED,
    items: [{ sku: 'TK-NANBU-KYUSU-06', title: '南部鉄器 急須 0.6L', quantity: 1, unitPrice: '12800' }],
    currency: 'JPY', paymentMethod: PaymentMethod.CREDIT_CARD, deliveryAddress: { ...ADDRESS.yamamoto },
    placedDaysAgo: 40, promisedDeliveryDaysAgo: 36,
    shipments: [
      { externalId: 'oms-ship-0052-1', carrierKey: 'carrier-sagawa', trackingNumber: '041042346853', status: ShipmentStatus.DELIVERED, deliveryMethod: DeliveryMethod.HAND_OVER, shippedDaysAgo: 38, deliveredDaysAgo: 36 },
    ],
    returns: [
      { externalId: 'oms-return-0052-1', status: ReturnStatus.REFUNDED, reason: '内側に錆があったため', requestedDaysAgo: 33, receivedDaysAgo: 29, refundedDaysAgo: 27 },
    ],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Tickets
// ---------------------------------------------------------------------------------------------------------------

const PUBLIC = MessageVisibility.PUBLIC;
const INTERNAL = MessageVisibility.INTERNAL;

export const DEMO_TICKETS: readonly DemoTicket[] = [
  // ----- ITEM_NOT_RECEIVED -----
  {
    key: 'ticket-lost-parcel', customerKey: 'customer-sato', orderKey: 'order-001', channel: TicketChannel.APP,
    subject: '注文した抹茶がまだ届いていません',
    body: 'お茶会で使うために注文した宇治抹茶と茶筅がまだ届いていません。10日ほど前に発送済みのメールが来ましたが、荷物はまだ受け取っていないので、お茶会に間に合うか心配です。',
    details: { trackingNumber: '601815908301', leftAtDoor: false, neighboursChecked: true },
    openedHoursAgo: 52,
    conversation: [
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 0.5, body: 'お問い合わせありがとうございます。ヤマト運輸に確認したところ、お荷物は輸送途中で所在不明となっていることがわかりました。大変ご迷惑をおかけしております。同じ商品の再発送、またはご注文金額の全額返金のいずれかをお選びいただけます。' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 2, body: 'お茶会が来週なので、再発送でお願いします。' },
      { authorRole: AuthorRole.AGENT, visibility: INTERNAL, hoursAfterOpen: 2.5, body: '出品者（茶房はなぶさ）に再発送を依頼済み。費用はマーケットプレイス保証で補填。' },
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 3, body: '再発送の手配が完了しました。明後日までにお届けの予定です。新しい追跡番号は発送後にメールでお知らせします。' },
    ],
    finalStatus: TicketStatus.SOLVED, resolution: TicketResolution.RESHIPMENT,
    expectedCategory: TicketCategory.ITEM_NOT_RECEIVED, expectedOwner: OwnerParty.PLATFORM, expectedRule: 'lost-parcel',
  },
  {
    key: 'ticket-okihai-not-received', customerKey: 'customer-takahashi', orderKey: 'order-002', channel: TicketChannel.EMAIL,
    subject: '配達完了になっているのに荷物を受け取っていません',
    body: '追跡では「配達完了」と表示されていますが、Bluetoothスピーカーを受け取っていません。玄関の周りや宅配ボックスも確認し、両隣の家にも聞きましたが見当たりませんでした。',
    details: { trackingNumber: '131860913909', leftAtDoor: true, neighboursChecked: true },
    openedHoursAgo: 30,
    conversation: [
      { authorRole: AuthorRole.CARRIER, visibility: PUBLIC, hoursAfterOpen: 3, body: 'ヤマト運輸でございます。ご迷惑をおかけしております。配達記録では、玄関前にお届けしたと登録されております。担当ドライバーに当日の状況を確認いたします。' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 5, body: '置き配指定はしていません。いつも対面で受け取っているので、玄関前に置いたというのはおかしいと思います。' },
      { authorRole: AuthorRole.CARRIER, visibility: PUBLIC, hoursAfterOpen: 20, body: '担当ドライバーに確認し、配達時の写真を取り寄せております。明日中に調査結果をご報告いたします。' },
      { authorRole: AuthorRole.AGENT, visibility: INTERNAL, hoursAfterOpen: 22, body: '運送会社の調査待ち。5営業日以内に解決しなければプラットフォームで補償対応。' },
    ],
    expectedCategory: TicketCategory.ITEM_NOT_RECEIVED, expectedOwner: OwnerParty.CARRIER, expectedRule: 'delivered-not-received',
  },
  {
    key: 'ticket-mailbox-never-arrived', customerKey: 'customer-smith', orderKey: 'order-003', channel: TicketChannel.EMAIL,
    subject: 'Tracking says delivered, but my parcel never arrived',
    body: 'Hi, the tracking page shows my order was delivered to my mailbox, but it never arrived. I checked the mailbox several times and asked the building manager, and nothing was there. The parcel contained two boxes of Earl Grey tea bags.',
    details: { trackingNumber: '308246281948', leftAtDoor: false, neighboursChecked: true },
    openedHoursAgo: 70,
    conversation: [
      { authorRole: AuthorRole.CARRIER, visibility: PUBLIC, hoursAfterOpen: 6, body: 'Hello, this is Japan Post customer service. We are sorry for the trouble. Our records show the item was placed in the mailbox for room 1504. We have asked the delivering post office to check with the postal worker who made the delivery.' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 9, body: 'My room number is B-1504, and there is also an A-1504 in the building. Could it have gone there?' },
      { authorRole: AuthorRole.CARRIER, visibility: PUBLIC, hoursAfterOpen: 30, body: 'Thank you, that is very helpful. The post office will check the A-1504 mailbox together with the building manager and contact you by tomorrow.' },
    ],
    finalStatus: TicketStatus.ON_HOLD,
    expectedCategory: TicketCategory.ITEM_NOT_RECEIVED, expectedOwner: OwnerParty.CARRIER, expectedRule: 'delivered-not-received',
  },
  {
    key: 'ticket-in-transit-not-received', customerKey: 'customer-miller', orderKey: 'order-004', channel: TicketChannel.CHAT,
    subject: 'My order is late',
    body: 'My order is running late. Sagawa\'s website has shown my parcel at their Tokyo hub for four days now, and the promised date has passed. When will it arrive?',
    openedHoursAgo: 20,
    conversation: [
      { authorRole: AuthorRole.CARRIER, visibility: PUBLIC, hoursAfterOpen: 4, body: 'This is Sagawa Express. We apologise for the inconvenience. The parcel was mis-sorted at our Tokyo hub and has now been sent on to your local depot. It should be delivered tomorrow.' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 5, body: "Thanks. I'll be home all day tomorrow." },
    ],
    expectedCategory: TicketCategory.DELIVERY_DELAYED, expectedOwner: OwnerParty.CARRIER, expectedRule: 'in-transit',
  },
  {
    key: 'ticket-locker-empty', customerKey: 'customer-yamamoto', orderKey: 'order-005', channel: TicketChannel.APP,
    subject: '宅配ロッカーに配達済みとなっていますが受け取っていません',
    body: '配達完了の通知が来たので駅前の宅配ロッカーに行き、認証番号を入力して扉を開けましたが、中は空でした。商品はまだ受け取っていません。',
    openedHoursAgo: 40,
    conversation: [
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 0.3, body: 'ご不便をおかけして申し訳ございません。ロッカーの管理会社とヤマト運輸に確認いたします。確認が取れ次第ご連絡いたします。' },
      { authorRole: AuthorRole.AGENT, visibility: INTERNAL, hoursAfterOpen: 1, body: 'ロッカー管理会社に扉の開閉ログを照会中。別の扉番号に格納された可能性あり。' },
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 20, body: '調査の結果、お荷物が別の扉に格納されていたことがわかりましたが、すでに保管期限切れの持ち戻りが始まっていたため、同じ商品を本日再発送いたしました。明日お届けの予定です。' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 22, body: '対応ありがとうございます。明日受け取ります。' },
    ],
    finalStatus: TicketStatus.SOLVED, resolution: TicketResolution.RESHIPMENT,
    expectedCategory: TicketCategory.ITEM_NOT_RECEIVED, expectedOwner: OwnerParty.PLATFORM, expectedRule: 'platform-fulfilled',
  },
  {
    key: 'ticket-delivery-failed', customerKey: 'customer-tanaka', orderKey: 'order-006', channel: TicketChannel.PHONE,
    subject: '家にいたのに荷物を受け取っていません',
    body: '追跡では「ご不在のため持ち戻り」となっていますが、その日は一日中家にいました。インターホンも鳴らず、不在票もありませんでした。代金引換で注文した南部鉄器の急須がまだ届いていません。',
    openedHoursAgo: 26,
    conversation: [
      { authorRole: AuthorRole.CARRIER, visibility: PUBLIC, hoursAfterOpen: 2, body: '佐川急便でございます。ご迷惑をおかけし大変申し訳ございません。担当ドライバーに確認したところ、オートロックで別のお部屋番号を呼び出していたことがわかりました。再配達のご希望日時をお知らせいただけますでしょうか。' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 3, body: '明日の午前中でお願いします。代引きなので置き配はできないと思いますが、必ず在宅しています。' },
      { authorRole: AuthorRole.CARRIER, visibility: PUBLIC, hoursAfterOpen: 4, body: '承知いたしました。明日の午前中に再配達いたします。お部屋番号も担当者に改めて共有いたしました。' },
    ],
    expectedCategory: TicketCategory.ITEM_NOT_RECEIVED, expectedOwner: OwnerParty.CARRIER, expectedRule: 'in-transit',
  },

  // ----- DELIVERY_DELAYED -----
  {
    key: 'ticket-not-shipped-yet', customerKey: 'customer-ito', orderKey: 'order-007', channel: TicketChannel.EMAIL,
    subject: '注文した商品がまだ発送されていません',
    body: '1週間近く前に注文したダウンジャケットが、まだ発送されていません。お届け予定日も過ぎていて、遅れている理由の説明もありません。来週の旅行に着ていくつもりなので、いつ発送されるのか教えてください。',
    openedHoursAgo: 60,
    conversation: [
      { authorRole: AuthorRole.AGENT, visibility: INTERNAL, hoursAfterOpen: 30, body: '出品者に確認中。48時間以内に返信なければ補償対応。' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 50, body: 'まだ出品者から返事がありません。どうなっていますか。' },
    ],
    expectedCategory: TicketCategory.DELIVERY_DELAYED, expectedOwner: OwnerParty.SELLER, expectedRule: 'not-handed-over',
  },
  {
    key: 'ticket-label-created-only', customerKey: 'customer-patel', orderKey: 'order-008', channel: TicketChannel.EMAIL,
    subject: 'Order delayed: label created, but not shipped',
    body: 'Our order of six bottles of maple syrup is delayed. Tracking has shown "label created" for four days and the parcel has still not been shipped. We need them as client gifts on Friday, so please tell us when it will actually ship.',
    openedHoursAgo: 18,
    conversation: [
      { authorRole: AuthorRole.SELLER, visibility: PUBLIC, hoursAfterOpen: 6, body: 'Thank you for your patience, and we apologise for the delay. Our supplier delivered the syrup late. Your order is packed and will be handed to Yamato this afternoon; delivery is expected the day after tomorrow.' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 8, body: 'Thank you. Please let us know once the tracking starts moving.' },
    ],
    expectedCategory: TicketCategory.DELIVERY_DELAYED, expectedOwner: OwnerParty.SELLER, expectedRule: 'not-handed-over',
  },
  {
    key: 'ticket-out-for-delivery-late', customerKey: 'customer-kobayashi', orderKey: 'order-009', channel: TicketChannel.CHAT,
    subject: '配送が遅れています（お届け予定日を過ぎています）',
    body: 'お届け予定日は昨日でしたが、追跡を見ると今朝から「配達中」のままで、配送が遅れています。今日は18時から外出するので、それまでに届くか知りたいです。',
    openedHoursAgo: 6,
    conversation: [
      { authorRole: AuthorRole.CARRIER, visibility: PUBLIC, hoursAfterOpen: 1, body: 'ヤマト運輸でございます。お届けが遅れており申し訳ございません。本日17時までにお届けするよう担当ドライバーに手配いたしました。' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 1.5, body: 'ありがとうございます。それなら間に合います。' },
    ],
    expectedCategory: TicketCategory.DELIVERY_DELAYED, expectedOwner: OwnerParty.CARRIER, expectedRule: 'in-transit',
  },
  {
    key: 'ticket-delayed-then-lost', customerKey: 'customer-suzuki', orderKey: 'order-010', channel: TicketChannel.EMAIL,
    subject: '配送が大幅に遅れています',
    body: 'お届け予定日を過ぎても配送が遅れたままです。日本郵便の追跡では、数日前から「中継局」の表示で止まっています。雪平鍋とおろし金はいつ頃届きますか。',
    openedHoursAgo: 200,
    conversation: [
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 4, body: 'ご迷惑をおかけしております。日本郵便に配達状況の調査を依頼しました。結果がわかり次第ご連絡いたします。' },
      { authorRole: AuthorRole.AGENT, visibility: INTERNAL, hoursAfterOpen: 100, body: '日本郵便より回答：中継局で所在不明、紛失扱い。マーケットプレイス保証で全額返金する。' },
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 101, body: '調査の結果、お荷物が輸送中に紛失したことが確認されました。大変申し訳ございません。ご注文金額5,630円を全額返金いたしました。' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 110, body: '残念ですが、対応ありがとうございました。' },
    ],
    finalStatus: TicketStatus.SOLVED, resolution: TicketResolution.REFUND,
    expectedCategory: TicketCategory.DELIVERY_DELAYED, expectedOwner: OwnerParty.PLATFORM, expectedRule: 'lost-parcel',
  },

  // ----- MISDELIVERED -----
  {
    key: 'ticket-misdelivered-office', customerKey: 'customer-watanabe', orderKey: 'order-011', channel: TicketChannel.PHONE,
    subject: '別の住所に誤配送されたようです',
    body: '配達完了の通知に添付された写真を見ると、写っているドアはうちの事務所のものではありません。別のフロアか隣のビルに誤配送されたのだと思います。まな板と保存容器が入った荷物です。',
    openedHoursAgo: 50,
    conversation: [
      { authorRole: AuthorRole.CARRIER, visibility: PUBLIC, hoursAfterOpen: 2, body: 'ヤマト運輸でございます。誤ったお届け先に配達してしまい、大変申し訳ございません。ただいま担当ドライバーが現地を確認しております。' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 3, body: '置き配の写真の床の色から見て、同じビルの8階だと思います。うちの事務所は9階です。' },
      { authorRole: AuthorRole.CARRIER, visibility: PUBLIC, hoursAfterOpen: 6, body: '8階の事業所様からお荷物を回収し、本日16時に9階の事務所へお届けしました。ご確認をお願いいたします。' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 7, body: '受け取りました。ありがとうございます。' },
    ],
    finalStatus: TicketStatus.SOLVED, resolution: TicketResolution.RESHIPMENT,
    expectedCategory: TicketCategory.MISDELIVERED, expectedOwner: OwnerParty.CARRIER, expectedRule: 'misdelivered',
  },
  {
    key: 'ticket-wrong-address-signed', customerKey: 'customer-smith', orderKey: 'order-012', channel: TicketChannel.CHAT,
    subject: 'Parcel delivered to the wrong address',
    body: "Sagawa says my parcel was signed for two days ago, but nobody at my home signed for anything. I think it was delivered to the wrong address: the signature shown is a name I don't know.",
    openedHoursAgo: 26,
    conversation: [
      { authorRole: AuthorRole.CARRIER, visibility: PUBLIC, hoursAfterOpen: 3, body: 'This is Sagawa Express. We are very sorry. The driver confirms the parcel was handed to a resident of a neighbouring building with a similar address. We are arranging to collect it and bring it to you.' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 4, body: 'Thank you. Please let me know when it will come.' },
    ],
    finalStatus: TicketStatus.ON_HOLD,
    expectedCategory: TicketCategory.MISDELIVERED, expectedOwner: OwnerParty.CARRIER, expectedRule: 'misdelivered',
  },

  // ----- DAMAGED_IN_TRANSIT -----
  {
    key: 'ticket-damaged-teacup', customerKey: 'customer-takahashi', orderKey: 'order-013', channel: TicketChannel.APP,
    subject: '届いた湯呑みが割れていました',
    body: '本日届いた有田焼の湯呑みペアのうち、一つが割れていました。外箱の角が大きく潰れていて、配送中に破損したようです。緩衝材はほとんど入っていませんでした。',
    details: { wantedOutcome: 'REPLACEMENT', opened: true, reason: '配送中の破損（外箱の潰れ）' },
    openedHoursAgo: 110,
    conversation: [
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 1, body: 'この度は大変申し訳ございません。お手数ですが、割れた湯呑みと外箱の写真をお送りいただけますでしょうか。' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 3, body: '写真を3枚添付しました。' },
      { authorRole: AuthorRole.AGENT, visibility: INTERNAL, hoursAfterOpen: 4, body: '写真で外箱の破損を確認。出品者に交換品の発送を依頼、費用は運送会社に求償。' },
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 5, body: '写真を確認しました。交換品を出品者から明日発送いたします。割れた商品は返送不要です。' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 50, body: '交換品が届きました。今度はしっかり梱包されていました。' },
    ],
    finalStatus: TicketStatus.SOLVED, resolution: TicketResolution.REPLACEMENT,
    expectedCategory: TicketCategory.DAMAGED_IN_TRANSIT, expectedOwner: OwnerParty.PLATFORM, expectedRule: 'damaged',
  },
  {
    key: 'ticket-damaged-jars', customerKey: 'customer-patel', orderKey: 'order-014', channel: TicketChannel.EMAIL,
    subject: 'Glass jars arrived broken',
    body: 'Our two glass jar sets arrived damaged. The outer box was crushed on one corner and three of the six jars are broken. We have kept the box and the packaging.',
    details: { wantedOutcome: 'REFUND', opened: true, reason: 'Crushed box, 3 of 6 jars broken' },
    openedHoursAgo: 12,
    conversation: [
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 2, body: 'We are sorry your jars arrived broken. Could you send us a photo of the broken jars and of the crushed box? We can then refund the broken jars or send replacements, whichever you prefer.' },
    ],
    finalStatus: TicketStatus.PENDING,
    expectedCategory: TicketCategory.DAMAGED_IN_TRANSIT, expectedOwner: OwnerParty.PLATFORM, expectedRule: 'damaged',
  },

  // ----- DEFECTIVE_ITEM -----
  {
    key: 'ticket-defective-earphones', customerKey: 'customer-tanaka', orderKey: 'order-015', channel: TicketChannel.APP,
    subject: 'ワイヤレスイヤホンの右側の電源が入りません',
    body: '届いたワイヤレスイヤホンを充電ケースに入れて一晩充電しましたが、右側だけ電源が入りません。左側は正常に使えます。初期不良だと思うので、新しいものと取り替えてほしいです。',
    details: { wantedOutcome: 'REPLACEMENT', opened: true, reason: '右側のイヤホンだけ電源が入らない' },
    openedHoursAgo: 90,
    conversation: [
      { authorRole: AuthorRole.SELLER, visibility: PUBLIC, hoursAfterOpen: 5, body: 'ガジェットベース東京でございます。ご不便をおかけして申し訳ございません。お手数ですが、充電ケースのボタンを15秒長押ししてリセットをお試しいただけますでしょうか。' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 8, body: 'リセットも試しましたが、やはり右側は電源が入りません。' },
      { authorRole: AuthorRole.SELLER, visibility: PUBLIC, hoursAfterOpen: 10, body: 'ご確認ありがとうございます。初期不良として新しい商品を本日発送いたします。不良品は同梱の着払い伝票でご返送くださいませ。' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 40, body: '新しいイヤホンが届き、両方とも問題なく使えています。ありがとうございました。' },
    ],
    finalStatus: TicketStatus.SOLVED, resolution: TicketResolution.REPLACEMENT,
    expectedCategory: TicketCategory.DEFECTIVE_ITEM, expectedOwner: OwnerParty.SELLER, expectedRule: 'seller-fulfilled',
  },
  {
    key: 'ticket-defective-kettle', customerKey: 'customer-miller', orderKey: 'order-016', channel: TicketChannel.CHAT,
    subject: 'Electric kettle does not work',
    body: 'The electric kettle I received does not work. The power light comes on, but the water never heats up, even after ten minutes. I think it is defective. Can I get a replacement?',
    details: { wantedOutcome: 'REPLACEMENT', opened: true, reason: 'Does not heat' },
    openedHoursAgo: 150,
    conversation: [
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 0.2, body: "I'm sorry about that. I've e-mailed you a prepaid return label. As soon as the kettle is scanned at drop-off, we will ship a replacement." },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 0.5, body: 'Got the label, thanks.' },
    ],
    finalStatus: TicketStatus.SOLVED, resolution: TicketResolution.RETURN_LABEL,
    expectedCategory: TicketCategory.DEFECTIVE_ITEM, expectedOwner: OwnerParty.PLATFORM, expectedRule: 'platform-fulfilled',
  },
  {
    key: 'ticket-defective-battery-ko', customerKey: 'customer-kim', orderKey: 'order-017', channel: TicketChannel.APP,
    subject: '모바일 배터리 초기 불량 (전원이 켜지지 않음)',
    body: '안녕하세요. 며칠 전에 받은 모바일 배터리(10000mAh)가 하룻밤 충전해도 전원이 전혀 켜지지 않습니다. 케이블과 충전기를 바꿔 봐도 마찬가지입니다. 초기 불량인 것 같으니 교환 부탁드립니다.',
    category: TicketCategory.DEFECTIVE_ITEM,
    details: { wantedOutcome: 'REPLACEMENT', opened: true, reason: '전원이 켜지지 않음' },
    openedHoursAgo: 60,
    conversation: [
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 1, body: '불편을 드려 죄송합니다. 교환 상품을 오늘 발송하겠습니다. 불량 상품은 메일로 보내 드린 반품 라벨을 붙여 14일 이내에 보내 주세요.' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 2, body: '빠른 대응 감사합니다.' },
    ],
    finalStatus: TicketStatus.SOLVED, resolution: TicketResolution.REPLACEMENT,
    expectedCategory: TicketCategory.DEFECTIVE_ITEM, expectedOwner: OwnerParty.PLATFORM, expectedRule: 'platform-fulfilled',
  },

  // ----- NOT_AS_DESCRIBED -----
  {
    key: 'ticket-wrong-color', customerKey: 'customer-yamamoto', orderKey: 'order-018', channel: TicketChannel.APP,
    subject: '届いたシャツの色が写真と違います',
    body: '商品ページの写真では濃いネイビーのリネンシャツでしたが、届いたものは明るい水色でした。タグには「ネイビー」と書かれています。写真と色が違うので、どうすればよいか教えてください。',
    openedHoursAgo: 55,
    conversation: [
      { authorRole: AuthorRole.SELLER, visibility: PUBLIC, hoursAfterOpen: 20, body: 'アーバンリネンでございます。ご期待に沿えず申し訳ございません。同じロットの在庫を確認しましたところ、撮影用サンプルと色味が異なる可能性がございます。お手数ですが、届いた商品を自然光の下で撮影した写真をお送りいただけますでしょうか。' },
    ],
    finalStatus: TicketStatus.PENDING,
    expectedCategory: TicketCategory.NOT_AS_DESCRIBED, expectedOwner: OwnerParty.SELLER, expectedRule: 'seller-fulfilled',
  },
  {
    key: 'ticket-wrong-size', customerKey: 'customer-smith', orderKey: 'order-019', channel: TicketChannel.EMAIL,
    subject: 'Down jacket is the wrong size',
    body: 'I ordered the down jacket in size M, but the one I received is labelled S and is clearly smaller than the size chart on the product page. It is not as described. I would like the size I ordered, please.',
    details: { wantedOutcome: 'REPLACEMENT', opened: true, reason: 'Received size S instead of M' },
    openedHoursAgo: 100,
    conversation: [
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 3, body: "Sorry for the mix-up. The jacket was packed in our warehouse, so we will take care of it. I've sent a prepaid return label to your e-mail; a size M will ship as soon as the return is scanned." },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 30, body: 'I dropped the parcel off at a Yamato counter this morning.' },
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 32, body: 'Thank you. The return is on its way, and a size M jacket has been reserved for you.' },
    ],
    finalStatus: TicketStatus.SOLVED, resolution: TicketResolution.RETURN_LABEL,
    expectedCategory: TicketCategory.NOT_AS_DESCRIBED, expectedOwner: OwnerParty.PLATFORM, expectedRule: 'platform-fulfilled',
  },

  // ----- MISSING_PARTS -----
  {
    key: 'ticket-missing-cables', customerKey: 'customer-nakamura', orderKey: 'order-020', channel: TicketChannel.EMAIL,
    subject: '充電器5台すべてに付属品のケーブルが入っていません',
    body: '社内用にUSB-C急速充電器を5台注文しましたが、どの箱にも付属品のUSB-Cケーブル（1m）が入っていません。至急、不足分を送ってください。',
    openedHoursAgo: 28,
    conversation: [
      { authorRole: AuthorRole.SELLER, visibility: PUBLIC, hoursAfterOpen: 4, body: 'ガジェットベース東京でございます。大変申し訳ございません。同梱漏れを確認いたしました。不足分のUSB-Cケーブル5本を本日発送いたします。' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 6, body: 'よろしくお願いします。' },
      { authorRole: AuthorRole.SELLER, visibility: PUBLIC, hoursAfterOpen: 7, body: 'ケーブルを発送いたしました。ポスト投函でのお届けとなります。追跡番号は 4301-5522-8890 です。' },
    ],
    finalStatus: TicketStatus.SOLVED, resolution: TicketResolution.RESHIPMENT,
    expectedCategory: TicketCategory.MISSING_PARTS, expectedOwner: OwnerParty.SELLER, expectedRule: 'seller-fulfilled',
  },
  {
    key: 'ticket-missing-parts-french-press', customerKey: 'customer-patel', orderKey: 'order-021', channel: TicketChannel.APP,
    subject: 'French press: missing parts',
    body: 'The French press arrived with missing parts: only the glass beaker and the lid were in the box, without the mesh filter and the plunger. The product page says the filter is included. Please send the missing parts.',
    openedHoursAgo: 44,
    conversation: [
      { authorRole: AuthorRole.AGENT, visibility: INTERNAL, hoursAfterOpen: 30, body: 'Seller has not answered yet. If there is no reply by the 48-hour mark the ticket escalates automatically; the missing parts can then be covered by the marketplace guarantee.' },
    ],
    expectedCategory: TicketCategory.MISSING_PARTS, expectedOwner: OwnerParty.SELLER, expectedRule: 'seller-fulfilled',
  },

  // ----- RETURN_REQUEST -----
  {
    key: 'ticket-return-gift', customerKey: 'customer-kobayashi', orderKey: 'order-022', channel: TicketChannel.EMAIL,
    subject: '未開封の商品を返品したいです',
    body: '母への贈り物として購入したカーディガンですが、母がすでに同じものを持っていたため、返品したいです。タグも付いたまま未開封です。返品の手順を教えてください。',
    details: { wantedOutcome: 'REFUND', opened: false, reason: '贈り物が不要になった' },
    openedHoursAgo: 80,
    conversation: [
      { authorRole: AuthorRole.SELLER, visibility: PUBLIC, hoursAfterOpen: 6, body: 'アーバンリネンでございます。ご連絡ありがとうございます。未開封品のため返品を承ります。返送用の伝票番号をメールでお送りしましたので、商品到着後3営業日以内に返金いたします。' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 30, body: '本日コンビニから発送しました。' },
    ],
    finalStatus: TicketStatus.SOLVED, resolution: TicketResolution.RETURN_LABEL,
    expectedCategory: TicketCategory.RETURN_REQUEST, expectedOwner: OwnerParty.SELLER, expectedRule: 'seller-fulfilled',
  },
  {
    key: 'ticket-return-exchange-skillet', customerKey: 'customer-miller', orderKey: 'order-023', channel: TicketChannel.EMAIL,
    subject: 'Return and exchange for a smaller skillet',
    body: "I'd like to return the 10-inch cast iron skillet and exchange it for the 8-inch one. It is unused and still in its original box. How do I send it back?",
    openedHoursAgo: 100,
    conversation: [
      { authorRole: AuthorRole.SELLER, visibility: PUBLIC, hoursAfterOpen: 20, body: "Hello from Pacific Import Store, and thank you for your message. We're happy to exchange it. The 8-inch skillet is ¥1,200 cheaper, so we will refund the difference. Could you confirm that the delivery address is the same as before?" },
    ],
    finalStatus: TicketStatus.PENDING,
    expectedCategory: TicketCategory.RETURN_REQUEST, expectedOwner: OwnerParty.SELLER, expectedRule: 'seller-fulfilled',
  },
  {
    key: 'ticket-return-rice-cooker-zh', customerKey: 'customer-wang', orderKey: 'order-024', channel: TicketChannel.CHAT,
    subject: '申请退货：电饭煲（未拆封）',
    body: '您好！我前几天收到了电饭煲，但家人已经送了我一台同款，所以想申请退货。商品还没有拆封，包装完好。请问退货的运费需要我自己承担吗？',
    category: TicketCategory.RETURN_REQUEST,
    details: { wantedOutcome: 'REFUND', opened: false, reason: '不再需要' },
    openedHoursAgo: 70,
    conversation: [
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 0.2, body: '您好，感谢您的联系。未拆封的商品可在收货后30天内免费退货。我们已通过邮件发送了退货标签，请打印后贴在包裹上，交给佐川急便即可。收到商品后，我们将在3个工作日内退款。' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 1, body: '收到了，谢谢！' },
    ],
    finalStatus: TicketStatus.SOLVED, resolution: TicketResolution.RETURN_LABEL,
    expectedCategory: TicketCategory.RETURN_REQUEST, expectedOwner: OwnerParty.PLATFORM, expectedRule: 'platform-fulfilled',
  },

  // ----- REFUND_NOT_RECEIVED -----
  {
    key: 'ticket-refund-overdue', customerKey: 'customer-suzuki', orderKey: 'order-025', channel: TicketChannel.EMAIL,
    subject: '返品した商品の返金がされていません',
    body: '2週間以上前にモバイルモニターの返品手続きをし、追跡では1週間以上前に出品者に届いています。それなのにまだ返金されていません。いつ返金されるのでしょうか。',
    openedHoursAgo: 20,
    conversation: [
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 1, body: 'ご不便をおかけして申し訳ございません。返品された商品が出品者に到着済みであることを確認しました。出品者に返金処理を催促しております。' },
      { authorRole: AuthorRole.AGENT, visibility: INTERNAL, hoursAfterOpen: 1.5, body: '出品者に確認中。48時間以内に返信なければ補償対応。' },
    ],
    expectedCategory: TicketCategory.REFUND_NOT_RECEIVED, expectedOwner: OwnerParty.PLATFORM, expectedRule: 'refund-overdue',
  },
  {
    key: 'ticket-refund-just-received', customerKey: 'customer-watanabe', orderKey: 'order-026', channel: TicketChannel.EMAIL,
    subject: '返品したタンブラーの返金について',
    body: '先週返品したタンブラーのセットについて、まだ返金されていません。追跡では昨日出品者に届いたようですが、返金はいつ頃になりますか。',
    openedHoursAgo: 5,
    conversation: [
      { authorRole: AuthorRole.SELLER, visibility: PUBLIC, hoursAfterOpen: 2, body: '燕三条キッチン工房でございます。返品商品は昨日確かに受け取りました。検品後、3営業日以内に返金手続きをいたしますので、今しばらくお待ちくださいませ。' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 3, body: '承知しました。よろしくお願いします。' },
    ],
    expectedCategory: TicketCategory.REFUND_NOT_RECEIVED, expectedOwner: OwnerParty.SELLER, expectedRule: 'seller-fulfilled',
  },
  {
    key: 'ticket-refund-card-statement', customerKey: 'customer-miller', orderKey: 'order-027', channel: TicketChannel.EMAIL,
    subject: 'Refund not received for the returned robot vacuum',
    body: 'I returned the robot vacuum over a week ago and the order page says the refund was issued, but the money has not come back to me. Refund not received yet. Can you check?',
    openedHoursAgo: 240,
    conversation: [
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 1, body: 'Thanks for checking with us. The refund of ¥29,800 was issued to your card two days ago. Card issuers usually take 3 to 10 business days to show it; if it has not appeared after that, please reply with a copy of your statement.' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 120, body: 'It showed up on my statement today. Thanks!' },
    ],
    finalStatus: TicketStatus.SOLVED, resolution: TicketResolution.INFORMATION,
    expectedCategory: TicketCategory.REFUND_NOT_RECEIVED, expectedOwner: OwnerParty.PLATFORM, expectedRule: 'platform-fulfilled',
  },

  // ----- CANCEL_ORDER -----
  {
    key: 'ticket-cancel-duplicate', customerKey: 'customer-sato', orderKey: 'order-028', channel: TicketChannel.CHAT,
    subject: '重複した注文をキャンセルしたい',
    body: '同じ宇治抹茶を誤って2回注文してしまいました。こちらの注文をキャンセルしたいです。もう一方の注文はそのままでお願いします。',
    openedHoursAgo: 10,
    conversation: [
      { authorRole: AuthorRole.SELLER, visibility: PUBLIC, hoursAfterOpen: 3, body: '茶房はなぶさでございます。ご連絡ありがとうございます。まだ発送準備前のため、キャンセルを承ります。本日中に手続きいたします。' },
    ],
    expectedCategory: TicketCategory.CANCEL_ORDER, expectedOwner: OwnerParty.SELLER, expectedRule: 'seller-fulfilled',
  },
  {
    key: 'ticket-cancel-copy-paper', customerKey: 'customer-patel', orderKey: 'order-029', channel: TicketChannel.EMAIL,
    subject: 'Please cancel my order',
    body: 'Please cancel this order. Our office manager already bought the same copy paper at a local shop this morning, so we no longer need it.',
    openedHoursAgo: 360,
    conversation: [
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 0.5, body: 'Done: the order was cancelled before it left our warehouse, and the charge of ¥8,760 has been refunded to your card.' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 1, body: 'Great, thank you.' },
    ],
    finalStatus: TicketStatus.CLOSED, resolution: TicketResolution.REFUND,
    expectedCategory: TicketCategory.CANCEL_ORDER, expectedOwner: OwnerParty.PLATFORM, expectedRule: 'platform-fulfilled',
  },

  // ----- CHANGE_ORDER -----
  {
    key: 'ticket-change-address-shipped', customerKey: 'customer-nakamura', orderKey: 'order-030', channel: TicketChannel.PHONE,
    subject: '発送済みの荷物の配送先を変更したい',
    body: '自宅宛てに注文した雪平鍋ですが、平日は不在なので、配送先を会社（さいたま市大宮区桜木町1-10-16 シーノ大宮8F）に変更したいです。すでに発送済みとなっていますが、お届け先の変更はできますか。',
    openedHoursAgo: 8,
    conversation: [
      { authorRole: AuthorRole.CARRIER, visibility: PUBLIC, hoursAfterOpen: 2, body: 'ヤマト運輸でございます。お荷物は現在輸送中のため、大宮営業所で転送手続きを承ります。明日の午前中に会社宛てでお届けいたします。' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 2.5, body: '助かります。受付に預けていただいて大丈夫です。' },
    ],
    expectedCategory: TicketCategory.CHANGE_ORDER, expectedOwner: OwnerParty.CARRIER, expectedRule: 'change-after-shipping',
  },
  {
    key: 'ticket-change-address-unshipped', customerKey: 'customer-smith', orderKey: 'order-031', channel: TicketChannel.APP,
    subject: 'Please change the delivery address before shipping',
    body: "I'd like to change the address on this order to my office: Minato Office Tower 13F, 1-2-3 Akasaka, Minato-ku, Tokyo 107-0052. It hasn't shipped yet, so I hope this is still possible.",
    openedHoursAgo: 3,
    conversation: [],
    expectedCategory: TicketCategory.CHANGE_ORDER, expectedOwner: OwnerParty.SELLER, expectedRule: 'seller-fulfilled',
  },

  // ----- PAYMENT_ISSUE -----
  {
    key: 'ticket-double-charge', customerKey: 'customer-takahashi', orderKey: 'order-032', channel: TicketChannel.CHAT,
    subject: '加湿器の代金が二重請求されています',
    body: '先日注文した加湿器の代金6,980円が、クレジットカードの利用明細に2回計上されています。注文は1回しかしていません。二重請求ではないでしょうか。',
    details: { paymentMethod: 'CREDIT_CARD', chargeDate: '2026-11-16', amount: 6980, doubleCharge: true },
    openedHoursAgo: 36,
    conversation: [
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 0.1, body: 'ご確認ありがとうございます。決済記録を確認したところ、1件は注文時の与信確保（仮売上）で、数日以内にカード会社側で自動的に取り消されます。実際の請求は1回のみです。' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 0.3, body: 'そうなんですね。数日待ってみます。' },
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 0.4, body: '1週間経っても明細から消えない場合は、このチャットにご返信ください。' },
    ],
    finalStatus: TicketStatus.SOLVED, resolution: TicketResolution.INFORMATION,
    expectedCategory: TicketCategory.PAYMENT_ISSUE, expectedOwner: OwnerParty.PLATFORM, expectedRule: 'platform-services',
  },
  {
    key: 'ticket-konbini-payment', customerKey: 'customer-ito', orderKey: 'order-033', channel: TicketChannel.APP,
    subject: 'コンビニで支払ったのに決済が反映されていません',
    body: '昨日、コンビニで注文代金2,174円を支払いましたが、注文が「支払い待ち」のままで、決済が反映されていません。レシートは手元にあります。',
    details: { paymentMethod: 'CONVENIENCE_STORE', chargeDate: '2026-11-21', amount: 2174, doubleCharge: false },
    openedHoursAgo: 22,
    conversation: [
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 3, body: 'ご不便をおかけしております。コンビニ決済の入金情報を確認しますので、レシートに記載の受付番号をお知らせいただけますでしょうか。' },
    ],
    finalStatus: TicketStatus.PENDING,
    expectedCategory: TicketCategory.PAYMENT_ISSUE, expectedOwner: OwnerParty.PLATFORM, expectedRule: 'platform-services',
  },

  // ----- ACCOUNT_ACCESS -----
  {
    key: 'ticket-login-sms', customerKey: 'customer-kobayashi', orderKey: null, channel: TicketChannel.PHONE,
    subject: '機種変更後にログインできません',
    body: 'スマートフォンを機種変更したところ、二段階認証のSMSコードが受信できず、ログインできません。電話番号は以前と同じです。',
    details: { canSignIn: false, secondFactor: true, recentChanges: '機種変更（電話番号は変更なし）' },
    openedHoursAgo: 14,
    conversation: [
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 1, body: 'ご本人確認のため、ご登録のメールアドレス宛てに確認リンクをお送りしました。リンクを開いた後、二段階認証の再設定を行ってください。' },
    ],
    finalStatus: TicketStatus.PENDING,
    expectedCategory: TicketCategory.ACCOUNT_ACCESS, expectedOwner: OwnerParty.PLATFORM, expectedRule: 'platform-services',
  },
  {
    key: 'ticket-login-locked', customerKey: 'customer-miller', orderKey: null, channel: TicketChannel.CHAT,
    subject: 'Cannot log in after resetting my password',
    body: 'I cannot log in to my account. I reset my password twice today, but the sign-in page still says the password is incorrect.',
    openedHoursAgo: 120,
    conversation: [
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 0.1, body: "Sorry about that. Your account was temporarily locked after several failed attempts. I've unlocked it, so please try your new password again." },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 0.3, body: "That worked, I'm in. Thanks!" },
    ],
    finalStatus: TicketStatus.SOLVED, resolution: TicketResolution.INFORMATION,
    expectedCategory: TicketCategory.ACCOUNT_ACCESS, expectedOwner: OwnerParty.PLATFORM, expectedRule: 'platform-services',
  },

  // ----- FRAUD_PHISHING -----
  {
    key: 'ticket-phishing-mail', customerKey: 'customer-ito', orderKey: null, channel: TicketChannel.EMAIL,
    subject: '不審なメールのリンク先でカード番号を入力してしまいました',
    body: 'このサイトを名乗る不審なメールが来て、リンク先のページでクレジットカード番号を入力してしまいました。アカウントが乗っ取られていないか心配です。',
    openedHoursAgo: 170,
    conversation: [
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 0.5, body: 'ご連絡ありがとうございます。そのメールは当社から送ったものではありません。すぐにカード会社へ連絡してカードの利用停止をご依頼ください。また、念のためパスワードを変更し、二段階認証を有効にしてください。' },
      { authorRole: AuthorRole.AGENT, visibility: INTERNAL, hoursAfterOpen: 1, body: 'ログイン履歴と注文履歴を確認。不審なログイン・不正注文ともになし。フィッシングサイトのURLはセキュリティチームに共有済み。' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 3, body: 'カードを止めて、パスワードも変更しました。' },
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 3.5, body: 'ご対応ありがとうございます。お客様のアカウントに不審なログインや注文はありませんでした。' },
    ],
    finalStatus: TicketStatus.SOLVED, resolution: TicketResolution.INFORMATION,
    expectedCategory: TicketCategory.FRAUD_PHISHING, expectedOwner: OwnerParty.PLATFORM, expectedRule: 'platform-services',
  },
  {
    key: 'ticket-phishing-sms', customerKey: 'customer-smith', orderKey: null, channel: TicketChannel.SOCIAL,
    subject: 'Phishing text message pretending to be you',
    body: "I got a text message that looks like phishing: it says my account will be suspended and asks me to verify my card details on a strange link. I didn't click it. Just letting you know.",
    openedHoursAgo: 4,
    conversation: [
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 0.5, body: 'Thank you for reporting it, and well done for not clicking. We never ask for card details by text message. We have reported the link so that it can be taken down.' },
    ],
    finalStatus: TicketStatus.SOLVED, resolution: TicketResolution.NO_ACTION,
    expectedCategory: TicketCategory.FRAUD_PHISHING, expectedOwner: OwnerParty.PLATFORM, expectedRule: 'platform-services',
  },

  // ----- MEMBERSHIP -----
  {
    key: 'ticket-prime-renewal', customerKey: 'customer-yamamoto', orderKey: null, channel: TicketChannel.EMAIL,
    subject: 'プライム会員の自動更新について',
    body: 'プライム会員の年会費が自動更新で引き落とされていました。今年はほとんど利用していないので、更新せずに解約したいです。今回の会費はどうなりますか。',
    openedHoursAgo: 380,
    conversation: [
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 2, body: 'ご連絡ありがとうございます。更新後に会員特典のご利用がありませんでしたので、プライム会員を解約し、年会費5,900円を全額返金いたしました。' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 5, body: 'ありがとうございました。' },
    ],
    finalStatus: TicketStatus.CLOSED, resolution: TicketResolution.REFUND,
    expectedCategory: TicketCategory.MEMBERSHIP, expectedOwner: OwnerParty.PLATFORM, expectedRule: 'platform-services',
  },

  // ----- DIGITAL_SERVICE -----
  {
    key: 'ticket-ebook-download', customerKey: 'customer-suzuki', orderKey: null, channel: TicketChannel.APP,
    subject: '購入した電子書籍がダウンロードできません',
    body: '昨日購入した電子書籍が、スマホのアプリでダウンロードできません。途中で「エラーが発生しました」と表示されて止まります。他の本は問題なく読めます。',
    details: { model: 'Pixel 8', osVersion: 'Android 15', appVersion: '5.12.0', stepsToReproduce: 'ライブラリで該当の本をタップ → ダウンロード開始 → 40%でエラー' },
    openedHoursAgo: 16,
    conversation: [
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 1, body: 'ご不便をおかけしております。お手数ですが、アプリの「設定」から「キャッシュを削除」を行った後、もう一度ダウンロードをお試しください。' },
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 2, body: 'キャッシュを削除したらダウンロードできました。' },
    ],
    finalStatus: TicketStatus.SOLVED, resolution: TicketResolution.INFORMATION,
    expectedCategory: TicketCategory.DIGITAL_SERVICE, expectedOwner: OwnerParty.PLATFORM, expectedRule: 'platform-services',
  },

  // ----- OTHER -----
  {
    key: 'ticket-gift-noshi', customerKey: 'customer-sato', orderKey: 'order-040', channel: TicketChannel.CHAT,
    subject: 'のし紙をお願いできますか',
    body: 'お歳暮として義父に贈るため、宇治抹茶を購入しました。「御歳暮」ののし紙と、佐藤の名入れをお願いできますか。',
    category: TicketCategory.OTHER,
    openedHoursAgo: 4,
    conversation: [
      { authorRole: AuthorRole.SELLER, visibility: PUBLIC, hoursAfterOpen: 1, body: '茶房はなぶさでございます。承知いたしました。「御歳暮」ののし紙に「佐藤」と名入れしてお包みいたします。' },
    ],
    finalStatus: TicketStatus.SOLVED, resolution: TicketResolution.INFORMATION,
    expectedCategory: TicketCategory.OTHER, expectedOwner: OwnerParty.SELLER, expectedRule: 'seller-fulfilled',
  },
  {
    key: 'ticket-review-edit', customerKey: 'customer-nakamura', orderKey: null, channel: TicketChannel.EMAIL,
    subject: '投稿済みのレビューについて',
    body: '先月購入した商品にレビューを投稿しましたが、誤字がありました。投稿した後でもレビューを書き直すことはできますか。',
    openedHoursAgo: 30,
    conversation: [
      { authorRole: AuthorRole.AGENT, visibility: PUBLIC, hoursAfterOpen: 2, body: 'ご連絡ありがとうございます。マイページの「レビュー」から、投稿済みのレビューをいつでも編集できます。' },
    ],
    finalStatus: TicketStatus.SOLVED, resolution: TicketResolution.INFORMATION,
    expectedCategory: TicketCategory.OTHER, expectedOwner: OwnerParty.PLATFORM, expectedRule: 'no-order',
  },
  // ----- Live at load time: the SLA examples of docs/sla.md and every platform queue have something to show -----
  // Times are relative to the load, on ALWAYS calendars, so they hold at any hour: due within the hour (an urgent
  // platform chat and a seller's first reply), breached and escalated (a seller silent for 48 h), in triage.
  {
    key: 'ticket-phishing-just-now', customerKey: 'customer-suzuki', orderKey: null, channel: TicketChannel.CHAT,
    subject: '不審なSMSのリンクを開いてしまいました',
    body: '「お荷物の配達に失敗しました」というSMSが届き、リンクを開いてログイン画面にIDとパスワードを入力してしまいました。偽サイトだったと思います。どうすればよいですか。',
    category: TicketCategory.FRAUD_PHISHING,
    openedHoursAgo: 0.25,
    conversation: [],
    expectedCategory: TicketCategory.FRAUD_PHISHING, expectedOwner: OwnerParty.PLATFORM, expectedRule: 'platform-services',
  },
  {
    key: 'ticket-knife-chipped', customerKey: 'customer-nakamura', orderKey: 'order-042', channel: TicketChannel.APP,
    subject: '三徳包丁の刃が欠けていました',
    body: '昨日届いた三徳包丁を箱から出したところ、刃先が少し欠けていました。まだ一度も使っていません。交換していただけますか。',
    category: TicketCategory.DEFECTIVE_ITEM,
    details: { wantedOutcome: 'REPLACEMENT', opened: true, reason: '刃先が欠けている' },
    openedHoursAgo: 23.5,
    conversation: [],
    expectedCategory: TicketCategory.DEFECTIVE_ITEM, expectedOwner: OwnerParty.SELLER, expectedRule: 'seller-fulfilled',
  },
  {
    key: 'ticket-maple-seller-silent', customerKey: 'customer-takahashi', orderKey: 'order-050', channel: TicketChannel.EMAIL,
    subject: 'メープルシロップの賞味期限が切れていました',
    body: '届いたメープルシロップの賞味期限が先月の日付になっていました。未開封です。期限内の商品と交換していただけますか。',
    category: TicketCategory.DEFECTIVE_ITEM,
    details: { wantedOutcome: 'REPLACEMENT', opened: false, reason: '賞味期限切れ' },
    openedHoursAgo: 52,
    conversation: [
      { authorRole: AuthorRole.CUSTOMER, visibility: PUBLIC, hoursAfterOpen: 30, body: 'その後いかがでしょうか。まだショップからご連絡をいただいていません。' },
    ],
    expectedCategory: TicketCategory.DEFECTIVE_ITEM, expectedOwner: OwnerParty.SELLER, expectedRule: 'seller-fulfilled',
  },
  {
    key: 'ticket-gift-wrap-question', customerKey: 'customer-miller', orderKey: null, channel: TicketChannel.EMAIL,
    subject: 'Gift wrapping for future orders',
    body: 'Hello, can I ask for gift wrapping on the orders I place? I could not find the option anywhere in the app.',
    openedHoursAgo: 2,
    conversation: [],
    expectedCategory: TicketCategory.OTHER, expectedOwner: OwnerParty.PLATFORM, expectedRule: 'no-order',
  },
];
