import type { ApiKeyPermission } from '../../domain/enums';

// What the API key use cases return, as plain data; src/graphql/api-key.type.ts exposes it as the ApiKey type
// (its class implements the interface; the resolver derives `id` and `scope`).

export interface ApiKey {
  /** Database id (clients see toApiKeyId of it). */
  id: string;
  name: string;
  /** The public start of the key, `tk_<prefix>_`. */
  prefix: string;
  /** The seller a SELLER-scoped key acts for; null for a PLATFORM key. */
  sellerId: string | null;
  /** What the key may read beyond its scope (platform keys only). */
  permissions: ApiKeyPermission[];
  /** Who created the key, as `<role>:<party id>`. */
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** A key as created: the record, and the whole key, which exists nowhere else. */
export interface CreatedApiKey {
  apiKey: ApiKey;
  key: string;
}
