import { signPrincipalToken } from '../../src/auth/jwt';
import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { measureRepeated, RequestMix } from '../load';
import { createPrng } from '../sql-random';
import { graphqlOnce, ScenarioContext } from './scenario-context';

/**
 * S3 openTicket from the customer app: a customer signed in as themselves opens a ticket on one of their own
 * orders (the scope check is part of the work), half with a picked topic and half classified from the text,
 * every request with a new idempotency key. Routing, SLA clocks, events (and webhook fan-out) in one transaction.
 */
export const OPEN_TICKET_MUTATION = `mutation OpenTicket($input: OpenTicketInput!) {
  openTicket(input: $input) {
    ticket { id number category ownerParty priority status sla { nextDueAt } }
    userErrors { code field message }
  }
}`;

const CUSTOMERS = 2000;
export const S3_THROUGHPUT_CONNECTIONS = 10;
export const S3_FIXED_RATE = 400;

const TEXTS: ReadonlyArray<{ subject: string; body: string; category: string; channel: string }> = [
  {
    subject: '荷物が届きません',
    body: '追跡では配達済みになっていますが、置き配の荷物が玄関にありません。近所も確認しました。',
    category: 'ITEM_NOT_RECEIVED',
    channel: 'CHAT',
  },
  {
    subject: 'Parcel not delivered',
    body: 'Tracking says delivered yesterday but nothing was left at my door. I checked with my neighbours.',
    category: 'ITEM_NOT_RECEIVED',
    channel: 'EMAIL',
  },
  {
    subject: '商品が壊れていました',
    body: '箱が潰れていて、中のカップが割れていました。交換をお願いします。',
    category: 'DAMAGED_IN_TRANSIT',
    channel: 'APP',
  },
  {
    subject: '初期不良',
    body: '届いたイヤホンの右側から音が出ません。未開封ではありません。返金を希望します。',
    category: 'DEFECTIVE_ITEM',
    channel: 'CHAT',
  },
  {
    subject: 'Wrong colour',
    body: 'I ordered the blue jacket but received a black one. I would like a replacement.',
    category: 'NOT_AS_DESCRIBED',
    channel: 'EMAIL',
  },
  {
    subject: '返品したい',
    body: 'サイズが合わなかったので返品したいです。未開封です。返金をお願いします。',
    category: 'RETURN_REQUEST',
    channel: 'APP',
  },
  {
    subject: 'Delivery is late',
    body: 'My order was promised for Monday and it still has not arrived. When will it come?',
    category: 'DELIVERY_DELAYED',
    channel: 'SOCIAL',
  },
  {
    subject: '二重請求',
    body: 'クレジットカードに同じ注文の請求が2回ありました。確認してください。',
    category: 'PAYMENT_ISSUE',
    channel: 'PHONE',
  },
];

/** S3's callers and their requests: one order per customer, a new idempotency key per request. */
export async function openTicketMix(
  context: ScenarioContext,
): Promise<{ mix: RequestMix; customers: number; runId: string; statements: number }> {
  const { dataSource, settings } = context;
  // One order per customer, customers drawn by a hash of their id (deterministic, spread over the table).
  const orders: Array<{ id: string; customer_id: string }> = await dataSource.query(
    `SELECT DISTINCT ON (customer_id) id, customer_id FROM orders WHERE status <> 'CANCELLED' AND customer_id IN (
       SELECT id FROM customers ORDER BY hashint8extended(id, ${settings.seed}) LIMIT ${CUSTOMERS}) ORDER BY customer_id, placed_at DESC`,
  );
  const callers = await Promise.all(
    orders.map(async (order) => ({
      token: await signPrincipalToken({ role: PrincipalRole.CUSTOMER, customerId: order.customer_id }, context.authSecret),
      orderId: toGlobalId('Order', order.id),
    })),
  );
  const random = createPrng(settings.seed + 3);
  const runId = `${Date.now().toString(36)}`;
  let sequence = 0;
  const next = () => {
    const caller = callers[Math.floor(random() * callers.length)];
    const text = TEXTS[Math.floor(random() * TEXTS.length)];
    sequence += 1;
    const input = {
      channel: text.channel,
      subject: text.subject,
      body: text.body,
      orderId: caller.orderId,
      ...(random() < 0.5 ? { category: text.category } : {}),
      idempotencyKey: `bench-${runId}-${sequence}`,
    };
    return { body: JSON.stringify({ query: OPEN_TICKET_MUTATION, variables: { input } }), token: caller.token };
  };
  const first = next();
  const check = await graphqlOnce<{ openTicket: { ticket: { id: string } | null; userErrors: unknown[] } }>(
    context.server.graphqlUrl,
    first.token,
    OPEN_TICKET_MUTATION,
    (JSON.parse(first.body) as { variables: Record<string, unknown> }).variables,
  );
  if (check.errors || !check.data?.openTicket.ticket) throw new Error(`S3 sanity check failed: ${JSON.stringify(check).slice(0, 500)}`);
  return { mix: { next }, customers: callers.length, runId, statements: check.statements };
}

export async function runOpenTicket(context: ScenarioContext) {
  const { dataSource, settings, log } = context;
  const { mix, customers, runId, statements } = await openTicketMix(context);
  log(`S3 openTicket: ${customers} customers on their own orders, ${statements} statements per request`);
  const phase = { warmupSeconds: settings.warmupSeconds, measureSeconds: settings.measureSeconds };
  const throughput = await measureRepeated(
    context.server,
    mix,
    { ...phase, connections: S3_THROUGHPUT_CONNECTIONS },
    settings.repetitions,
    log,
    'S3 max rate, 10 connections',
  );
  const fixedRate = await measureRepeated(
    context.server,
    mix,
    { ...phase, connections: S3_THROUGHPUT_CONNECTIONS, overallRate: S3_FIXED_RATE },
    settings.repetitions,
    log,
    `S3 fixed ${S3_FIXED_RATE}/s`,
  );
  const [{ opened }] = await dataSource.query<Array<{ opened: number }>>(
    `SELECT count(*)::int AS opened FROM tickets WHERE idempotency_key LIKE $1`,
    [`bench-${runId}-%`],
  );
  return { caller: 'customer JWT, own order, unique idempotency key', customers, ticketsOpened: opened, throughput, fixedRate };
}
