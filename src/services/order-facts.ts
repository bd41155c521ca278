import { DataSource, EntityManager } from 'typeorm';
import { CustomerTier, DeliveryMethod, FulfillmentChannel, OrderStatus, ReturnStatus, ShipmentStatus } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import { OrderRecord } from '../rules/order-answer.rule';
import { OrderFacts, RoutingRule } from '../rules/routing.rule';
import { preparedStatements } from '../db/prepared-statements';
import { ReferenceDataCache } from './reference-data-cache';

/** What routing needs to know about a customer and (optionally) an order, as the facts stand now. */
export interface RoutingContext {
  customerId: string;
  customerTier: CustomerTier;
  order: {
    id: string;
    sellerId: string | null;
    shipmentId: string | null;
    carrierId: string | null;
    facts: OrderFacts;
    /** What the bot's first answer tells the customer besides the facts: order number, tracking number and page. */
    record: OrderRecord;
  } | null;
}

interface RoutingContextRow {
  customer_id: string;
  tier: CustomerTier;
  order_id: string | null;
  order_number: string | null;
  sold_by_seller_id: string | null;
  fulfillment: FulfillmentChannel;
  status: OrderStatus;
  promised_delivery_at: Date | null;
  shipment_id: string | null;
  carrier_id: string | null;
  shipment_status: ShipmentStatus | null;
  tracking_number: string | null;
  carrier_name: string | null;
  tracking_url_template: string | null;
  delivery_method: DeliveryMethod | null;
  shipped_at: Date | null;
  delivered_at: Date | null;
  return_status: ReturnStatus | null;
  requested_at: Date | null;
  received_at: Date | null;
  refunded_at: Date | null;
}

// The latest shipment and the latest return stand for the order: they are what the customer writes about. The
// order number, tracking number and the carrier's name and tracking page are for the bot's first answer, read in
// the same statement so that answering costs openTicket no extra round trip.
const FACT_COLUMNS = `
  c.id AS customer_id, c.tier,
  o.id AS order_id, o.number AS order_number, o.sold_by_seller_id, o.fulfillment, o.status, o.promised_delivery_at,
  s.id AS shipment_id, s.carrier_id, s.status AS shipment_status, s.delivery_method, s.shipped_at, s.delivered_at,
  s.tracking_number, ca.name AS carrier_name, ca.tracking_url_template,
  r.status AS return_status, r.requested_at, r.received_at, r.refunded_at`;
const LATEST_SHIPMENT_AND_RETURN = `
  LEFT JOIN LATERAL (SELECT * FROM shipments WHERE order_id = o.id ORDER BY created_at DESC, id DESC LIMIT 1) s ON true
  LEFT JOIN carriers ca ON ca.id = s.carrier_id
  LEFT JOIN LATERAL (SELECT * FROM returns WHERE order_id = o.id ORDER BY requested_at DESC, id DESC LIMIT 1) r ON true`;

/**
 * One statement. With a customer id, the order must belong to that customer: an unknown order and somebody
 * else's order are indistinguishable (null order with `orderRequested`).
 */
export async function loadRoutingContext(
  manager: EntityManager,
  input: { customerId: string | null; orderId: string | null },
): Promise<{ context: RoutingContext | null; orderMissing: boolean }> {
  const { context, orderMissing } = await readRoutingContext(manager, input, '');
  return { context, orderMissing };
}

/**
 * loadRoutingContext, drawing in the same statement the ids of a ticket about to be opened and of its `messages`
 * messages (so that everything written with it, events included, can name them before it is written).
 */
export async function loadIntakeContext(
  manager: EntityManager,
  input: { customerId: string | null; orderId: string | null; messages: number },
): Promise<{
  context: RoutingContext | null;
  orderMissing: boolean;
  newIds: { ticketId: string; ticketNumber: string; messageIds: string[] } | null;
}> {
  const messageIds = Array.from(
    { length: input.messages },
    (_, index) => `nextval(pg_get_serial_sequence('messages', 'id'))::text AS new_message_id_${index}`,
  );
  const { context, orderMissing, row } = await readRoutingContext(
    manager,
    input,
    `, nextval(pg_get_serial_sequence('tickets', 'id'))::text AS new_ticket_id, next_ticket_number() AS new_ticket_number${messageIds.map((column) => `, ${column}`).join('')}`,
  );
  const newIds =
    row && context
      ? {
          ticketId: String(row.new_ticket_id),
          ticketNumber: String(row.new_ticket_number),
          messageIds: messageIds.map((_, index) => String(row[`new_message_id_${index}`])),
        }
      : null;
  return { context, orderMissing, newIds };
}

async function readRoutingContext(
  manager: EntityManager,
  input: { customerId: string | null; orderId: string | null },
  extraColumns: string,
): Promise<{ context: RoutingContext | null; orderMissing: boolean; row: (RoutingContextRow & Record<string, unknown>) | null }> {
  let rows: Array<RoutingContextRow & Record<string, unknown>>;
  if (input.customerId !== null) {
    rows = await preparedStatements.query(
      manager,
      `SELECT ${FACT_COLUMNS}${extraColumns} FROM customers c
       LEFT JOIN orders o ON o.id = $2 AND o.customer_id = c.id
       ${LATEST_SHIPMENT_AND_RETURN}
       WHERE c.id = $1`,
      [input.customerId, input.orderId],
    );
  } else if (input.orderId !== null) {
    rows = await preparedStatements.query(
      manager,
      `SELECT ${FACT_COLUMNS}${extraColumns} FROM orders o JOIN customers c ON c.id = o.customer_id
       ${LATEST_SHIPMENT_AND_RETURN}
       WHERE o.id = $1`,
      [input.orderId],
    );
  } else {
    return { context: null, orderMissing: false, row: null };
  }
  const row = rows[0];
  if (!row) return { context: null, orderMissing: input.orderId !== null, row: null };
  if (input.orderId !== null && row.order_id === null) return { context: null, orderMissing: true, row };
  return { context: toRoutingContext(row), orderMissing: false, row };
}

function toRoutingContext(row: RoutingContextRow): RoutingContext {
  return {
    customerId: row.customer_id,
    customerTier: row.tier,
    order:
      row.order_id === null
        ? null
        : {
            id: row.order_id,
            sellerId: row.sold_by_seller_id,
            shipmentId: row.shipment_id,
            carrierId: row.carrier_id,
            record: {
              number: row.order_number ?? '',
              shipment:
                row.shipment_id === null || row.tracking_number === null
                  ? null
                  : {
                      trackingNumber: row.tracking_number,
                      carrierName: row.carrier_name ?? '',
                      trackingUrlTemplate: row.tracking_url_template,
                    },
            },
            facts: {
              soldByPlatform: row.sold_by_seller_id === null,
              fulfillment: row.fulfillment,
              status: row.status,
              promisedDeliveryAt: row.promised_delivery_at,
              shipment: row.shipment_status
                ? {
                    carrierId: row.carrier_id === null ? null : toGlobalId('Carrier', row.carrier_id),
                    status: row.shipment_status,
                    deliveryMethod: row.delivery_method,
                    shippedAt: row.shipped_at,
                    deliveredAt: row.delivered_at,
                  }
                : null,
              return: row.return_status
                ? { status: row.return_status, requestedAt: row.requested_at, receivedAt: row.received_at, refundedAt: row.refunded_at }
                : null,
            },
          },
  };
}

/** A row of `routing_rules` as the routing table reads it. */
export interface RoutingRuleRow {
  id: string;
  version: number;
  position: number;
  owner: RoutingRule['owner'];
  conditions: RoutingRule['when'];
  reason: string;
}

export function routingRuleFromRow(row: RoutingRuleRow): RoutingRule {
  return { id: row.id, version: row.version, position: row.position, owner: row.owner, when: row.conditions, reason: row.reason };
}

/** The active routing table, in evaluation order, kept per process until an admin changes it (ReferenceDataCache). */
export const routingRules = new ReferenceDataCache<RoutingRule[]>(readRoutingRules);

/** The active routing table, in evaluation order, read now (in the caller's transaction when given a manager). */
export async function readRoutingRules(manager: DataSource | EntityManager): Promise<RoutingRule[]> {
  const rows: RoutingRuleRow[] = await manager.query(
    `SELECT id, version, position, owner, conditions, reason FROM routing_rules WHERE is_active ORDER BY position, id`,
  );
  return rows.map(routingRuleFromRow);
}
