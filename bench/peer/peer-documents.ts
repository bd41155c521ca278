// What PostGraphile 4.14.1 is asked, and the row-level security its users would deploy for the same access rules.
// The documents select the same content as the project's S1 and S2 (bench/scenarios/seller-inbox.scenario.ts,
// ticket-detail.scenario.ts) in PostGraphile's own shape; peer-equivalence.ts maps both to one comparable form.

/** Variant (a), no security: the seller is a variable, INTERNAL notes are filtered by a condition. */
export const PEER_SELLER_INBOX_PLAIN = `query SellerInbox($sellerId: BigInt!) {
  tickets: allTickets(first: 25, condition: {sellerId: $sellerId}, orderBy: [CREATED_AT_DESC, ID_DESC]) {
    edges { node {
      id: nodeId number subject status priority category ownerParty createdAt updatedAt
      customer: customerByCustomerId { id: nodeId name email }
      order: orderByOrderId { id: nodeId number status placedAt }
      messages: messagesByTicketId(first: 3, orderBy: [CREATED_AT_DESC, ID_DESC], condition: {visibility: "PUBLIC"}) { edges { node { id: nodeId authorRole body createdAt } } }
      sla: ticketDeadlineByTicketId { nextDueAt: nextSlaDueAt }
      slaClocks: slaClocksByTicketIdList(orderBy: ID_ASC) { metric state dueAt }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Variant (b), row-level security: the seller comes from the JWT, INTERNAL notes are hidden by a policy, the
 * e-mail is the relay address (a computed column). */
export const PEER_SELLER_INBOX_RLS = `query SellerInbox {
  tickets: allTickets(first: 25, orderBy: [CREATED_AT_DESC, ID_DESC]) {
    edges { node {
      id: nodeId number subject status priority category ownerParty createdAt updatedAt
      customer: customerByCustomerId { id: nodeId name email: relayEmail }
      order: orderByOrderId { id: nodeId number status placedAt }
      messages: messagesByTicketId(first: 3, orderBy: [CREATED_AT_DESC, ID_DESC]) { edges { node { id: nodeId authorRole body createdAt } } }
      sla: ticketDeadlineByTicketId { nextDueAt: nextSlaDueAt }
      slaClocks: slaClocksByTicketIdList(orderBy: ID_ASC) { metric state dueAt }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** S2 as an agent (no masking in either variant). SlaClock.remainingBusinessMinutes is not asked: it is the
 * project's business-calendar arithmetic, which PostGraphile would need a SQL function for (not compared). */
export const PEER_TICKET_DETAIL = `query TicketDetail($id: BigInt!) {
  ticket: ticketById(id: $id) {
    id: nodeId number subject status priority category channel language ownerParty createdAt updatedAt version missingDetails
    routingRuleId routingRuleVersion routingReason routedAt
    customer: customerByCustomerId { id: nodeId name email phone tier preferredLanguage }
    order: orderByOrderId {
      id: nodeId number status placedAt promisedDeliveryAt fulfillment totalAmount currency
      shipments: shipmentsByOrderIdList(orderBy: ID_ASC) { id: nodeId trackingNumber status deliveryMethod shippedAt deliveredAt carrier: carrierByCarrierId { id: nodeId name } }
    }
    messages: messagesByTicketId(first: 50, orderBy: [CREATED_AT_ASC, ID_ASC]) { edges { node { id: nodeId authorRole visibility body createdAt } } pageInfo { hasNextPage endCursor } }
    sla: ticketDeadlineByTicketId { nextDueAt: nextSlaDueAt escalatesAt: escalationDueAt }
    slaClocks: slaClocksByTicketIdList(orderBy: ID_ASC) {
      metric owner: ownerParty state startedAt dueAt warnAt metAt breachedAt
      policy: slaPolicyByPolicyIdAndPolicyVersion { id name version }
    }
    events: ticketEventsByTicketId(first: 20, orderBy: SEQUENCE_ASC) { edges { node { id: nodeId sequence type actorRole createdAt payload } } pageInfo { hasNextPage endCursor } }
  }
}`;

/**
 * PostGraphile's smart tags (postgraphile.tags.json5 in its working folder): the SLA clock's policy is a composite
 * reference without a declared foreign key (the project reads policies from an in-memory catalog).
 */
export const PEER_SMART_TAGS = `{
  version: 1,
  config: { class: { sla_clocks: { tags: { foreignKey: "(policy_id, policy_version) references sla_policies (id, version)" } } } },
}
`;

/** Roles PostGraphile (b) switches to from the JWT's `role` claim. */
export const PEER_ROLES = { authenticator: 'pgl_authenticator', seller: 'pgl_seller', agent: 'pgl_agent' } as const;

/**
 * Variant (b)'s policies: the project's scope rules (src/auth/scope.ts) as a PostGraphile user would write them,
 * keyed on the JWT claims PostGraphile puts into `jwt.claims.*`. They apply only to the pgl_* roles: the project
 * and variant (a) connect as the tables' owner, which row-level security does not restrict (no FORCE), so one
 * database serves all three with the same data and the same buffers. The relay e-mail is byte-identical to
 * src/auth/masking.ts: 'c-' || first 20 hex of HMAC-SHA256(secret, customerId || ':seller:' || sellerId) || '@relay…'.
 */
export const PEER_ROW_LEVEL_SECURITY = `
create extension if not exists pgcrypto;
do $$ begin
  if not exists (select 1 from pg_roles where rolname = 'pgl_authenticator') then create role pgl_authenticator login noinherit; end if;
  if not exists (select 1 from pg_roles where rolname = 'pgl_seller') then create role pgl_seller nologin; end if;
  if not exists (select 1 from pg_roles where rolname = 'pgl_agent') then create role pgl_agent nologin; end if;
end $$;
grant pgl_seller, pgl_agent to pgl_authenticator;
create schema if not exists pgl_private;
grant usage on schema public, pgl_private to pgl_seller, pgl_agent;
grant select on all tables in schema public to pgl_seller, pgl_agent;
create or replace function pgl_private.current_seller_id() returns bigint language sql stable
  as $$ select nullif(current_setting('jwt.claims.seller_id', true), '')::bigint $$;
create or replace function public.customers_relay_email(c public.customers) returns text language sql stable
  as $$ select case when pgl_private.current_seller_id() is null then c.email
                    else 'c-' || left(encode(public.hmac(c.id::text || ':seller:' || pgl_private.current_seller_id()::text,
                                                         current_setting('pgl.relay_secret'), 'sha256'), 'hex'), 20) || '@relay.marketplace.example' end $$;
grant execute on function public.customers_relay_email(public.customers) to pgl_seller, pgl_agent;
alter table tickets enable row level security;
alter table orders enable row level security;
alter table customers enable row level security;
alter table messages enable row level security;
alter table sla_clocks enable row level security;
alter table ticket_deadlines enable row level security;
alter table ticket_events enable row level security;
alter table shipments enable row level security;
drop policy if exists seller_scope on tickets;
create policy seller_scope on tickets for select to pgl_seller using (seller_id = pgl_private.current_seller_id());
drop policy if exists seller_scope on orders;
create policy seller_scope on orders for select to pgl_seller using (sold_by_seller_id = pgl_private.current_seller_id());
drop policy if exists seller_scope on customers;
create policy seller_scope on customers for select to pgl_seller using (
  exists (select 1 from tickets t where t.customer_id = customers.id and t.seller_id = pgl_private.current_seller_id())
  or exists (select 1 from orders o where o.customer_id = customers.id and o.sold_by_seller_id = pgl_private.current_seller_id()));
drop policy if exists seller_scope on messages;
create policy seller_scope on messages for select to pgl_seller using (
  visibility = 'PUBLIC' and exists (select 1 from tickets t where t.id = messages.ticket_id and t.seller_id = pgl_private.current_seller_id()));
drop policy if exists seller_scope on sla_clocks;
create policy seller_scope on sla_clocks for select to pgl_seller using (
  exists (select 1 from tickets t where t.id = sla_clocks.ticket_id and t.seller_id = pgl_private.current_seller_id()));
drop policy if exists seller_scope on ticket_deadlines;
create policy seller_scope on ticket_deadlines for select to pgl_seller using (
  exists (select 1 from tickets t where t.id = ticket_deadlines.ticket_id and t.seller_id = pgl_private.current_seller_id()));
drop policy if exists seller_scope on ticket_events;
create policy seller_scope on ticket_events for select to pgl_seller using (
  not (type = 'MESSAGE_POSTED' and payload->>'visibility' = 'INTERNAL')
  and exists (select 1 from tickets t where t.id = ticket_events.ticket_id and t.seller_id = pgl_private.current_seller_id()));
drop policy if exists seller_scope on shipments;
create policy seller_scope on shipments for select to pgl_seller using (
  exists (select 1 from orders o where o.id = shipments.order_id and o.sold_by_seller_id = pgl_private.current_seller_id()));
do $$ declare t text; begin
  foreach t in array array['tickets','orders','customers','messages','sla_clocks','ticket_deadlines','ticket_events','shipments'] loop
    execute format('drop policy if exists agent_all on %I', t);
    execute format('create policy agent_all on %I for select to pgl_agent using (true)', t);
  end loop;
end $$;
`;
