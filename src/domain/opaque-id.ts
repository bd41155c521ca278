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

const API_KEY_TYPE_NAME = 'ApiKey';

/** The id clients see for an API key (`ApiKey:<database id>`, base64url). */
export function toApiKeyId(databaseId: string): string {
  return Buffer.from(`${API_KEY_TYPE_NAME}:${databaseId}`, 'utf8').toString('base64url');
}

/** The database id inside an API key id, or null for anything that is not one. */
export function fromApiKeyId(apiKeyId: string): string | null {
  if (apiKeyId.length > 64 || !/^[A-Za-z0-9_-]+$/.test(apiKeyId)) return null;
  const match = /^ApiKey:([1-9][0-9]{0,18})$/.exec(Buffer.from(apiKeyId, 'base64url').toString('utf8'));
  return match && BigInt(match[1]) <= 9223372036854775807n ? match[1] : null;
}

