import { Field, ID, InputType } from 'type-graphql';
import { MessageVisibility } from '../../domain/enums';
import { AttachmentInput } from './attachment.input';
import { PostMessageParams } from '../../services/params/conversation.params';

@InputType({
  description:
    "A message on a ticket, by its customer, its owning seller or carrier (a seller also while a claim against it is escalated), or a platform agent. A customer's message to a CLOSED ticket, or to one SOLVED more than 7 days ago, opens a follow-up ticket instead.",
})
export class PostMessageInput implements PostMessageParams {
  @Field(() => ID, { description: 'The ticket to write on (global id).' })
  ticketId: string;

  @Field({ description: 'The text, 1–10,000 characters.' })
  body: string;

  @Field(() => MessageVisibility, {
    nullable: true,
    defaultValue: MessageVisibility.PUBLIC,
    description:
      'PUBLIC (default) is part of the conversation with the customer; INTERNAL notes are for platform agents only and are refused for anyone else.',
  })
  visibility?: MessageVisibility;

  @Field(() => [AttachmentInput], { nullable: true, description: 'At most 10.' })
  attachments?: AttachmentInput[];

  @Field(() => String, {
    nullable: true,
    description:
      'Retry key, 1–200 characters, per caller: the same key with the same input returns the first message and writes nothing; with any other input (another ticket, body, visibility or attachments) it is refused with IDEMPOTENCY_KEY_REUSED.',
  })
  idempotencyKey?: string;
}
