import { EntityManager } from 'typeorm';
import { AuthorRole, MessageVisibility } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';

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

/** Inserts messages in ONE statement; returns their ids in input order. */
export async function insertMessages(manager: EntityManager, messages: NewMessage[]): Promise<string[]> {
  const rows: Array<{ id: string }> = await manager.query(
    `INSERT INTO messages (ticket_id, author_role, author_id, body, visibility, attachments, created_by, idempotency_key, created_at)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::text[], $8::text[], $9::timestamptz[])
     RETURNING id`,
    [
      messages.map((message) => message.ticketId),
      messages.map((message) => message.authorRole),
      messages.map((message) => message.authorId),
      messages.map((message) => message.body),
      messages.map((message) => message.visibility),
      messages.map((message) => JSON.stringify(message.attachments)),
      messages.map((message) => message.createdBy),
      messages.map((message) => message.idempotencyKey),
      messages.map((message) => message.createdAt),
    ],
  );
  return rows.map((row) => row.id);
}

/** The payload of MESSAGE_POSTED: which message, by whom, and whether non-staff may see it. */
export function messagePostedPayload(message: { id: string; authorRole: AuthorRole; visibility: MessageVisibility }): Record<string, unknown> {
  return { messageId: toGlobalId('Message', message.id), authorRole: message.authorRole, visibility: message.visibility };
}
