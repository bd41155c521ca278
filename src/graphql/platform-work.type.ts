import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Language } from '../domain/enums';
import { PlatformWorkRefusal, PlatformWorkRefusalCode, PlatformWorkResult } from '../domain/platform-work';
import { UserError, UserErrorCode } from './user-error.type';

// Teams, queues and agents of the platform (issue #17, docs/queues.md). Platform staff only: for every other
// principal the lists are empty and the fields null.

@ObjectType({ description: 'A team of platform agents with its queue: the languages it serves, its calendar and its callback slots.' })
export class Team {
  @Field(() => ID, { description: 'Stable id, e.g. `payments`; recorded on every ticket its queue holds.' })
  id: string;

  @Field({ description: 'Display name.' })
  name: string;

  @Field(() => [Language], { description: 'Languages the team answers in; takeNextTicket gives an agent only tickets in its own languages.' })
  languages: Language[];

  @Field({ description: 'Id of the business calendar of the team\'s support hours (callbacks are scheduled in them), e.g. JP_SUPPORT_HOURS.' })
  calendarId: string;

  @Field(() => Int, { description: 'Length of one callback slot in minutes.' })
  callbackSlotMinutes: number;

  @Field(() => Int, { description: 'How many callbacks one slot takes at most.' })
  callbackSlotCapacity: number;
}

@ObjectType({ description: 'One entry of the queue table: which team\'s queue a platform ticket lands in. First match wins.' })
export class QueueRuleRecord {
  @Field({ description: 'Stable id, e.g. `account-security`; recorded on every ticket it places.' })
  id: string;

  @Field(() => Int, { description: 'Version of the rule; tickets record the version that placed them.' })
  version: number;

  @Field(() => Int, { description: 'Evaluation order, ascending; equal positions are ordered by id.' })
  position: number;

  @Field({ description: 'Id of the team whose queue the rule places tickets in.' })
  teamId: string;

  @Field(() => [GraphQLJSONObject], {
    description: 'Alternatives (OR); every field of one alternative must hold (AND): categories, languages, channels, priorities, routingRuleIds, escalated, escalationKinds. See docs/queues.md.',
  })
  when: readonly object[];

  @Field({ description: 'The reason recorded on tickets this rule places, with `{placeholders}` filled in.' })
  reason: string;
}

@ObjectType({ description: 'A platform agent: the teams whose queues it works and the languages it speaks.' })
export class Agent {
  @Field(() => ID, { description: 'The subject (sub) of the agent\'s JWT.' })
  id: string;

  @Field({ description: 'Display name.' })
  name: string;

  @Field(() => [Language], { description: 'Languages the agent answers in.' })
  languages: Language[];

  @Field(() => [String], { description: 'Ids of the agent\'s teams.' })
  teamIds: string[];
}

@InputType({ description: 'Registers an agent, or replaces its name, languages and teams (admins).' })
export class SaveAgentInput {
  @Field(() => ID, { description: 'The subject (sub) of the agent\'s JWT.' })
  agentId: string;

  @Field({ description: 'Display name, 1–200 characters.' })
  name: string;

  @Field(() => [Language], { description: 'At least one language.' })
  languages: Language[];

  @Field(() => [String], { description: 'Ids of the teams the agent belongs to (may be empty).' })
  teamIds: string[];
}

@ObjectType({ description: 'Result of saveAgent.' })
export class AgentPayload {
  @Field(() => Agent, { nullable: true, description: 'The agent as saved; null when userErrors is not empty.' })
  agent: object | null;

  @Field(() => [UserError], { description: 'Empty on success.' })
  userErrors: UserError[];
}

/** The GraphQL code of a refusal (the same names: src/domain/platform-work.ts). */
export function userErrorCodeOf(code: PlatformWorkRefusalCode): UserErrorCode {
  return UserErrorCode[code];
}

export function toUserErrors(refusals: PlatformWorkRefusal[]): UserError[] {
  return refusals.map((refusal) => ({ code: userErrorCodeOf(refusal.code), field: refusal.field, message: refusal.message }));
}

/** `{ [key]: value, userErrors: [] }` on success, `{ [key]: null, userErrors }` on a refusal. */
export function workPayload<K extends string, T>(key: K, result: PlatformWorkResult<T>): Record<K, T | null> & { userErrors: UserError[] } {
  const value = result.ok ? result.value : null;
  return { [key]: value, userErrors: result.ok ? [] : toUserErrors(result.refusals) } as Record<K, T | null> & { userErrors: UserError[] };
}
