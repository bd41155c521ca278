import { Field, ID, InputType, Int } from 'type-graphql';
import { OwnerParty, TicketCategory, TicketPriority, TicketStatus } from '../../domain/enums';
import { SlaFilterParams, TicketFilterParams } from '../../services/params/ticket-filter.params';

@InputType({ description: "Conditions on a ticket's SLA clocks." })
export class SlaFilter implements SlaFilterParams {
  @Field(() => Boolean, { nullable: true, description: 'true: tickets with a breached clock; false: tickets without one.' })
  breached?: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'Tickets whose next due time is at most this many minutes away (overdue ones included).',
  })
  dueWithinMinutes?: number;
}

@InputType({ description: 'Every given condition must hold (AND); a list matches any of its values (OR).' })
export class TicketFilter implements TicketFilterParams {
  @Field(() => [TicketStatus], { nullable: true, description: 'Tickets in any of these statuses.' })
  status?: TicketStatus[];

  @Field(() => [OwnerParty], { nullable: true, description: 'Tickets owned now by any of these parties.' })
  ownerParty?: OwnerParty[];

  @Field(() => ID, { nullable: true, description: 'Tickets about orders this seller sold.' })
  sellerId?: string;

  @Field(() => ID, { nullable: true, description: 'Tickets this carrier owns or owned last.' })
  carrierId?: string;

  @Field(() => ID, { nullable: true, description: 'Tickets of this customer (global id).' })
  customerId?: string;

  @Field(() => ID, { nullable: true, description: 'Tickets about this order (global id).' })
  orderId?: string;

  @Field(() => [TicketCategory], { nullable: true, description: 'Tickets of any of these categories.' })
  category?: TicketCategory[];

  @Field(() => [TicketPriority], { nullable: true, description: 'Tickets of any of these priorities.' })
  priority?: TicketPriority[];

  @Field(() => Date, { nullable: true, description: 'Opened at or after this time.' })
  createdAfter?: Date;

  @Field(() => Date, { nullable: true, description: 'Opened before this time.' })
  createdBefore?: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'Substring search (case-insensitive, any language, e.g. 置き配) over the subject and the messages you can see. 2–200 characters.',
  })
  text?: string;

  @Field(() => SlaFilter, { nullable: true, description: 'Conditions on the SLA clocks: breached, or due within some minutes.' })
  sla?: SlaFilter;

  @Field(() => ID, {
    nullable: true,
    description:
      'Tickets assigned to this agent (its id, `Agent.id`, or its JWT subject, `Agent.subject`), in any status. For customers, sellers and carriers nothing matches.',
  })
  assigneeId?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: "my tickets", those assigned to the calling agent. For everyone but agents nothing matches.',
  })
  assignedToMe?: boolean;

  @Field(() => [String], {
    nullable: true,
    description:
      "Tickets waiting for the platform in these teams' queues (team keys, `Team.key`). For customers, sellers and carriers nothing matches.",
  })
  queue?: string[];

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: tickets waiting for the platform without an assignee; false: tickets with one. For customers, sellers and carriers nothing matches.',
  })
  unassigned?: boolean;
}
