import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Language, OwnerParty, TicketCategory, TicketPriority } from '../domain/enums';

@ObjectType({ description: 'What openTicket would decide for a contact, without creating anything.' })
export class RoutingExplanation {
  @Field(() => OwnerParty)
  owner: OwnerParty;

  @Field({ description: 'Id of the first routing rule that matched.' })
  rule: string;

  @Field(() => Int)
  ruleVersion: number;

  @Field({ description: 'One line a person can read.' })
  reason: string;

  @Field(() => TicketCategory)
  category: TicketCategory;

  @Field(() => Float, { description: '1 when the category was given; below the triage threshold the PLATFORM triages.' })
  classificationConfidence: number;

  @Field(() => Language)
  language: Language;

  @Field(() => TicketPriority)
  priority: TicketPriority;

  @Field(() => [String], { description: 'Details the bot would ask the customer for.' })
  missingDetails: string[];

  @Field({ description: 'The time the rules were evaluated at.' })
  evaluatedAt: Date;
}
