import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'What this operation cost of your budget of work, which every instance of the API shares (docs/security.md, "Throttling by cost").',
})
export class RateLimit {
  @Field(() => Int, {
    description: 'Points this operation cost: objects it may return, page sizes multiplied, plus 10 per mutation field (defaults).',
  })
  cost: number;

  @Field(() => Int, { description: 'Points you may spend per minute (the x-ratelimit-limit header).' })
  limit: number;

  @Field(() => Int, { description: 'Points left in the current minute after this operation (the x-ratelimit-remaining header).' })
  remaining: number;

  @Field(() => Date, { description: 'When the current minute ends and the budget is whole again (x-ratelimit-reset, in epoch seconds).' })
  resetAt: Date;
}
