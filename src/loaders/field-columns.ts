import { DataSource } from 'typeorm';
import { Carrier, Customer, Message, Order, Seller, Shipment, Ticket, TicketEvent } from '../entities';

// Which columns the GraphQL fields of an entity read. A prefetched record (src/loaders/ticket-graph.loader.ts)
// carries only the columns the query's fields need; a field that is a column needs that column, the others
// (getters, field resolvers) are listed here with what they read of their record. A test holds the lists complete
// (test/unit/field-columns.test.ts): a field found in neither fails it, and until listed, a query asking for it
// fetches every column.

type Dependencies = Readonly<Record<string, readonly string[]>>;

const TICKET: Dependencies = {
  id: ['id'],
  routing: ['owner_party', 'routing_rule_id', 'routing_rule_version', 'routing_reason', 'routed_at', 'classifier_model_version'],
  customer: ['customer_id'],
  order: ['order_id'],
  shipment: ['shipment_id'],
  seller: ['seller_id'],
  carrier: ['carrier_id'],
  messages: ['id'],
  events: ['id'],
  sla: ['id'],
  followUpOf: ['follow_up_of_ticket_id'],
  followUps: ['id'],
  queue: ['id'],
  callback: ['id'],
};

const ORDER: Dependencies = {
  id: ['id'],
  total: ['total_amount', 'currency'],
  customer: ['customer_id'],
  soldBy: ['sold_by_seller_id'],
  items: ['id'],
  shipments: ['id'],
  returns: ['id'],
  tickets: ['id'],
};

const SHIPMENT: Dependencies = { id: ['id'], carrier: ['carrier_id'], trackingUrl: ['carrier_id', 'tracking_number'] };

type EntityClass = new () => unknown;

const DEPENDENCIES = new Map<EntityClass, Dependencies>([
  [Ticket, TICKET],
  [Order, ORDER],
  [Shipment, SHIPMENT],
  [Customer, { id: ['id'] }],
  [Message, { id: ['id'] }],
  [TicketEvent, { id: ['sequence'], sequence: ['sequence'], ticketId: ['ticket_id'], ticket: ['ticket_id'] }],
  [Seller, { id: ['id'], tickets: ['id'] }],
  [Carrier, { id: ['id'], tickets: ['id'] }],
]);

/** The listed getters and field resolvers of an entity (for the completeness test). */
export function listedFields(entity: EntityClass): readonly string[] {
  return Object.keys(DEPENDENCIES.get(entity) ?? {});
}

/**
 * The columns (database names) the fields need, with the primary key and `always` (the keys the caller joins on),
 * or null when a field is unknown here: then the record is read whole.
 */
export function columnsFor(
  dataSource: DataSource,
  entity: EntityClass,
  fields: ReadonlySet<string>,
  always: readonly string[] = [],
): string[] | null {
  const metadata = dataSource.getMetadata(entity);
  const dependencies = DEPENDENCIES.get(entity) ?? {};
  const columns = new Set<string>([...metadata.primaryColumns.map((column) => column.databaseName), ...always]);
  for (const field of fields) {
    if (field === '__typename') continue;
    const listed = dependencies[field];
    if (listed) {
      for (const column of listed) columns.add(column);
      continue;
    }
    const column = metadata.columns.find((candidate) => candidate.propertyName === field);
    if (!column) return null;
    columns.add(column.databaseName);
  }
  return [...columns];
}
