import { EntityManager } from 'typeorm';
import { AuthorRole, MessageVisibility } from '../domain/enums';
import { hydrate } from '../db/hydrate';
import { toGlobalId } from '../domain/global-id';
import { Message } from '../entities';

export interface NewMessage {
  ticketId: string;
  authorRole: AuthorRole;
  authorId: string | null;
  body: string;
  visibility: MessageVisibility;
  attachments: object[];
  createdBy: string | null;
  idempotencyKey: string | null;
  /** sha256 of the whole input under the key (src/rules/idempotency.rule.ts); only postMessage stores one. */
  idempotencyInputDigest?: string | null;
  createdAt: Date;
}

// The one writer of `messages`: every message — a customer's, an owner's reply, an agent's INTERNAL note, the
// bot's and the system's — is inserted by `insertMessages`, or, for a ticket's first messages, by the opening CTE
// (ticket-opening.ts) through `MESSAGE_COLUMNS` and `messageColumnArrays` below, so the column list lives here only.

/** The columns a new message writes, in the order of `messageColumnArrays`. */
export const MESSAGE_COLUMNS =
  'ticket_id, author_role, author_id, body, visibility, attachments, created_by, idempotency_key, idempotency_input_digest, created_at';

/** The new messages as one array per column of `MESSAGE_COLUMNS`, with the PostgreSQL type to cast each to. */
export function messageColumnArrays(messages: readonly NewMessage[]): Array<{ values: unknown[]; type: string }> {
  return [
    { values: messages.map((message) => message.ticketId), type: 'bigint' },
    { values: messages.map((message) => message.authorRole), type: 'text' },
    { values: messages.map((message) => message.authorId), type: 'text' },
    { values: messages.map((message) => message.body), type: 'text' },
    { values: messages.map((message) => message.visibility), type: 'text' },
    { values: messages.map((message) => JSON.stringify(message.attachments)), type: 'jsonb' },
    { values: messages.map((message) => message.createdBy), type: 'text' },
    { values: messages.map((message) => message.idempotencyKey), type: 'text' },
    { values: messages.map((message) => message.idempotencyInputDigest ?? null), type: 'text' },
    { values: messages.map((message) => message.createdAt), type: 'timestamptz' },
  ];
}

/** The message as the opening statement stores it (with the id drawn for it): what its RETURNING would give. */
export function storedMessageOf(message: NewMessage, id: string): Message {
  return Object.assign(new Message(), { ...message, id, idempotencyInputDigest: message.idempotencyInputDigest ?? null });
}

/**
 * Inserts messages in ONE statement and returns those stored, in input order. A message whose idempotency key its
 * caller already used is not stored (ON CONFLICT DO NOTHING): the caller compares the count.
 */
export async function insertMessages(manager: EntityManager, messages: readonly NewMessage[]): Promise<Message[]> {
  const columns = messageColumnArrays(messages);
  const rows: Array<Record<string, unknown>> = await manager.query(
    `INSERT INTO messages (${MESSAGE_COLUMNS})
     SELECT * FROM unnest(${columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(', ')})
     ON CONFLICT (created_by, idempotency_key) DO NOTHING
     RETURNING *`,
    columns.map((column) => column.values),
  );
  return hydrate(manager.connection, Message, rows);
}

/** The payload of MESSAGE_POSTED: which message, by whom, and whether non-staff may see it. */
export function messagePostedPayload(message: {
  id: string;
  authorRole: AuthorRole;
  visibility: MessageVisibility;
}): Record<string, unknown> {
  return { messageId: toGlobalId('Message', message.id), authorRole: message.authorRole, visibility: message.visibility };
}
