import { Field, ObjectType } from 'type-graphql';
import { Message, Ticket } from '../entities';
import { MutationResult, UserError } from '../domain/user-error';
import type { PostedMessage } from '../services/views/posted-message.view';
import { UserErrorType } from './user-error.type';

@ObjectType({ description: 'Result of postMessage. All fields but userErrors are null when userErrors is not empty.' })
export class PostMessagePayload {
  @Field(() => Message, { nullable: true, description: 'The message as stored (the first one, when the idempotency key was used before).' })
  message: Message | null;

  @Field(() => Ticket, {
    nullable: true,
    description: 'The ticket written to, as it now stands (status moved, reopened, or closed when its reopen window had passed).',
  })
  ticket: Ticket | null;

  @Field(() => Ticket, {
    nullable: true,
    description:
      'The follow-up ticket the message opened, when the ticket written to was finished (CLOSED, or SOLVED more than 7 days ago); the message belongs to it.',
  })
  followUpTicket: Ticket | null;

  @Field(() => [UserErrorType], { description: 'Empty on success.' })
  userErrors: UserError[];
}

export function postMessagePayload(result: MutationResult<PostedMessage>): PostMessagePayload {
  return result.ok
    ? { ...result.value, userErrors: [] }
    : { message: null, ticket: null, followUpTicket: null, userErrors: result.userErrors };
}
