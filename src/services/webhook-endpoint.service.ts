import { principalLabel } from '../auth/principal';
import { managedWebhookEndpointsSql } from '../auth/scope';
import { SqlParameters } from '../db/sql-parameters';
import { assertNever, PrincipalRole } from '../domain/enums';
import { globalIdKeyOrNull } from '../domain/global-id';
import { Connection } from '../domain/connection';
import { BadUserInputError, ForbiddenError } from '../domain/errors';
import { CreateWebhookEndpointParams } from './params/webhook.params';
import { MutationResult, refused, succeeded, UserErrorCode, userError } from '../domain/user-error';
import type { CreatedWebhookEndpoint, WebhookEndpoint } from './views/webhook.view';
import { WebhookSecretBox } from '../webhooks/webhook-secret-box';
import { generateWebhookSecret } from '../webhooks/webhook-signature';
import { resolvedAddressesRefusal, WebhookTargetPolicy } from '../rules/webhook-target.rule';
import { resolveAllAddresses } from '../webhooks/webhook-target';
import { webhookUrlProblem } from '../webhooks/webhook-url';
import { decodeIdArgument } from './id-arguments';
import { pageRequest, toConnection } from '../rules/pagination.rule';
import { RequestContext } from './request-context';
import { ENDPOINT_COLUMNS, toWebhookEndpoint, WebhookEndpointRow } from './webhook-rows';
import { characterCount } from '../rules/text-input.rule';

const MAXIMUM_REASON_CHARACTERS = 1000;
const NO_SUCH_ENDPOINT = userError(UserErrorCode.NOT_FOUND, 'No such webhook endpoint', 'id');

/** Admins manage every webhook, integrations those of their scope; nobody else any. */
export function isWebhookManager(ctx: RequestContext): boolean {
  const { role } = ctx.principal;
  return role === PrincipalRole.ADMIN || role === PrincipalRole.INTEGRATION;
}

export function requireWebhookManager(ctx: RequestContext): void {
  if (!isWebhookManager(ctx)) throw new ForbiddenError("Webhooks are managed by admins and by integrations' API keys");
}

export function decodeEndpointId(id: string, field: string): string {
  const databaseId = globalIdKeyOrNull(id, 'WebhookEndpoint');
  if (databaseId === null) throw new BadUserInputError(`"${id.slice(0, 80)}" is not a webhook endpoint id`, field);
  return databaseId;
}

/** Registering, listing, disabling and enabling webhook endpoints (docs/events.md "Webhooks"); deliveries are WebhookDeliveryService's. */
export class WebhookEndpointService {
  constructor(private readonly settings: { secrets: () => WebhookSecretBox; requireHttps: boolean; targetPolicy: WebhookTargetPolicy }) {}

  /** The signing secret is generated here, stored encrypted and returned this once. One statement. */
  async createWebhookEndpoint(ctx: RequestContext, input: CreateWebhookEndpointParams): Promise<MutationResult<CreatedWebhookEndpoint>> {
    requireWebhookManager(ctx);
    const url = input.url.trim();
    const urlProblem = await this.targetProblem(url);
    if (urlProblem !== null) return refused(userError(UserErrorCode.INVALID_INPUT, urlProblem, 'input.url'));
    const eventTypes = [...new Set(input.eventTypes)];
    if (eventTypes.length === 0) return refused(userError(UserErrorCode.INVALID_INPUT, 'Name at least one event type', 'input.eventTypes'));
    const scope = this.scopeFor(ctx, input.sellerId ? decodeIdArgument(input.sellerId, 'Seller', 'input.sellerId') : null);
    if (!scope.ok) return scope;
    const sellerId = scope.value;
    const secret = generateWebhookSecret();
    const now = ctx.now();
    // No row comes back when the named seller does not exist.
    const rows: WebhookEndpointRow[] = await ctx.dataSource.query(
      `INSERT INTO webhook_endpoints AS w (url, event_types, seller_id, secret_ciphertext, created_by, created_at, updated_at)
       SELECT $1, $2::text[], $3, $4, $5, $6, $6 WHERE $3::bigint IS NULL OR EXISTS (SELECT 1 FROM sellers WHERE id = $3)
       RETURNING ${ENDPOINT_COLUMNS}`,
      [url, eventTypes, sellerId, this.settings.secrets().seal(secret), principalLabel(ctx.principal), now],
    );
    if (rows.length === 0) return refused(userError(UserErrorCode.INVALID_INPUT, 'No such seller', 'input.sellerId'));
    return succeeded({ endpoint: toWebhookEndpoint(rows[0]), secret });
  }

  /**
   * The URL's shape and host, then what its name resolves to now. A name that does not resolve yet is accepted:
   * every delivery resolves it again and refuses a non-public answer (src/webhooks/webhook-target.ts).
   */
  private async targetProblem(url: string): Promise<string | null> {
    const problem = webhookUrlProblem(url, { requireHttps: this.settings.requireHttps, policy: this.settings.targetPolicy });
    if (problem !== null) return problem;
    const { hostname } = new URL(url);
    const addresses = await resolveAllAddresses(hostname);
    const refusal = addresses === null ? null : resolvedAddressesRefusal(hostname, addresses, this.settings.targetPolicy);
    return refusal === null ? null : `url must name a public host: ${refusal}`;
  }

  /** `node(id)`, `nodes(ids)`: the endpoints with these ids the caller manages; for anyone else none exist. One statement. */
  async webhookEndpointsByIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, WebhookEndpoint>> {
    if (!isWebhookManager(ctx)) return new Map();
    const parameters = new SqlParameters();
    const rows: WebhookEndpointRow[] = await ctx.dataSource.query(
      `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints w WHERE ${parameters.matchesAnyId('w.id', ids)} AND ${managedWebhookEndpointsSql(ctx.principal, 'w', parameters)}`,
      parameters.values,
    );
    return new Map(rows.map((row) => [String(row.endpoint_id), toWebhookEndpoint(row)]));
  }

  /** Newest first, disabled ones included. */
  async listWebhookEndpoints(
    ctx: RequestContext,
    input: { first?: number | null; after?: string | null },
  ): Promise<Connection<WebhookEndpoint>> {
    requireWebhookManager(ctx);
    const page = pageRequest(input.first, input.after);
    const parameters = new SqlParameters();
    const conditions = [managedWebhookEndpointsSql(ctx.principal, 'w', parameters)];
    if (page.after)
      conditions.push(
        `(w.created_at, w.id) < (${parameters.add(page.after.sortValue)}::timestamptz, ${parameters.add(page.after.id)}::bigint)`,
      );
    const rows: WebhookEndpointRow[] = await ctx.dataSource.query(
      `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints w WHERE ${conditions.join(' AND ')} ORDER BY w.created_at DESC, w.id DESC LIMIT ${page.first + 1}`,
      parameters.values,
    );
    return toConnection(rows.map(toWebhookEndpoint), page, (endpoint) => ({
      sortValue: endpoint.createdAt.toISOString(),
      id: endpoint.id,
    }));
  }

  /** Stops deliveries: attempts still queued are dead-lettered when they run. Disabling twice keeps the first reason. */
  async disableWebhookEndpoint(
    ctx: RequestContext,
    input: { id: string; reason?: string | null },
  ): Promise<MutationResult<WebhookEndpoint>> {
    requireWebhookManager(ctx);
    const reason = input.reason?.trim() || `Disabled by ${principalLabel(ctx.principal)}`;
    if (characterCount(reason) > MAXIMUM_REASON_CHARACTERS)
      return refused(userError(UserErrorCode.INVALID_INPUT, `reason must be at most ${MAXIMUM_REASON_CHARACTERS} characters`, 'reason'));
    return this.update(ctx, decodeEndpointId(input.id, 'id'), (parameters) => {
      const now = parameters.add(ctx.now());
      return `is_enabled = false, disabled_reason = CASE WHEN w.is_enabled THEN ${parameters.add(reason)} ELSE w.disabled_reason END,
        disabled_at = CASE WHEN w.is_enabled THEN ${now}::timestamptz ELSE w.disabled_at END, updated_at = ${now}`;
    });
  }

  /** Deliveries resume with events from now on; dead-lettered ones are replayed with redeliverWebhook. */
  async enableWebhookEndpoint(ctx: RequestContext, input: { id: string }): Promise<MutationResult<WebhookEndpoint>> {
    requireWebhookManager(ctx);
    return this.update(
      ctx,
      decodeEndpointId(input.id, 'id'),
      (parameters) =>
        `is_enabled = true, disabled_reason = NULL, disabled_at = NULL, failing_since = NULL, updated_at = ${parameters.add(ctx.now())}`,
    );
  }

  /** One statement; an endpoint outside the caller's scope is as missing as one that never existed. */
  private async update(
    ctx: RequestContext,
    endpointId: string,
    assignments: (parameters: SqlParameters) => string,
  ): Promise<MutationResult<WebhookEndpoint>> {
    const parameters = new SqlParameters();
    const id = parameters.add(endpointId);
    const set = assignments(parameters);
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows]: [WebhookEndpointRow[], number] = await ctx.dataSource.query(
      `UPDATE webhook_endpoints w SET ${set} WHERE w.id = ${id} AND ${managedWebhookEndpointsSql(ctx.principal, 'w', parameters)} RETURNING ${ENDPOINT_COLUMNS}`,
      parameters.values,
    );
    return rows.length === 0 ? refused(NO_SUCH_ENDPOINT) : succeeded(toWebhookEndpoint(rows[0]));
  }

  /** The seller an endpoint created by this caller is scoped to (null: the platform), or why it may not be. */
  private scopeFor(ctx: RequestContext, requestedSellerId: string | null): MutationResult<string | null> {
    const { principal } = ctx;
    switch (principal.role) {
      case PrincipalRole.ADMIN:
        return succeeded(requestedSellerId);
      case PrincipalRole.INTEGRATION:
        if (principal.sellerId === null) {
          return requestedSellerId === null
            ? succeeded(null)
            : refused(
                userError(
                  UserErrorCode.NOT_PERMITTED,
                  "A platform API key registers endpoints in the platform scope; a seller's endpoints are registered by its own key or an admin",
                  'input.sellerId',
                ),
              );
        }
        return requestedSellerId === null || requestedSellerId === principal.sellerId
          ? succeeded(principal.sellerId)
          : refused(
              userError(UserErrorCode.NOT_PERMITTED, "A seller's API key registers endpoints for its own seller only", 'input.sellerId'),
            );
      case PrincipalRole.CUSTOMER:
      case PrincipalRole.SELLER:
      case PrincipalRole.CARRIER:
      case PrincipalRole.AGENT:
      case PrincipalRole.SYSTEM:
        throw new ForbiddenError("Webhooks are managed by admins and by integrations' API keys");
      default:
        return assertNever(principal);
    }
  }
}
