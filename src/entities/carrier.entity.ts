import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from '../domain/global-id';
import { Node } from './node.interface';

@ObjectType({ implements: Node, description: 'A delivery company that carries parcels and investigates delivery issues.' })
@Entity('carriers')
export class Carrier implements Node {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Field(() => ID, { name: 'id', description: 'Opaque global id, stable for the life of the record; `node(id:)` fetches it again.' })
  get globalId(): string {
    return toGlobalId('Carrier', this.id);
  }

  @Field({ description: 'Short stable code, e.g. YAMATO.' })
  @Column('text')
  code: string;

  @Field({ description: 'Display name, e.g. Yamato Transport.' })
  @Column('text')
  name: string;

  @Field(() => String, { nullable: true, description: 'URL with `{trackingNumber}` where the tracking number goes.' })
  @Column({ name: 'tracking_url_template', type: 'text', nullable: true })
  trackingUrlTemplate: string | null;

  @Field({ description: 'When the carrier record was created here.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
