import { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { Principal, systemPrincipal } from '../auth/principal';
import { AppConfig } from '../config';
import { AuthorRole, PrincipalRole, TicketStatus } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import { Services } from '../services';
import { createRequestContext } from '../services/context-factory';
import { DEMO_AGENT, demoCallers } from './demo-callers';
import { DEMO_CARRIERS, DEMO_CUSTOMERS, DEMO_ORDERS, DEMO_SELLERS, DEMO_TICKETS, DemoMessage, DemoTicket } from './demo-data';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type KeyToId = Map<string, string>;

interface SeededIds {
  customers: KeyToId;
  sellers: KeyToId;
  carriers: KeyToId;
  orders: KeyToId;
}

/**
 * Loads the demo data into a database without tickets: reference data and orders directly (they are facts of
 * other systems), then every ticket through the real services at its own point in the past, so routing,
 * events and timestamps are exactly what the product would have produced. Returns whether it loaded anything.
 */
export async function seedDemoDataIfEmpty(
  dataSource: DataSource,
  services: Services,
  log: Logger,
  secret: string,
  seededAt: Date = new Date(),
): Promise<boolean> {
  const [{ has_tickets: hasTickets }] = await dataSource.query<Array<{ has_tickets: boolean }>>(
    `SELECT EXISTS (SELECT 1 FROM tickets) AS has_tickets`,
  );
  if (hasTickets) return false;
  const ids = await dataSource.transaction((manager) => insertReferenceData(manager, seededAt));
  let opened = 0;
  for (const ticket of [...DEMO_TICKETS].sort((left, right) => right.openedHoursAgo - left.openedHoursAgo)) {
    if (await seedTicket({ dataSource, services, log, secret }, ids, ticket, seededAt)) opened += 1;
  }
  log.info({ tickets: opened, orders: ids.orders.size }, 'demo data loaded');
  return true;
}

async function insertReferenceData(manager: EntityManager, seededAt: Date): Promise<SeededIds> {
  const daysAgo = (days: number | null) => (days === null ? null : new Date(seededAt.getTime() - days * DAY));
  const ids: SeededIds = { customers: new Map(), sellers: new Map(), carriers: new Map(), orders: new Map() };
  for (const carrier of DEMO_CARRIERS) {
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO carriers (code, name, tracking_url_template) VALUES ($1, $2, $3) RETURNING id`,
      [carrier.code, carrier.name, carrier.trackingUrlTemplate],
    );
    ids.carriers.set(carrier.key, row.id);
  }
  for (const seller of DEMO_SELLERS) {
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO sellers (external_id, name, contact_email, contact_phone, support_languages) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [seller.key, seller.name, seller.contactEmail, seller.contactPhone, seller.supportLanguages],
    );
    ids.sellers.set(seller.key, row.id);
  }
  for (const customer of DEMO_CUSTOMERS) {
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO customers (external_id, name, email, phone, preferred_language, tier) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [customer.key, customer.name, customer.email, customer.phone, customer.preferredLanguage, customer.tier],
    );
    ids.customers.set(customer.key, row.id);
  }
  for (const order of DEMO_ORDERS) {
    const total = order.items.reduce((sum, item) => sum + Number(item.unitPrice) * item.quantity, 0);
    const placedAt = daysAgo(order.placedDaysAgo)!;
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO orders (external_id, number, customer_id, sold_by_seller_id, fulfillment, status, total_amount, currency, payment_method,
         delivery_address, placed_at, promised_delivery_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $11, $11) RETURNING id`,
      [
        order.externalId,
        order.number,
        ids.customers.get(order.customerKey),
        order.sellerKey ? ids.sellers.get(order.sellerKey) : null,
        order.fulfillment,
        order.status,
        total.toFixed(2),
        order.currency,
        order.paymentMethod,
        JSON.stringify(order.deliveryAddress),
        placedAt,
        daysAgo(order.promisedDeliveryDaysAgo),
      ],
    );
    ids.orders.set(order.key, row.id);
    for (const [index, item] of order.items.entries()) {
      await manager.query(
        `INSERT INTO order_items (order_id, position, sku, title, quantity, unit_price) VALUES ($1, $2, $3, $4, $5, $6)`,
        [row.id, index + 1, item.sku, item.title, item.quantity, item.unitPrice],
      );
    }
    for (const shipment of order.shipments) {
      // Created when shipped (or when the label was made): the latest shipment is the one routing reads.
      const createdAt = daysAgo(shipment.shippedDaysAgo) ?? placedAt;
      await manager.query(
        `INSERT INTO shipments (external_id, order_id, carrier_id, tracking_number, status, delivery_method, shipped_at, delivered_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
        [
          shipment.externalId,
          row.id,
          ids.carriers.get(shipment.carrierKey),
          shipment.trackingNumber,
          shipment.status,
          shipment.deliveryMethod,
          daysAgo(shipment.shippedDaysAgo),
          daysAgo(shipment.deliveredDaysAgo),
          createdAt,
        ],
      );
    }
    for (const orderReturn of order.returns) {
      await manager.query(
        `INSERT INTO returns (external_id, order_id, status, reason, requested_at, received_at, refunded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          orderReturn.externalId,
          row.id,
          orderReturn.status,
          orderReturn.reason,
          daysAgo(orderReturn.requestedDaysAgo),
          daysAgo(orderReturn.receivedDaysAgo),
          daysAgo(orderReturn.refundedDaysAgo),
        ],
      );
    }
  }
  return ids;
}

async function seedTicket(
  { dataSource, services, log, secret }: { dataSource: DataSource; services: Services; log: Logger; secret: string },
  ids: SeededIds,
  demo: DemoTicket,
  seededAt: Date,
): Promise<boolean> {
  const openedAt = new Date(seededAt.getTime() - demo.openedHoursAgo * HOUR);
  const customerId = ids.customers.get(demo.customerKey)!;
  const context = (principal: Principal, at: Date) => createRequestContext({ dataSource, principal, secret, log, now: () => at });
  const opened = await services.intake.openTicket(context({ role: PrincipalRole.CUSTOMER, customerId }, openedAt), {
    channel: demo.channel,
    subject: demo.subject,
    body: demo.body,
    orderId: demo.orderKey ? toGlobalId('Order', ids.orders.get(demo.orderKey)!) : undefined,
    category: demo.category,
    details: demo.details,
  });
  if (!opened.ok) {
    log.warn({ ticket: demo.key, userErrors: opened.userErrors }, 'demo ticket not opened');
    return false;
  }
  const ticket = opened.value;
  const ticketId = toGlobalId('Ticket', ticket.id);
  for (const message of demo.conversation) {
    const at = new Date(openedAt.getTime() + message.hoursAfterOpen * HOUR);
    const author = authorPrincipal(message, customerId, ticket.sellerId, ticket.carrierId);
    const posted = await services.conversation.postMessage(context(author, at), {
      ticketId,
      body: message.body,
      visibility: message.visibility,
    });
    if (!posted.ok) log.warn({ ticket: demo.key, userErrors: posted.userErrors }, 'demo message not posted');
  }
  const lastAt = new Date(openedAt.getTime() + (Math.max(0, ...demo.conversation.map((message) => message.hoursAfterOpen)) + 1) * HOUR);
  const agent = context(DEMO_AGENT, lastAt);
  switch (demo.finalStatus) {
    case undefined:
    case TicketStatus.NEW:
    case TicketStatus.OPEN:
      break;
    case TicketStatus.PENDING:
    case TicketStatus.ON_HOLD:
      await services.lifecycle.changeTicketStatus(agent, { ticketId, status: demo.finalStatus });
      break;
    case TicketStatus.SOLVED:
    case TicketStatus.CLOSED:
      await services.lifecycle.resolveTicket(agent, { ticketId, resolution: demo.resolution!, note: 'Resolved in the demo data' });
      if (demo.finalStatus === TicketStatus.CLOSED) {
        await services.solvedTicketClosing.closeSolvedTickets(context(systemPrincipal('demo-data'), seededAt));
      }
      break;
  }
  return true;
}

function authorPrincipal(message: DemoMessage, customerId: string, sellerId: string | null, carrierId: string | null): Principal {
  switch (message.authorRole) {
    case AuthorRole.SELLER:
      return { role: PrincipalRole.SELLER, sellerId: sellerId! };
    case AuthorRole.CARRIER:
      return { role: PrincipalRole.CARRIER, carrierId: carrierId! };
    case AuthorRole.CUSTOMER:
      return { role: PrincipalRole.CUSTOMER, customerId };
    default:
      return DEMO_AGENT;
  }
}

/** The lines `npm start` prints: who the demo principals are and a token for each. */
export async function describeDemoAccess(dataSource: DataSource, config: AppConfig, graphqlUrl: string): Promise<string> {
  const callers = await demoCallers(dataSource, config.authSecret);
  const lines = ['Demo tokens (valid 24 h; send as "Authorization: Bearer <token>"; the IDE at the URL above offers them too):'];
  for (const { label, token } of callers) lines.push(`  ${label}:`, `    ${token}`);
  const agentToken = callers[0].token;
  lines.push(
    '',
    'Try (as the agent):',
    `  export TOKEN=${agentToken}`,
    `  curl -s ${graphqlUrl} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\`,
    `    -d '{"query":"{ tickets(first: 5) { edges { node { number subject ownerParty status } } } }"}'`,
  );
  return lines.join('\n');
}
