import { Field, ID, ObjectType } from 'type-graphql';
import { CallerRole } from '../domain/enums';
import type * as view from '../services/views/me.view';

@ObjectType({ description: 'Who the API takes you for, and what you may see and do.' })
export class Me implements view.Me {
  @Field(() => CallerRole, { description: 'Your role; it decides what you see and may do.' })
  role: CallerRole;

  @Field(() => ID, {
    description:
      'Global id of your Customer, Seller or Carrier record; for agents and admins the staff id of the token; for integrations the id of the API key.',
  })
  partyId: string;

  customerId: string | null;
  sellerId: string | null;
  carrierId: string | null;

  @Field({
    description: 'What you may see and do, in words (docs/security.md, "What each principal sees and may do", has the whole table).',
  })
  scope: string;

  @Field({ description: 'True for platform agents and admins: the only callers who see INTERNAL notes.' })
  seesInternalNotes: boolean;
}
