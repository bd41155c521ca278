import { Field, ID, InputType, Int } from 'type-graphql';
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
import {
  CustomerSyncParams,
  OrderItemSyncParams,
  ShipmentSyncParams,
  ReturnSyncParams,
  UpsertOrderParams,
  RecordShipmentUpdateParams,
} from '../../services/params/order-sync.params';

@InputType({ description: 'The customer as the order system knows them; created or updated by external id.' })
export class CustomerSyncInput implements CustomerSyncParams {
  @Field({ description: "The customer's id in the order system: the key the customer is created or updated by." })
  externalId: string;

  @Field({ description: 'Full name.' })
  name: string;

  @Field({ description: 'Contact e-mail (never shown to sellers or carriers).' })
  email: string;

  @Field(() => String, { nullable: true, description: 'Phone number, optional (never shown to sellers or carriers).' })
  phone?: string;

  @Field(() => Language, { nullable: true, defaultValue: Language.ja, description: 'Language to answer in; ja when omitted.' })
  preferredLanguage?: Language;

  @Field(() => CustomerTier, {
    nullable: true,
    defaultValue: CustomerTier.STANDARD,
    description: 'Membership level; STANDARD when omitted.',
  })
  tier?: CustomerTier;
}

@InputType({ description: 'One line of the order; the lines given replace the stored ones.' })
export class OrderItemSyncInput implements OrderItemSyncParams {
  @Field({ description: "The seller's stock keeping unit." })
  sku: string;

  @Field({ description: 'Item title as listed.' })
  title: string;

  @Field(() => Int, { description: 'Units ordered, at least 1.' })
  quantity: number;

  @Field({ description: 'Decimal string, e.g. "1980" or "12.50".' })
  unitPrice: string;
}

@InputType({ description: 'A parcel of the order; created or updated by external id.' })
export class ShipmentSyncInput implements ShipmentSyncParams {
  @Field({ description: "The shipment's id in the order system: the key it is created or updated by." })
  externalId: string;

  @Field({ description: 'Code of a known carrier, e.g. YAMATO.' })
  carrierCode: string;

  @Field({ description: "The carrier's tracking number." })
  trackingNumber: string;

  @Field(() => ShipmentStatus, { description: 'Where the parcel stands now.' })
  status: ShipmentStatus;

  @Field(() => DeliveryMethod, { nullable: true, description: 'How it was (or will be) handed over; optional.' })
  deliveryMethod?: DeliveryMethod;

  @Field(() => Date, { nullable: true, description: 'When the carrier took it; omit before.' })
  shippedAt?: Date;

  @Field(() => Date, { nullable: true, description: 'When it was delivered; omit before.' })
  deliveredAt?: Date;
}

@InputType({ description: 'A return of the order; created or updated by external id.' })
export class ReturnSyncInput implements ReturnSyncParams {
  @Field({ description: "The return's id in the order system: the key it is created or updated by." })
  externalId: string;

  @Field(() => ReturnStatus, { description: 'Where the return stands now.' })
  status: ReturnStatus;

  @Field(() => String, { nullable: true, description: 'Why the customer returns the goods; optional.' })
  reason?: string;

  @Field({ description: 'When the customer asked for the return.' })
  requestedAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When the goods were received back; omit before. Routing counts refund delays from it.',
  })
  receivedAt?: Date;

  @Field(() => Date, { nullable: true, description: 'When the customer was refunded; omit before.' })
  refundedAt?: Date;
}

@InputType({
  description:
    'An order as the order system holds it. Idempotent: the same externalId updates the same order; items are replaced, shipments and returns upserted by their external ids.',
})
export class UpsertOrderInput implements UpsertOrderParams {
  @Field({ description: "The order's id in the order system: the same externalId always updates the same order." })
  externalId: string;

  @Field({ description: '503-1234567-7654321 style.' })
  number: string;

  @Field(() => CustomerSyncInput, { description: 'The customer who placed it; created or updated by its externalId.' })
  customer: CustomerSyncInput;

  @Field(() => ID, { nullable: true, description: "The seller that sold it; null for the platform's own retail." })
  soldBySellerId?: string;

  @Field(() => FulfillmentChannel, { description: 'Who stores and ships the goods.' })
  fulfillment: FulfillmentChannel;

  @Field(() => OrderStatus, { description: 'Where the order stands now.' })
  status: OrderStatus;

  @Field(() => [OrderItemSyncInput], { description: 'Every line of the order; replaces the stored lines.' })
  items: OrderItemSyncInput[];

  @Field({ description: 'Decimal string.' })
  totalAmount: string;

  @Field({ defaultValue: 'JPY', description: 'ISO 4217 currency of the amounts; JPY when omitted.' })
  currency: string;

  @Field(() => PaymentMethod, { description: 'How the customer paid (hidden from sellers and carriers).' })
  paymentMethod: PaymentMethod;

  @Field({ description: 'When the customer placed the order.' })
  placedAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'The latest delivery date promised to the customer; claims and routing count from it.',
  })
  promisedDeliveryAt?: Date;

  @Field({ description: 'Postal code.' })
  postalCode: string;

  @Field({ description: 'Delivery address: prefecture or state.' })
  region: string;

  @Field({ description: 'Delivery address: city, ward, street and building as one line.' })
  addressLine: string;

  @Field({ description: 'Delivery address: recipient as printed on the label.' })
  recipient: string;

  @Field(() => [ShipmentSyncInput], { nullable: true, description: 'Parcels, upserted by their externalId; omitted ones are kept.' })
  shipments?: ShipmentSyncInput[];

  @Field(() => [ReturnSyncInput], { nullable: true, description: 'Returns, upserted by their externalId; omitted ones are kept.' })
  returns?: ReturnSyncInput[];
}

@InputType({ description: "A carrier's status update of one of its own parcels." })
export class RecordShipmentUpdateInput implements RecordShipmentUpdateParams {
  @Field(() => ID, { description: 'The shipment (global id); one of your own parcels.' })
  shipmentId: string;

  @Field(() => ShipmentStatus, { description: "The parcel's new status; LOST moves your open tickets about it to the platform." })
  status: ShipmentStatus;

  @Field(() => DeliveryMethod, { nullable: true, description: 'How it was handed over (with DELIVERED).' })
  deliveryMethod?: DeliveryMethod;

  @Field({ description: 'When it happened, as the carrier recorded it.' })
  occurredAt: Date;
}
