import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Language, OwnerParty, TicketCategory, TicketPriority } from '../domain/enums';
import type * as view from '../services/views/routing-explanation.view';

@ObjectType({ description: 'What openTicket would decide for a contact, without creating anything.' })
export class RoutingExplanation implements view.RoutingExplanation {
  @Field(() => OwnerParty, { description: 'The party that would own the ticket.' })
  owner: OwnerParty;

  @Field({ description: 'Id of the first routing rule that matched.' })
  rule: string;

  @Field(() => Int, { description: 'Version of that rule.' })
  ruleVersion: number;

  @Field({ description: 'One line a person can read.' })
  reason: string;

  @Field(() => TicketCategory, { description: "The category it would get: the one given, or the classifier's." })
  category: TicketCategory;

  @Field(() => Float, { description: 'Calibrated probability of the category, 0–1; 1 when the category was given.' })
  classificationConfidence: number;

  @Field({ description: "True when the probability is under the model's threshold: the category is a guess and the PLATFORM triages." })
  categoryIsGuess: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Version of the intake model that classified the text; null when the category was given.',
  })
  classifierModelVersion: string | null;

  @Field(() => Language, { description: 'The language it would get: the one given, or the detected one.' })
  language: Language;

  @Field(() => TicketPriority, { description: 'The priority it would get.' })
  priority: TicketPriority;

  @Field(() => [String], { description: 'Details the bot would ask the customer for.' })
  missingDetails: string[];

  @Field({ description: 'The time the rules were evaluated at.' })
  evaluatedAt: Date;
}
