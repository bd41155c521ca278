import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { FulfillmentChannel, OrderStatus, PaymentMethod } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import { Node } from './node.interface';

@ObjectType({ description: 'A postal address in the shape the order system sends it.' })
export class DeliveryAddress {
  @Field({ description: 'Postal code, e.g. 150-0001.' })
  postalCode: string;

  @Field({ description: 'Prefecture or state.' })
  region: string;

  @Field({ description: 'City, ward, street and building as one line.' })
  line: string;

  @Field({ description: 'Recipient as printed on the label.' })
  recipient: string;
}

@ObjectType({ description: 'An amount of money. `amount` is a decimal string so that no precision is lost.' })
export class Money {
  @Field({ description: 'Decimal amount, e.g. "1980.00".' })
  amount: string;

  @Field({ description: 'ISO 4217 currency code.' })
  currency: string;
}

@ObjectType({ implements: Node, description: "A customer order, as the marketplace's order system reports it." })
@Entity('orders')
export class Order implements Node {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Field(() => ID, { name: 'id', description: 'Opaque global id, stable for the life of the record; `node(id:)` fetches it again.' })
  get globalId(): string {
    return toGlobalId('Order', this.id);
  }

  @Field({ description: 'Id of the order in the order system; the key of `upsertOrder`.' })
  @Column({ name: 'external_id', type: 'text' })
  externalId: string;

  @Field({ description: 'Human order number, e.g. 503-1234567-7654321.' })
  @Column('text')
  number: string;

  @Column({ name: 'customer_id', type: 'bigint' })
  customerId: string;

  @Column({ name: 'sold_by_seller_id', type: 'bigint', nullable: true })
  soldBySellerId: string | null;

  @Field(() => FulfillmentChannel, {
    description: "Who stores and ships the goods; PLATFORM-fulfilled orders are the platform's to answer.",
  })
  @Column('text')
  fulfillment: FulfillmentChannel;

  @Field(() => OrderStatus, { description: 'Where the order stands.' })
  @Column('text')
  status: OrderStatus;

  @Column({ name: 'total_amount', type: 'numeric' })
  totalAmount: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Field(() => Money, { nullable: true, description: 'Order total. Hidden from carriers.' })
  get total(): Money {
    return { amount: this.totalAmount, currency: this.currency };
  }

  @Field(() => PaymentMethod, { nullable: true, description: 'Hidden from sellers and carriers.' })
  @Column({ name: 'payment_method', type: 'text' })
  paymentMethod: PaymentMethod;

  @Field(() => DeliveryAddress, {
    nullable: true,
    description: 'Where the goods go; everyone who sees the order sees it (carriers need it to deliver).',
  })
  @Column({ name: 'delivery_address', type: 'jsonb' })
  deliveryAddress: DeliveryAddress;

  @Field({ description: 'When the customer placed the order.' })
  @Column({ name: 'placed_at', type: 'timestamptz' })
  placedAt: Date;

  @Field(() => Date, { nullable: true, description: 'The latest delivery date promised to the customer.' })
  @Column({ name: 'promised_delivery_at', type: 'timestamptz', nullable: true })
  promisedDeliveryAt: Date | null;

  @Field({ description: 'When the order first reached this API.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When upsertOrder last changed it.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
