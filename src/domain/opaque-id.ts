// Ids of records that are not Nodes (`node(id)` does not resolve them), opaque all the same and in the shape of
// global ids, so that clients treat every id alike: base64url("<TypeName>:<database id>").

export type OpaqueIdTypeName = 'WebhookEndpoint' | 'WebhookDelivery' | 'CallbackRequest';

export function toOpaqueId(typeName: OpaqueIdTypeName, databaseId: string): string {
  return Buffer.from(`${typeName}:${databaseId}`, 'utf8').toString('base64url');
}

/** The database id inside an opaque id of `typeName`, or null for anything else. */
export function fromOpaqueId(typeName: OpaqueIdTypeName, opaqueId: string): string | null {
  if (opaqueId.length > 64 || !/^[A-Za-z0-9_-]+$/.test(opaqueId)) return null;
  const decoded = Buffer.from(opaqueId, 'base64url').toString('utf8');
  const match = /^([A-Za-z]+):([1-9][0-9]{0,18})$/.exec(decoded);
  return match && match[1] === typeName && BigInt(match[2]) <= 9223372036854775807n ? match[2] : null;
}
