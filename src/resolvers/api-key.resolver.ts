import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ApiKeyScope } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import { Seller } from '../entities';
import {
  ApiKey,
  ApiKeyConnection,
  CreateApiKeyPayload,
  createApiKeyPayload,
  RevokeApiKeyPayload,
  revokeApiKeyPayload,
} from '../graphql/api-key.type';
import type { Connection } from '../domain/connection';
import type { GraphQLContext } from '../graphql/context';
import { CreateApiKeyInput } from '../graphql/inputs/api-key.input';
import { PageArgs } from './ticket.resolver';

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @FieldResolver(() => ID, {
    name: 'id',
    description: 'Opaque global id; pass it to revokeApiKey. `node(id:)` fetches the key again (admins).',
  })
  globalId(@Root() apiKey: ApiKey): string {
    return toGlobalId('ApiKey', apiKey.id);
  }

  @FieldResolver(() => ApiKeyScope, { description: 'PLATFORM, or SELLER for a key that acts for `seller`.' })
  scope(@Root() apiKey: ApiKey): ApiKeyScope {
    return apiKey.sellerId === null ? ApiKeyScope.PLATFORM : ApiKeyScope.SELLER;
  }

  @Query(() => ApiKeyConnection, { description: "Integrations' API keys, newest first, revoked ones included (admins)." })
  apiKeys(@Args() args: PageArgs, @Ctx() ctx: GraphQLContext): Promise<Connection<ApiKey>> {
    return ctx.services.apiKeys.listApiKeys(ctx, args);
  }

  @Mutation(() => CreateApiKeyPayload, {
    description:
      'Issue an API key for an integration, scoped to one seller or to the platform (admins). The key is in the payload, and only there.',
  })
  async createApiKey(
    @Arg('input', () => CreateApiKeyInput, { description: 'The request; each field is described on `CreateApiKeyInput`.' })
    input: CreateApiKeyInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreateApiKeyPayload> {
    return createApiKeyPayload(await ctx.services.apiKeys.createApiKey(ctx, input));
  }

  @Mutation(() => RevokeApiKeyPayload, { description: 'Revoke an API key: from the next request on, it authenticates nobody (admins).' })
  async revokeApiKey(
    @Arg('id', () => ID, { description: "The key's id (`ApiKey.id`)." }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RevokeApiKeyPayload> {
    return revokeApiKeyPayload(await ctx.services.apiKeys.revokeApiKey(ctx, { id }));
  }

  @FieldResolver(() => Seller, { nullable: true, description: 'The seller a SELLER-scoped key acts for.' })
  seller(@Root() apiKey: ApiKey, @Ctx() ctx: GraphQLContext): Promise<Seller | null> | null {
    return apiKey.sellerId ? ctx.loaders.sellerById.load(apiKey.sellerId) : null;
  }
}
