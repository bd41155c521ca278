import type { ApiKeyPermission } from '../../domain/enums';

// Plain input of the use cases (services never see GraphQL classes); src/graphql/inputs/api-key.input.ts
// implements each interface, so the schema and the service agree by the compiler.

/** A new API key for an integration (admins only). */
export interface CreateApiKeyParams {
  readonly name: string;
  readonly sellerId?: string;
  /** What the key may read beyond its scope; platform keys only. */
  readonly permissions?: readonly ApiKeyPermission[] | null;
}
