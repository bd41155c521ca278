import { Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { RateLimit } from '../graphql/rate-limit.type';

@Resolver(() => RateLimit)
export class RateLimitResolver {
  @Query(() => RateLimit, {
    nullable: true,
    description:
      'What this operation cost and what is left of your budget per minute (shared by every instance); null only for work that was not charged, never over HTTP or WebSocket.',
  })
  rateLimit(@Ctx() ctx: GraphQLContext): RateLimit | null {
    return ctx.services.rateLimitStatus.describe(ctx);
  }
}
