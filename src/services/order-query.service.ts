import { maskOrder } from '../auth/masking';
import { orderScopeSql } from '../auth/scope';
import { hydrate, RawRow } from '../db/hydrate';
import { SqlParameters } from '../db/sql-parameters';
import { OrderStatus } from '../domain/enums';
import { Order } from '../entities';
import { Connection } from '../domain/connection';
import { decodeIdArgument } from './id-arguments';
import { pageRequest, toConnection } from '../rules/pagination.rule';
import { RequestContext } from './request-context';

export interface ListOrdersInput {
  customerId?: string | null;
  sellerId?: string | null;
  status?: OrderStatus[] | null;
  first?: number | null;
  after?: string | null;
}

export class OrderQueryService {
  async getOrder(ctx: RequestContext, input: { id: string }): Promise<Order | null> {
    return this.findOne(ctx, 'o.id', decodeIdArgument(input.id, 'Order', 'id'));
  }

  async getOrderByNumber(ctx: RequestContext, input: { number: string }): Promise<Order | null> {
    return this.findOne(ctx, 'o.number', input.number.trim());
  }

  /** Newest first by placement time, id as tie-break. */
  async listOrders(ctx: RequestContext, input: ListOrdersInput): Promise<Connection<Order>> {
    const page = pageRequest(input.first, input.after);
    const parameters = new SqlParameters();
    const conditions = [orderScopeSql(ctx.principal, 'o', parameters)];
    if (input.customerId)
      conditions.push(`o.customer_id = ${parameters.add(decodeIdArgument(input.customerId, 'Customer', 'customerId'))}`);
    if (input.sellerId) conditions.push(`o.sold_by_seller_id = ${parameters.add(decodeIdArgument(input.sellerId, 'Seller', 'sellerId'))}`);
    if (input.status && input.status.length > 0) conditions.push(`o.status = ANY(${parameters.add(input.status)}::text[])`);
    if (page.after) {
      conditions.push(
        `(o.placed_at, o.id) < (${parameters.add(page.after.sortValue)}::timestamptz, ${parameters.add(page.after.id)}::bigint)`,
      );
    }
    const rows = await ctx.dataSource.query<RawRow[]>(
      `SELECT o.* FROM orders o WHERE ${conditions.join(' AND ')} ORDER BY o.placed_at DESC, o.id DESC LIMIT ${page.first + 1}`,
      parameters.values,
    );
    const orders = hydrate(ctx.dataSource, Order, rows).map((order) => maskOrder(ctx.principal, order));
    return toConnection(orders, page, (order) => ({ sortValue: order.placedAt.toISOString(), id: order.id }));
  }

  private async findOne(ctx: RequestContext, column: string, value: string): Promise<Order | null> {
    const parameters = new SqlParameters();
    const rows = await ctx.dataSource.query<RawRow[]>(
      `SELECT o.* FROM orders o WHERE ${column} = ${parameters.add(value)} AND ${orderScopeSql(ctx.principal, 'o', parameters)}`,
      parameters.values,
    );
    const order = hydrate(ctx.dataSource, Order, rows)[0];
    return order ? maskOrder(ctx.principal, order) : null;
  }
}
