import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AuthorRole, MessageVisibility } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import { Node } from './node.interface';

@ObjectType({ description: 'Metadata of a file attached to a message; the file itself lives in object storage.' })
export class Attachment {
  @Field({ description: 'File name, as uploaded.' })
  name: string;

  @Field({ description: 'MIME type, e.g. image/jpeg.' })
  contentType: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  size: number;

  @Field({ description: 'Hex SHA-256 of the content.' })
  sha256: string;

  @Field({ description: "The stored file's https URL." })
  url: string;
}

@ObjectType({ implements: Node, description: "One message of a ticket's conversation." })
@Entity('messages')
export class Message implements Node {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Field(() => ID, { name: 'id', description: 'Opaque global id, stable for the life of the record; `node(id:)` fetches it again.' })
  get globalId(): string {
    return toGlobalId('Message', this.id);
  }

  @Column({ name: 'ticket_id', type: 'bigint' })
  ticketId: string;

  @Field(() => AuthorRole, { description: 'Who wrote it; BOT and SYSTEM messages never count as an owner response.' })
  @Column({ name: 'author_role', type: 'text' })
  authorRole: AuthorRole;

  /** Party id of the author (customer, seller, carrier or agent id); null for the bot and the system. */
  @Column({ name: 'author_id', type: 'text', nullable: true })
  authorId: string | null;

  @Field({ description: 'The text, 1–10,000 characters.' })
  @Column('text')
  body: string;

  @Field(() => MessageVisibility, {
    description: 'PUBLIC messages are the conversation; INTERNAL notes reach platform agents and admins only.',
  })
  @Column('text')
  visibility: MessageVisibility;

  @Field(() => [Attachment], { description: 'Files attached (at most 10); empty when none.' })
  @Column({ type: 'jsonb' })
  attachments: Attachment[];

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  /** sha256 of the whole input made under the key (src/rules/idempotency.rule.ts); null before digests were kept. */
  @Column({ name: 'idempotency_input_digest', type: 'text', nullable: true })
  idempotencyInputDigest: string | null;

  @Field({ description: 'When it was written.' })
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
