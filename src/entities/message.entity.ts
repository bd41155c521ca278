import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AuthorRole, MessageVisibility } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import { Node } from '../graphql/node.interface';

@ObjectType({ description: 'Metadata of a file attached to a message; the file itself lives in object storage.' })
export class Attachment {
  @Field()
  name: string;

  @Field()
  contentType: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  size: number;

  @Field({ description: 'Hex SHA-256 of the content.' })
  sha256: string;

  @Field()
  url: string;
}

@ObjectType({ implements: Node, description: 'One message of a ticket\'s conversation.' })
@Entity('messages')
export class Message implements Node {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Message', this.id);
  }

  @Column({ name: 'ticket_id', type: 'bigint' })
  ticketId: string;

  @Field(() => AuthorRole)
  @Column({ name: 'author_role', type: 'text' })
  authorRole: AuthorRole;

  /** Party id of the author (customer, seller, carrier or agent id); null for the bot and the system. */
  @Column({ name: 'author_id', type: 'text', nullable: true })
  authorId: string | null;

  @Field()
  @Column('text')
  body: string;

  @Field(() => MessageVisibility)
  @Column('text')
  visibility: MessageVisibility;

  @Field(() => [Attachment])
  @Column({ type: 'jsonb' })
  attachments: Attachment[];

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  /** sha256 of the whole input made under the key (src/rules/idempotency.rule.ts); null before digests were kept. */
  @Column({ name: 'idempotency_input_digest', type: 'text', nullable: true })
  idempotencyInputDigest: string | null;

  @Field()
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
