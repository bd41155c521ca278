import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Language } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import { Node } from './node.interface';

@ObjectType({ implements: Node, description: "A third-party merchant. The platform's own retail arm is not a seller." })
@Entity('sellers')
export class Seller implements Node {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Field(() => ID, { name: 'id', description: 'Opaque global id, stable for the life of the record; `node(id:)` fetches it again.' })
  get globalId(): string {
    return toGlobalId('Seller', this.id);
  }

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId: string | null;

  @Field({ description: 'The shop name customers see.' })
  @Column('text')
  name: string;

  @Field({ description: "Where the marketplace reaches the seller's support team." })
  @Column({ name: 'contact_email', type: 'text' })
  contactEmail: string;

  @Field(() => String, { nullable: true, description: "Phone of the seller's support team; null when it gave none." })
  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone: string | null;

  @Field(() => [Language], { description: 'Languages the seller answers customers in.' })
  @Column({ name: 'support_languages', type: 'text', array: true })
  supportLanguages: Language[];

  @Field({ description: 'When the seller record was created here.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
