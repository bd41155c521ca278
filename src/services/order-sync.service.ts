import { PrincipalRole, OwnerParty, ShipmentStatus } from '../domain/enums';
import { hydrate, RawRow } from '../db/hydrate';
import { EntityManager } from 'typeorm';
import { Order, Shipment } from '../entities';
import { ForbiddenError } from '../domain/errors';
import { RecordShipmentUpdateParams, UpsertOrderParams } from './params/order-sync.params';
import { MutationResult, refused, succeeded, UserError, UserErrorCode, userError } from '../domain/user-error';
import { decodeIdArgument } from './id-arguments';
import { RequestContext } from './request-context';
import { EscalationKind, TicketOwnershipService } from './ticket-ownership.service';
import { validateOrder } from './order-validation';

/** What referenceProblem reads in one statement. */
interface ReferenceRow {
  seller_exists: boolean;
  known_carrier_codes: string[];
  number_taken: boolean;
  foreign_shipments: string[];
  foreign_returns: string[];
}

type ShipmentInput = NonNullable<UpsertOrderParams['shipments']>[number];
type ReturnInput = NonNullable<UpsertOrderParams['returns']>[number];

/** The seller, the carriers and the number exist or are free, and no shipment or return belongs to another order. */
async function referenceProblem(manager: EntityManager, input: UpsertOrderParams, sellerId: string | null): Promise<UserError | null> {
  const shipments = input.shipments ?? [];
  const returns = input.returns ?? [];
  const [references] = await manager.query<ReferenceRow[]>(
    `SELECT ($1::bigint IS NULL OR EXISTS (SELECT 1 FROM sellers WHERE id = $1)) AS seller_exists,
              ARRAY(SELECT code FROM carriers WHERE code = ANY($2::text[])) AS known_carrier_codes,
              EXISTS (SELECT 1 FROM orders WHERE number = $3 AND external_id <> $4) AS number_taken,
              ARRAY(SELECT s.external_id FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.external_id = ANY($5::text[]) AND o.external_id <> $4) AS foreign_shipments,
              ARRAY(SELECT r.external_id FROM returns r JOIN orders o ON o.id = r.order_id WHERE r.external_id = ANY($6::text[]) AND o.external_id <> $4) AS foreign_returns`,
    [
      sellerId,
      shipments.map((shipment) => shipment.carrierCode),
      input.number,
      input.externalId,
      shipments.map((shipment) => shipment.externalId),
      returns.map((orderReturn) => orderReturn.externalId),
    ],
  );
  if (!references.seller_exists) return userError(UserErrorCode.INVALID_INPUT, 'No such seller', 'input.soldBySellerId');
  // Order numbers are unique; a number held by another order (another externalId) is the caller's conflict.
  if (references.number_taken)
    return userError(UserErrorCode.ORDER_NUMBER_TAKEN, `Another order already has the number ${input.number}`, 'input.number');
  // A shipment or return of another order is not moved by this one (the upsert would rewrite the other order's record).
  const foreignShipment = shipments.findIndex((shipment) => references.foreign_shipments.includes(shipment.externalId));
  if (foreignShipment >= 0)
    return userError(
      UserErrorCode.CONFLICT,
      'A shipment with this externalId belongs to another order',
      `input.shipments.${foreignShipment}.externalId`,
    );
  const foreignReturn = returns.findIndex((orderReturn) => references.foreign_returns.includes(orderReturn.externalId));
  if (foreignReturn >= 0)
    return userError(
      UserErrorCode.CONFLICT,
      'A return with this externalId belongs to another order',
      `input.returns.${foreignReturn}.externalId`,
    );
  const unknownCarrier = shipments.findIndex((shipment) => !references.known_carrier_codes.includes(shipment.carrierCode));
  if (unknownCarrier >= 0)
    return userError(
      UserErrorCode.INVALID_INPUT,
      `No carrier with code ${shipments[unknownCarrier].carrierCode}`,
      `input.shipments.${unknownCarrier}.carrierCode`,
    );
  return null;
}

async function upsertCustomer(manager: EntityManager, customer: UpsertOrderParams['customer']): Promise<string> {
  const [{ id: customerId }] = await manager.query<Array<{ id: string }>>(
    `INSERT INTO customers (external_id, name, email, phone, preferred_language, tier) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (external_id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, phone = EXCLUDED.phone,
       preferred_language = EXCLUDED.preferred_language, tier = EXCLUDED.tier
     RETURNING id`,
    [customer.externalId, customer.name.trim(), customer.email, customer.phone ?? null, customer.preferredLanguage, customer.tier],
  );
  return customerId;
}

async function upsertOrderRow(
  manager: EntityManager,
  input: UpsertOrderParams,
  customerId: string,
  sellerId: string | null,
  now: Date,
): Promise<Order> {
  const orderRows = await manager.query<RawRow[]>(
    `INSERT INTO orders (external_id, number, customer_id, sold_by_seller_id, fulfillment, status, total_amount, currency, payment_method,
       delivery_address, placed_at, promised_delivery_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (external_id) DO UPDATE SET number = EXCLUDED.number, customer_id = EXCLUDED.customer_id,
       sold_by_seller_id = EXCLUDED.sold_by_seller_id, fulfillment = EXCLUDED.fulfillment, status = EXCLUDED.status,
       total_amount = EXCLUDED.total_amount, currency = EXCLUDED.currency, payment_method = EXCLUDED.payment_method,
       delivery_address = EXCLUDED.delivery_address, placed_at = EXCLUDED.placed_at,
       promised_delivery_at = EXCLUDED.promised_delivery_at, updated_at = EXCLUDED.updated_at
     RETURNING *`,
    [
      input.externalId,
      input.number,
      customerId,
      sellerId,
      input.fulfillment,
      input.status,
      input.totalAmount,
      input.currency,
      input.paymentMethod,
      JSON.stringify({ postalCode: input.postalCode, region: input.region, line: input.addressLine, recipient: input.recipient }),
      input.placedAt,
      input.promisedDeliveryAt ?? null,
      now,
    ],
  );
  return hydrate(manager.connection, Order, orderRows)[0];
}

/** The order's items as sent, in their order (position 1, 2, …). */
async function replaceOrderItems(manager: EntityManager, orderId: string, items: UpsertOrderParams['items']): Promise<void> {
  await manager.query(`DELETE FROM order_items WHERE order_id = $1`, [orderId]);
  await manager.query(
    `INSERT INTO order_items (order_id, position, sku, title, quantity, unit_price)
     SELECT $1, position, sku, title, quantity, unit_price FROM unnest($2::int[], $3::text[], $4::text[], $5::int[], $6::numeric[])
       AS item(position, sku, title, quantity, unit_price)`,
    [
      orderId,
      items.map((_, index) => index + 1),
      items.map((item) => item.sku),
      items.map((item) => item.title),
      items.map((item) => item.quantity),
      items.map((item) => item.unitPrice),
    ],
  );
}

async function upsertShipments(manager: EntityManager, orderId: string, shipments: ShipmentInput[], now: Date): Promise<void> {
  if (shipments.length === 0) return;
  await manager.query(
    `INSERT INTO shipments (external_id, order_id, carrier_id, tracking_number, status, delivery_method, shipped_at, delivered_at, updated_at)
     SELECT s.external_id, $1, c.id, s.tracking_number, s.status, s.delivery_method, s.shipped_at, s.delivered_at, $9
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[])
       AS s(external_id, carrier_code, tracking_number, status, delivery_method, shipped_at, delivered_at)
     JOIN carriers c ON c.code = s.carrier_code
     ON CONFLICT (external_id) DO UPDATE SET carrier_id = EXCLUDED.carrier_id, tracking_number = EXCLUDED.tracking_number,
       status = EXCLUDED.status, delivery_method = EXCLUDED.delivery_method, shipped_at = EXCLUDED.shipped_at,
       delivered_at = EXCLUDED.delivered_at, updated_at = EXCLUDED.updated_at`,
    [
      orderId,
      shipments.map((shipment) => shipment.externalId),
      shipments.map((shipment) => shipment.carrierCode),
      shipments.map((shipment) => shipment.trackingNumber),
      shipments.map((shipment) => shipment.status),
      shipments.map((shipment) => shipment.deliveryMethod ?? null),
      shipments.map((shipment) => shipment.shippedAt ?? null),
      shipments.map((shipment) => shipment.deliveredAt ?? null),
      now,
    ],
  );
}

async function upsertReturns(manager: EntityManager, orderId: string, returns: ReturnInput[], now: Date): Promise<void> {
  if (returns.length === 0) return;
  await manager.query(
    `INSERT INTO returns (external_id, order_id, status, reason, requested_at, received_at, refunded_at, updated_at)
     SELECT r.external_id, $1, r.status, r.reason, r.requested_at, r.received_at, r.refunded_at, $8
     FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[])
       AS r(external_id, status, reason, requested_at, received_at, refunded_at)
     ON CONFLICT (external_id) DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason, requested_at = EXCLUDED.requested_at,
       received_at = EXCLUDED.received_at, refunded_at = EXCLUDED.refunded_at, updated_at = EXCLUDED.updated_at`,
    [
      orderId,
      returns.map((orderReturn) => orderReturn.externalId),
      returns.map((orderReturn) => orderReturn.status),
      returns.map((orderReturn) => orderReturn.reason ?? null),
      returns.map((orderReturn) => orderReturn.requestedAt),
      returns.map((orderReturn) => orderReturn.receivedAt ?? null),
      returns.map((orderReturn) => orderReturn.refundedAt ?? null),
      now,
    ],
  );
}

/** Orders, shipments and returns are facts of the order system and the carriers; this is where they arrive. */
export class OrderSyncService {
  constructor(private readonly ownership: TicketOwnershipService) {}

  async upsertOrder(ctx: RequestContext, input: UpsertOrderParams): Promise<MutationResult<Order>> {
    const { principal } = ctx;
    const isOrderSystem =
      principal.role === PrincipalRole.ADMIN || (principal.role === PrincipalRole.INTEGRATION && principal.sellerId === null);
    if (!isOrderSystem) throw new ForbiddenError('Orders come from the order system: admins and platform API keys only');
    const errors = validateOrder(input);
    if (errors.length > 0) return refused(...errors);
    const sellerId = input.soldBySellerId ? decodeIdArgument(input.soldBySellerId, 'Seller', 'input.soldBySellerId') : null;
    const shipments = input.shipments ?? [];
    const returns = input.returns ?? [];

    return ctx.dataSource.transaction(async (manager) => {
      const refusal = await referenceProblem(manager, input, sellerId);
      if (refusal !== null) return refused<Order>(refusal);
      const customerId = await upsertCustomer(manager, input.customer);
      const order = await upsertOrderRow(manager, input, customerId, sellerId, ctx.now());
      await replaceOrderItems(manager, order.id, input.items);
      await upsertShipments(manager, order.id, shipments, ctx.now());
      await upsertReturns(manager, order.id, returns, ctx.now());
      return succeeded(order);
    });
  }

  /**
   * A carrier updates its own parcel (admins and platform keys any parcel). A parcel that turns LOST moves
   * every ticket its carrier owns about it to the platform ("carrier stuck", docs/routing.md "Owner changes").
   */
  async recordShipmentUpdate(ctx: RequestContext, input: RecordShipmentUpdateParams): Promise<MutationResult<Shipment>> {
    const { principal } = ctx;
    const shipmentId = decodeIdArgument(input.shipmentId, 'Shipment', 'input.shipmentId');
    const carrierScope = principal.role === PrincipalRole.CARRIER ? principal.carrierId : null;
    const mayUpdate =
      carrierScope !== null ||
      principal.role === PrincipalRole.ADMIN ||
      (principal.role === PrincipalRole.INTEGRATION && principal.sellerId === null);
    if (!mayUpdate) throw new ForbiddenError('Shipment updates come from carriers (their own parcels), admins and platform API keys');
    const now = ctx.now();

    return ctx.dataSource.transaction(async (manager) => {
      const delivered = input.status === ShipmentStatus.DELIVERED;
      const [rows] = await manager.query<[RawRow[], number]>(
        `UPDATE shipments SET status = $2,
           delivery_method = COALESCE($3, delivery_method),
           delivered_at = CASE WHEN $4 THEN $5::timestamptz ELSE delivered_at END,
           shipped_at = CASE WHEN shipped_at IS NULL AND $2 IN ('IN_TRANSIT','OUT_FOR_DELIVERY','DELIVERED') THEN $5::timestamptz ELSE shipped_at END,
           updated_at = $6
         WHERE id = $1 AND ($7::bigint IS NULL OR carrier_id = $7)
         RETURNING *`,
        [shipmentId, input.status, input.deliveryMethod ?? null, delivered, input.occurredAt, now, carrierScope],
      );
      const shipment = hydrate(manager.connection, Shipment, rows)[0];
      if (!shipment) return refused<Shipment>(userError(UserErrorCode.NOT_FOUND, 'No such shipment among yours', 'input.shipmentId'));
      if (input.status === ShipmentStatus.LOST) {
        const tickets = await manager.query<Array<{ id: string }>>(
          `SELECT id FROM tickets WHERE shipment_id = $1 AND owner_party = $2 AND carrier_id = $3 AND status NOT IN ('SOLVED','CLOSED') ORDER BY id`,
          [shipment.id, OwnerParty.CARRIER, shipment.carrierId],
        );
        await this.ownership.escalateAutomatically(manager, now, {
          ticketIds: tickets.map((ticket) => ticket.id),
          kind: EscalationKind.CARRIER_STUCK,
          reason: 'The carrier reported the parcel LOST: the platform takes over',
        });
      }
      return succeeded(shipment);
    });
  }
}
