import 'reflect-metadata';
import { DataSource, QueryRunner } from 'typeorm';
import { sqlLiteral, sqlRandom, sqlRandomInt, sqlTextArray, sqlWeightedPick } from './sql-random';

// The benchmark data set, generated inside PostgreSQL with INSERT … SELECT over generate_series: no row crosses
// the wire, and every value is a seeded hash of its row's key (bench/sql-random.ts), so the same seed and scale
// give the same data on any server. Secondary indexes are dropped for the load and rebuilt from their own
// definitions afterwards (the migrations stay the only source of the schema); foreign-key triggers are
// bypassed when the role may (session_replication_role), since the generator writes consistent keys itself.

export interface GenerateDataOptions {
  tickets: number;
  seed: number;
  /** The instant the data describes: history lies before it, every due time at least SAFE_HORIZON after it. */
  now: Date;
  log: (message: string) => void;
}

export interface TopUpOptions {
  /** Open tickets wanted in total (NEW, OPEN, PENDING, ON_HOLD): the S4 "1,000,000 open tickets". */
  openTickets: number;
  seed: number;
  now: Date;
  log: (message: string) => void;
}

export interface DataSetSummary {
  sellers: number;
  carriers: number;
  customers: number;
  orders: number;
  orderItems: number;
  shipments: number;
  returns: number;
  tickets: number;
  openTickets: number;
  messages: number;
  ticketEvents: number;
  slaClocks: number;
  activeSlaClocks: number;
  /** Tickets with 60 messages (every 1,000th ticket), the subjects of the S2 ticket-detail scenario. */
  longConversationTickets: number;
  /** Seconds per generation step. */
  stepSeconds: Record<string, number>;
}

/** Every due and warning time is at least this far after `now`, so that nothing comes due during a run. */
export const SAFE_HORIZON_HOURS = 6;
/** Every `LONG_CONVERSATION_SPACING`-th ticket (id ≡ spacing/2) has a 60-message conversation: S2's subjects. */
export const LONG_CONVERSATION_SPACING = 1000;
export const LONG_CONVERSATION_MESSAGES = 60;
/** Messages per ticket on average, long conversations included (3,000,000 for 1,000,000 tickets). */
const MESSAGES_PER_TICKET = 3;
const CARRIER_COUNT = 8;

const BENCH_TABLES = [
  'sellers',
  'carriers',
  'customers',
  'orders',
  'order_items',
  'shipments',
  'returns',
  'tickets',
  'messages',
  'ticket_events',
  'sla_clocks',
  'ticket_deadlines',
  'ticket_escalations',
];

export function sellerCountFor(tickets: number): number {
  return Math.max(50, Math.min(1000, Math.round(tickets / 100)));
}

/** A ticket id that has a long conversation. */
export function isLongConversationTicket(ticketId: number): boolean {
  return ticketId % LONG_CONVERSATION_SPACING === LONG_CONVERSATION_SPACING / 2;
}

const PLATFORM_SERVICE_CATEGORIES = ['PAYMENT_ISSUE', 'ACCOUNT_ACCESS', 'FRAUD_PHISHING', 'MEMBERSHIP', 'DIGITAL_SERVICE'];

// Share of contacts per category (weights), roughly a marketplace's mix: delivery problems lead.
const CATEGORY_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['ITEM_NOT_RECEIVED', 14],
  ['DELIVERY_DELAYED', 10],
  ['MISDELIVERED', 3],
  ['DAMAGED_IN_TRANSIT', 4],
  ['DEFECTIVE_ITEM', 9],
  ['NOT_AS_DESCRIBED', 6],
  ['MISSING_PARTS', 3],
  ['RETURN_REQUEST', 10],
  ['REFUND_NOT_RECEIVED', 6],
  ['CANCEL_ORDER', 6],
  ['CHANGE_ORDER', 4],
  ['PAYMENT_ISSUE', 8],
  ['ACCOUNT_ACCESS', 5],
  ['FRAUD_PHISHING', 2],
  ['MEMBERSHIP', 4],
  ['DIGITAL_SERVICE', 3],
  ['OTHER', 3],
];

const SUBJECTS: Record<string, readonly [ja: string, en: string]> = {
  ITEM_NOT_RECEIVED: ['商品が届きません', 'Item not received'],
  DELIVERY_DELAYED: ['配達が遅れています', 'Delivery is late'],
  MISDELIVERED: ['別の住所に配達されました', 'Delivered to the wrong address'],
  DAMAGED_IN_TRANSIT: ['配送中に破損していました', 'Damaged in transit'],
  DEFECTIVE_ITEM: ['商品が動きません（初期不良）', 'The item does not work'],
  NOT_AS_DESCRIBED: ['説明と違う商品が届きました', 'Not as described'],
  MISSING_PARTS: ['部品が足りません', 'Parts are missing'],
  RETURN_REQUEST: ['返品したいです', 'I want to return this'],
  REFUND_NOT_RECEIVED: ['返金がまだです', 'Refund not received'],
  CANCEL_ORDER: ['注文をキャンセルしたい', 'Please cancel my order'],
  CHANGE_ORDER: ['配達日時を変更したい', 'Change delivery date'],
  PAYMENT_ISSUE: ['二重請求されています', 'Charged twice'],
  ACCOUNT_ACCESS: ['ログインできません', 'Cannot sign in'],
  FRAUD_PHISHING: ['不審なメールが届きました', 'Suspicious e-mail received'],
  MEMBERSHIP: ['会員の更新について', 'About my membership renewal'],
  DIGITAL_SERVICE: ['動画が再生できません', 'Videos do not play'],
  OTHER: ['その他のお問い合わせ', 'Other question'],
};

const CUSTOMER_SENTENCES: Record<string, readonly string[]> = {
  ja: [
    '注文した商品がまだ届きません。',
    '配送状況を確認していただけますか。',
    '置き配指定でしたが玄関に見当たりませんでした。',
    '箱が潰れていて中身が破損していました。',
    '説明と違う色の商品が届きました。',
    '返品の手続き方法を教えてください。',
    '返金がまだ口座に反映されていません。',
    '二重に請求されているようです。',
    'お手数をおかけしますが、ご確認ください。',
    '近所の方にも確認しましたが見つかりません。',
    '交換品を送っていただけますか。',
    'よろしくお願いいたします。',
  ],
  en: [
    'My order has not arrived yet.',
    'Could you check the tracking status?',
    'The parcel was marked as delivered but it is not at my door.',
    'The box was crushed and the item is broken.',
    'The colour is different from the listing.',
    'How do I return this item?',
    'The refund has not reached my account.',
    'I was charged twice for this order.',
    'Please let me know what happens next.',
    'I checked with my neighbours already.',
    'Can you send a replacement?',
    'Thank you for your help.',
  ],
  zh: ['我的订单还没有到。', '请帮我查一下物流状态。', '商品在运输中损坏了。', '我想退货。', '退款还没有到账。', '谢谢。'],
  ko: [
    '주문한 상품이 아직 도착하지 않았습니다.',
    '배송 상태를 확인해 주세요.',
    '상자가 파손되어 있었습니다.',
    '반품하고 싶습니다.',
    '환불이 아직 되지 않았습니다.',
    '감사합니다.',
  ],
};

const OWNER_SENTENCES: Record<string, readonly string[]> = {
  ja: [
    'ご連絡ありがとうございます。確認いたします。',
    '配送業者に調査を依頼しました。',
    '返金手続きを開始いたしました。',
    '交換品を本日発送いたします。',
    'ご不便をおかけして申し訳ございません。',
    '追跡番号をご確認ください。',
  ],
  en: [
    'Thank you for contacting us. We are looking into it.',
    'We have asked the carrier to investigate.',
    'We have started your refund.',
    'A replacement ships today.',
    'We are sorry for the trouble.',
    'Please check the tracking number.',
  ],
};

const SELLER_PREFIXES = ['さくら', 'ひかり', 'Tokyo', 'Osaka', 'Nihon', 'Kyoto', 'みどり', 'Fuji', 'Hokkaido', 'Kobe', 'あおば', 'Nagoya'];
const SELLER_SUFFIXES = ['Store', '商店', 'Outlet', 'Shop', 'マーケット', 'Trading', '堂', 'Select'];
const FAMILY_NAMES = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', 'Smith', 'Kim', 'Wang', 'Garcia'];
const GIVEN_NAMES = ['陽翔', '結衣', '蓮', '葵', '湊', 'さくら', '大和', '美咲', 'Alex', 'Min-jun', 'Li', 'Emma'];
const REGIONS = ['東京都', '大阪府', '神奈川県', '愛知県', '北海道', '福岡県', '京都府', '兵庫県', '埼玉県', '千葉県'];
const CARRIERS: ReadonlyArray<readonly [code: string, name: string, template: string]> = [
  ['yamato', 'ヤマト運輸', 'https://track.example/yamato/{trackingNumber}'],
  ['sagawa', '佐川急便', 'https://track.example/sagawa/{trackingNumber}'],
  ['japanpost', '日本郵便', 'https://track.example/japanpost/{trackingNumber}'],
  ['seino', '西濃運輸', 'https://track.example/seino/{trackingNumber}'],
  ['fukuyama', '福山通運', 'https://track.example/fukuyama/{trackingNumber}'],
  ['platform-delivery', 'Platform Delivery', 'https://track.example/platform/{trackingNumber}'],
  ['ecohai', 'エコ配', 'https://track.example/ecohai/{trackingNumber}'],
  ['ups-jp', 'UPS Japan', 'https://track.example/ups/{trackingNumber}'],
];

// Rows of the statements below, as pg returns them (the counts cast to int, so numbers).

/** What a top-up continues from. */
interface TopUpBaselineRow {
  open: number;
  maximum: number;
  customers: number;
  orders: number;
}

/** The row counts of a generated data set (summarise). */
interface DataSetCountsRow {
  sellers: number;
  carriers: number;
  customers: number;
  orders: number;
  order_items: number;
  shipments: number;
  returns: number;
  tickets: number;
  open_tickets: number;
  messages: number;
  ticket_events: number;
  sla_clocks: number;
  active_sla_clocks: number;
  long_conversations: number;
}

interface IndexDefinition {
  name: string;
  definition: string;
}

/** `n` sentences drawn from a language's list, joined (an SQL expression). */
function sentencesSql(
  seed: number,
  key: string,
  saltBase: number,
  language: string,
  lists: Record<string, readonly string[]>,
  count: number,
): string {
  const byLanguage = (list: readonly string[], salt: number) =>
    `(${sqlTextArray(list)})[1 + ${sqlRandomInt(seed, key, salt, list.length)}]`;
  const parts: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const branches = Object.entries(lists)
      .filter(([lang]) => lang !== 'en')
      .map(([lang, list]) => `WHEN ${sqlLiteral(lang)} THEN ${byLanguage(list, saltBase + index)}`);
    parts.push(`(CASE ${language} ${branches.join(' ')} ELSE ${byLanguage(lists.en, saltBase + index)} END)`);
  }
  return parts.join(` || ' ' || `);
}

/** base64url("Message:<id>") without padding, exactly as src/domain/global-id.ts makes it. */
function globalIdSql(typeName: string, idExpression: string): string {
  return `rtrim(translate(encode(convert_to('${typeName}:' || (${idExpression})::text, 'UTF8'), 'base64'), '+/', '-_'), '=')`;
}

async function timed(
  steps: Record<string, number>,
  name: string,
  log: (message: string) => void,
  work: () => Promise<unknown>,
): Promise<void> {
  const started = performance.now();
  await work();
  steps[name] = Number(((performance.now() - started) / 1000).toFixed(2));
  log(`  ${name}: ${steps[name]} s`);
}

async function prepareSession(runner: QueryRunner, log: (message: string) => void): Promise<void> {
  await runner.query(`SET work_mem = '256MB'`);
  await runner.query(`SET maintenance_work_mem = '1GB'`);
  await runner.query(`SET synchronous_commit = off`);
  try {
    // Skips the per-row foreign-key checks (triggers); needs a superuser, which embedded PostgreSQL is.
    await runner.query(`SET session_replication_role = replica`);
  } catch {
    log('  (not a superuser: foreign keys are checked row by row, the load is slower)');
  }
}

async function dropSecondaryIndexes(runner: QueryRunner): Promise<IndexDefinition[]> {
  // Indexes that back no constraint (primary keys and UNIQUE constraints stay, and keep their guarantees).
  const indexes = await runner.manager.query<IndexDefinition[]>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = current_schema() AND t.relname = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
     ORDER BY t.relname, i.indexrelid`,
    [BENCH_TABLES],
  );
  for (const index of indexes) await runner.query(`DROP INDEX ${index.name}`);
  return indexes;
}

async function recreateIndexes(runner: QueryRunner, indexes: IndexDefinition[]): Promise<void> {
  // A partitioned table's index is defined `ON ONLY` the parent (its partitions' indexes are attached one by
  // one); built again without ONLY, it cascades to every partition.
  for (const index of indexes) await runner.query(index.definition.replace(' ON ONLY ', ' ON '));
}

async function resetIdentities(runner: QueryRunner): Promise<void> {
  for (const table of ['sellers', 'carriers', 'customers', 'orders', 'shipments', 'tickets']) {
    await runner.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
  }
  // Generated tickets carry their number (T- and the id): the live sequence continues after them.
  await runner.query(
    `SELECT setval('ticket_number_seq', greatest((SELECT max(id) FROM tickets), (SELECT last_value FROM ticket_number_seq)))`,
  );
}

async function vacuumAnalyze(runner: QueryRunner): Promise<void> {
  // Fresh rows are all-visible only after a vacuum (index-only scans), and the planner needs statistics: what a
  // production database that autovacuum keeps up with looks like.
  await runner.query(`RESET session_replication_role`).catch(() => undefined);
  for (const table of BENCH_TABLES) await runner.query(`VACUUM (ANALYZE) ${table}`);
  await runner.query('CHECKPOINT').catch(() => undefined);
}

/** Generates the full data set into an empty, migrated database. */
export async function generateData(dataSource: DataSource, options: GenerateDataOptions): Promise<DataSetSummary> {
  const { seed, log } = options;
  const ticketCount = options.tickets;
  const sellerCount = sellerCountFor(ticketCount);
  const customerCount = Math.max(1000, Math.round(ticketCount / 2));
  const orderCount = ticketCount;
  const now = options.now.toISOString();
  const steps: Record<string, number> = {};
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [{ tickets: existing }] = await runner.manager.query<Array<{ tickets: number }>>(`SELECT count(*)::int AS tickets FROM tickets`);
    if (existing > 0) throw new Error('generateData needs an empty, migrated database');
    await prepareSession(runner, log);
    const indexes = await dropSecondaryIndexes(runner);
    log(`generating ${ticketCount} tickets (seed ${seed}, ${sellerCount} sellers, ${customerCount} customers, ${orderCount} orders)`);
    const random = (key: string, salt: number) => sqlRandom(seed, key, salt);
    const randomInt = (key: string, salt: number, n: string | number) => sqlRandomInt(seed, key, salt, n);
    const pick = (list: readonly string[], key: string, salt: number) =>
      `(${sqlTextArray(list)})[1 + ${randomInt(key, salt, list.length)}]`;

    await timed(steps, 'reference data', log, async () => {
      await runner.query(
        `INSERT INTO carriers (id, code, name, tracking_url_template, created_at) OVERRIDING SYSTEM VALUE
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])`,
        [
          CARRIERS.slice(0, CARRIER_COUNT).map((_, index) => index + 1),
          CARRIERS.map(([code]) => code),
          CARRIERS.map(([, name]) => name),
          CARRIERS.map(([, , template]) => template),
          CARRIERS.map(() => new Date(options.now.getTime() - 400 * 86_400_000)),
        ],
      );
      await runner.query(
        `INSERT INTO sellers (id, external_id, name, contact_email, contact_phone, support_languages, created_at) OVERRIDING SYSTEM VALUE
         SELECT i, 'seller-' || i, ${pick(SELLER_PREFIXES, 'i', 1)} || ' ' || ${pick(SELLER_SUFFIXES, 'i', 2)} || ' ' || i,
           'support+' || i || '@seller.example', '03-' || lpad((${randomInt('i', 3, 10000)})::text, 4, '0') || '-' || lpad((i % 10000)::text, 4, '0'),
           CASE WHEN ${random('i', 4)} < 0.8 THEN '{ja}'::text[] WHEN ${random('i', 4)} < 0.95 THEN '{ja,en}'::text[] ELSE '{ja,en,zh}'::text[] END,
           $1::timestamptz - make_interval(days => 30 + ${randomInt('i', 5, 700)}::int)
         FROM generate_series(1, ${sellerCount}) AS g(i)`,
        [now],
      );
      await runner.query(
        `INSERT INTO customers (id, external_id, name, email, phone, preferred_language, tier, created_at) OVERRIDING SYSTEM VALUE
         SELECT i, 'customer-' || i, ${pick(FAMILY_NAMES, 'i', 11)} || ' ' || ${pick(GIVEN_NAMES, 'i', 12)},
           'customer' || i || '@mail.example', CASE WHEN ${random('i', 13)} < 0.7 THEN '090-' || lpad((i % 10000)::text, 4, '0') || '-' || lpad(${randomInt('i', 14, 10000)}::text, 4, '0') END,
           ${sqlWeightedPick(random('i', 15), [
             ['ja', 85],
             ['en', 10],
             ['zh', 3],
             ['ko', 2],
           ])},
           ${sqlWeightedPick(random('i', 16), [
             ['STANDARD', 70],
             ['PRIME', 27],
             ['BUSINESS', 3],
           ])},
           $1::timestamptz - make_interval(days => 200 + ${randomInt('i', 17, 2000)}::int)
         FROM generate_series(1, ${customerCount}) AS g(i)`,
        [now],
      );
    });

    await timed(steps, 'orders, items, shipments, returns', log, async () => {
      // Fulfilment: 12 % platform retail (soldBy null), 23 % sellers' goods shipped by the platform, 65 % shipped
      // by the seller. Sellers are skewed (r^1.3): a few large sellers, a long tail.
      await runner.query(
        `INSERT INTO orders (id, external_id, number, customer_id, sold_by_seller_id, fulfillment, status, total_amount, currency, payment_method,
           delivery_address, placed_at, promised_delivery_at, created_at, updated_at) OVERRIDING SYSTEM VALUE
         SELECT i, 'ord-' || i, '503-' || lpad(((i::bigint * 7919) % 10000000)::text, 7, '0') || '-' || lpad(i::text, 7, '0'),
           1 + ${randomInt('i', 21, customerCount)},
           CASE WHEN r_fulfil < 0.12 THEN NULL ELSE 1 + floor(${sellerCount} * power(${random('i', 22)}, 1.3))::bigint END,
           CASE WHEN r_fulfil < 0.35 THEN 'PLATFORM' ELSE 'SELLER' END,
           ${sqlWeightedPick('r_status', [
             ['PENDING', 2],
             ['UNSHIPPED', 8],
             ['SHIPPED', 25],
             ['DELIVERED', 55],
             ['CANCELLED', 5],
             ['RETURNED', 5],
           ])},
           round((500 + power(${random('i', 23)}, 2) * 50000)::numeric, 0), 'JPY',
           ${sqlWeightedPick(random('i', 24), [
             ['CREDIT_CARD', 60],
             ['CONVENIENCE_STORE', 12],
             ['CASH_ON_DELIVERY', 8],
             ['BANK_TRANSFER', 5],
             ['GIFT_CARD', 10],
             ['CARRIER_BILLING', 5],
           ])},
           jsonb_build_object('postalCode', lpad(${randomInt('i', 25, 1000)}::text, 3, '0') || '-' || lpad(${randomInt('i', 26, 10000)}::text, 4, '0'),
             'region', ${pick(REGIONS, 'i', 27)}, 'line', '1-' || (1 + ${randomInt('i', 28, 30)}) || '-' || (1 + ${randomInt('i', 29, 20)}) || ' 市区町村', 'recipient', 'Customer ' || i),
           placed, placed + interval '3 days', placed, placed + interval '1 day'
         FROM generate_series(1, ${orderCount}) AS g(i),
           LATERAL (SELECT ${random('i', 30)} AS r_fulfil, ${random('i', 31)} AS r_status,
             $1::timestamptz - make_interval(secs => 3600 * 24 * 200 * ${random('i', 32)}) AS placed) d`,
        [now],
      );
      await runner.query(
        `INSERT INTO order_items (order_id, position, sku, title, quantity, unit_price)
         SELECT o.id, p, 'SKU-' || lpad((${randomInt('o.id * 8 + p', 41, 200000)})::text, 6, '0'), 'Item ' || (${randomInt('o.id * 8 + p', 42, 200000)}),
           1 + (${randomInt('o.id * 8 + p', 43, 10)} / 8)::int, round((o.total_amount / (1 + ${randomInt('o.id', 44, 3)}))::numeric, 0)
         FROM orders o CROSS JOIN LATERAL generate_series(1, 1 + ${randomInt('o.id', 44, 3)}::int) AS p`,
      );
      // The primary shipment of an order has the order's id (tickets find it without an index); 5 % of shipped
      // orders have a second parcel with id orderCount + order id.
      const shipmentSelect = (idExpression: string, salt: number) => `
         SELECT ${idExpression}, 'shp-' || ${idExpression}, o.id, 1 + floor(${CARRIER_COUNT} * power(${random('o.id', salt)}, 1.6))::bigint,
           lpad((${randomInt('o.id', salt + 1, 1000000000000)})::text, 12, '0'),
           CASE o.status WHEN 'SHIPPED' THEN ${sqlWeightedPick(random('o.id', salt + 2), [
             ['IN_TRANSIT', 70],
             ['OUT_FOR_DELIVERY', 15],
             ['DELIVERY_FAILED', 8],
             ['LOST', 2],
             ['LABEL_CREATED', 5],
           ])}
             WHEN 'UNSHIPPED' THEN 'LABEL_CREATED' ELSE 'DELIVERED' END,
           CASE WHEN o.status IN ('DELIVERED', 'RETURNED') THEN ${sqlWeightedPick(random('o.id', salt + 3), [
             ['LEFT_AT_DOOR', 40],
             ['HAND_OVER', 40],
             ['LOCKER', 10],
             ['MAILBOX', 10],
           ])} END,
           CASE WHEN o.status <> 'UNSHIPPED' THEN o.placed_at + interval '1 day' END,
           CASE WHEN o.status IN ('DELIVERED', 'RETURNED') THEN o.placed_at + interval '2 days' END,
           o.placed_at + interval '12 hours', o.placed_at + interval '2 days'
         FROM orders o`;
      await runner.query(
        `INSERT INTO shipments (id, external_id, order_id, carrier_id, tracking_number, status, delivery_method, shipped_at, delivered_at, created_at, updated_at) OVERRIDING SYSTEM VALUE
         ${shipmentSelect('o.id', 51)} WHERE o.status IN ('SHIPPED', 'DELIVERED', 'RETURNED') OR (o.status = 'UNSHIPPED' AND ${random('o.id', 50)} < 0.5)`,
      );
      await runner.query(
        `INSERT INTO shipments (id, external_id, order_id, carrier_id, tracking_number, status, delivery_method, shipped_at, delivered_at, created_at, updated_at) OVERRIDING SYSTEM VALUE
         ${shipmentSelect(`${orderCount} + o.id`, 61)} WHERE o.status IN ('SHIPPED', 'DELIVERED') AND ${random('o.id', 60)} < 0.05`,
      );
      await runner.query(
        `INSERT INTO returns (external_id, order_id, status, reason, requested_at, received_at, refunded_at, created_at, updated_at)
         SELECT 'ret-' || o.id, o.id, st, 'Generated return', o.placed_at + interval '5 days',
           CASE WHEN st IN ('RECEIVED', 'REFUNDED') THEN o.placed_at + interval '8 days' END,
           CASE WHEN st = 'REFUNDED' THEN o.placed_at + interval '10 days' END,
           o.placed_at + interval '5 days', o.placed_at + interval '10 days'
         FROM orders o, LATERAL (SELECT ${sqlWeightedPick(random('o.id', 71), [
           ['REQUESTED', 20],
           ['IN_TRANSIT', 20],
           ['RECEIVED', 20],
           ['REFUNDED', 35],
           ['REJECTED', 5],
         ])} AS st) s
         WHERE o.status = 'RETURNED' OR (o.status = 'DELIVERED' AND ${random('o.id', 70)} < 0.03)`,
      );
    });

    await timed(steps, 'tickets', log, () =>
      insertTickets(runner, { seed, from: 1, to: ticketCount, orderCount, customerCount, now, openOnly: false }),
    );
    await timed(steps, 'sla clocks', log, () => insertClocks(runner, { seed, from: 1, to: ticketCount, now }));
    await timed(steps, 'messages', log, () => insertMessages(runner, { seed, ticketCount, now }));
    // The event log is partitioned by month (docs/events.md): every month of the history gets its partition
    // before the load, as the migration does for existing data, instead of everything landing in the default one.
    await runner.query(
      `SELECT create_ticket_event_partitions((SELECT min(created_at) FROM tickets), $1::timestamptz + interval '3 months')`,
      [now],
    );
    await timed(steps, 'ticket events', log, () => insertEvents(runner, { ticketCount }));
    await resetIdentities(runner);
    await timed(steps, 'indexes', log, () => recreateIndexes(runner, indexes));
    await timed(steps, 'vacuum analyze', log, () => vacuumAnalyze(runner));
    return { ...(await summarise(runner)), stepSeconds: steps };
  } finally {
    await runner.release();
  }
}

/**
 * Adds open tickets (with their SLA clocks, no conversation) until the database holds `openTickets` open ones:
 * the S4 population. Customers and orders are the existing ones.
 */
export async function topUpOpenTickets(dataSource: DataSource, options: TopUpOptions): Promise<DataSetSummary> {
  const { log } = options;
  const steps: Record<string, number> = {};
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [{ open, maximum, customers, orders }] = await runner.manager.query<TopUpBaselineRow[]>(
      `SELECT (SELECT count(*)::int FROM tickets WHERE status IN ('NEW', 'OPEN', 'PENDING', 'ON_HOLD')) AS open,
              (SELECT coalesce(max(id), 0)::int FROM tickets) AS maximum,
              (SELECT count(*)::int FROM customers) AS customers, (SELECT count(*)::int FROM orders) AS orders`,
    );
    const missing = options.openTickets - open;
    if (missing > 0) {
      log(`adding ${missing} open tickets (S4 wants ${options.openTickets}, there are ${open})`);
      await prepareSession(runner, log);
      const indexes = await dropSecondaryIndexes(runner);
      const now = options.now.toISOString();
      // Ids continue after the current maximum; the hash keys differ from the first generation's, so do the values.
      await timed(steps, 'open tickets', log, () =>
        insertTickets(runner, {
          seed: options.seed,
          from: maximum + 1,
          to: maximum + missing,
          orderCount: orders,
          customerCount: customers,
          now,
          openOnly: true,
        }),
      );
      await timed(steps, 'sla clocks', log, () =>
        insertClocks(runner, { seed: options.seed, from: maximum + 1, to: maximum + missing, now }),
      );
      await resetIdentities(runner);
      await timed(steps, 'indexes', log, () => recreateIndexes(runner, indexes));
      await timed(steps, 'vacuum analyze', log, () => vacuumAnalyze(runner));
    }
    return { ...(await summarise(runner)), stepSeconds: steps };
  } finally {
    await runner.release();
  }
}

async function insertTickets(
  runner: QueryRunner,
  spec: { seed: number; from: number; to: number; orderCount: number; customerCount: number; now: string; openOnly: boolean },
): Promise<void> {
  const { seed } = spec;
  const random = (key: string, salt: number) => sqlRandom(seed, key, salt);
  const platformCategories = PLATFORM_SERVICE_CATEGORIES.map(sqlLiteral).join(', ');
  const statusPick = spec.openOnly
    ? sqlWeightedPick('d.r_status', [
        ['NEW', 30],
        ['OPEN', 50],
        ['PENDING', 13],
        ['ON_HOLD', 7],
      ])
    : sqlWeightedPick('d.r_status', [
        ['NEW', 15],
        ['OPEN', 30],
        ['PENDING', 8],
        ['ON_HOLD', 4],
        ['SOLVED', 18],
        ['CLOSED', 25],
      ]);
  const subjectCase = Object.entries(SUBJECTS)
    .map(
      ([category, [ja, en]]) =>
        `WHEN ${sqlLiteral(category)} THEN CASE WHEN x.language = 'ja' THEN ${sqlLiteral(ja)} ELSE ${sqlLiteral(en)} END`,
    )
    .join(' ');
  // Layer 1 (d): the draws. Layer 2 (x): category, status and the order, from the draws. Layer 3: joins with the
  // order, its primary shipment and the customer, routing as the default routing table would decide.
  await runner.query(
    `INSERT INTO tickets (id, number, subject, category, classification_confidence, channel, language, priority, status, owner_party,
       customer_id, order_id, shipment_id, seller_id, carrier_id, involved_carrier_ids, routing_rule_id, routing_rule_version, routing_reason,
       routed_at, details, missing_details, resolution, satisfaction_score, rated_at, created_by, first_responded_at, solved_at, closed_at,
       last_customer_message_at, last_owner_message_at, created_at, updated_at, version) OVERRIDING SYSTEM VALUE
     SELECT x.i, 'T-' || CASE WHEN x.i > 999999 THEN x.i::text ELSE lpad(x.i::text, 6, '0') END, (CASE x.category ${subjectCase} END) || coalesce(' ' || o.number, ''), x.category, x.confidence, x.channel, x.language,
       CASE WHEN x.category = 'FRAUD_PHISHING' THEN 'URGENT' WHEN x.category = 'PAYMENT_ISSUE' THEN 'HIGH'
         WHEN x.category = 'OTHER' THEN CASE WHEN c.tier <> 'STANDARD' THEN 'NORMAL' ELSE 'LOW' END
         WHEN c.tier <> 'STANDARD' THEN 'HIGH' ELSE 'NORMAL' END,
       x.status, r.owner, coalesce(o.customer_id, x.customer_id), o.id, s.id, o.sold_by_seller_id,
       CASE WHEN r.owner = 'CARRIER' THEN s.carrier_id END,
       CASE WHEN r.owner = 'CARRIER' THEN ARRAY[s.carrier_id] ELSE '{}'::bigint[] END,
       r.rule, 1, 'Routed by rule ' || r.rule || ' (generated data)', ts.created_at, '{}'::jsonb, '{}'::text[],
       CASE WHEN x.status IN ('SOLVED', 'CLOSED') THEN ${sqlWeightedPick(random('x.i', 90), [
         ['REFUND', 30],
         ['REPLACEMENT', 15],
         ['RESHIPMENT', 10],
         ['RETURN_LABEL', 10],
         ['INFORMATION', 30],
         ['NO_ACTION', 5],
       ])} END,
       CASE WHEN x.status IN ('SOLVED', 'CLOSED') AND ${random('x.i', 91)} < 0.4 THEN 1 + floor(${random('x.i', 92)} * 5)::int END,
       CASE WHEN x.status IN ('SOLVED', 'CLOSED') AND ${random('x.i', 91)} < 0.4 THEN ts.solved_at + interval '1 hour' END,
       'CUSTOMER:' || coalesce(o.customer_id, x.customer_id), ts.responded_at, ts.solved_at, ts.closed_at,
       ts.created_at, ts.responded_at, ts.created_at, greatest(ts.created_at, ts.responded_at, ts.solved_at, ts.closed_at),
       1 + (x.status <> 'NEW')::int + (x.status IN ('SOLVED', 'CLOSED'))::int + (x.status = 'CLOSED')::int
     FROM (
       SELECT d.i, d.category, d.channel, d.language, d.r_age, d.customer_id, d.confidence,
         CASE WHEN d.i % ${LONG_CONVERSATION_SPACING} = ${LONG_CONVERSATION_SPACING / 2} THEN 'OPEN' ELSE ${statusPick} END AS status,
         CASE WHEN d.category IN ('ACCOUNT_ACCESS', 'FRAUD_PHISHING', 'MEMBERSHIP', 'DIGITAL_SERVICE') THEN NULL
           WHEN d.category = 'PAYMENT_ISSUE' AND d.r_has_order >= 0.6 THEN NULL
           WHEN d.r_has_order >= 0.95 THEN NULL
           ELSE 1 + floor(d.r_order * ${spec.orderCount})::bigint END AS order_id
       FROM (
         SELECT g.i, ${sqlWeightedPick(random('g.i', 81), CATEGORY_WEIGHTS)} AS category,
           ${sqlWeightedPick(random('g.i', 82), [
             ['CHAT', 35],
             ['EMAIL', 30],
             ['APP', 20],
             ['PHONE', 10],
             ['SOCIAL', 5],
           ])} AS channel,
           ${sqlWeightedPick(random('g.i', 83), [
             ['ja', 80],
             ['en', 12],
             ['zh', 5],
             ['ko', 3],
           ])} AS language,
           ${random('g.i', 84)} AS r_status, ${random('g.i', 85)} AS r_has_order, ${random('g.i', 86)} AS r_order, ${random('g.i', 87)} AS r_age,
           1 + floor(${random('g.i', 88)} * ${spec.customerCount})::bigint AS customer_id,
           CASE WHEN ${random('g.i', 89)} < 0.5 THEN 1 ELSE round((0.6 + 0.4 * ${random('g.i', 93)})::numeric, 2)::real END AS confidence
         FROM generate_series(${spec.from}, ${spec.to}) AS g(i)
       ) d
     ) x
     LEFT JOIN orders o ON o.id = x.order_id
     LEFT JOIN shipments s ON s.id = x.order_id
     JOIN customers c ON c.id = coalesce(o.customer_id, x.customer_id)
     CROSS JOIN LATERAL (SELECT CASE
         WHEN x.category IN (${platformCategories}) THEN 'PLATFORM:platform-services'
         WHEN o.id IS NULL THEN 'PLATFORM:no-order'
         WHEN o.fulfillment = 'PLATFORM' OR o.sold_by_seller_id IS NULL THEN 'PLATFORM:platform-fulfilled'
         WHEN x.category IN ('ITEM_NOT_RECEIVED', 'DELIVERY_DELAYED') AND s.status = 'LOST' THEN 'PLATFORM:lost-parcel'
         WHEN x.category = 'DAMAGED_IN_TRANSIT' THEN 'PLATFORM:damaged'
         WHEN x.category = 'ITEM_NOT_RECEIVED' AND s.status = 'DELIVERED' THEN 'CARRIER:delivered-not-received'
         WHEN x.category IN ('ITEM_NOT_RECEIVED', 'DELIVERY_DELAYED') AND (s.id IS NULL OR s.status = 'LABEL_CREATED') THEN 'SELLER:not-handed-over'
         WHEN x.category IN ('ITEM_NOT_RECEIVED', 'DELIVERY_DELAYED') AND s.status IN ('IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERY_FAILED') THEN 'CARRIER:in-transit'
         WHEN x.category = 'MISDELIVERED' AND s.id IS NOT NULL THEN 'CARRIER:misdelivered'
         WHEN x.category = 'CHANGE_ORDER' AND o.status = 'SHIPPED' AND s.id IS NOT NULL THEN 'CARRIER:change-after-shipping'
         WHEN o.fulfillment = 'SELLER' THEN 'SELLER:seller-fulfilled'
         ELSE 'PLATFORM:fallback' END AS decision) routed
     CROSS JOIN LATERAL (SELECT split_part(routed.decision, ':', 1) AS owner, split_part(routed.decision, ':', 2) AS rule) r
     CROSS JOIN LATERAL (
       -- Open tickets are recent (NEW: the last 20 hours); solved ones the last month; closed ones older.
       SELECT created_at,
         CASE WHEN x.status <> 'NEW' THEN least(created_at + make_interval(secs => 3600 * (0.2 + 20 * x.r_age)), $1::timestamptz - interval '1 minute') END AS responded_at,
         CASE WHEN x.status IN ('SOLVED', 'CLOSED') THEN least(created_at + make_interval(secs => 3600 * (22 + 96 * x.r_age)), $1::timestamptz - interval '30 seconds') END AS solved_at,
         CASE WHEN x.status = 'CLOSED' THEN least(created_at + make_interval(secs => 3600 * (22 + 96 * x.r_age)) + interval '7 days', $1::timestamptz - interval '10 seconds') END AS closed_at
       FROM (SELECT $1::timestamptz - make_interval(secs => 3600 * CASE x.status
           WHEN 'NEW' THEN 20 * x.r_age WHEN 'SOLVED' THEN 24 * (5 + 25 * x.r_age) WHEN 'CLOSED' THEN 24 * (9 + 170 * x.r_age)
           ELSE 24 * 14 * x.r_age END) - interval '2 minutes' AS created_at) base
     ) ts`,
    [spec.now],
  );
}

async function insertClocks(runner: QueryRunner, spec: { seed: number; from: number; to: number; now: string }): Promise<void> {
  const { seed } = spec;
  const random = (key: string, salt: number) => sqlRandom(seed, key, salt);
  // Policy per ticket as the default SLA policies (docs/sla.md): targets in minutes, calendar. Clock states follow the
  // ticket's status. Counting clocks are due SAFE_HORIZON + a quarter of the target + up to 7 days from now, so
  // their warnings too lie beyond the horizon: nothing is due while the benchmark runs.
  await runner.query(
    `INSERT INTO sla_clocks (ticket_id, owner_id, metric, owner_party, policy_id, policy_version, calendar_id, target_minutes, warning_threshold, state,
       started_at, due_at, warn_at, paused_business_minutes, paused_at, warned_at, met_at, breached_at, used_business_minutes, next_fire_at)
     SELECT t.id, CASE t.owner_party WHEN 'SELLER' THEN t.seller_id WHEN 'CARRIER' THEN t.carrier_id END, m.metric, t.owner_party, p.policy_id, 1, p.calendar_id, m.target, 0.75, st.state,
       m.started_at, due.due_at, due.due_at - make_interval(secs => 60 * 0.25 * m.target), 0,
       CASE WHEN st.state = 'PAUSED' THEN $1::timestamptz - make_interval(secs => 3600 * 48 * ${random('t.id * 4 + m.k', 101)}) END,
       CASE WHEN st.state = 'BREACHED' THEN due.due_at - make_interval(secs => 60 * 0.25 * m.target) END,
       CASE WHEN st.state = 'MET' THEN m.ended_at END,
       CASE WHEN st.state = 'BREACHED' THEN due.due_at + interval '1 second' END,
       CASE WHEN st.state = 'MET' THEN extract(epoch FROM m.ended_at - m.started_at) / 60 END,
       CASE WHEN st.state = 'ACTIVE' THEN due.due_at - make_interval(secs => 60 * 0.25 * m.target) END
     FROM tickets t
     CROSS JOIN LATERAL (SELECT CASE
         WHEN t.owner_party = 'SELLER' THEN 'seller-marketplace'
         WHEN t.owner_party = 'CARRIER' THEN 'carrier-investigation'
         WHEN t.priority = 'URGENT' THEN 'platform-urgent'
         WHEN t.channel = 'CHAT' THEN 'platform-chat'
         WHEN t.channel = 'PHONE' THEN 'platform-phone'
         ELSE 'platform-default' END AS policy_id) pr
     JOIN (VALUES ('seller-marketplace', 'ALWAYS', 1440, 1440, NULL::int), ('carrier-investigation', 'JP_BUSINESS_DAYS', 1440, 1440, 2700),
         ('platform-urgent', 'ALWAYS', 60, 120, 1440), ('platform-chat', 'ALWAYS', 10, 30, 1440),
         ('platform-phone', 'JP_SUPPORT_HOURS', 60, 240, 2160), ('platform-default', 'ALWAYS', 1440, 1440, 4320)
       ) AS p(policy_id, calendar_id, first_response, next_response, resolution) ON p.policy_id = pr.policy_id
     CROSS JOIN LATERAL (VALUES
         (1, 'FIRST_RESPONSE', p.first_response, t.routed_at, t.first_responded_at, true),
         (2, 'NEXT_RESPONSE', p.next_response, coalesce(t.first_responded_at, t.routed_at), t.solved_at,
           t.status IN ('OPEN', 'ON_HOLD', 'SOLVED', 'CLOSED') AND ${random('t.id', 102)} < 0.4),
         (3, 'RESOLUTION', p.resolution, t.routed_at, t.solved_at, p.resolution IS NOT NULL)
       ) AS m(k, metric, target, started_at, ended_at, exists_)
     CROSS JOIN LATERAL (SELECT CASE
         WHEN m.metric = 'FIRST_RESPONSE' AND t.status = 'NEW' THEN 'ACTIVE'
         WHEN m.metric = 'RESOLUTION' AND t.status = 'PENDING' THEN 'PAUSED'
         WHEN m.metric <> 'FIRST_RESPONSE' AND t.status IN ('NEW', 'OPEN', 'ON_HOLD') THEN 'ACTIVE'
         WHEN ${random('t.id * 4 + m.k', 103)} < 0.06 THEN 'BREACHED'
         ELSE 'MET' END AS state) st
     CROSS JOIN LATERAL (SELECT CASE WHEN st.state IN ('ACTIVE', 'PAUSED')
         THEN $1::timestamptz + make_interval(secs => 3600 * ${SAFE_HORIZON_HOURS} + 60 * 0.25 * m.target + 3600 * 24 * 7 * ${random('t.id * 4 + m.k', 104)})
         ELSE m.started_at + make_interval(secs => 60 * m.target) END AS due_at) due
     WHERE t.id BETWEEN ${spec.from} AND ${spec.to} AND m.exists_ AND m.target IS NOT NULL
       AND NOT (m.metric = 'NEXT_RESPONSE' AND t.status = 'NEW')
     ORDER BY t.id, m.k`,
    [spec.now],
  );
  // The ticket's earliest counting due time, and when a silent seller would lose a NEW ticket (48 h of waiting,
  // kept beyond the horizon too).
  await runner.query(
    `INSERT INTO ticket_deadlines (ticket_id, next_sla_due_at, escalation_due_at)
     SELECT t.id, c.due_at, CASE WHEN t.owner_party = 'SELLER' AND t.status = 'NEW'
         THEN $1::timestamptz + make_interval(secs => 3600 * (${SAFE_HORIZON_HOURS} + 42 * ${random('t.id', 105)})) END
     FROM tickets t JOIN (SELECT ticket_id, min(due_at) AS due_at FROM sla_clocks WHERE state = 'ACTIVE' AND ticket_id BETWEEN ${spec.from} AND ${spec.to} GROUP BY ticket_id) c
       ON t.id = c.ticket_id`,
    [spec.now],
  );
}

async function insertMessages(runner: QueryRunner, spec: { seed: number; ticketCount: number; now: string }): Promise<void> {
  const { seed, ticketCount } = spec;
  const random = (key: string, salt: number) => sqlRandom(seed, key, salt);
  const longTickets = Math.floor((ticketCount + LONG_CONVERSATION_SPACING / 2) / LONG_CONVERSATION_SPACING);
  // Exactly MESSAGES_PER_TICKET × tickets: one opening message each, 59 more in each long conversation, and the
  // rest spread over the other tickets by hash (so counts vary, ~Poisson around 2 extra).
  const extra = Math.max(0, (MESSAGES_PER_TICKET - 1) * ticketCount - (LONG_CONVERSATION_MESSAGES - 1) * longTickets);
  const authorOf = (draw: string) =>
    `CASE WHEN ${draw} < 0.45 THEN 'CUSTOMER' WHEN ${draw} < 0.85 THEN CASE t.owner_party WHEN 'SELLER' THEN 'SELLER' WHEN 'CARRIER' THEN 'CARRIER' ELSE 'AGENT' END
       WHEN ${draw} < 0.92 THEN 'BOT' ELSE 'INTERNAL' END`;
  const messageColumns = `(ticket_id, author_role, author_id, body, visibility, created_by, created_at)`;
  const fromAuthor = (keyExpression: string, atExpression: string) => `
     SELECT t.id, CASE a.kind WHEN 'INTERNAL' THEN 'AGENT' ELSE a.kind END,
       CASE a.kind WHEN 'CUSTOMER' THEN t.customer_id::text WHEN 'SELLER' THEN t.seller_id::text WHEN 'CARRIER' THEN t.carrier_id::text
         WHEN 'BOT' THEN NULL ELSE '1' END,
       CASE WHEN a.kind = 'CUSTOMER' THEN ${sentencesSql(seed, keyExpression, 111, 't.language', CUSTOMER_SENTENCES, 3)}
         ELSE ${sentencesSql(seed, keyExpression, 121, 't.language', OWNER_SENTENCES, 2)} END,
       CASE a.kind WHEN 'INTERNAL' THEN 'INTERNAL' ELSE 'PUBLIC' END,
       CASE a.kind WHEN 'CUSTOMER' THEN 'CUSTOMER:' || t.customer_id WHEN 'SELLER' THEN 'SELLER:' || t.seller_id WHEN 'CARRIER' THEN 'CARRIER:' || t.carrier_id
         WHEN 'BOT' THEN NULL ELSE 'AGENT:1' END,
       ${atExpression}`;
  const spanOf = `(coalesce(t.solved_at, $1::timestamptz - interval '1 second') - t.created_at)`;
  // Opening messages.
  await runner.query(
    `INSERT INTO messages ${messageColumns}
     SELECT t.id, 'CUSTOMER', t.customer_id::text, ${sentencesSql(seed, 't.id', 131, 't.language', CUSTOMER_SENTENCES, 3)}, 'PUBLIC', 'CUSTOMER:' || t.customer_id, t.created_at
     FROM tickets t WHERE t.id <= ${ticketCount}`,
  );
  // Long conversations: 59 more, evenly spread over the ticket's life.
  await runner.query(
    `INSERT INTO messages ${messageColumns}
     ${fromAuthor('t.id * 100 + k', `t.created_at + ${spanOf} * (k::float8 / ${LONG_CONVERSATION_MESSAGES})`)}
     FROM tickets t CROSS JOIN generate_series(1, ${LONG_CONVERSATION_MESSAGES - 1}) AS k
       CROSS JOIN LATERAL (SELECT CASE WHEN k % 2 = 1 THEN 'CUSTOMER' ELSE ${authorOf(random('t.id * 100 + k', 141))} END AS kind) a
     WHERE t.id <= ${ticketCount} AND t.id % ${LONG_CONVERSATION_SPACING} = ${LONG_CONVERSATION_SPACING / 2}`,
    [spec.now],
  );
  // The rest, on tickets drawn by hash (a long-conversation ticket drawn gives its message to its neighbour).
  await runner.query(
    `INSERT INTO messages ${messageColumns}
     ${fromAuthor(`${ticketCount} * 10 + j`, `t.created_at + ${spanOf} * (0.01 + 0.98 * ${random('j', 151)})`)}
     FROM generate_series(1, ${extra}) AS j
       CROSS JOIN LATERAL (SELECT 1 + floor(${random('j', 152)} * ${ticketCount})::bigint AS drawn) d
       JOIN tickets t ON t.id = CASE WHEN d.drawn % ${LONG_CONVERSATION_SPACING} = ${LONG_CONVERSATION_SPACING / 2} THEN d.drawn - 1 ELSE d.drawn END
       CROSS JOIN LATERAL (SELECT ${authorOf(random('j', 153))} AS kind) a`,
    [spec.now],
  );
}

async function insertEvents(runner: QueryRunner, spec: { ticketCount: number }): Promise<void> {
  // The timeline in time order (the global sequence follows time, as it does live): opened and routed, every
  // message posted, the status change at the first response, solved and closed.
  await runner.query(
    `INSERT INTO ticket_events (ticket_id, type, actor_role, actor_id, payload, created_at)
     SELECT ticket_id, type, actor_role, actor_id, payload, created_at FROM (
       SELECT t.id AS ticket_id, 'TICKET_OPENED' AS type, 'CUSTOMER' AS actor_role, t.customer_id::text AS actor_id,
         jsonb_build_object('number', t.number, 'channel', t.channel, 'category', t.category, 'classificationConfidence', t.classification_confidence,
           'language', t.language, 'priority', t.priority, 'missingDetails', '[]'::jsonb,
           'customerId', ${globalIdSql('Customer', 't.customer_id')}, 'orderId', CASE WHEN t.order_id IS NOT NULL THEN ${globalIdSql('Order', 't.order_id')} END) AS payload,
         t.created_at, 0 AS position
       FROM tickets t WHERE t.id <= ${spec.ticketCount}
       UNION ALL
       SELECT t.id, 'TICKET_ROUTED', 'SYSTEM', NULL,
         jsonb_build_object('owner', t.owner_party, 'rule', t.routing_rule_id, 'ruleVersion', t.routing_rule_version, 'reason', t.routing_reason,
           'sellerId', CASE WHEN t.seller_id IS NOT NULL THEN ${globalIdSql('Seller', 't.seller_id')} END,
           'carrierId', CASE WHEN t.carrier_id IS NOT NULL THEN ${globalIdSql('Carrier', 't.carrier_id')} END),
         t.created_at, 1
       FROM tickets t WHERE t.id <= ${spec.ticketCount}
       UNION ALL
       SELECT m.ticket_id, 'MESSAGE_POSTED', CASE WHEN m.author_role = 'BOT' THEN 'BOT' ELSE m.author_role END, m.author_id,
         jsonb_build_object('messageId', ${globalIdSql('Message', 'm.id')}, 'authorRole', m.author_role, 'visibility', m.visibility),
         m.created_at, 2
       FROM messages m
       UNION ALL
       SELECT t.id, 'STATUS_CHANGED', 'AGENT', '1', jsonb_build_object('from', 'NEW', 'to', CASE WHEN t.status IN ('SOLVED', 'CLOSED') THEN 'OPEN' ELSE t.status END),
         t.first_responded_at, 3
       FROM tickets t WHERE t.id <= ${spec.ticketCount} AND t.first_responded_at IS NOT NULL
       UNION ALL
       SELECT t.id, 'TICKET_SOLVED', 'AGENT', '1', jsonb_build_object('resolution', t.resolution), t.solved_at, 4
       FROM tickets t WHERE t.id <= ${spec.ticketCount} AND t.solved_at IS NOT NULL
       UNION ALL
       SELECT t.id, 'TICKET_CLOSED', 'SYSTEM', NULL, '{}'::jsonb, t.closed_at, 5
       FROM tickets t WHERE t.id <= ${spec.ticketCount} AND t.closed_at IS NOT NULL
     ) e ORDER BY created_at, ticket_id, position`,
  );
}

async function summarise(runner: QueryRunner): Promise<Omit<DataSetSummary, 'stepSeconds'>> {
  const [row] = await runner.manager.query<DataSetCountsRow[]>(
    `SELECT (SELECT count(*)::int FROM sellers) AS sellers, (SELECT count(*)::int FROM carriers) AS carriers,
       (SELECT count(*)::int FROM customers) AS customers, (SELECT count(*)::int FROM orders) AS orders,
       (SELECT count(*)::int FROM order_items) AS order_items, (SELECT count(*)::int FROM shipments) AS shipments,
       (SELECT count(*)::int FROM returns) AS returns, (SELECT count(*)::int FROM tickets) AS tickets,
       (SELECT count(*)::int FROM tickets WHERE status IN ('NEW', 'OPEN', 'PENDING', 'ON_HOLD')) AS open_tickets,
       (SELECT count(*)::int FROM messages) AS messages, (SELECT count(*)::int FROM ticket_events) AS ticket_events,
       (SELECT count(*)::int FROM sla_clocks) AS sla_clocks, (SELECT count(*)::int FROM sla_clocks WHERE state = 'ACTIVE') AS active_sla_clocks,
       (SELECT count(*)::int FROM tickets WHERE id % ${LONG_CONVERSATION_SPACING} = ${LONG_CONVERSATION_SPACING / 2}
          AND EXISTS (SELECT 1 FROM messages m WHERE m.ticket_id = tickets.id OFFSET ${LONG_CONVERSATION_MESSAGES - 1})) AS long_conversations`,
  );
  return {
    sellers: row.sellers,
    carriers: row.carriers,
    customers: row.customers,
    orders: row.orders,
    orderItems: row.order_items,
    shipments: row.shipments,
    returns: row.returns,
    tickets: row.tickets,
    openTickets: row.open_tickets,
    messages: row.messages,
    ticketEvents: row.ticket_events,
    slaClocks: row.sla_clocks,
    activeSlaClocks: row.active_sla_clocks,
    longConversationTickets: row.long_conversations,
  };
}
