import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ReturnStatus } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import { Node } from './node.interface';

@ObjectType('Return', { implements: Node, description: "A return of an order's goods and its refund." })
@Entity('returns')
export class OrderReturn implements Node {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Field(() => ID, { name: 'id', description: 'Opaque global id, stable for the life of the record; `node(id:)` fetches it again.' })
  get globalId(): string {
    return toGlobalId('Return', this.id);
  }

  @Field({ description: 'Id of the return in the order system.' })
  @Column({ name: 'external_id', type: 'text' })
  externalId: string;

  @Column({ name: 'order_id', type: 'bigint' })
  orderId: string;

  @Field(() => ReturnStatus, { description: 'Where the return and its refund stand.' })
  @Column('text')
  status: ReturnStatus;

  @Field(() => String, { nullable: true, description: 'Why the customer returns the goods; null when not given.' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field({ description: 'When the customer asked for the return.' })
  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the seller or warehouse received the goods back.' })
  @Column({ name: 'received_at', type: 'timestamptz', nullable: true })
  receivedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the customer was refunded; null until then.' })
  @Column({ name: 'refunded_at', type: 'timestamptz', nullable: true })
  refundedAt: Date | null;

  @Field({ description: 'When the return first reached this API.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When upsertOrder last changed it.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
