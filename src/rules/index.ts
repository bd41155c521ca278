export { detectLanguage } from './language.rule';
export {
  CATEGORY_PRECEDENCE,
  classify,
  CLASSIFICATION_KEYWORDS,
  findPhrases,
  MINIMUM_CLASSIFICATION_CONFIDENCE,
  normaliseForMatching,
} from './classification.rule';
export type { Classification, ClassificationKeywords } from './classification.rule';
export { MISSING_DETAIL_KEYS, missingDetails, missingDetailsMessage } from './missing-details.rule';
export type { KnownFacts, MissingDetail, TicketDetails, WantedOutcome } from './missing-details.rule';
export { priorityFor, reportsTakeover, TAKEOVER_PHRASES } from './priority.rule';
export type { PriorityInput } from './priority.rule';
export {
  addBusinessDays,
  businessDaysBetween,
  formatTokyoDateTime,
  isJapaneseBusinessDay,
  tokyoCalendarDate,
} from './business-days.rule';
export {
  DEFAULT_ROUTING_RULES,
  REASON_PLACEHOLDERS,
  route,
  routingRuleProblems,
  routingTableProblems,
  ruleMatches,
} from './routing.rule';
export type {
  OrderFacts,
  ReturnFacts,
  RoutingDecision,
  RoutingFacts,
  RoutingRule,
  RuleCondition,
  RuleConditionFields,
  ShipmentFacts,
} from './routing.rule';
export {
  CLAIM_WINDOW_DAYS,
  claimEligibility,
  ITEM_NOT_RECEIVED_GRACE_DAYS,
  OWNER_RESOLUTION_HOURS,
} from './claim-eligibility.rule';
export type { ClaimBasis, ClaimEligibility, ClaimIneligibilityCode, ClaimInput } from './claim-eligibility.rule';
