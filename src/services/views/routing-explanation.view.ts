// What the use cases return, as plain data; src/graphql/routing-explanation.type.ts exposes each as the GraphQL type of the
// same name (its class implements the interface, so the two agree by the compiler).
import { Language, OwnerParty, TicketCategory, TicketPriority } from '../../domain/enums';

/** What openTicket would decide for a contact, without creating anything. */
export interface RoutingExplanation {
  owner: OwnerParty;
  rule: string;
  ruleVersion: number;
  reason: string;
  category: TicketCategory;
  classificationConfidence: number;
  categoryIsGuess: boolean;
  classifierModelVersion: string | null;
  language: Language;
  priority: TicketPriority;
  missingDetails: string[];
  evaluatedAt: Date;
}
