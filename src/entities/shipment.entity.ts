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

  @Field(() => ID, { name: 'id', description: 'Opaque global id, stable for the life of the record; `node(id:)` fetches it again.' })
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

  @Field({ description: "The carrier's tracking number." })
  @Column({ name: 'tracking_number', type: 'text' })
  trackingNumber: string;

  @Field(() => ShipmentStatus, { description: 'Where the parcel stands, as its carrier last reported it.' })
  @Column('text')
  status: ShipmentStatus;

  @Field(() => DeliveryMethod, { nullable: true, description: 'How the parcel was or will be handed over.' })
  @Column({ name: 'delivery_method', type: 'text', nullable: true })
  deliveryMethod: DeliveryMethod | null;

  @Field(() => Date, { nullable: true, description: 'When the carrier took the parcel; null before.' })
  @Column({ name: 'shipped_at', type: 'timestamptz', nullable: true })
  shippedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the carrier reports it delivered; null before.' })
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Field({ description: 'When the shipment first reached this API.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When the order system or the carrier last changed it.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
