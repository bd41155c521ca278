// Every closed set of values of the domain (tickets, intake, routing, SLA). The pure rules, the entities and the GraphQL schema
// share these, so a value added here reaches the database check constraints only through a new migration.

export enum OwnerParty {
  SELLER = 'SELLER',
  CARRIER = 'CARRIER',
  PLATFORM = 'PLATFORM',
}

export enum TicketCategory {
  ITEM_NOT_RECEIVED = 'ITEM_NOT_RECEIVED',
  DELIVERY_DELAYED = 'DELIVERY_DELAYED',
  MISDELIVERED = 'MISDELIVERED',
  DAMAGED_IN_TRANSIT = 'DAMAGED_IN_TRANSIT',
  DEFECTIVE_ITEM = 'DEFECTIVE_ITEM',
  NOT_AS_DESCRIBED = 'NOT_AS_DESCRIBED',
  MISSING_PARTS = 'MISSING_PARTS',
  RETURN_REQUEST = 'RETURN_REQUEST',
  REFUND_NOT_RECEIVED = 'REFUND_NOT_RECEIVED',
  CANCEL_ORDER = 'CANCEL_ORDER',
  CHANGE_ORDER = 'CHANGE_ORDER',
  PAYMENT_ISSUE = 'PAYMENT_ISSUE',
  ACCOUNT_ACCESS = 'ACCOUNT_ACCESS',
  FRAUD_PHISHING = 'FRAUD_PHISHING',
  MEMBERSHIP = 'MEMBERSHIP',
  DIGITAL_SERVICE = 'DIGITAL_SERVICE',
  OTHER = 'OTHER',
}

export enum TicketChannel {
  CHAT = 'CHAT',
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  APP = 'APP',
  SOCIAL = 'SOCIAL',
}

export enum Language {
  ja = 'ja',
  en = 'en',
  zh = 'zh',
  ko = 'ko',
}

export enum TicketPriority {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}

export enum TicketStatus {
  NEW = 'NEW',
  OPEN = 'OPEN',
  PENDING = 'PENDING',
  ON_HOLD = 'ON_HOLD',
  SOLVED = 'SOLVED',
  CLOSED = 'CLOSED',
}

export enum TicketResolution {
  REFUND = 'REFUND',
  REPLACEMENT = 'REPLACEMENT',
  RESHIPMENT = 'RESHIPMENT',
  RETURN_LABEL = 'RETURN_LABEL',
  INFORMATION = 'INFORMATION',
  NO_ACTION = 'NO_ACTION',
}

export enum CustomerTier {
  STANDARD = 'STANDARD',
  PRIME = 'PRIME',
  BUSINESS = 'BUSINESS',
}

export enum FulfillmentChannel {
  PLATFORM = 'PLATFORM',
  SELLER = 'SELLER',
}

export enum OrderStatus {
  PENDING = 'PENDING',
  UNSHIPPED = 'UNSHIPPED',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  CANCELLED = 'CANCELLED',
  RETURNED = 'RETURNED',
}

export enum ShipmentStatus {
  LABEL_CREATED = 'LABEL_CREATED',
  IN_TRANSIT = 'IN_TRANSIT',
  OUT_FOR_DELIVERY = 'OUT_FOR_DELIVERY',
  DELIVERED = 'DELIVERED',
  DELIVERY_FAILED = 'DELIVERY_FAILED',
  LOST = 'LOST',
  RETURNED_TO_SENDER = 'RETURNED_TO_SENDER',
}

export enum DeliveryMethod {
  HAND_OVER = 'HAND_OVER',
  LEFT_AT_DOOR = 'LEFT_AT_DOOR',
  LOCKER = 'LOCKER',
  MAILBOX = 'MAILBOX',
}

export enum ReturnStatus {
  REQUESTED = 'REQUESTED',
  IN_TRANSIT = 'IN_TRANSIT',
  RECEIVED = 'RECEIVED',
  REFUNDED = 'REFUNDED',
  REJECTED = 'REJECTED',
}

export enum AuthorRole {
  CUSTOMER = 'CUSTOMER',
  SELLER = 'SELLER',
  CARRIER = 'CARRIER',
  AGENT = 'AGENT',
  BOT = 'BOT',
  SYSTEM = 'SYSTEM',
}

export enum MessageVisibility {
  PUBLIC = 'PUBLIC',
  INTERNAL = 'INTERNAL',
}

export enum TicketEventType {
  TICKET_OPENED = 'TICKET_OPENED',
  TICKET_ROUTED = 'TICKET_ROUTED',
  MESSAGE_POSTED = 'MESSAGE_POSTED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  OWNER_CHANGED = 'OWNER_CHANGED',
  ESCALATED = 'ESCALATED',
  SLA_WARNING = 'SLA_WARNING',
  SLA_BREACHED = 'SLA_BREACHED',
  SLA_MET = 'SLA_MET',
  SLA_RETARGETED = 'SLA_RETARGETED',
  PRIORITY_CHANGED = 'PRIORITY_CHANGED',
  TICKET_SOLVED = 'TICKET_SOLVED',
  TICKET_REOPENED = 'TICKET_REOPENED',
  TICKET_CLOSED = 'TICKET_CLOSED',
  TICKET_RATED = 'TICKET_RATED',
  TICKET_RECLASSIFIED = 'TICKET_RECLASSIFIED',
  TICKET_QUEUED = 'TICKET_QUEUED',
  TICKET_ASSIGNED = 'TICKET_ASSIGNED',
  TICKET_UNASSIGNED = 'TICKET_UNASSIGNED',
  CALLBACK_SCHEDULED = 'CALLBACK_SCHEDULED',
  CALLBACK_DUE_SOON = 'CALLBACK_DUE_SOON',
  CALLBACK_RECORDED = 'CALLBACK_RECORDED',
  CALLBACK_CANCELLED = 'CALLBACK_CANCELLED',
}

/** The platform's internal work on a ticket (queue, assignee): platform staff and platform-scoped integrations only. */
export const PLATFORM_WORK_EVENT_TYPES: readonly TicketEventType[] = [
  TicketEventType.TICKET_QUEUED,
  TicketEventType.TICKET_ASSIGNED,
  TicketEventType.TICKET_UNASSIGNED,
];

/** A callback request's events: also the customer's (it is told when it will be called), never a seller's or carrier's. */
export const CALLBACK_EVENT_TYPES: readonly TicketEventType[] = [
  TicketEventType.CALLBACK_SCHEDULED,
  TicketEventType.CALLBACK_DUE_SOON,
  TicketEventType.CALLBACK_RECORDED,
  TicketEventType.CALLBACK_CANCELLED,
];

export enum PrincipalRole {
  CUSTOMER = 'CUSTOMER',
  SELLER = 'SELLER',
  CARRIER = 'CARRIER',
  AGENT = 'AGENT',
  ADMIN = 'ADMIN',
  INTEGRATION = 'INTEGRATION',
  /** The service's own work (jobs, timers): never a caller of the API — no credential names it. */
  SYSTEM = 'SYSTEM',
}

/** The roles a credential can carry: every principal role but SYSTEM (what `Me.role` and the API's enum name). */
export type CallerRole = Exclude<PrincipalRole, PrincipalRole.SYSTEM>;
export const CallerRole = {
  CUSTOMER: PrincipalRole.CUSTOMER,
  SELLER: PrincipalRole.SELLER,
  CARRIER: PrincipalRole.CARRIER,
  AGENT: PrincipalRole.AGENT,
  ADMIN: PrincipalRole.ADMIN,
  INTEGRATION: PrincipalRole.INTEGRATION,
} as const satisfies Record<CallerRole, CallerRole>;

/** Who caused a ticket event or an admin change: a principal's role, BOT for the bot's messages, or SYSTEM for the service's own work (timers, jobs). */
export enum ActorRole {
  CUSTOMER = 'CUSTOMER',
  SELLER = 'SELLER',
  CARRIER = 'CARRIER',
  AGENT = 'AGENT',
  ADMIN = 'ADMIN',
  INTEGRATION = 'INTEGRATION',
  BOT = 'BOT',
  SYSTEM = 'SYSTEM',
}

export enum PaymentMethod {
  CREDIT_CARD = 'CREDIT_CARD',
  CONVENIENCE_STORE = 'CONVENIENCE_STORE',
  CASH_ON_DELIVERY = 'CASH_ON_DELIVERY',
  BANK_TRANSFER = 'BANK_TRANSFER',
  GIFT_CARD = 'GIFT_CARD',
  CARRIER_BILLING = 'CARRIER_BILLING',
}

/** Compile-time proof that a switch covers every member of a union; throws if reached with an unknown value. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled value: ${JSON.stringify(value)}`);
}

/** The reference data admins change through the API (issue #16), as recorded in the audit log. */
export enum AdminEntityType {
  ROUTING_RULE = 'ROUTING_RULE',
  SLA_POLICY = 'SLA_POLICY',
  BUSINESS_CALENDAR = 'BUSINESS_CALENDAR',
}

/** What an admin did to one entry of the reference data. */
export enum AdminAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  REORDER = 'REORDER',
  RETIRE = 'RETIRE',
}

/** What the customer wants for a defect or a return. */
export enum WantedOutcome {
  REFUND = 'REFUND',
  REPLACEMENT = 'REPLACEMENT',
  REPAIR = 'REPAIR',
}

/** Sort order of a ticket list; ties are broken by id. */
export enum TicketOrder {
  CREATED_AT_DESC = 'CREATED_AT_DESC',
  CREATED_AT_ASC = 'CREATED_AT_ASC',
  UPDATED_AT_DESC = 'UPDATED_AT_DESC',
  UPDATED_AT_ASC = 'UPDATED_AT_ASC',
  NEXT_SLA_DUE = 'NEXT_SLA_DUE',
}

/** Whose data an API key reads: the platform's or one seller's. */
export enum ApiKeyScope {
  PLATFORM = 'PLATFORM',
  SELLER = 'SELLER',
}

/**
 * What a platform API key may read beyond what its scope shows every key: given by the admin who creates the key,
 * never to a seller-scoped key (docs/security.md, "API keys").
 */
export enum ApiKeyPermission {
  /** The number of a callback whole (E.164), for the notifier that phones or texts the customer (docs/queues.md). */
  CALLBACK_PHONE_NUMBERS = 'CALLBACK_PHONE_NUMBERS',
}

/** Whose events a webhook endpoint receives. */
export enum WebhookEndpointScope {
  PLATFORM = 'PLATFORM',
  SELLER = 'SELLER',
}

/** Where a webhook delivery stands. */
export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
  DEAD = 'DEAD',
}

/** Order of a ticket's messages; ties are broken by id. */
export enum MessageOrder {
  OLDEST_FIRST = 'OLDEST_FIRST',
  NEWEST_FIRST = 'NEWEST_FIRST',
}
