import { CustomerTier, Language, OrderStatus, TicketCategory } from '../domain/enums';
import { ModelClassification } from './intake-model.rule';
import { detectLanguage } from './language.rule';
import { MissingDetail, missingDetails, TicketDetails } from './missing-details.rule';
import { priorityFor, reportsTakeover } from './priority.rule';
import { OrderFacts, route, RoutingDecision, RoutingRule } from './routing.rule';

export interface IntakeFacts {
  subject: string;
  body: string;
  /** The topic the customer picked, if any: used as is, with confidence 1. */
  pickedCategory: TicketCategory | null;
  /** The language the client stated, if any. */
  statedLanguage: Language | null;
  details: TicketDetails;
  customerTier: CustomerTier;
  order: OrderFacts | null;
}

/** Classifies a contact's subject and body (the learned model of src/rules/intake-model.rule.ts in production). */
export type ContactClassifier = (subject: string, body: string) => ModelClassification;

export interface IntakeDecision {
  language: Language;
  category: TicketCategory;
  classificationConfidence: number;
  /** The category is the classifier's guess under its threshold: routed to triage, prioritised as OTHER. */
  categoryIsGuess: boolean;
  /** The category did not settle the owner: a guess, or a text classified as OTHER; routing sent it to triage. */
  routingIsTriage: boolean;
  /** The model that classified the text; null when the customer picked the category. */
  classifierModelVersion: string | null;
  missingDetails: MissingDetail[];
  priority: ReturnType<typeof priorityFor>;
  routing: RoutingDecision;
}

/**
 * Everything intake and routing decide (docs/routing.md) when a contact arrives, in one pure step (shared by openTicket and explainRouting).
 * A guessed category is kept for the triage agent to see but decides neither the owner nor the priority.
 */
export function decideIntake(facts: IntakeFacts, rules: readonly RoutingRule[], classifier: ContactClassifier, now: Date): IntakeDecision {
  const text = `${facts.subject}\n${facts.body}`;
  const classification = facts.pickedCategory
    ? { category: facts.pickedCategory, confidence: 1, isGuess: false, modelVersion: null }
    : classifier(facts.subject, facts.body);
  const takeoverReported =
    facts.details.takeoverReported === true || facts.details.unauthorisedOrders === true || reportsTakeover(facts.subject, facts.body);
  const priorityCategory = classification.isGuess ? TicketCategory.OTHER : classification.category;
  // A text the model files under OTHER names no issue any party owns: the platform looks at it first, as at a guess.
  const triage = classification.isGuess || (facts.pickedCategory === null && classification.category === TicketCategory.OTHER);
  return {
    language: facts.statedLanguage ?? detectLanguage(text),
    category: classification.category,
    classificationConfidence: classification.confidence,
    categoryIsGuess: classification.isGuess,
    routingIsTriage: triage,
    classifierModelVersion: classification.modelVersion,
    missingDetails: missingDetails(classification.category, facts.details, {
      hasShipment: facts.order?.shipment != null,
      hasOrder: facts.order !== null,
      orderAwaitingShipment: facts.order?.status === OrderStatus.PENDING || facts.order?.status === OrderStatus.UNSHIPPED,
      deliveryMethod: facts.order?.shipment?.deliveryMethod ?? null,
    }),
    priority: priorityFor({ category: priorityCategory, tier: facts.customerTier, takeoverReported, isEscalated: false }),
    routing: route(
      { category: classification.category, confidence: classification.confidence, isGuess: triage, order: facts.order },
      rules,
      now,
    ),
  };
}
