import { Principal } from '../auth/principal';
import { SqlParameters } from '../db/sql-parameters';
import { assertNever, PrincipalRole } from '../domain/enums';

// Parameters of a statement compiled once and run for many requests (src/loaders/ticket-answer-sql.ts). The
// statement is assembled with a stand-in principal whose ids are markers: every parameter the scope and masking
// functions add is then either a marker (read from the request's principal at run time), a constant (the same for
// every request), or computed per request from the variables (`addComputed`).

/** A document this path does not answer (or a request whose values it does not take): the usual path does. */
export class NotAnswerable extends Error {}

/** What a compiled statement's parameters are computed from, per request. */
export interface AnswerInput {
  principal: Principal;
  variables: Readonly<Record<string, unknown>>;
}

type Slot = (input: AnswerInput) => unknown;

/** Never a real id: a NUL cannot be in a PostgreSQL text, so a marker that reached a statement would fail it. */
const MARKER = '\u0000principal:';

function mentionsMarker(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(MARKER);
  if (Array.isArray(value)) return value.some(mentionsMarker);
  return false;
}

function slotOf(value: unknown): Slot {
  if (typeof value === 'string' && value.startsWith(MARKER)) {
    const property = value.slice(MARKER.length);
    return (input) => (input.principal as unknown as Record<string, unknown>)[property];
  }
  // A marker inside a composite value (an array of ids): its shape would be fixed at compile time.
  if (mentionsMarker(value)) throw new NotAnswerable('a principal value inside a composite parameter');
  return () => value;
}

export class AnswerParameters extends SqlParameters {
  private readonly slots: Slot[] = [];

  override add(value: unknown): string {
    this.slots.push(slotOf(value));
    return super.add(value);
  }

  /** A parameter computed from each request (its variables); `read` throws NotAnswerable for a value it refuses. */
  addComputed(read: Slot): string {
    this.slots.push(read);
    return super.add(null);
  }

  /** The values of one request, in placeholder order. */
  bind(input: AnswerInput): unknown[] {
    return this.slots.map((slot) => slot(input));
  }
}

const marker = (property: string) => `${MARKER}${property}`;

/**
 * The principal a statement is compiled for: its role (and, for an integration, whether it is a seller's), with
 * markers for ids. `shape` names what the compiled text may depend on.
 */
export function standInPrincipal(principal: Principal): { shape: string; standIn: Principal } {
  switch (principal.role) {
    case PrincipalRole.CUSTOMER:
      return { shape: principal.role, standIn: { role: principal.role, customerId: marker('customerId') } };
    case PrincipalRole.SELLER:
      return { shape: principal.role, standIn: { role: principal.role, sellerId: marker('sellerId') } };
    case PrincipalRole.CARRIER:
      return { shape: principal.role, standIn: { role: principal.role, carrierId: marker('carrierId') } };
    case PrincipalRole.AGENT:
      return { shape: principal.role, standIn: { role: principal.role, agentId: marker('agentId') } };
    case PrincipalRole.ADMIN:
      return { shape: principal.role, standIn: { role: principal.role, adminId: marker('adminId') } };
    case PrincipalRole.INTEGRATION:
      // Permissions change what a key reads (a notifier's callback numbers): part of the shape, kept as they are.
      return {
        shape: `${principal.role}:${principal.sellerId === null ? 'platform' : 'seller'}:${[...principal.permissions].sort().join(',')}`,
        standIn: {
          role: principal.role,
          apiKeyId: marker('apiKeyId'),
          sellerId: principal.sellerId === null ? null : marker('sellerId'),
          permissions: principal.permissions,
        },
      };
    case PrincipalRole.SYSTEM:
      // The service's own work runs no client's documents; its scope reads no id.
      return { shape: principal.role, standIn: principal };
    default:
      return assertNever(principal);
  }
}
