import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ActorRole, TicketEventType } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import { Node } from './node.interface';

@ObjectType({ implements: Node, description: "One entry of a ticket's append-only timeline and of the integration event feed." })
@Entity('ticket_events')
export class TicketEvent implements Node {
  @PrimaryColumn({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS' })
  sequence: string;

  @Field(() => ID, { name: 'id', description: 'Opaque global id, stable for the life of the record; `node(id:)` fetches it again.' })
  get globalId(): string {
    return toGlobalId('TicketEvent', this.sequence);
  }

  @Field(() => String, {
    name: 'sequence',
    description: 'Global, increasing position in the event log (a decimal string: it may exceed 2^53).',
  })
  get sequenceNumber(): string {
    return this.sequence;
  }

  @Column({ name: 'ticket_id', type: 'bigint' })
  ticketId: string;

  @Field(() => ID, { name: 'ticketId', description: 'Global id of the ticket the event belongs to.' })
  get ticketGlobalId(): string {
    return toGlobalId('Ticket', this.ticketId);
  }

  @Field(() => TicketEventType, { description: "What happened; decides the payload's shape." })
  @Column('text')
  type: TicketEventType;

  @Field(() => ActorRole, {
    description: "Role of whoever caused the event; SYSTEM for the service's own work (timers, routing, automatic escalations and closes).",
  })
  @Column({ name: 'actor_role', type: 'text' })
  actorRole: ActorRole;

  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId: string | null;

  @Field(() => GraphQLJSONObject, { description: 'What changed; the shape per type is documented in docs/events.md.' })
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Field({ description: 'When it happened (the commit of its change).' })
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
