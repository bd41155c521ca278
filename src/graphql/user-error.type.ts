import { Field, ObjectType } from 'type-graphql';
import { UserError, UserErrorCode } from '../domain/user-error';

@ObjectType('UserError', { description: 'An expected reason a mutation was refused. Nothing was written when any is returned.' })
export class UserErrorType implements UserError {
  @Field(() => UserErrorCode, { description: 'What kind of refusal, for code to switch on; see the values.' })
  code: UserErrorCode;

  @Field(() => String, { nullable: true, description: 'Input field at fault, as a dotted path (e.g. `input.body`).' })
  field: string | null;

  @Field({ description: 'What went wrong, for a person.' })
  message: string;

  @Field(() => Date, { nullable: true, description: 'When the refused action will become possible, if it will (claims).' })
  eligibleAt?: Date | null;

  @Field(() => [String], { nullable: true, description: 'For INVALID_TRANSITION: the statuses the ticket may move to now.' })
  allowedStatuses?: string[] | null;
}
