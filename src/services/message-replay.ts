import { EntityManager } from 'typeorm';
import { principalLabel } from '../auth/principal';
import { hydrate, RawRow } from '../db/hydrate';
import { MutationResult, refused, succeeded, UserErrorCode, userError } from '../domain/user-error';
import { Message, Ticket } from '../entities';
import { idempotentInputDigest } from '../rules/idempotency.rule';
import { PostMessageParams } from './params/conversation.params';
import { RequestContext } from './request-context';
import type { PostedMessage } from './views/posted-message.view';

// A postMessage retried under the caller's idempotency key answers what the first attempt stored.

/**
 * What the first attempt under the caller's idempotency key answered; a refusal when that key posted another
 * input; null without a key or when it is new.
 */
export async function idempotentReplayOf(
  manager: EntityManager,
  ctx: RequestContext,
  ticket: Ticket,
  input: PostMessageParams,
): Promise<MutationResult<PostedMessage> | null> {
  const idempotencyKey = input.idempotencyKey ?? null;
  if (idempotencyKey === null) return null;
  const replayed = await messageStoredUnderKey(manager, ticket, principalLabel(ctx.principal), idempotencyKey);
  if (replayed === null) return null;
  // The whole input is compared (its digest); a message stored before digests were kept, by its body.
  const digest = replayed.message.idempotencyInputDigest;
  const sameInput = digest === null ? replayed.message.body === input.body : digest === idempotentInputDigest('postMessage', input);
  return sameInput
    ? succeeded(replayed)
    : refused<PostedMessage>(
        userError(
          UserErrorCode.IDEMPOTENCY_KEY_REUSED,
          'This idempotency key posted another message; send a new key for a new request',
          'input.idempotencyKey',
        ),
      );
}

/** The message stored under (caller, key) before, with the ticket it was written to or the follow-up it opened. */
async function messageStoredUnderKey(
  manager: EntityManager,
  ticket: Ticket,
  createdBy: string,
  idempotencyKey: string,
): Promise<PostedMessage | null> {
  const rows = await manager.query<RawRow[]>(`SELECT * FROM messages WHERE created_by = $1 AND idempotency_key = $2`, [
    createdBy,
    idempotencyKey,
  ]);
  const message = hydrate(manager.connection, Message, rows)[0];
  if (!message) return null;
  if (message.ticketId === ticket.id) return { message, ticket, followUpTicket: null };
  const ticketRows = await manager.query<RawRow[]>(`SELECT * FROM tickets WHERE id = $1`, [message.ticketId]);
  const messageTicket = hydrate(manager.connection, Ticket, ticketRows)[0];
  return messageTicket.followUpOfTicketId === ticket.id
    ? { message, ticket, followUpTicket: messageTicket }
    : { message, ticket: messageTicket, followUpTicket: null };
}
