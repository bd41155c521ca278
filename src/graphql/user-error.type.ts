import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { UserError, UserErrorCode } from '../domain/user-error';

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation did not do what was asked; nothing was written.',
  valuesConfig: {
    CARRIER_NOT_FOUND: { description: 'No carrier has this id.' },
    ORDER_NUMBER_TAKEN: { description: 'Another order (another externalId) already has this order number.' },
    CONFLICT: { description: 'The input conflicts with data already stored (a database constraint refused it); `field` says where.' },
    NOT_PLATFORM_TICKET: { description: 'The ticket is not owned by the platform: only platform tickets are assigned, queued or called back.' },
    ALREADY_ASSIGNED: { description: 'The ticket already has this assignee, or another agent took it first.' },
    AGENT_NOT_IN_TEAM: { description: 'The agent is not a member of the team whose queue holds the ticket.' },
    AGENT_NOT_FOUND: { description: 'No agent is registered with this id (admins register agents with saveAgent).' },
    NOT_QUEUED: { description: 'The ticket is in no team queue yet.' },
    CALLBACK_ALREADY_SCHEDULED: { description: 'A callback is already scheduled on this ticket.' },
    NO_CALLBACK_SLOT: { description: "No slot of the team's support hours is free within the scheduling horizon (14 days), or none matches the preferred windows." },
    NO_SCHEDULED_CALLBACK: { description: 'The ticket has no scheduled callback to record an outcome for.' },
  },
});

@ObjectType('UserError', { description: 'An expected reason a mutation was refused. Nothing was written when any is returned.' })
export class UserErrorType implements UserError {
  @Field(() => UserErrorCode)
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
