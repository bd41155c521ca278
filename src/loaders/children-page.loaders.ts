import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { Principal } from '../auth/principal';
import { ticketScopeSql } from '../auth/scope';
import { Message, Ticket, TicketEvent } from '../entities';
import { BoundedCount, CountedConnection } from '../domain/connection';
import { PageRequest, pageKey } from '../rules/pagination.rule';
import type { Loaders } from './index';
import { createChildCountLoader, createPagedChildrenLoader, PagedChildrenSpec } from './paged-children.loader';
import { byCreatedAt, RelationSpecs } from './relation-specs';

/**
 * The request's loaders of children pages, one per relation and distinct page arguments so that parents asking alike
 * share a batch, and of their counts, one per relation (`countName`): a count depends on neither the page nor its order.
 */
function keyedPageLoaders(dataSource: DataSource) {
  const pagedLoaders = new Map<string, DataLoader<string, CountedConnection<unknown>>>();
  const countLoaders = new Map<string, DataLoader<string, BoundedCount>>();
  function counts<T>(name: string, spec: PagedChildrenSpec<T>): DataLoader<string, BoundedCount> {
    let loader = countLoaders.get(name);
    if (!loader) {
      loader = createChildCountLoader(dataSource, spec);
      countLoaders.set(name, loader);
    }
    return loader;
  }
  function paged<T>(
    name: string,
    spec: PagedChildrenSpec<T>,
    page: PageRequest,
    countName = name,
  ): DataLoader<string, CountedConnection<T>> {
    const key = `${name}:${pageKey(page)}`;
    let loader = pagedLoaders.get(key);
    if (!loader) {
      loader = createPagedChildrenLoader(dataSource, spec, page, counts(countName, spec));
      pagedLoaders.set(key, loader);
    }
    return loader as DataLoader<string, CountedConnection<T>>;
  }
  return { counts, paged };
}
/** Keyset pages of children, one loader per distinct page arguments so that parents asking alike share a batch. */
export function pageLoaders(
  dataSource: DataSource,
  principal: Principal,
  specs: RelationSpecs,
): Pick<
  Loaders,
  | 'messagesPage'
  | 'messageCountByTicketId'
  | 'eventsPage'
  | 'ticketsPageByOrder'
  | 'ticketsPageBySeller'
  | 'ticketsPageByCarrier'
  | 'followUpsPage'
> {
  const { counts, paged } = keyedPageLoaders(dataSource);
  const ticketsPage = (name: string, belongsTo: (parentId: string) => string, page: PageRequest, direction: 'ASC' | 'DESC' = 'DESC') =>
    paged<Ticket>(
      name,
      {
        entity: Ticket,
        table: 'tickets',
        belongsTo,
        where: (parameters) => ticketScopeSql(principal, 'c', parameters),
        sortColumn: 'created_at',
        sortType: 'timestamptz',
        direction,
        cursorOf: byCreatedAt,
      },
      page,
    );
  return {
    messagesPage: (page, order) => paged<Message>(`messages:${order}`, specs.messages(order), page, 'messages'),
    // Visibility alone decides which messages count; the order does not.
    messageCountByTicketId: counts('messages', specs.messages('OLDEST_FIRST')),
    eventsPage: (page) => paged<TicketEvent>('events', specs.events, page),
    ticketsPageByOrder: (page) => ticketsPage('ticketsByOrder', (parentId) => `c.order_id = ${parentId}`, page),
    ticketsPageBySeller: (page) => ticketsPage('ticketsBySeller', (parentId) => `c.seller_id = ${parentId}`, page),
    ticketsPageByCarrier: (page) => ticketsPage('ticketsByCarrier', (parentId) => `c.carrier_id = ${parentId}`, page),
    // Oldest first along tickets_follow_ups_page_idx (follow_up_of_ticket_id, created_at, id).
    followUpsPage: (page) => ticketsPage('followUps', (parentId) => `c.follow_up_of_ticket_id = ${parentId}`, page, 'ASC'),
  };
}
