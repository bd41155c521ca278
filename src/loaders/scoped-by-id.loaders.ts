import { DataSource } from 'typeorm';
import { maskOrder, maskOrderItem } from '../auth/masking';
import { isPlatformStaff, Principal } from '../auth/principal';
import { eventVisibilitySql, orderScopeSql, ticketScopeSql } from '../auth/scope';
import { Message, Order, OrderItem, OrderReturn, Shipment, Ticket, TicketEvent } from '../entities';
import { SqlParameters } from '../db/sql-parameters';
import { createByIdLoader } from './by-id.loader';
import type { Loaders } from './index';
import { RelationSpecs } from './relation-specs';

type ByIdLoaderName =
  | 'ticketById'
  | 'customerById'
  | 'orderById'
  | 'sellerById'
  | 'carrierById'
  | 'shipmentById'
  | 'messageById'
  | 'eventById'
  | 'scopedOrderItemById'
  | 'scopedShipmentById'
  | 'scopedReturnById'
  | 'scopedOrderById';
/** Records by id under the caller's scope; child records visible exactly when their ticket or order is. */
export function byIdLoaders(dataSource: DataSource, principal: Principal, specs: RelationSpecs): Pick<Loaders, ByIdLoaderName> {
  const seesInternal = isPlatformStaff(principal);
  const orderChildScope = (alias: string, parameters: SqlParameters) =>
    `EXISTS (SELECT 1 FROM orders o WHERE o.id = ${alias}.order_id AND ${orderScopeSql(principal, 'o', parameters)})`;
  return {
    ticketById: createByIdLoader(dataSource, {
      entity: Ticket,
      table: 'tickets',
      scope: (alias, parameters) => ticketScopeSql(principal, alias, parameters),
    }),
    customerById: createByIdLoader(dataSource, specs.customer),
    orderById: createByIdLoader(dataSource, specs.order),
    sellerById: createByIdLoader(dataSource, specs.seller),
    carrierById: createByIdLoader(dataSource, specs.carrier),
    shipmentById: createByIdLoader(dataSource, specs.shipment),
    messageById: createByIdLoader(dataSource, {
      entity: Message,
      table: 'messages',
      scope: (alias, parameters) =>
        `EXISTS (SELECT 1 FROM tickets t WHERE t.id = ${alias}.ticket_id AND ${ticketScopeSql(principal, 't', parameters)})` +
        (seesInternal ? '' : ` AND ${alias}.visibility = 'PUBLIC'`),
    }),
    eventById: createByIdLoader(dataSource, {
      entity: TicketEvent,
      table: 'ticket_events',
      idColumn: 'sequence',
      scope: (alias, parameters) =>
        `EXISTS (SELECT 1 FROM tickets t WHERE t.id = ${alias}.ticket_id AND ${ticketScopeSql(principal, 't', parameters)}) AND ${eventVisibilitySql(principal, alias)}`,
    }),
    scopedOrderItemById: createByIdLoader(dataSource, {
      entity: OrderItem,
      table: 'order_items',
      scope: (alias, parameters) => orderChildScope(alias, parameters),
      present: (item) => maskOrderItem(principal, item),
    }),
    scopedShipmentById: createByIdLoader(dataSource, {
      entity: Shipment,
      table: 'shipments',
      scope: (alias, parameters) => orderChildScope(alias, parameters),
    }),
    scopedReturnById: createByIdLoader(dataSource, {
      entity: OrderReturn,
      table: 'returns',
      scope: (alias, parameters) => orderChildScope(alias, parameters),
    }),
    scopedOrderById: createByIdLoader(dataSource, {
      entity: Order,
      table: 'orders',
      scope: (alias, parameters) => orderScopeSql(principal, alias, parameters),
      present: (order) => maskOrder(principal, order),
    }),
  };
}
