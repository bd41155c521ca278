import { customerEmailSql, customerPhoneSql } from '../auth/masking';
import { Principal } from '../auth/principal';
import { ticketScopeSql } from '../auth/scope';
import { fromGlobalIdOfType, MalformedGlobalIdError, NodeTypeName } from '../domain/global-id';
import { DEFAULT_PAGE_SIZE, MAXIMUM_PAGE_SIZE } from '../rules/pagination.rule';
import { AnswerParameters, NotAnswerable } from './answer-parameters';
import { relationSpecs, type MessageOrder } from './relation-specs';

// The answers PostgreSQL writes (issue #15, point 2): for `tickets(first:)` and `ticket(id:)` with the fields
// below, one statement builds the field's whole JSON, in the selection's order and the API's own formats (global
// ids, ISO 8601 timestamps in UTC with milliseconds, cursors), under the same scope (src/auth/scope.ts), masking
// (src/auth/masking.ts) and visibility (RelationSpecs) as the loaders. A field not listed here makes the document
// NotAnswerable: it takes the usual path. test/integration/sql-answers.test.ts compares both paths for every role.

/** A field of the document: its response key, arguments (literals or variable names) and sub-selections. */
export interface AnswerSelection {
  key: string;
  name: string;
  args: Readonly<Record<string, AnswerArgument>>;
  selections: readonly AnswerSelection[];
}
export type AnswerArgument = { literal: unknown } | { variable: string };

interface Build {
  principal: Principal;
  secret: string;
  parameters: AnswerParameters;
  /** Ticket columns the answer reads (the page selects only these). */
  ticketColumns: Set<string>;
}

/** A field's SQL over the row aliased `alias`, or NotAnswerable. */
type FieldSql = (alias: string, field: AnswerSelection, build: Build) => string;

const iso = (expression: string) => `to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** base64url("<Type>:<id>") without padding, as toGlobalId writes it (short enough that encode adds no line break). */
const globalIdSql = (type: NodeTypeName, expression: string) =>
  `rtrim(translate(encode(convert_to('${type}:' || ${expression}::text, 'UTF8'), 'base64'), '+/', '-_'), '=')`;

const column =
  (name: string): FieldSql =>
  (alias, field) =>
    plain(field, `${alias}.${name}`);
const instant =
  (name: string): FieldSql =>
  (alias, field) =>
    plain(field, iso(`${alias}.${name}`));
const idOf =
  (type: NodeTypeName): FieldSql =>
  (alias, field) =>
    plain(field, globalIdSql(type, `${alias}.id`));

/** A leaf: no arguments, no sub-selection. */
function plain(field: AnswerSelection, sql: string): string {
  if (Object.keys(field.args).length > 0 || field.selections.length > 0) throw new NotAnswerable(`${field.name} with arguments`);
  return sql;
}

/** json_build_object of the selections in their order; `__typename` is the type's name. */
function objectSql(
  typeName: string,
  fields: Readonly<Record<string, FieldSql>>,
  alias: string,
  selections: readonly AnswerSelection[],
  build: Build,
): string {
  const keys = new Set<string>();
  const entries = selections.map((field) => {
    // The same key twice would need GraphQL's field merging: the usual path does it.
    if (keys.has(field.key)) throw new NotAnswerable(`${field.key} twice`);
    keys.add(field.key);
    const sql = field.name === '__typename' ? `'${typeName}'` : fields[field.name]?.(alias, field, build);
    if (sql === undefined) throw new NotAnswerable(`${typeName}.${field.name}`);
    return `'${field.key}', ${sql}`;
  });
  // json_build_object takes at most 100 arguments.
  if (entries.length === 0 || entries.length > 50) throw new NotAnswerable(`${entries.length} fields of ${typeName}`);
  return `json_build_object(${entries.join(', ')})`;
}

const CUSTOMER: Record<string, FieldSql> = {
  id: idOf('Customer'),
  name: column('name'),
  email: (alias, field, build) => plain(field, customerEmailSql(build.principal, alias, build.parameters, build.secret)),
  phone: (alias, field, build) => plain(field, customerPhoneSql(build.principal, alias)),
  tier: column('tier'),
  preferredLanguage: column('preferred_language'),
};

const ORDER: Record<string, FieldSql> = {
  id: idOf('Order'),
  number: column('number'),
  status: column('status'),
  fulfillment: column('fulfillment'),
  placedAt: instant('placed_at'),
  promisedDeliveryAt: instant('promised_delivery_at'),
};

const MESSAGE: Record<string, FieldSql> = {
  id: idOf('Message'),
  authorRole: column('author_role'),
  visibility: column('visibility'),
  body: column('body'),
  createdAt: instant('created_at'),
};

const MESSAGE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  authorRole: ['author_role'],
  visibility: ['visibility'],
  body: ['body'],
  createdAt: ['created_at'],
};

const SLA_CLOCK: Record<string, FieldSql> = {
  metric: column('metric'),
  owner: column('owner_party'),
  state: column('state'),
  startedAt: instant('started_at'),
  dueAt: instant('due_at'),
  warnAt: instant('warn_at'),
  pausedAt: instant('paused_at'),
  metAt: instant('met_at'),
  breachedAt: instant('breached_at'),
};

const SLA: Record<string, FieldSql> = {
  nextDueAt: (alias, field) => plain(field, `(SELECT ${iso('d.next_sla_due_at')} FROM ticket_deadlines d WHERE d.ticket_id = ${alias}.id)`),
  escalatesAt: (alias, field) =>
    plain(field, `(SELECT ${iso('d.escalation_due_at')} FROM ticket_deadlines d WHERE d.ticket_id = ${alias}.id)`),
  // Oldest first, as the loaders hold them (by id).
  clocks: (alias, field, build) =>
    `coalesce((SELECT json_agg(${objectSql('SlaClockView', SLA_CLOCK, 'k', field.selections, build)} ORDER BY k.id) FROM sla_clocks k WHERE k.ticket_id = ${alias}.id), '[]'::json)`,
};

const ROUTING: Record<string, FieldSql> = {
  owner: column('owner_party'),
  rule: column('routing_rule_id'),
  ruleVersion: column('routing_rule_version'),
  reason: column('routing_reason'),
  classifierModelVersion: column('classifier_model_version'),
  decidedAt: instant('routed_at'),
};

/** A literal page size or a variable's, as pageRequest takes it; anything it would refuse takes the usual path. */
function pageSizeOf(value: unknown): number {
  if (value === undefined || value === null) return DEFAULT_PAGE_SIZE;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAXIMUM_PAGE_SIZE) throw new NotAnswerable('page size');
  return value;
}

function onlyArguments(field: AnswerSelection, allowed: readonly string[]): void {
  const other = Object.keys(field.args).find((name) => !allowed.includes(name));
  if (other !== undefined) throw new NotAnswerable(`${field.name}(${other})`);
}

/** `messages(first:, order:)` with literal arguments, edges and nodes only. */
const messagesSql: FieldSql = (alias, field, build) => {
  onlyArguments(field, ['first', 'order']);
  const first =
    field.args.first === undefined ? DEFAULT_PAGE_SIZE : pageSizeOf('literal' in field.args.first ? field.args.first.literal : NaN);
  const orderArgument = field.args.order;
  const order = (
    orderArgument === undefined ? 'OLDEST_FIRST' : 'literal' in orderArgument ? orderArgument.literal : null
  ) as MessageOrder | null;
  if (order !== 'OLDEST_FIRST' && order !== 'NEWEST_FIRST') throw new NotAnswerable('messages(order:)');
  const spec = relationSpecs(build.principal, build.secret).messages(order);
  const sort = (alias: string) => `${alias}.${spec.sortColumn} ${spec.direction}, ${alias}.id ${spec.direction}`;
  // The node's columns (named, not *: a prepared statement's rows do not change with a migration's new column).
  const columns = new Set(['id', spec.sortColumn]);
  const edge: Record<string, FieldSql> = {
    node: (row, node) => {
      for (const selected of node.selections) for (const name of MESSAGE_COLUMNS[selected.name] ?? []) columns.add(name);
      return objectSql('Message', MESSAGE, row, node.selections, build);
    },
  };
  const connection: Record<string, FieldSql> = {
    edges: (_row, edges) => {
      const edgeSql = objectSql('MessageEdge', edge, 'm', edges.selections, build);
      const rows = `SELECT ${[...columns].map((name) => `c.${name}`).join(', ')} FROM ${spec.table} c WHERE ${spec.belongsTo(`${alias}.id`)} AND ${spec.where ? spec.where(build.parameters) : 'true'} ORDER BY ${sort('c')} LIMIT ${first}`;
      return `coalesce((SELECT json_agg(${edgeSql} ORDER BY ${sort('m')}) FROM (${rows}) m), '[]'::json)`;
    },
  };
  build.ticketColumns.add('id');
  return objectSql('MessageConnection', connection, alias, field.selections, build);
};

const TICKET: Record<string, FieldSql> = {
  id: idOf('Ticket'),
  number: column('number'),
  subject: column('subject'),
  status: column('status'),
  priority: column('priority'),
  category: column('category'),
  channel: column('channel'),
  language: column('language'),
  ownerParty: column('owner_party'),
  version: column('version'),
  createdAt: instant('created_at'),
  updatedAt: instant('updated_at'),
  missingDetails: (alias, field) => plain(field, `to_json(${alias}.missing_details)`),
  routing: (alias, field, build) => objectSql('RoutingDecisionRecord', ROUTING, alias, field.selections, build),
  customer: (alias, field, build) =>
    `(SELECT ${objectSql('Customer', CUSTOMER, 'c', field.selections, build)} FROM customers c WHERE c.id = ${alias}.customer_id)`,
  order: (alias, field, build) =>
    `(SELECT ${objectSql('Order', ORDER, 'o', field.selections, build)} FROM orders o WHERE o.id = ${alias}.order_id)`,
  messages: messagesSql,
  sla: (alias, field, build) => objectSql('TicketSla', SLA, alias, field.selections, build),
};

/** The ticket columns each field reads (the page reads just these, with id and created_at for order and cursors). */
const TICKET_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  number: ['number'],
  subject: ['subject'],
  status: ['status'],
  priority: ['priority'],
  category: ['category'],
  channel: ['channel'],
  language: ['language'],
  ownerParty: ['owner_party'],
  version: ['version'],
  updatedAt: ['updated_at'],
  missingDetails: ['missing_details'],
  routing: ['owner_party', 'routing_rule_id', 'routing_rule_version', 'routing_reason', 'classifier_model_version', 'routed_at'],
  customer: ['customer_id'],
  order: ['order_id'],
};

function ticketSql(alias: string, selections: readonly AnswerSelection[], build: Build): string {
  for (const field of selections) for (const name of TICKET_COLUMNS[field.name] ?? []) build.ticketColumns.add(name);
  return objectSql('Ticket', TICKET, alias, selections, build);
}

/** The keyset cursor of a ticket in the default order: base64url of JSON [createdAt ISO, id], as encodeCursor writes it. */
const cursorSql = (alias: string) =>
  `rtrim(translate(encode(convert_to('["' || ${iso(`${alias}.created_at`)} || '","' || ${alias}.id::text || '"]', 'UTF8'), 'base64'), '+/', '-_'), '=')`;

function newBuild(principal: Principal, secret: string): Build {
  return { principal, secret, parameters: new AnswerParameters(), ticketColumns: new Set(['id', 'created_at']) };
}

export interface CompiledAnswer {
  text: string;
  parameters: AnswerParameters;
}

/** `tickets(first:)`: the first page in the default order (newest first), no filter. */
export function ticketPageAnswer(field: AnswerSelection, principal: Principal, secret: string): CompiledAnswer {
  onlyArguments(field, ['first']);
  const build = newBuild(principal, secret);
  const argument = field.args.first;
  const firstOf = ({ variables }: { variables: Readonly<Record<string, unknown>> }) =>
    pageSizeOf(argument === undefined ? undefined : 'literal' in argument ? argument.literal : variables[argument.variable]);
  const order = (alias: string, direction: 'ASC' | 'DESC') => `${alias}.created_at ${direction}, ${alias}.id ${direction}`;
  const edge: Record<string, FieldSql> = {
    node: (alias, node) => ticketSql(alias, node.selections, build),
    cursor: (alias, cursor) => plain(cursor, cursorSql(alias)),
  };
  const pageInfo: Record<string, FieldSql> = {
    hasNextPage: (_alias, info) => plain(info, '((SELECT count(*) FROM page) > (SELECT count(*) FROM shown))'),
    hasPreviousPage: (_alias, info) => plain(info, 'false'),
    startCursor: (_alias, info) => plain(info, `(SELECT ${cursorSql('s')} FROM shown s ORDER BY ${order('s', 'DESC')} LIMIT 1)`),
    endCursor: (_alias, info) => plain(info, `(SELECT ${cursorSql('s')} FROM shown s ORDER BY ${order('s', 'ASC')} LIMIT 1)`),
  };
  const connection: Record<string, FieldSql> = {
    edges: (_alias, edges) =>
      `coalesce((SELECT json_agg(${objectSql('TicketEdge', edge, 'p', edges.selections, build)} ORDER BY ${order('p', 'DESC')}) FROM shown p), '[]'::json)`,
    pageInfo: (_alias, info) => objectSql('PageInfo', pageInfo, 'p', info.selections, build),
  };
  const answer = objectSql('TicketConnection', connection, 'p', field.selections, build);
  const scope = ticketScopeSql(principal, 't', build.parameters);
  const readLimit = build.parameters.addComputed((input) => firstOf(input) + 1);
  const shownLimit = build.parameters.addComputed(firstOf);
  const columns = [...build.ticketColumns].map((name) => `t.${name}`).join(', ');
  const text = `WITH page AS (SELECT ${columns} FROM tickets t WHERE ${scope} ORDER BY ${order('t', 'DESC')} LIMIT ${readLimit}::int),
  shown AS (SELECT * FROM page ORDER BY created_at DESC, id DESC LIMIT ${shownLimit}::int)
  SELECT (${answer})::text AS answer`;
  return { text, parameters: build.parameters };
}

/** A ticket id argument as `ticket(id:)` decodes it; a malformed one takes the usual path (and its error). */
function ticketIdOf(value: unknown): string {
  if (typeof value !== 'string') throw new NotAnswerable('ticket id');
  try {
    return fromGlobalIdOfType(value, 'Ticket');
  } catch (error) {
    if (error instanceof MalformedGlobalIdError) throw new NotAnswerable('ticket id');
    throw error;
  }
}

/** `ticket(id:)`: the ticket when it is in the caller's scope, else null. */
export function ticketAnswer(field: AnswerSelection, principal: Principal, secret: string): CompiledAnswer {
  onlyArguments(field, ['id']);
  const argument = field.args.id;
  if (argument === undefined) throw new NotAnswerable('ticket without id');
  const build = newBuild(principal, secret);
  const node = ticketSql('p', field.selections, build);
  const id = build.parameters.addComputed(({ variables }) =>
    ticketIdOf('literal' in argument ? argument.literal : variables[argument.variable]),
  );
  const scope = ticketScopeSql(principal, 't', build.parameters);
  const columns = [...build.ticketColumns].map((name) => `t.${name}`).join(', ');
  const text = `WITH page AS (SELECT ${columns} FROM tickets t WHERE t.id = ${id}::bigint AND ${scope})
  SELECT (SELECT ${node} FROM page p)::text AS answer`;
  return { text, parameters: build.parameters };
}
