import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CustomerTier, Language } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import { Node } from './node.interface';

@ObjectType({ implements: Node, description: 'A marketplace customer. Sellers see a relay e-mail address and no phone number.' })
@Entity('customers')
export class Customer implements Node {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Field(() => ID, { name: 'id', description: 'Opaque global id, stable for the life of the record; `node(id:)` fetches it again.' })
  get globalId(): string {
    return toGlobalId('Customer', this.id);
  }

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId: string | null;

  @Field({ description: 'Full name as the customer gave it.' })
  @Column('text')
  name: string;

  @Field({ description: 'Contact e-mail. For sellers and carriers: a relay address that forwards to the customer.' })
  @Column('text')
  email: string;

  @Field(() => String, { nullable: true, description: 'Phone number; hidden from sellers and carriers.' })
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Field(() => Language, { description: 'The language the customer prefers to be answered in.' })
  @Column({ name: 'preferred_language', type: 'text' })
  preferredLanguage: Language;

  @Field(() => CustomerTier, { description: 'PRIME and BUSINESS customers get one priority level more.' })
  @Column('text')
  tier: CustomerTier;

  @Field({ description: 'When the customer record was created here.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
