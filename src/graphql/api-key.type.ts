import { Field, ObjectType } from 'type-graphql';
import { ApiKeyPermission } from '../domain/enums';
import type * as view from '../services/views/api-key.view';
import { ConnectionType } from './connection.type';
import { MutationResult, UserError } from '../domain/user-error';
import { UserErrorType } from './user-error.type';
import { Node } from '../entities/node.interface';

@ObjectType({
  implements: Node,
  description: "An integration's API key. Its secret is shown once, when it is created; only a digest is stored.",
})
export class ApiKey implements view.ApiKey {
  /** Database id. */
  id: string;

  @Field({ description: 'What the key is for, as its creator named it.' })
  name: string;

  @Field({ description: 'The public start of the key, `tk_<prefix>_`: safe to show and log, and enough to recognise the key.' })
  prefix: string;

  sellerId: string | null;

  @Field(() => [ApiKeyPermission], { description: 'What the key may read beyond its scope; empty for most keys, always for seller keys.' })
  permissions: ApiKeyPermission[];

  @Field({ description: 'Who created the key, as `<role>:<party id>`.' })
  createdBy: string;

  @Field({ description: 'When the key was issued.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Set when revoked; a revoked key authenticates nobody.' })
  revokedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Last successful authentication, accurate to one minute (written at most once a minute).',
  })
  lastUsedAt: Date | null;
}

export const ApiKeyConnection = ConnectionType(ApiKey, 'ApiKey');

@ObjectType({ description: 'Result of createApiKey.' })
export class CreateApiKeyPayload {
  @Field(() => ApiKey, { nullable: true, description: "The key's record (without its secret); null when userErrors is not empty." })
  apiKey: ApiKey | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The key, `tk_<prefix>_<secret>`. Shown this once: store it in the integration's secret store. Lost keys are revoked and replaced.",
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

export function createApiKeyPayload(result: MutationResult<view.CreatedApiKey>): CreateApiKeyPayload {
  return result.ok
    ? { apiKey: result.value.apiKey, key: result.value.key, userErrors: [] }
    : { apiKey: null, key: null, userErrors: result.userErrors };
}

export function revokeApiKeyPayload(result: MutationResult<ApiKey>): RevokeApiKeyPayload {
  return result.ok ? { apiKey: result.value, userErrors: [] } : { apiKey: null, userErrors: result.userErrors };
}
