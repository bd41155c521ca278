import { hydrate, RawRow } from '../db/hydrate';
import { SqlParameters } from '../db/sql-parameters';
import { Carrier, Seller } from '../entities';
import { Connection } from '../domain/connection';
import { decodeIdArgument } from './id-arguments';
import { pageRequest, toConnection } from '../rules/pagination.rule';
import { RequestContext } from './request-context';

// Sellers and carriers are the marketplace's public directory: every authenticated principal may read them.

export class DirectoryService {
  async getSeller(ctx: RequestContext, input: { id: string }): Promise<Seller | null> {
    return ctx.loaders.sellerById.load(decodeIdArgument(input.id, 'Seller', 'id'));
  }

  async getCarrier(ctx: RequestContext, input: { id: string }): Promise<Carrier | null> {
    return ctx.loaders.carrierById.load(decodeIdArgument(input.id, 'Carrier', 'id'));
  }

  async listSellers(ctx: RequestContext, input: { first?: number | null; after?: string | null }): Promise<Connection<Seller>> {
    return this.listByName(ctx, Seller, 'sellers', input);
  }

  async listCarriers(ctx: RequestContext, input: { first?: number | null; after?: string | null }): Promise<Connection<Carrier>> {
    return this.listByName(ctx, Carrier, 'carriers', input);
  }

  /** Alphabetical by name, id as tie-break. */
  private async listByName<T extends { id: string; name: string }>(
    ctx: RequestContext,
    entity: new () => T,
    table: 'sellers' | 'carriers',
    input: { first?: number | null; after?: string | null },
  ): Promise<Connection<T>> {
    const page = pageRequest(input.first, input.after, 'text');
    const parameters = new SqlParameters();
    const after = page.after
      ? `WHERE (r.name, r.id) > (${parameters.add(page.after.sortValue)}::text, ${parameters.add(page.after.id)}::bigint)`
      : '';
    const rows = await ctx.dataSource.query<RawRow[]>(
      `SELECT r.* FROM ${table} r ${after} ORDER BY r.name, r.id LIMIT ${page.first + 1}`,
      parameters.values,
    );
    return toConnection(hydrate(ctx.dataSource, entity, rows), page, (record) => ({ sortValue: record.name, id: record.id }));
  }
}
