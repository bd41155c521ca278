// Global ids are opaque to clients: base64url("<TypeName>:<database id>"). Database ids are bigint identities,
// carried as decimal strings because they may exceed 2^53.

export const NODE_TYPE_NAMES = ['Ticket', 'Message', 'TicketEvent', 'Order', 'OrderItem', 'Shipment', 'Return', 'Customer', 'Seller', 'Carrier'] as const;
export type NodeTypeName = (typeof NODE_TYPE_NAMES)[number];

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

export function toGlobalId(typeName: NodeTypeName, id: string | number): string {
  return Buffer.from(`${typeName}:${id}`, 'utf8').toString('base64url');
}

/** Throws MalformedGlobalIdError for anything that is not an id this API issued (of any type). */
export function fromGlobalId(globalId: string): DecodedGlobalId {
  if (globalId.length > 64 || !/^[A-Za-z0-9_-]+$/.test(globalId)) throw new MalformedGlobalIdError(globalId);
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  const typeName = decoded.slice(0, separator) as NodeTypeName;
  const id = decoded.slice(separator + 1);
  if (separator < 0 || !NODE_TYPE_NAMES.includes(typeName) || !DATABASE_ID.test(id) || BigInt(id) > 9223372036854775807n) {
    throw new MalformedGlobalIdError(globalId);
  }
  return { typeName, id };
}

/** Decodes an id that must name a record of `expected`; an id of another type is as malformed as garbage. */
export function fromGlobalIdOfType(globalId: string, expected: NodeTypeName): string {
  const decoded = fromGlobalId(globalId);
  if (decoded.typeName !== expected) throw new MalformedGlobalIdError(globalId);
  return decoded.id;
}
