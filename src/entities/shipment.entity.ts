import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DeliveryMethod, ShipmentStatus } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import { Node } from './node.interface';

@ObjectType({ implements: Node, description: 'A parcel of an order, as its carrier reports it.' })
@Entity('shipments')
export class Shipment implements Node {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Shipment', this.id);
  }

  @Field({ description: 'Id of the shipment in the order system.' })
  @Column({ name: 'external_id', type: 'text' })
  externalId: string;

  @Column({ name: 'order_id', type: 'bigint' })
  orderId: string;

  @Column({ name: 'carrier_id', type: 'bigint' })
  carrierId: string;

  @Field()
  @Column({ name: 'tracking_number', type: 'text' })
  trackingNumber: string;

  @Field(() => ShipmentStatus)
  @Column('text')
  status: ShipmentStatus;

  @Field(() => DeliveryMethod, { nullable: true, description: 'How the parcel was or will be handed over.' })
  @Column({ name: 'delivery_method', type: 'text', nullable: true })
  deliveryMethod: DeliveryMethod | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'shipped_at', type: 'timestamptz', nullable: true })
  shippedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
