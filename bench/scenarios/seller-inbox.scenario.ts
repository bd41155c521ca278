import { signPrincipalToken } from '../../src/auth/jwt';
import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { measureRepeated, RequestMix } from '../load';
import { createPrng } from '../sql-random';
import { graphqlOnce, ScenarioContext } from './scenario-context';

/**
 * S1 seller portal inbox: a seller's 25 newest tickets with customer, order, the last three messages and the SLA.
 * Each request is a different seller, signed in as that seller (the portal's real caller): the seller scope is
 * part of what is measured, and the statement count must not grow with the page.
 */
export const SELLER_INBOX_QUERY = `query SellerInbox {
  tickets(first: 25) {
    edges { node {
      id number subject status priority category ownerParty createdAt updatedAt
      customer { id name email }
      order { id number status placedAt }
      messages(first: 3, order: NEWEST_FIRST) { edges { node { id authorRole body createdAt } } }
      sla { nextDueAt clocks { metric state dueAt } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const INBOX_PAGE = 25;
export const S1_THROUGHPUT_CONNECTIONS = 10;
export const S1_FIXED_RATE = 300;

export async function runSellerInbox(context: ScenarioContext) {
  const { dataSource, settings, log } = context;
  // Sellers with a full first page: a random seller per request, all of them showing 25 tickets.
  const sellers: Array<{ seller_id: string; tickets: number }> = await dataSource.query(
    `SELECT seller_id, count(*)::int AS tickets FROM tickets WHERE seller_id IS NOT NULL GROUP BY seller_id HAVING count(*) >= ${INBOX_PAGE} ORDER BY seller_id`,
  );
  if (sellers.length === 0) throw new Error('S1: no seller has 25 tickets');
  const tokens = await Promise.all(
    sellers.map((seller) => signPrincipalToken({ role: PrincipalRole.SELLER, sellerId: seller.seller_id }, context.authSecret)),
  );
  const check = await graphqlOnce<{ tickets: { edges: unknown[] } }>(context.server.graphqlUrl, tokens[0], SELLER_INBOX_QUERY, {});
  if (check.errors || check.data?.tickets.edges.length !== INBOX_PAGE)
    throw new Error(`S1 sanity check failed: ${JSON.stringify(check).slice(0, 500)}`);
  log(
    `S1 seller inbox: ${sellers.length} sellers with ≥ ${INBOX_PAGE} tickets (median ${sellers[Math.floor(sellers.length / 2)].tickets}), ${check.statements} statements per request`,
  );

  const random = createPrng(settings.seed + 1);
  const body = JSON.stringify({ query: SELLER_INBOX_QUERY, variables: {} });
  const mix: RequestMix = { next: () => ({ body, token: tokens[Math.floor(random() * tokens.length)] }) };
  const phase = { warmupSeconds: settings.warmupSeconds, measureSeconds: settings.measureSeconds };
  const throughput = await measureRepeated(
    context.server,
    mix,
    { ...phase, connections: S1_THROUGHPUT_CONNECTIONS },
    settings.repetitions,
    log,
    'S1 max rate, 10 connections',
  );
  const fixedRate = await measureRepeated(
    context.server,
    mix,
    { ...phase, connections: S1_THROUGHPUT_CONNECTIONS, overallRate: S1_FIXED_RATE },
    settings.repetitions,
    log,
    `S1 fixed ${S1_FIXED_RATE} req/s`,
  );
  return {
    caller: 'seller JWT, a random seller per request',
    sellers: sellers.length,
    sampleSellerId: toGlobalId('Seller', sellers[0].seller_id),
    throughput,
    fixedRate,
  };
}
