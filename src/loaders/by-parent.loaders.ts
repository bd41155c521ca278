import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { maskOrderItem } from '../auth/masking';
import { Principal } from '../auth/principal';
import { OrderItem, OrderReturn, Shipment } from '../entities';
import { preparedStatements } from '../db/prepared-statements';
import { CallbackRecord } from '../domain/callback';
import { createGroupLoader } from './by-id.loader';
import { readLatestCallbacks } from './callback-rows';
import type { Loaders } from './index';
import { QueueEntryRecord, readQueueEntries } from './queue-entries';
import { SLA_STATE_JOINS, SLA_STATE_ORDER, SLA_STATE_SELECT, SlaStateRow, slaStatesFromRows, StoredSlaState } from './sla-clock-rows';

/** The children of many parents in one statement per batch. */
export function groupLoaders(
  dataSource: DataSource,
  principal: Principal,
): Pick<
  Loaders,
  'itemsByOrderId' | 'shipmentsByOrderId' | 'returnsByOrderId' | 'queueEntryByTicketId' | 'callbackByTicketId' | 'slaStateByTicketId'
> {
  return {
    itemsByOrderId: createGroupLoader(dataSource, {
      entity: OrderItem,
      table: 'order_items',
      parentColumn: 'order_id',
      parentKey: (item) => item.orderId,
      orderBy: 'r.order_id, r.position',
      present: (item) => maskOrderItem(principal, item),
    }),
    shipmentsByOrderId: createGroupLoader(dataSource, {
      entity: Shipment,
      table: 'shipments',
      parentColumn: 'order_id',
      parentKey: (shipment) => shipment.orderId,
      orderBy: 'r.order_id, r.id',
    }),
    returnsByOrderId: createGroupLoader(dataSource, {
      entity: OrderReturn,
      table: 'returns',
      parentColumn: 'order_id',
      parentKey: (orderReturn) => orderReturn.orderId,
      orderBy: 'r.order_id, r.id',
    }),
    queueEntryByTicketId: new DataLoader<string, QueueEntryRecord | null>(async (ticketIds) => {
      const entries = await readQueueEntries(dataSource, ticketIds);
      return ticketIds.map((ticketId) => entries.get(ticketId) ?? null);
    }),
    callbackByTicketId: new DataLoader<string, CallbackRecord | null>(async (ticketIds) => {
      const callbacks = await readLatestCallbacks(dataSource, ticketIds);
      return ticketIds.map((ticketId) => callbacks.get(ticketId) ?? null);
    }),
    // Tickets reach here only through scoped loaders and queries, so their clocks need no scope of their own.
    slaStateByTicketId: new DataLoader<string, StoredSlaState>(async (ticketIds) => {
      const rows = await preparedStatements.query<SlaStateRow[]>(
        dataSource,
        `SELECT ${SLA_STATE_SELECT} FROM unnest($1::bigint[]) AS k(ticket_id) ${SLA_STATE_JOINS} ORDER BY ${SLA_STATE_ORDER}`,
        [ticketIds],
      );
      const states = slaStatesFromRows(rows, (_row, state) => state);
      return ticketIds.map((id) => states.get(id)!);
    }),
  };
}
