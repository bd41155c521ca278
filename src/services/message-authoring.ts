import { Principal, principalLabel, principalPartyId } from '../auth/principal';
import { assertNever, AuthorRole, MessageVisibility, OwnerParty, PrincipalRole } from '../domain/enums';
import { Ticket } from '../entities';
import { idempotentInputDigest } from '../rules/idempotency.rule';
import { MessageWriter } from '../rules/ticket-status.rule';
import { storedAttachments } from './message-validation';
import { PostMessageParams } from './params/conversation.params';
import { RequestContext } from './request-context';
import { isOwningParty } from './ticket-actors';
import { NewMessage } from './ticket-messages';

/** How the principal writes on a ticket it can see; null when it may read but not write. */
export function writerOf(principal: Principal, ticket: Ticket): MessageWriter | null {
  switch (principal.role) {
    case PrincipalRole.CUSTOMER:
      return 'CUSTOMER';
    case PrincipalRole.SELLER:
      if (isOwningParty(principal, ticket)) return 'OWNER';
      // A claim escalated from the seller: it answers the claim without owning the ticket.
      return ticket.ownerParty === OwnerParty.PLATFORM && ticket.isEscalated && ticket.sellerId === principal.sellerId
        ? 'CLAIM_RESPONDENT'
        : null;
    case PrincipalRole.CARRIER:
      return isOwningParty(principal, ticket) ? 'OWNER' : null;
    case PrincipalRole.AGENT:
    case PrincipalRole.ADMIN:
      // A platform agent answers for the owner only when the platform owns the ticket.
      return ticket.ownerParty === OwnerParty.PLATFORM ? 'OWNER' : 'AGENT';
    case PrincipalRole.INTEGRATION:
    case PrincipalRole.SYSTEM:
      // The service's own messages (a callback's request to write) are written by their use case, not posted.
      return null;
    default:
      return assertNever(principal);
  }
}

function authorRoleOf(principal: Principal): AuthorRole {
  switch (principal.role) {
    case PrincipalRole.CUSTOMER:
      return AuthorRole.CUSTOMER;
    case PrincipalRole.SELLER:
      return AuthorRole.SELLER;
    case PrincipalRole.CARRIER:
      return AuthorRole.CARRIER;
    case PrincipalRole.AGENT:
    case PrincipalRole.ADMIN:
      return AuthorRole.AGENT;
    case PrincipalRole.SYSTEM:
      return AuthorRole.SYSTEM;
    case PrincipalRole.INTEGRATION:
      throw new Error('Integrations never write messages; writerOf refuses them first');
    default:
      return assertNever(principal);
  }
}

/** The message as it will be stored, on `ticket` (a follow-up moves it to the new ticket); the digest is of the input as sent. */
export function messageDraft(
  ctx: RequestContext,
  ticket: Ticket,
  input: PostMessageParams,
  visibility: MessageVisibility,
  now: Date,
): NewMessage {
  const { principal } = ctx;
  const idempotencyKey = input.idempotencyKey ?? null;
  return {
    ticketId: ticket.id,
    authorRole: authorRoleOf(principal),
    authorId: principalPartyId(principal),
    body: input.body,
    visibility,
    attachments: storedAttachments(input.attachments),
    createdBy: principalLabel(principal),
    idempotencyKey,
    idempotencyInputDigest: idempotencyKey === null ? null : idempotentInputDigest('postMessage', input),
    createdAt: now,
  };
}
