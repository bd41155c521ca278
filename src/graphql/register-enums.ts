import { registerEnumType } from 'type-graphql';
import {
  ACTOR_ROLE_DESCRIPTIONS,
  ADMIN_ACTION_DESCRIPTIONS,
  ADMIN_ENTITY_TYPE_DESCRIPTIONS,
  AUTHOR_ROLE_DESCRIPTIONS,
  CUSTOMER_TIER_DESCRIPTIONS,
  DELIVERY_METHOD_DESCRIPTIONS,
  FULFILLMENT_CHANNEL_DESCRIPTIONS,
  LANGUAGE_DESCRIPTIONS,
  MESSAGE_VISIBILITY_DESCRIPTIONS,
  ORDER_STATUS_DESCRIPTIONS,
  OWNER_PARTY_DESCRIPTIONS,
  PAYMENT_METHOD_DESCRIPTIONS,
  PRINCIPAL_ROLE_DESCRIPTIONS,
  RETURN_STATUS_DESCRIPTIONS,
  SHIPMENT_STATUS_DESCRIPTIONS,
  TICKET_CATEGORY_DESCRIPTIONS,
  TICKET_CHANNEL_DESCRIPTIONS,
  TICKET_EVENT_TYPE_DESCRIPTIONS,
  TICKET_PRIORITY_DESCRIPTIONS,
  TICKET_RESOLUTION_DESCRIPTIONS,
  TICKET_STATUS_DESCRIPTIONS,
  USER_ERROR_CODE_DESCRIPTIONS,
} from '../domain/enum-descriptions';
import { CallbackCancelReason, CallbackOutcome, CallbackStatus } from '../domain/callback';
import {
  ActorRole,
  AdminAction,
  AdminEntityType,
  ApiKeyPermission,
  ApiKeyScope,
  AuthorRole,
  CallerRole,
  CustomerTier,
  DeliveryMethod,
  FulfillmentChannel,
  Language,
  MessageOrder,
  MessageVisibility,
  OrderStatus,
  OwnerParty,
  PaymentMethod,
  ReturnStatus,
  ShipmentStatus,
  TicketCategory,
  TicketChannel,
  TicketEventType,
  TicketOrder,
  TicketPriority,
  TicketResolution,
  TicketStatus,
  WantedOutcome,
  WebhookDeliveryStatus,
  WebhookEndpointScope,
} from '../domain/enums';
import { UserErrorCode } from '../domain/user-error';
import {
  API_KEY_PERMISSION_DESCRIPTIONS,
  API_KEY_SCOPE_DESCRIPTIONS,
  CALLBACK_CANCEL_REASON_DESCRIPTIONS,
  CALLBACK_OUTCOME_DESCRIPTIONS,
  CALLBACK_STATUS_DESCRIPTIONS,
  MESSAGE_ORDER_DESCRIPTIONS,
  TICKET_ORDER_DESCRIPTIONS,
  WANTED_OUTCOME_DESCRIPTIONS,
  WEBHOOK_DELIVERY_STATUS_DESCRIPTIONS,
  WEBHOOK_ENDPOINT_SCOPE_DESCRIPTIONS,
} from '../domain/workflow-enum-descriptions';
import { SlaClockState } from '../rules/sla-clock-model.rule';
import { SLA_CLOCK_STATE_DESCRIPTIONS, SLA_METRIC_DESCRIPTIONS, SLA_REPORT_GROUPING_DESCRIPTIONS } from '../rules/sla-enum-descriptions';
import { SlaMetric } from '../rules/sla-policy.rule';
import { SlaReportGrouping } from '../rules/sla-report.rule';
import { describedValues } from './enum-values';

// Every enum of the schema is registered here, and only here (test/unit/enum-registration.test.ts checks it), so
// that one import before buildSchema (src/resolvers/schema.ts) registers them all. What each value means is data
// beside its enum: src/domain/enum-descriptions.ts, src/domain/workflow-enum-descriptions.ts and
// src/rules/sla-enum-descriptions.ts.

registerEnumType(OwnerParty, {
  name: 'OwnerParty',
  description: 'The party that owns a ticket: it must answer and resolve it.',
  valuesConfig: describedValues(OWNER_PARTY_DESCRIPTIONS),
});
registerEnumType(TicketCategory, {
  name: 'TicketCategory',
  description:
    'What the customer contacted us about: picked by the customer, or classified from the text. Decides routing, priority and the details the bot asks for.',
  valuesConfig: describedValues(TICKET_CATEGORY_DESCRIPTIONS),
});
registerEnumType(TicketChannel, {
  name: 'TicketChannel',
  description: 'How the customer reached us; some SLA policies depend on it.',
  valuesConfig: describedValues(TICKET_CHANNEL_DESCRIPTIONS),
});
registerEnumType(Language, {
  name: 'Language',
  description: "ISO 639-1 language of a conversation, a seller's support or an agent.",
  valuesConfig: describedValues(LANGUAGE_DESCRIPTIONS),
});
registerEnumType(TicketPriority, {
  name: 'TicketPriority',
  description: "How urgent a ticket is; decided at intake, raised by escalation and by the customer's tier.",
  valuesConfig: describedValues(TICKET_PRIORITY_DESCRIPTIONS),
});
registerEnumType(TicketStatus, {
  name: 'TicketStatus',
  description: 'Where a ticket is in its life cycle.',
  valuesConfig: describedValues(TICKET_STATUS_DESCRIPTIONS),
});
registerEnumType(TicketResolution, {
  name: 'TicketResolution',
  description: 'How a ticket was resolved.',
  valuesConfig: describedValues(TICKET_RESOLUTION_DESCRIPTIONS),
});
registerEnumType(CustomerTier, {
  name: 'CustomerTier',
  description: "The customer's membership level; PRIME and BUSINESS raise ticket priority.",
  valuesConfig: describedValues(CUSTOMER_TIER_DESCRIPTIONS),
});
registerEnumType(FulfillmentChannel, {
  name: 'FulfillmentChannel',
  description: 'Who stores and ships the goods of an order.',
  valuesConfig: describedValues(FULFILLMENT_CHANNEL_DESCRIPTIONS),
});
registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description: 'Where an order stands, as the order system reports it.',
  valuesConfig: describedValues(ORDER_STATUS_DESCRIPTIONS),
});
registerEnumType(ShipmentStatus, {
  name: 'ShipmentStatus',
  description: 'Where a parcel stands, as its carrier reports it; routing reads it.',
  valuesConfig: describedValues(SHIPMENT_STATUS_DESCRIPTIONS),
});
registerEnumType(DeliveryMethod, {
  name: 'DeliveryMethod',
  description: 'How a parcel was (or will be) handed over.',
  valuesConfig: describedValues(DELIVERY_METHOD_DESCRIPTIONS),
});
registerEnumType(ReturnStatus, {
  name: 'ReturnStatus',
  description: 'Where a return and its refund stand.',
  valuesConfig: describedValues(RETURN_STATUS_DESCRIPTIONS),
});
registerEnumType(AuthorRole, {
  name: 'AuthorRole',
  description: 'Who wrote a message.',
  valuesConfig: describedValues(AUTHOR_ROLE_DESCRIPTIONS),
});
registerEnumType(MessageVisibility, {
  name: 'MessageVisibility',
  description: 'Who may read a message.',
  valuesConfig: describedValues(MESSAGE_VISIBILITY_DESCRIPTIONS),
});
registerEnumType(TicketEventType, {
  name: 'TicketEventType',
  description:
    "What a ticket event records; the payload's shape per type is in docs/events.md (payloads may gain fields, never lose them).",
  valuesConfig: describedValues(TICKET_EVENT_TYPE_DESCRIPTIONS),
});
// The API's role enum is the callers' roles: SYSTEM (the service's own work) is no credential's.
registerEnumType(CallerRole, {
  name: 'PrincipalRole',
  description: 'Who a caller is to the API; it decides what the caller sees and may do.',
  valuesConfig: describedValues(PRINCIPAL_ROLE_DESCRIPTIONS),
});
registerEnumType(ActorRole, {
  name: 'ActorRole',
  description: "Who caused an event or a change: a caller's role, BOT or SYSTEM.",
  valuesConfig: describedValues(ACTOR_ROLE_DESCRIPTIONS),
});
registerEnumType(PaymentMethod, {
  name: 'PaymentMethod',
  description: 'How the customer paid for an order.',
  valuesConfig: describedValues(PAYMENT_METHOD_DESCRIPTIONS),
});
registerEnumType(AdminEntityType, {
  name: 'AdminEntityType',
  description: 'Reference data an admin changes through the API.',
  valuesConfig: describedValues(ADMIN_ENTITY_TYPE_DESCRIPTIONS),
});
registerEnumType(AdminAction, {
  name: 'AdminAction',
  description: 'What an admin change did.',
  valuesConfig: describedValues(ADMIN_ACTION_DESCRIPTIONS),
});
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description:
    'Why a mutation did not do what was asked; nothing was written. New codes may be added: treat an unknown one like INVALID_INPUT and show `message`.',
  valuesConfig: describedValues(USER_ERROR_CODE_DESCRIPTIONS),
});
registerEnumType(CallbackStatus, {
  name: 'CallbackStatus',
  description: 'Where a callback attempt stands.',
  valuesConfig: describedValues(CALLBACK_STATUS_DESCRIPTIONS),
});
registerEnumType(CallbackOutcome, {
  name: 'CallbackOutcome',
  description: 'How a callback went, as the agent who called records it.',
  valuesConfig: describedValues(CALLBACK_OUTCOME_DESCRIPTIONS),
});
registerEnumType(CallbackCancelReason, {
  name: 'CallbackCancelReason',
  description: 'Why a scheduled callback was called off.',
  valuesConfig: describedValues(CALLBACK_CANCEL_REASON_DESCRIPTIONS),
});
registerEnumType(SlaMetric, {
  name: 'SlaMetric',
  description: 'What an SLA clock measures; each policy sets a target in business minutes per metric.',
  valuesConfig: describedValues(SLA_METRIC_DESCRIPTIONS),
});
registerEnumType(SlaClockState, {
  name: 'SlaClockState',
  description: 'Whether a clock is counting, and how it ended.',
  valuesConfig: describedValues(SLA_CLOCK_STATE_DESCRIPTIONS),
});
registerEnumType(SlaReportGrouping, {
  name: 'SlaReportGrouping',
  description: 'The periods of an SLA report, as calendar periods in Asia/Tokyo.',
  valuesConfig: describedValues(SLA_REPORT_GROUPING_DESCRIPTIONS),
});
registerEnumType(WebhookEndpointScope, {
  name: 'WebhookEndpointScope',
  description: 'Whose events an endpoint receives.',
  valuesConfig: describedValues(WEBHOOK_ENDPOINT_SCOPE_DESCRIPTIONS),
});
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where one delivery stands in its retry schedule.',
  valuesConfig: describedValues(WEBHOOK_DELIVERY_STATUS_DESCRIPTIONS),
});
registerEnumType(ApiKeyScope, {
  name: 'ApiKeyScope',
  description: 'What an API key may see and do.',
  valuesConfig: describedValues(API_KEY_SCOPE_DESCRIPTIONS),
});
registerEnumType(ApiKeyPermission, {
  name: 'ApiKeyPermission',
  description: 'What a platform API key may read beyond what every platform key sees; given when the key is created.',
  valuesConfig: describedValues(API_KEY_PERMISSION_DESCRIPTIONS),
});
registerEnumType(WantedOutcome, {
  name: 'WantedOutcome',
  description: 'What the customer wants for a defect or a return.',
  valuesConfig: describedValues(WANTED_OUTCOME_DESCRIPTIONS),
});
registerEnumType(TicketOrder, {
  name: 'TicketOrder',
  description: 'Sort order of a ticket list; ties are broken by id.',
  valuesConfig: describedValues(TICKET_ORDER_DESCRIPTIONS),
});
registerEnumType(MessageOrder, {
  name: 'MessageOrder',
  description: "Order of a ticket's messages; ties are broken by id.",
  valuesConfig: describedValues(MESSAGE_ORDER_DESCRIPTIONS),
});
