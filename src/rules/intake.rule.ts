import { CustomerTier, Language, OrderStatus, TicketCategory } from '../domain/enums';
import { classify } from './classification.rule';
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

export interface IntakeDecision {
  language: Language;
  category: TicketCategory;
  classificationConfidence: number;
  missingDetails: MissingDetail[];
  priority: ReturnType<typeof priorityFor>;
  routing: RoutingDecision;
}

/** Everything DESIGN §3–4 decides when a contact arrives, in one pure step (shared by openTicket and explainRouting). */
export function decideIntake(facts: IntakeFacts, rules: readonly RoutingRule[], now: Date): IntakeDecision {
  const text = `${facts.subject}\n${facts.body}`;
  const classification = facts.pickedCategory
    ? { category: facts.pickedCategory, confidence: 1 }
    : classify(facts.subject, facts.body);
  const takeoverReported =
    facts.details.takeoverReported === true || facts.details.unauthorisedOrders === true || reportsTakeover(facts.subject, facts.body);
  return {
    language: facts.statedLanguage ?? detectLanguage(text),
    category: classification.category,
    classificationConfidence: classification.confidence,
    missingDetails: missingDetails(classification.category, facts.details, {
      hasShipment: facts.order?.shipment != null,
      hasOrder: facts.order !== null,
      orderAwaitingShipment: facts.order?.status === OrderStatus.PENDING || facts.order?.status === OrderStatus.UNSHIPPED,
      deliveryMethod: facts.order?.shipment?.deliveryMethod ?? null,
    }),
    priority: priorityFor({ category: classification.category, tier: facts.customerTier, takeoverReported, isEscalated: false }),
    routing: route({ category: classification.category, confidence: classification.confidence, order: facts.order }, rules, now),
  };
}
