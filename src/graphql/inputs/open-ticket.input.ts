import { Field, ID, InputType } from 'type-graphql';
import { Language, TicketCategory, TicketChannel } from '../../domain/enums';
import { AttachmentInput } from './attachment.input';
import { TicketDetailsInput } from './ticket-details.input';
import { OpenTicketParams } from '../../services/params/open-ticket.params';

@InputType({ description: 'A customer contact. Nothing but channel, subject and body is required: the rest is detected or asked for.' })
export class OpenTicketInput implements OpenTicketParams {
  @Field(() => TicketChannel, { description: 'How the customer reached us.' })
  channel: TicketChannel;

  @Field({ description: 'Subject line, 1–200 characters.' })
  subject: string;

  @Field({ description: "The customer's first message, 1–10,000 characters." })
  body: string;

  @Field(() => ID, { nullable: true, description: 'The order concerned. A customer may name only their own orders.' })
  orderId?: string;

  @Field(() => ID, {
    nullable: true,
    description: "Required for agents and integrations opening a ticket on a customer's behalf; ignored for customers.",
  })
  customerId?: string;

  @Field(() => TicketCategory, { nullable: true, description: 'The topic the customer picked; classified from the text when absent.' })
  category?: TicketCategory;

  @Field(() => Language, { nullable: true, description: 'Detected from the text when absent.' })
  language?: Language;

  @Field(() => TicketDetailsInput, {
    nullable: true,
    description: 'Structured facts the customer already gave (tracking number, charge date, …); the bot asks for the missing ones.',
  })
  details?: TicketDetailsInput;

  @Field(() => [AttachmentInput], { nullable: true, description: 'At most 10.' })
  attachments?: AttachmentInput[];

  @Field(() => String, {
    nullable: true,
    description:
      'Retry key, 1–200 characters: the same key from the same caller with the same input returns the first ticket and creates nothing; with any other input (every field counts) it is refused with IDEMPOTENCY_KEY_REUSED.',
  })
  idempotencyKey?: string;
}
