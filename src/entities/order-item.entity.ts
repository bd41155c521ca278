import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from '../domain/global-id';
import { Node } from './node.interface';
import { Money } from './order.entity';

@ObjectType({ implements: Node, description: 'One line of an order.' })
@Entity('order_items')
export class OrderItem implements Node {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Field(() => ID, { name: 'id', description: 'Opaque global id, stable for the life of the record; `node(id:)` fetches it again.' })
  get globalId(): string {
    return toGlobalId('OrderItem', this.id);
  }

  @Column({ name: 'order_id', type: 'bigint' })
  orderId: string;

  @Field(() => Int, { description: 'Line number within the order, from 1.' })
  @Column('integer')
  position: number;

  @Field({ description: "The seller's stock keeping unit." })
  @Column('text')
  sku: string;

  @Field({ description: 'Item title as listed.' })
  @Column('text')
  title: string;

  @Field(() => Int, { description: 'Units ordered, at least 1.' })
  @Column('integer')
  quantity: number;

  @Column({ name: 'unit_price', type: 'numeric' })
  unitPriceAmount: string;

  /** Set from the order when loaded, so that a price carries its currency. */
  currency = 'JPY';

  @Field(() => Money, { nullable: true, description: 'Price of one unit. Hidden from carriers.' })
  get unitPrice(): Money {
    return { amount: this.unitPriceAmount, currency: this.currency };
  }
}
