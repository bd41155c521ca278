// Proof that the project and PostGraphile answer the same before their speeds are compared: both answers are
// mapped to one comparable form (ids to database keys, timestamps to epoch milliseconds, PostGraphile's flat
// columns to the project's nested objects) and compared field by field.

type Id = string | null | undefined;
type Instant = string | null | undefined;
interface Page<T> {
  edges: Array<{ node: T }>;
  pageInfo?: { hasNextPage: boolean };
}
interface Clock {
  metric: string;
  state: string;
  dueAt: Instant;
  owner?: string;
  startedAt?: Instant;
  warnAt?: Instant;
  metAt?: Instant;
  breachedAt?: Instant;
  policy?: { id: string; name: string; version: number };
}
interface InboxTicket {
  id: Id;
  number: string;
  subject: string;
  status: string;
  priority: string;
  category: string;
  ownerParty: string;
  createdAt: Instant;
  updatedAt: Instant;
  customer: { id: Id; name: string; email: string } | null;
  order: { id: Id; number: string; status: string; placedAt: Instant } | null;
  messages: Page<{ id: Id; authorRole: string; body: string; createdAt: Instant }>;
  sla: { nextDueAt: Instant; clocks?: Clock[] } | null;
  slaClocks?: Clock[];
}
/** The S1 answer of either server (PostGraphile's aliased to the project's names where they can be). */
export interface InboxAnswer {
  data: { tickets: Page<InboxTicket> & { pageInfo: { hasNextPage: boolean } } };
}
interface DetailTicket extends Omit<InboxTicket, 'customer' | 'order' | 'messages' | 'sla'> {
  channel: string;
  language: string;
  version: number;
  missingDetails: string[];
  routing?: { owner: string; rule: string; ruleVersion: number; reason: string; decidedAt: Instant };
  routingRuleId?: string;
  routingRuleVersion?: number;
  routingReason?: string;
  routedAt?: Instant;
  customer: { id: Id; name: string; email: string; phone: string | null; tier: string; preferredLanguage: string };
  order: {
    id: Id;
    number: string;
    status: string;
    placedAt: Instant;
    promisedDeliveryAt: Instant;
    fulfillment: string;
    total?: { amount: string; currency: string };
    totalAmount?: string;
    currency?: string;
    shipments: Array<{
      id: Id;
      trackingNumber: string;
      status: string;
      deliveryMethod: string;
      shippedAt: Instant;
      deliveredAt: Instant;
      carrier: { id: Id; name: string };
    }>;
  } | null;
  messages: Page<{ id: Id; authorRole: string; visibility: string; body: string; createdAt: Instant }> & {
    pageInfo: { hasNextPage: boolean };
  };
  sla: { nextDueAt: Instant; escalatesAt: Instant; clocks?: Clock[] } | null;
  events: Page<{ id: Id; sequence: string | number; type: string; actorRole: string; createdAt: Instant; payload: unknown }> & {
    pageInfo: { hasNextPage: boolean };
  };
}
/** The S2 answer of either server. */
export interface DetailAnswer {
  data: { ticket: DetailTicket };
}

export type Flavour = 'project' | 'postgraphile';

/** The database key inside a global id: the project's base64url `Type:key`, PostGraphile's base64 `["table", key]`. */
function keyOf(flavour: Flavour): (id: Id) => string | null {
  return flavour === 'project'
    ? (id) => (id == null ? null : Buffer.from(id, 'base64url').toString().split(':').slice(1).join(':'))
    : (id) => (id == null ? null : String((JSON.parse(Buffer.from(id, 'base64').toString()) as unknown[])[1]));
}
const epoch = (value: Instant): number | null => (value == null ? null : new Date(value).getTime());
const clocksOf = (flavour: Flavour, ticket: { sla: { clocks?: Clock[] } | null; slaClocks?: Clock[] }): Clock[] =>
  (flavour === 'project' ? ticket.sla?.clocks : ticket.slaClocks) ?? [];

/** S1 page → comparable form. */
export function normaliseInbox(answer: InboxAnswer, flavour: Flavour) {
  const key = keyOf(flavour);
  const page = answer.data.tickets;
  return {
    hasNextPage: page.pageInfo.hasNextPage,
    tickets: page.edges.map(({ node: t }) => ({
      ...{
        id: key(t.id),
        number: t.number,
        subject: t.subject,
        status: t.status,
        priority: t.priority,
        category: t.category,
        ownerParty: t.ownerParty,
      },
      ...{ createdAt: epoch(t.createdAt), updatedAt: epoch(t.updatedAt) },
      customer: t.customer && { id: key(t.customer.id), name: t.customer.name, email: t.customer.email },
      order: t.order && { id: key(t.order.id), number: t.order.number, status: t.order.status, placedAt: epoch(t.order.placedAt) },
      messages: t.messages.edges.map(({ node: m }) => ({
        id: key(m.id),
        authorRole: m.authorRole,
        body: m.body,
        createdAt: epoch(m.createdAt),
      })),
      nextDueAt: epoch(t.sla?.nextDueAt),
      clocks: clocksOf(flavour, t).map((c) => ({ metric: c.metric, state: c.state, dueAt: epoch(c.dueAt) })),
    })),
  };
}

function routingOf(t: DetailTicket, flavour: Flavour) {
  return flavour === 'project'
    ? {
        owner: t.routing?.owner,
        rule: t.routing?.rule,
        ruleVersion: t.routing?.ruleVersion,
        reason: t.routing?.reason,
        decidedAt: epoch(t.routing?.decidedAt),
      }
    : {
        owner: t.ownerParty,
        rule: t.routingRuleId,
        ruleVersion: t.routingRuleVersion,
        reason: t.routingReason,
        decidedAt: epoch(t.routedAt),
      };
}

function orderOf(order: DetailTicket['order'], key: (id: Id) => string | null, flavour: Flavour) {
  if (!order) return null;
  return {
    ...{
      id: key(order.id),
      number: order.number,
      status: order.status,
      placedAt: epoch(order.placedAt),
      promisedDeliveryAt: epoch(order.promisedDeliveryAt),
      fulfillment: order.fulfillment,
    },
    total: flavour === 'project' ? order.total : { amount: order.totalAmount, currency: order.currency },
    shipments: order.shipments.map((s) => ({
      ...{
        id: key(s.id),
        trackingNumber: s.trackingNumber,
        status: s.status,
        deliveryMethod: s.deliveryMethod,
        shippedAt: epoch(s.shippedAt),
        deliveredAt: epoch(s.deliveredAt),
      },
      carrier: { id: key(s.carrier.id), name: s.carrier.name },
    })),
  };
}

/** S2 ticket → comparable form (remainingBusinessMinutes is the project's own calendar arithmetic: not compared). */
export function normaliseDetail(answer: DetailAnswer, flavour: Flavour) {
  const key = keyOf(flavour);
  const t = answer.data.ticket;
  const c = t.customer;
  return {
    ...{
      id: key(t.id),
      number: t.number,
      subject: t.subject,
      status: t.status,
      priority: t.priority,
      category: t.category,
      channel: t.channel,
      language: t.language,
    },
    ...{
      ownerParty: t.ownerParty,
      createdAt: epoch(t.createdAt),
      updatedAt: epoch(t.updatedAt),
      version: t.version,
      missingDetails: t.missingDetails,
    },
    routing: routingOf(t, flavour),
    customer: { id: key(c.id), name: c.name, email: c.email, phone: c.phone, tier: c.tier, preferredLanguage: c.preferredLanguage },
    order: orderOf(t.order, key, flavour),
    messages: t.messages.edges.map(({ node: m }) => ({
      id: key(m.id),
      authorRole: m.authorRole,
      visibility: m.visibility,
      body: m.body,
      createdAt: epoch(m.createdAt),
    })),
    messagesHasNextPage: t.messages.pageInfo.hasNextPage,
    nextDueAt: epoch(t.sla?.nextDueAt),
    escalatesAt: epoch(t.sla?.escalatesAt),
    clocks: clocksOf(flavour, t).map((clock) => ({
      ...{ metric: clock.metric, owner: clock.owner, state: clock.state, startedAt: epoch(clock.startedAt), dueAt: epoch(clock.dueAt) },
      ...{ warnAt: epoch(clock.warnAt), metAt: epoch(clock.metAt), breachedAt: epoch(clock.breachedAt) },
      policy: clock.policy && { id: clock.policy.id, name: clock.policy.name, version: clock.policy.version },
    })),
    events: t.events.edges.map(({ node: e }) => ({
      id: key(e.id),
      sequence: String(e.sequence),
      type: e.type,
      actorRole: e.actorRole,
      createdAt: epoch(e.createdAt),
      payload: e.payload,
    })),
    eventsHasNextPage: t.events.pageInfo.hasNextPage,
  };
}

/** The first path where two values differ, or null when they are equal. */
export function firstDifference(left: unknown, right: unknown, where: string = ''): string | null {
  if (left === right) return null;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) {
    return `${where || '.'}: ${JSON.stringify(left)?.slice(0, 120)} ≠ ${JSON.stringify(right)?.slice(0, 120)}`;
  }
  if (Array.isArray(left) !== Array.isArray(right)) return `${where}: array vs object`;
  if (Array.isArray(left) && Array.isArray(right) && left.length !== right.length)
    return `${where}: length ${left.length} ≠ ${right.length}`;
  return firstMemberDifference(left as Record<string, unknown>, right as Record<string, unknown>, where);
}

function firstMemberDifference(left: Record<string, unknown>, right: Record<string, unknown>, where: string): string | null {
  for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
    const difference = firstDifference(left[key], right[key], `${where}.${key}`);
    if (difference) return difference;
  }
  return null;
}
