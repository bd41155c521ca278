import DataLoader from 'dataloader';
import { CallbackRecord } from '../domain/callback';
import { BadUserInputError } from '../domain/errors';
import { DecodedGlobalId, fromGlobalId, MalformedGlobalIdError, NodeTypeName } from '../domain/global-id';
import { Node } from '../entities/node.interface';
import type { AdminAuditLogService } from './admin-audit-log.service';
import type { ApiKeyService } from './api-key.service';
import type { CallbackRequestService } from './callback-request.service';
import { decodeAnyIdArgument } from './id-arguments';
import type { AgentRecord, TeamRecord } from './platform-teams';
import type { PlatformTeamsService } from './platform-teams.service';
import { RequestContext } from './request-context';
import type { AdminAuditEntry } from './views/admin.view';
import type { ApiKey } from './views/api-key.view';
import type { WebhookDelivery, WebhookEndpoint } from './views/webhook.view';
import type { WebhookDeliveryService } from './webhook-delivery.service';
import type { WebhookEndpointService } from './webhook-endpoint.service';

/** `nodes(ids)` takes at most this many ids, as a page takes at most 100 items. */
export const MAXIMUM_NODE_IDS = 100;

/** Node types whose records are entities (instances of their GraphQL class already). */
type EntityNodeTypeName = Exclude<NodeTypeName, ViewNode['typeName']>;

/** Node types whose use cases return plain views: the resolver turns each into its GraphQL object. */
export type ViewNode =
  | { typeName: 'ApiKey'; node: ApiKey }
  | { typeName: 'WebhookEndpoint'; node: WebhookEndpoint }
  | { typeName: 'WebhookDelivery'; node: WebhookDelivery }
  | { typeName: 'CallbackRequest'; node: CallbackRecord }
  | { typeName: 'AdminAuditEntry'; node: AdminAuditEntry }
  | { typeName: 'Team'; node: TeamRecord }
  | { typeName: 'Agent'; node: AgentRecord };

/** A record found by its global id, tagged with its type: views carry no class that would tell it. */
export type FetchedNode = { typeName: EntityNodeTypeName; node: Node } | ViewNode;

/** A record of every view type, so that a new one does not compile without its entry. */
const VIEW_NODE_TYPES: Record<ViewNode['typeName'], true> = {
  ApiKey: true,
  WebhookEndpoint: true,
  WebhookDelivery: true,
  CallbackRequest: true,
  AdminAuditEntry: true,
  Team: true,
  Agent: true,
};

export function isViewNode(fetched: FetchedNode): fetched is ViewNode {
  return Object.hasOwn(VIEW_NODE_TYPES, fetched.typeName);
}

type Reader = (ctx: RequestContext, keys: readonly string[]) => Promise<Map<string, FetchedNode>>;

/** The use cases that own the node types without a per-request loader. */
export interface NodeSources {
  apiKeys: ApiKeyService;
  webhookEndpoints: WebhookEndpointService;
  webhookDeliveries: WebhookDeliveryService;
  callbackRequests: CallbackRequestService;
  adminAuditLog: AdminAuditLogService;
  platformTeams: PlatformTeamsService;
}

/**
 * `node(id)` and `nodes(ids)`: every type through the same scoped reads as its own entry points, so that a
 * record the caller may not see is null, exactly as a record that does not exist. `nodes(ids)` issues one read
 * per type asked for, whatever the number of ids (two for callbacks: the attempts, then their tickets).
 */
export class NodeService {
  private readonly readers: Record<NodeTypeName, Reader>;

  constructor(sources: NodeSources) {
    this.readers = {
      Ticket: entities('Ticket', (ctx) => ctx.loaders.ticketById),
      Order: entities('Order', (ctx) => ctx.loaders.scopedOrderById),
      Customer: entities('Customer', (ctx) => ctx.loaders.customerById),
      Seller: entities('Seller', (ctx) => ctx.loaders.sellerById),
      Carrier: entities('Carrier', (ctx) => ctx.loaders.carrierById),
      Message: entities('Message', (ctx) => ctx.loaders.messageById),
      TicketEvent: entities('TicketEvent', (ctx) => ctx.loaders.eventById),
      OrderItem: entities('OrderItem', (ctx) => ctx.loaders.scopedOrderItemById),
      Shipment: entities('Shipment', (ctx) => ctx.loaders.scopedShipmentById),
      Return: entities('Return', (ctx) => ctx.loaders.scopedReturnById),
      ApiKey: async (ctx, keys) => tagged(await sources.apiKeys.apiKeysByIds(ctx, keys), (node) => ({ typeName: 'ApiKey', node })),
      WebhookEndpoint: async (ctx, keys) =>
        tagged(await sources.webhookEndpoints.webhookEndpointsByIds(ctx, keys), (node) => ({ typeName: 'WebhookEndpoint', node })),
      WebhookDelivery: async (ctx, keys) =>
        tagged(await sources.webhookDeliveries.webhookDeliveriesByIds(ctx, keys), (node) => ({ typeName: 'WebhookDelivery', node })),
      CallbackRequest: async (ctx, keys) =>
        tagged(await sources.callbackRequests.callbacksByIds(ctx, keys), (node) => ({ typeName: 'CallbackRequest', node })),
      AdminAuditEntry: async (ctx, keys) =>
        tagged(await sources.adminAuditLog.entriesByIds(ctx, keys), (node) => ({ typeName: 'AdminAuditEntry', node })),
      Team: async (ctx, keys) => tagged(await sources.platformTeams.teamsByKeys(ctx, keys), (node) => ({ typeName: 'Team', node })),
      Agent: async (ctx, keys) => tagged(await sources.platformTeams.agentsByKeys(ctx, keys), (node) => ({ typeName: 'Agent', node })),
    };
  }

  async getNode(ctx: RequestContext, input: { id: string }): Promise<FetchedNode | null> {
    const { typeName, id } = decodeAnyIdArgument(input.id, 'id');
    return (await this.readers[typeName](ctx, [id])).get(id) ?? null;
  }

  /** Each id's record in place; null for an id that is malformed, unknown or not the caller's to see. */
  async getNodes(ctx: RequestContext, input: { ids: readonly string[] }): Promise<Array<FetchedNode | null>> {
    if (input.ids.length > MAXIMUM_NODE_IDS)
      throw new BadUserInputError(`ids: at most ${MAXIMUM_NODE_IDS} ids (was ${input.ids.length})`, 'ids');
    const decoded = input.ids.map(decodedOrNull);
    const keysByType = new Map<NodeTypeName, string[]>();
    for (const id of decoded) {
      if (id !== null) keysByType.set(id.typeName, [...(keysByType.get(id.typeName) ?? []), id.id]);
    }
    const found = new Map<NodeTypeName, Map<string, FetchedNode>>();
    await Promise.all(
      [...keysByType].map(async ([typeName, keys]) => found.set(typeName, await this.readers[typeName](ctx, [...new Set(keys)]))),
    );
    return decoded.map((id) => (id === null ? null : (found.get(id.typeName)?.get(id.id) ?? null)));
  }
}

/** A type read through its scoped per-request loader (which batches the keys of one tick into one statement). */
function entities(typeName: EntityNodeTypeName, loader: (ctx: RequestContext) => DataLoader<string, Node | null>): Reader {
  return async (ctx, keys) => {
    const records = await loader(ctx).loadMany(keys);
    const found = new Map<string, FetchedNode>();
    records.forEach((record, index) => {
      if (record instanceof Error) throw record;
      if (record !== null) found.set(keys[index], { typeName, node: record });
    });
    return found;
  };
}

function tagged<T>(records: Map<string, T>, tag: (node: T) => FetchedNode): Map<string, FetchedNode> {
  return new Map([...records].map(([key, node]) => [key, tag(node)]));
}

function decodedOrNull(id: string): DecodedGlobalId | null {
  try {
    return fromGlobalId(id);
  } catch (error) {
    if (error instanceof MalformedGlobalIdError) return null;
    throw error;
  }
}
