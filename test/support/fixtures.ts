import { DataSource } from 'typeorm';

// Direct inserts for read-path tests: the smallest rows that satisfy the schema. Tests of behaviour go
// through the GraphQL API instead.

let counter = 0;
const next = () => ++counter;

export async function insertCustomer(
  dataSource: DataSource,
  fields: Partial<{ name: string; tier: string; phone: string | null }> = {},
): Promise<string> {
  const n = next();
  const rows = await dataSource.query(`INSERT INTO customers (name, email, phone, tier) VALUES ($1, $2, $3, $4) RETURNING id`, [
    fields.name ?? `Customer ${n}`,
    `customer${n}@example.jp`,
    fields.phone === undefined ? '090-0000-0000' : fields.phone,
    fields.tier ?? 'STANDARD',
  ]);
  return rows[0].id;
}

export async function insertSeller(dataSource: DataSource, name = `Seller ${next()}`): Promise<string> {
  const rows = await dataSource.query(`INSERT INTO sellers (name, contact_email) VALUES ($1, $2) RETURNING id`, [
    name,
    `${name.replace(/\W/g, '')}@example.jp`,
  ]);
  return rows[0].id;
}

export async function insertCarrier(dataSource: DataSource, code = `CARRIER${next()}`): Promise<string> {
  const rows = await dataSource.query(`INSERT INTO carriers (code, name, tracking_url_template) VALUES ($1, $2, $3) RETURNING id`, [
    code,
    `${code} Express`,
    `https://track.example.jp/${code}/{trackingNumber}`,
  ]);
  return rows[0].id;
}

export async function insertOrder(
  dataSource: DataSource,
  fields: {
    customerId: string;
    sellerId?: string | null;
    fulfillment?: string;
    status?: string;
    carrierId?: string;
    shipmentStatus?: string;
  },
): Promise<{ orderId: string; shipmentId: string | null }> {
  const n = next();
  const rows = await dataSource.query(
    `INSERT INTO orders (external_id, number, customer_id, sold_by_seller_id, fulfillment, status, total_amount, payment_method, placed_at, promised_delivery_at, delivery_address)
     VALUES ($1, $2, $3, $4, $5, $6, 3980, 'CREDIT_CARD', now() - interval '5 days', now() - interval '1 day', '{"postalCode":"150-0001","region":"東京都","line":"渋谷区神宮前1-1-1","recipient":"佐藤 花子"}') RETURNING id`,
    [
      `ext-order-${n}`,
      `503-${String(1000000 + n).padStart(7, '0')}-${String(7000000 + n)}`,
      fields.customerId,
      fields.sellerId ?? null,
      fields.fulfillment ?? 'SELLER',
      fields.status ?? 'DELIVERED',
    ],
  );
  const orderId: string = rows[0].id;
  await dataSource.query(
    `INSERT INTO order_items (order_id, position, sku, title, quantity, unit_price) VALUES ($1, 1, 'SKU-1', '宇治抹茶 100g', 2, 1990)`,
    [orderId],
  );
  let shipmentId: string | null = null;
  if (fields.carrierId) {
    const shipment = await dataSource.query(
      `INSERT INTO shipments (external_id, order_id, carrier_id, tracking_number, status, delivery_method, shipped_at, delivered_at)
       VALUES ($1, $2, $3, $4, $5, 'LEFT_AT_DOOR', now() - interval '3 days', now() - interval '1 day') RETURNING id`,
      [`ext-shipment-${n}`, orderId, fields.carrierId, `TRK${n}`, fields.shipmentStatus ?? 'DELIVERED'],
    );
    shipmentId = shipment[0].id;
  }
  return { orderId, shipmentId };
}

export async function insertTicket(
  dataSource: DataSource,
  fields: {
    customerId: string;
    orderId?: string | null;
    sellerId?: string | null;
    carrierId?: string | null;
    ownerParty?: string;
    subject?: string;
    category?: string;
    status?: string;
    createdAt?: Date;
  },
): Promise<string> {
  const rows = await dataSource.query(
    `INSERT INTO tickets (subject, category, channel, language, priority, status, owner_party, customer_id, order_id, seller_id, carrier_id, involved_carrier_ids,
       routing_rule_id, routing_rule_version, routing_reason, routed_at, created_by, created_at, updated_at)
     VALUES ($1, $2, 'CHAT', 'ja', 'NORMAL', $3, $4, $5, $6, $7, $8, CASE WHEN $8::bigint IS NULL THEN '{}'::bigint[] ELSE ARRAY[$8::bigint] END,
       'fixture', 1, 'Inserted by a test fixture', now(), 'TEST:1', $9, $9) RETURNING id`,
    [
      fields.subject ?? '荷物が届いていません',
      fields.category ?? 'ITEM_NOT_RECEIVED',
      fields.status ?? 'NEW',
      fields.ownerParty ?? (fields.carrierId ? 'CARRIER' : fields.sellerId ? 'SELLER' : 'PLATFORM'),
      fields.customerId,
      fields.orderId ?? null,
      fields.sellerId ?? null,
      fields.carrierId ?? null,
      fields.createdAt ?? new Date(),
    ],
  );
  return rows[0].id;
}

export async function insertMessage(
  dataSource: DataSource,
  fields: { ticketId: string; body: string; authorRole?: string; visibility?: string; createdAt?: Date },
): Promise<string> {
  const rows = await dataSource.query(
    `INSERT INTO messages (ticket_id, author_role, body, visibility, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [fields.ticketId, fields.authorRole ?? 'CUSTOMER', fields.body, fields.visibility ?? 'PUBLIC', fields.createdAt ?? new Date()],
  );
  return rows[0].id;
}

export interface OrderFactsFixture {
  customerId: string;
  sellerId: string | null;
  fulfillment: string;
  status: string;
  promisedDeliveryAt: string | Date | null;
  shipment: {
    carrierId: string;
    status: string;
    deliveryMethod: string | null;
    shippedAt: string | Date | null;
    deliveredAt: string | Date | null;
  } | null;
  return: { status: string; requestedAt: string | Date; receivedAt: string | Date | null; refundedAt?: string | Date | null } | null;
}

/** An order with exactly the given routing facts (one shipment, one return at most). */
export async function insertOrderWithFacts(
  dataSource: DataSource,
  facts: OrderFactsFixture,
): Promise<{ orderId: string; shipmentId: string | null }> {
  const n = next();
  const rows = await dataSource.query(
    `INSERT INTO orders (external_id, number, customer_id, sold_by_seller_id, fulfillment, status, total_amount, payment_method, placed_at, promised_delivery_at)
     VALUES ($1, $2, $3, $4, $5, $6, 5980, 'CREDIT_CARD', '2026-11-10T10:00:00+09:00', $7) RETURNING id`,
    [
      `ext-order-${n}`,
      `503-${String(2000000 + n).padStart(7, '0')}-${String(8000000 + n)}`,
      facts.customerId,
      facts.sellerId,
      facts.fulfillment,
      facts.status,
      facts.promisedDeliveryAt,
    ],
  );
  const orderId: string = rows[0].id;
  let shipmentId: string | null = null;
  if (facts.shipment) {
    const shipment = await dataSource.query(
      `INSERT INTO shipments (external_id, order_id, carrier_id, tracking_number, status, delivery_method, shipped_at, delivered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        `ext-shipment-${n}`,
        orderId,
        facts.shipment.carrierId,
        `TRK-${n}`,
        facts.shipment.status,
        facts.shipment.deliveryMethod,
        facts.shipment.shippedAt,
        facts.shipment.deliveredAt,
      ],
    );
    shipmentId = shipment[0].id;
  }
  if (facts.return) {
    await dataSource.query(
      `INSERT INTO returns (external_id, order_id, status, requested_at, received_at, refunded_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [`ext-return-${n}`, orderId, facts.return.status, facts.return.requestedAt, facts.return.receivedAt, facts.return.refundedAt ?? null],
    );
  }
  return { orderId, shipmentId };
}
