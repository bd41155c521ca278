// Plain input of the use cases (services never see GraphQL classes); src/graphql/inputs/order-sync.input.ts
// implements each interface, so the schema and the service agree by the compiler.
import {
  CustomerTier,
  DeliveryMethod,
  FulfillmentChannel,
  Language,
  OrderStatus,
  PaymentMethod,
  ReturnStatus,
  ShipmentStatus,
} from '../../domain/enums';

/** The customer as the order system knows them; created or updated by external id. */
export interface CustomerSyncParams {
  readonly externalId: string;
  readonly name: string;
  readonly email: string;
  readonly phone?: string;
  readonly preferredLanguage?: Language;
  readonly tier?: CustomerTier;
}

/** One line of the order; the lines given replace the stored ones. */
export interface OrderItemSyncParams {
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  readonly unitPrice: string;
}

/** A parcel of the order; created or updated by external id. */
export interface ShipmentSyncParams {
  readonly externalId: string;
  readonly carrierCode: string;
  readonly trackingNumber: string;
  readonly status: ShipmentStatus;
  readonly deliveryMethod?: DeliveryMethod;
  readonly shippedAt?: Date;
  readonly deliveredAt?: Date;
}

/** A return of the order; created or updated by external id. */
export interface ReturnSyncParams {
  readonly externalId: string;
  readonly status: ReturnStatus;
  readonly reason?: string;
  readonly requestedAt: Date;
  readonly receivedAt?: Date;
  readonly refundedAt?: Date;
}

/** An order as the order system holds it. Idempotent: the same externalId updates the same order; items are replaced, shipments and returns upserted by their external ids. */
export interface UpsertOrderParams {
  readonly externalId: string;
  readonly number: string;
  readonly customer: CustomerSyncParams;
  readonly soldBySellerId?: string;
  readonly fulfillment: FulfillmentChannel;
  readonly status: OrderStatus;
  readonly items: OrderItemSyncParams[];
  readonly totalAmount: string;
  readonly currency: string;
  readonly paymentMethod: PaymentMethod;
  readonly placedAt: Date;
  readonly promisedDeliveryAt?: Date;
  readonly postalCode: string;
  readonly region: string;
  readonly addressLine: string;
  readonly recipient: string;
  readonly shipments?: ShipmentSyncParams[];
  readonly returns?: ReturnSyncParams[];
}

/** A carrier's status update of one of its own parcels. */
export interface RecordShipmentUpdateParams {
  readonly shipmentId: string;
  readonly status: ShipmentStatus;
  readonly deliveryMethod?: DeliveryMethod;
  readonly occurredAt: Date;
}
