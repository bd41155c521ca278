// Global ids are opaque to clients: base64url("<TypeName>:<key>"). Hand-written rather than graphql-relay's
// toGlobalId/fromGlobalId because decoding here also validates the key (a bigint identity, or a team's or agent's
// text key), which the library leaves to every caller. Database ids are bigint identities, carried as decimal
// strings because they may exceed 2^53.

export const NODE_TYPE_NAMES = [
  'Ticket',
  'Message',
  'TicketEvent',
  'Order',
  'OrderItem',
  'Shipment',
  'Return',
  'Customer',
  'Seller',
  'Carrier',
  'ApiKey',
  'WebhookEndpoint',
  'WebhookDelivery',
  'CallbackRequest',
  'AdminAuditEntry',
  'Team',
  'Agent',
] as const;
export type NodeTypeName = (typeof NODE_TYPE_NAMES)[number];

/** Types keyed by text (`payments`, a JWT subject) rather than a bigint identity. */
const TEXT_KEYED_TYPES: ReadonlySet<NodeTypeName> = new Set<NodeTypeName>(['Team', 'Agent']);

export interface DecodedGlobalId {
  typeName: NodeTypeName;
  id: string;
}

export class MalformedGlobalIdError extends Error {
  constructor(readonly globalId: string) {
    super(`"${globalId}" is not a valid id`);
  }
}

const DATABASE_ID = /^[1-9][0-9]{0,18}$/;
/** A text key: letters, digits, `_`, `-`, `.`; at most 40 characters, so that every global id stays within 64. */
const TEXT_KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;
const MAXIMUM_GLOBAL_ID_CHARACTERS = 64;

export function toGlobalId(typeName: NodeTypeName, id: string | number): string {
  return Buffer.from(`${typeName}:${id}`, 'utf8').toString('base64url');
}

function isValidKey(typeName: NodeTypeName, id: string): boolean {
  if (TEXT_KEYED_TYPES.has(typeName)) return TEXT_KEY.test(id);
  return DATABASE_ID.test(id) && BigInt(id) <= 9223372036854775807n;
}

/** Throws MalformedGlobalIdError for anything that is not an id this API issued (of any type). */
export function fromGlobalId(globalId: string): DecodedGlobalId {
  if (globalId.length > MAXIMUM_GLOBAL_ID_CHARACTERS || !/^[A-Za-z0-9_-]+$/.test(globalId)) throw new MalformedGlobalIdError(globalId);
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  const typeName = decoded.slice(0, separator) as NodeTypeName;
  const id = decoded.slice(separator + 1);
  if (separator < 0 || !NODE_TYPE_NAMES.includes(typeName) || !isValidKey(typeName, id)) throw new MalformedGlobalIdError(globalId);
  return { typeName, id };
}

/** Decodes an id that must name a record of `expected`; an id of another type is as malformed as garbage. */
export function fromGlobalIdOfType(globalId: string, expected: NodeTypeName): string {
  const decoded = fromGlobalId(globalId);
  if (decoded.typeName !== expected) throw new MalformedGlobalIdError(globalId);
  return decoded.id;
}

/** The key inside a global id of `expected`, or null for anything else (malformed, or of another type). */
export function globalIdKeyOrNull(globalId: string, expected: NodeTypeName): string | null {
  try {
    return fromGlobalIdOfType(globalId, expected);
  } catch (error) {
    if (error instanceof MalformedGlobalIdError) return null;
    throw error;
  }
}
