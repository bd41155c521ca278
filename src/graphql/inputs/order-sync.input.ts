import { Field, ID, InputType, Int } from 'type-graphql';
import {
  CustomerTier, DeliveryMethod, FulfillmentChannel, Language, OrderStatus, PaymentMethod, ReturnStatus, ShipmentStatus,
} from '../../domain/enums';
import { CustomerSyncParams, OrderItemSyncParams, ShipmentSyncParams, ReturnSyncParams, UpsertOrderParams, RecordShipmentUpdateParams } from '../../services/params/order-sync.params';

@InputType({ description: 'The customer as the order system knows them; created or updated by external id.' })
export class CustomerSyncInput implements CustomerSyncParams {
  @Field()
  externalId: string;

  @Field()
  name: string;

  @Field()
  email: string;

  @Field(() => String, { nullable: true })
  phone?: string;

  @Field(() => Language, { nullable: true, defaultValue: Language.ja })
  preferredLanguage?: Language;

  @Field(() => CustomerTier, { nullable: true, defaultValue: CustomerTier.STANDARD })
  tier?: CustomerTier;
}

@InputType()
export class OrderItemSyncInput implements OrderItemSyncParams {
  @Field()
  sku: string;

  @Field()
  title: string;

  @Field(() => Int)
  quantity: number;

  @Field({ description: 'Decimal string, e.g. "1980" or "12.50".' })
  unitPrice: string;
}

@InputType({ description: 'A parcel of the order; created or updated by external id.' })
export class ShipmentSyncInput implements ShipmentSyncParams {
  @Field()
  externalId: string;

  @Field({ description: 'Code of a known carrier, e.g. YAMATO.' })
  carrierCode: string;

  @Field()
  trackingNumber: string;

  @Field(() => ShipmentStatus)
  status: ShipmentStatus;

  @Field(() => DeliveryMethod, { nullable: true })
  deliveryMethod?: DeliveryMethod;

  @Field(() => Date, { nullable: true })
  shippedAt?: Date;

  @Field(() => Date, { nullable: true })
  deliveredAt?: Date;
}

@InputType({ description: 'A return of the order; created or updated by external id.' })
export class ReturnSyncInput implements ReturnSyncParams {
  @Field()
  externalId: string;

  @Field(() => ReturnStatus)
  status: ReturnStatus;

  @Field(() => String, { nullable: true })
  reason?: string;

  @Field()
  requestedAt: Date;

  @Field(() => Date, { nullable: true })
  receivedAt?: Date;

  @Field(() => Date, { nullable: true })
  refundedAt?: Date;
}

@InputType({
  description: 'An order as the order system holds it. Idempotent: the same externalId updates the same order; items are replaced, shipments and returns upserted by their external ids.',
})
export class UpsertOrderInput implements UpsertOrderParams {
  @Field()
  externalId: string;

  @Field({ description: '503-1234567-7654321 style.' })
  number: string;

  @Field(() => CustomerSyncInput)
  customer: CustomerSyncInput;

  @Field(() => ID, { nullable: true, description: 'The seller that sold it; null for the platform\'s own retail.' })
  soldBySellerId?: string;

  @Field(() => FulfillmentChannel)
  fulfillment: FulfillmentChannel;

  @Field(() => OrderStatus)
  status: OrderStatus;

  @Field(() => [OrderItemSyncInput])
  items: OrderItemSyncInput[];

  @Field({ description: 'Decimal string.' })
  totalAmount: string;

  @Field({ defaultValue: 'JPY' })
  currency: string;

  @Field(() => PaymentMethod)
  paymentMethod: PaymentMethod;

  @Field()
  placedAt: Date;

  @Field(() => Date, { nullable: true })
  promisedDeliveryAt?: Date;

  @Field({ description: 'Postal code.' })
  postalCode: string;

  @Field()
  region: string;

  @Field()
  addressLine: string;

  @Field()
  recipient: string;

  @Field(() => [ShipmentSyncInput], { nullable: true })
  shipments?: ShipmentSyncInput[];

  @Field(() => [ReturnSyncInput], { nullable: true })
  returns?: ReturnSyncInput[];
}

@InputType({ description: 'A carrier\'s status update of one of its own parcels.' })
export class RecordShipmentUpdateInput implements RecordShipmentUpdateParams {
  @Field(() => ID)
  shipmentId: string;

  @Field(() => ShipmentStatus)
  status: ShipmentStatus;

  @Field(() => DeliveryMethod, { nullable: true, description: 'How it was handed over (with DELIVERED).' })
  deliveryMethod?: DeliveryMethod;

  @Field({ description: 'When it happened, as the carrier recorded it.' })
  occurredAt: Date;
}
