import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Language } from '../domain/enums';
import { Ticket } from '../entities';
import { MutationResult, UserError } from '../domain/user-error';
import { UserErrorType } from './user-error.type';
import { Node } from '../entities/node.interface';

// Teams, queues and agents of the platform (issue #17, docs/queues.md). Platform staff only: for every other
// principal the lists are empty and the fields null.

@ObjectType({
  implements: Node,
  description: 'A team of platform agents with its queue: the languages it serves, its calendar and its callback slots.',
})
export class Team {
  /** The team's key; clients see its global id as `id` (TeamResolver). */
  @Field(() => String, {
    name: 'key',
    description: 'Stable key, e.g. `payments`: what `teamId` fields, `Agent.teamIds` and SaveAgentInput.teamIds name.',
  })
  id: string;

  @Field({ description: 'Display name.' })
  name: string;

  @Field(() => [Language], {
    description: 'Languages the team answers in; takeNextTicket gives an agent only tickets in its own languages.',
  })
  languages: Language[];

  @Field({
    description: "Id of the business calendar of the team's support hours (callbacks are scheduled in them), e.g. JP_SUPPORT_HOURS.",
  })
  calendarId: string;

  @Field(() => Int, { description: 'Length of one callback slot in minutes.' })
  callbackSlotMinutes: number;

  @Field(() => Int, { description: 'How many callbacks one slot takes at most.' })
  callbackSlotCapacity: number;
}

@ObjectType({ description: "One entry of the queue table: which team's queue a platform ticket lands in. First match wins." })
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
    description:
      'Alternatives (OR); every field of one alternative must hold (AND): categories, languages, channels, priorities, routingRuleIds, escalated, escalationKinds. See docs/queues.md.',
  })
  when: readonly object[];

  @Field({ description: 'The reason recorded on tickets this rule places, with `{placeholders}` filled in.' })
  reason: string;
}

@ObjectType({ implements: Node, description: 'A platform agent: the teams whose queues it works and the languages it speaks.' })
export class Agent {
  /** The JWT subject; clients see its global id as `id` (AgentResolver). */
  @Field(() => String, {
    name: 'subject',
    description: "The subject (sub) of the agent's JWT: what SaveAgentInput.agentId and outcomeRecordedBy name.",
  })
  id: string;

  @Field({ description: 'Display name.' })
  name: string;

  @Field(() => [Language], { description: 'Languages the agent answers in.' })
  languages: Language[];

  @Field(() => [String], { description: "Ids of the agent's teams." })
  teamIds: string[];
}

@InputType({ description: 'Registers an agent, or replaces its name, languages and teams (admins).' })
export class SaveAgentInput {
  @Field(() => ID, { description: "The subject (sub) of the agent's JWT." })
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

  @Field(() => [UserErrorType], { description: 'Empty on success.' })
  userErrors: UserError[];
}

/** `{ [key]: value, userErrors: [] }` on success, `{ [key]: null, userErrors }` on a refusal. */
export function workPayload<K extends string, T>(key: K, result: MutationResult<T>): Record<K, T | null> & { userErrors: UserError[] } {
  const value = result.ok ? result.value : null;
  return { [key]: value, userErrors: result.ok ? [] : result.userErrors } as Record<K, T | null> & { userErrors: UserError[] };
}

@ObjectType({ description: "Where a platform ticket waits: its team's queue, the queue rule that put it there, and its assignee." })
export class TicketQueue {
  @Field(() => Team, { description: 'The team whose queue holds the ticket.' })
  team: Team;

  @Field({ description: 'Id of the queue rule that placed the ticket (e.g. `payments`), or `no-queue-rule`.' })
  ruleId: string;

  @Field(() => Int, { description: 'Version of the queue rule that placed the ticket (0 for `no-queue-rule`).' })
  ruleVersion: number;

  @Field({ description: 'Why the ticket is in this queue, one line a person can read.' })
  reason: string;

  @Field({ description: 'When the queue table last placed the ticket (at intake, on coming back to the platform, on a reclassification).' })
  queuedAt: Date;

  @Field({
    description:
      'Whether the ticket waits for the platform now: owned by it and neither SOLVED nor CLOSED. A ticket owned by a seller or carrier keeps its entry (and its assignee) for when it comes back.',
  })
  isWaiting: boolean;

  @Field(() => Agent, {
    nullable: true,
    description: 'The agent working the ticket; null while it waits unassigned. Kept through owner changes.',
  })
  assignee: Agent | null;

  @Field(() => Date, { nullable: true, description: 'When the assignee was assigned or took the ticket.' })
  assignedAt: Date | null;
}

@InputType({ description: "Assigns a platform ticket to an agent of its queue's team, or sends it back to the queue." })
export class AssignTicketInput {
  @Field(() => ID, { description: 'The ticket.' })
  ticketId: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The agent: its id (`Agent.id`) or its JWT subject (`Agent.subject`); null or absent: back to the queue without an assignee.',
  })
  agentId?: string | null;
}

@ObjectType({ description: 'Result of takeNextTicket.' })
export class TakeNextTicketPayload {
  @Field(() => Ticket, {
    nullable: true,
    description: 'The ticket you now have; null when no ticket waits in your queues and languages, or when userErrors is not empty.',
  })
  ticket: Ticket | null;

  @Field(() => [UserErrorType], { description: 'Empty on success (also when no ticket waits).' })
  userErrors: UserError[];
}
