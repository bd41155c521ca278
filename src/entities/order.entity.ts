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

@ObjectType({ implements: Node, description: 'A customer order, as the marketplace\'s order system reports it.' })
@Entity('orders')
export class Order implements Node {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Field(() => ID, { name: 'id' })
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

  @Field(() => FulfillmentChannel)
  @Column('text')
  fulfillment: FulfillmentChannel;

  @Field(() => OrderStatus)
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

  @Field(() => DeliveryAddress, { nullable: true })
  @Column({ name: 'delivery_address', type: 'jsonb' })
  deliveryAddress: DeliveryAddress;

  @Field()
  @Column({ name: 'placed_at', type: 'timestamptz' })
  placedAt: Date;

  @Field(() => Date, { nullable: true, description: 'The latest delivery date promised to the customer.' })
  @Column({ name: 'promised_delivery_at', type: 'timestamptz', nullable: true })
  promisedDeliveryAt: Date | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
