import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from './connection.type';
import { MutationResult, UserError } from '../domain/user-error';
import { UserErrorType } from './user-error.type';

// API keys are not Nodes (`node(id)` does not resolve them); their ids are opaque all the same, in the shape
// of global ids, so that clients treat every id alike.

const API_KEY_TYPE_NAME = 'ApiKey';

export function toApiKeyId(databaseId: string): string {
  return Buffer.from(`${API_KEY_TYPE_NAME}:${databaseId}`, 'utf8').toString('base64url');
}

/** The database id inside an API key id, or null for anything that is not one. */
export function fromApiKeyId(apiKeyId: string): string | null {
  if (apiKeyId.length > 64 || !/^[A-Za-z0-9_-]+$/.test(apiKeyId)) return null;
  const match = /^ApiKey:([1-9][0-9]{0,18})$/.exec(Buffer.from(apiKeyId, 'base64url').toString('utf8'));
  return match && BigInt(match[1]) <= 9223372036854775807n ? match[1] : null;
}

export enum ApiKeyScope {
  PLATFORM = 'PLATFORM',
  SELLER = 'SELLER',
}
registerEnumType(ApiKeyScope, {
  name: 'ApiKeyScope',
  description: 'What an API key may see and do.',
  valuesConfig: {
    PLATFORM: { description: 'Sees what the platform sees (INTERNAL notes excepted); may sync orders and shipments.' },
    SELLER: { description: 'Sees exactly what its seller sees.' },
  },
});

@ObjectType({ description: 'An integration\'s API key. Its secret is shown once, when it is created; only a digest is stored.' })
export class ApiKey {
  /** Database id. */
  id: string;

  @Field(() => ID, { name: 'id', description: 'Opaque id; pass it to revokeApiKey.' })
  get globalId(): string {
    return toApiKeyId(this.id);
  }

  @Field({ description: 'What the key is for, as its creator named it.' })
  name: string;

  @Field({ description: 'The public start of the key, `tk_<prefix>_`: safe to show and log, and enough to recognise the key.' })
  prefix: string;

  sellerId: string | null;

  @Field(() => ApiKeyScope, { description: 'PLATFORM, or SELLER for a key that acts for `seller`.' })
  get scope(): ApiKeyScope {
    return this.sellerId === null ? ApiKeyScope.PLATFORM : ApiKeyScope.SELLER;
  }

  @Field({ description: 'Who created the key, as `<role>:<party id>`.' })
  createdBy: string;

  @Field({ description: 'When the key was issued.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Set when revoked; a revoked key authenticates nobody.' })
  revokedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last successful authentication, accurate to one minute (written at most once a minute).' })
  lastUsedAt: Date | null;
}

export const ApiKeyConnection = ConnectionType(ApiKey, 'ApiKey');

/** A key as created: the record, and the whole key, which exists nowhere else. */
export interface CreatedApiKey {
  apiKey: ApiKey;
  key: string;
}

@ObjectType({ description: 'Result of createApiKey.' })
export class CreateApiKeyPayload {
  @Field(() => ApiKey, { nullable: true, description: 'The key\'s record (without its secret); null when userErrors is not empty.' })
  apiKey: ApiKey | null;

  @Field(() => String, {
    nullable: true,
    description: 'The key, `tk_<prefix>_<secret>`. Shown this once: store it in the integration\'s secret store. Lost keys are revoked and replaced.',
  })
  key: string | null;

  @Field(() => [UserErrorType], { description: 'Empty on success.' })
  userErrors: UserError[];
}

@ObjectType({ description: 'Result of revokeApiKey.' })
export class RevokeApiKeyPayload {
  @Field(() => ApiKey, { nullable: true, description: 'The key as revoked (revokedAt set); null when userErrors is not empty.' })
  apiKey: ApiKey | null;

  @Field(() => [UserErrorType], { description: 'Empty on success.' })
  userErrors: UserError[];
}

export function createApiKeyPayload(result: MutationResult<CreatedApiKey>): CreateApiKeyPayload {
  return result.ok ? { apiKey: result.value.apiKey, key: result.value.key, userErrors: [] } : { apiKey: null, key: null, userErrors: result.userErrors };
}

export function revokeApiKeyPayload(result: MutationResult<ApiKey>): RevokeApiKeyPayload {
  return result.ok ? { apiKey: result.value, userErrors: [] } : { apiKey: null, userErrors: result.userErrors };
}
