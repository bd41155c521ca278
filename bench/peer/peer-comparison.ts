import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { signPrincipalToken } from '../../src/auth/jwt';
import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { LONG_CONVERSATION_MESSAGES } from '../generate-data';
import { median } from '../load';
import { ScenarioContext } from '../scenarios/scenario-context';
import { SELLER_INBOX_QUERY } from '../scenarios/seller-inbox.scenario';
import { TICKET_DETAIL_QUERY } from '../scenarios/ticket-detail.scenario';
import { createPrng } from '../sql-random';
import { PEER_ROLES, PEER_ROW_LEVEL_SECURITY, PEER_SELLER_INBOX_PLAIN, PEER_SELLER_INBOX_RLS, PEER_TICKET_DETAIL } from './peer-documents';
import { checkEquivalence, EquivalenceReport, PeerRequests, ServerName } from './peer-check';
import { installPostgraphile, PeerServer, POSTGRAPHILE_VERSION, startPostgraphile } from './postgraphile-server';
import { loadAverage, measurePeerWindow, PeerWindow, postmasterOf, runPeerLoad, summariseWindows } from './peer-window';

// `npm run bench -- --peer postgraphile`: the project against PostGraphile 4.14.1 on the same benchmark database,
// (a) without security and (b) with row-level security and JWT claims as its users would deploy it. The answers
// are checked equal first; then S1 and S2 windows alternate between the servers round by round (the order
// rotated each round, each server alone under load in its window, the same sequence of sellers or tickets for
// every server of a round), and the ratio project/peer is taken per round: its median is the figure.

export interface PeerSettings {
  pairs: number;
  windowSeconds: number;
  warmupSeconds: number;
  initialWarmupSeconds: number;
  rowLevelSecurity: boolean;
}

export const PEER_SETTINGS = {
  full: { pairs: 10, windowSeconds: 15, warmupSeconds: 3, initialWarmupSeconds: 10, rowLevelSecurity: true },
  quick: { pairs: 3, windowSeconds: 5, warmupSeconds: 1, initialWarmupSeconds: 3, rowLevelSecurity: true },
} satisfies Record<string, PeerSettings>;

/** S1 as bench/scenarios/seller-inbox.scenario.ts loads it (10 connections), S2 as ticket-detail (1). */
const PEER_SCENARIOS = { S1: { connections: 10, seed: 1001 }, S2: { connections: 1, seed: 2002 } } as const;
type PeerScenario = keyof typeof PEER_SCENARIOS;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Variant (b)'s database side: the policies, a login for its authenticator, the relay secret of the e-mail. */
async function applyRowLevelSecurity(context: ScenarioContext, password: string): Promise<string> {
  const { dataSource, databaseUrl, authSecret } = context;
  await dataSource.query(PEER_ROW_LEVEL_SECURITY);
  await dataSource.query(`ALTER ROLE ${PEER_ROLES.authenticator} PASSWORD '${password}'`);
  const name = new URL(databaseUrl).pathname.slice(1);
  await dataSource.query(`ALTER DATABASE "${name}" SET pgl.relay_secret = '${authSecret}'`);
  const url = new URL(databaseUrl);
  url.username = PEER_ROLES.authenticator;
  url.password = password;
  return url.toString();
}

/** Request makers of each server: `(key)` is a seller id (S1) or a ticket id (S2). */
async function buildRequests(context: ScenarioContext, sellers: string[], jwtSecret: string): Promise<PeerRequests> {
  const sellerTokens = new Map<string, string>();
  const peerSellerTokens = new Map<string, string>();
  const peerKey = new TextEncoder().encode(jwtSecret);
  const peerToken = (claims: Record<string, string>) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setAudience('postgraphile').setExpirationTime('6h').sign(peerKey);
  for (const seller of sellers) {
    sellerTokens.set(seller, await signPrincipalToken({ role: PrincipalRole.SELLER, sellerId: seller }, context.authSecret));
    peerSellerTokens.set(seller, await peerToken({ role: PEER_ROLES.seller, seller_id: seller }));
  }
  const agentToken = await signPrincipalToken({ role: PrincipalRole.AGENT, agentId: '1' }, context.authSecret);
  const peerAgentToken = await peerToken({ role: PEER_ROLES.agent });
  const projectInbox = JSON.stringify({ query: SELLER_INBOX_QUERY, variables: {} });
  const peerInbox = JSON.stringify({ query: PEER_SELLER_INBOX_RLS, variables: {} });
  const peerDetail = (ticket: string) => JSON.stringify({ query: PEER_TICKET_DETAIL, variables: { id: ticket } });
  return {
    project: {
      S1: (seller) => ({ body: projectInbox, headers: bearer(sellerTokens.get(seller)!) }),
      S2: (ticket) => ({
        body: JSON.stringify({ query: TICKET_DETAIL_QUERY, variables: { id: toGlobalId('Ticket', ticket) } }),
        headers: bearer(agentToken),
      }),
    },
    plain: {
      S1: (seller) => ({ body: JSON.stringify({ query: PEER_SELLER_INBOX_PLAIN, variables: { sellerId: seller } }), headers: {} }),
      S2: (ticket) => ({ body: peerDetail(ticket), headers: {} }),
    },
    rls: {
      S1: (seller) => ({ body: peerInbox, headers: bearer(peerSellerTokens.get(seller)!) }),
      S2: (ticket) => ({ body: peerDetail(ticket), headers: bearer(peerAgentToken) }),
    },
  };
}

interface Round {
  order: ServerName[];
  windows: Partial<Record<ServerName, PeerWindow>>;
  /** project ÷ peer requests per second (S2: at one connection, the inverse of the mean latency ratio). */
  throughputRatio: Partial<Record<ServerName, number>>;
  /** peer p50 ÷ project p50 (above 1: the project answers faster). */
  p50Ratio: Partial<Record<ServerName, number>>;
}

type Servers = Partial<Record<ServerName, { name: string; pid: number; graphqlUrl: string }>>;

async function measureScenario(
  scenario: PeerScenario,
  servers: Servers,
  requests: PeerRequests,
  keys: string[],
  settings: PeerSettings,
  postmasterPid: number | null,
  log: (message: string) => void,
) {
  const { connections, seed } = PEER_SCENARIOS[scenario];
  const names = (Object.keys(servers) as ServerName[]).filter((name) => servers[name]);
  const mix = (name: ServerName, seedValue: number) => {
    const random = createPrng(seedValue);
    return () => requests[name][scenario](keys[Math.floor(random() * keys.length)]);
  };
  log(`peer ${scenario}: warm-up ${settings.initialWarmupSeconds} s per server at ${connections} connection(s)`);
  for (const name of names) await runPeerLoad(servers[name]!.graphqlUrl, connections, settings.initialWarmupSeconds, mix(name, seed - 1));
  const rounds: Round[] = [];
  for (let index = 0; index < settings.pairs; index += 1) {
    const order = names.map((_, position) => names[(position + index) % names.length]);
    const windows: Round['windows'] = {};
    for (const name of order) {
      const server = servers[name]!;
      if (settings.warmupSeconds > 0)
        await runPeerLoad(server.graphqlUrl, connections, settings.warmupSeconds, mix(name, seed + 500 + index));
      // The same seed for every server of a round: the same sequence of sellers or tickets.
      const window = await measurePeerWindow(server, postmasterPid, connections, settings.windowSeconds, mix(name, seed + index));
      windows[name] = window;
      log(
        `  ${scenario} round ${index + 1} ${name}: ${window.requestsPerSecond} req/s, p50 ${window.latencyMs.p50} ms, p99 ${window.latencyMs.p99} ms, server ${window.serverCpuMsPerRequest} ms CPU/req, PostgreSQL ${window.postgresCpuMsPerRequest} ms CPU/req, ${window.bodyBytes} B, failures ${window.failures}${window.firstFailure ? ` (${window.firstFailure})` : ''}; load ${window.loadAverage1m}`,
      );
    }
    const peers = names.filter((name) => name !== 'project');
    const throughputRatio = Object.fromEntries(
      peers.map((name) => [name, round3(windows.project!.requestsPerSecond / windows[name]!.requestsPerSecond)]),
    );
    const p50Ratio = Object.fromEntries(peers.map((name) => [name, round3(windows[name]!.latencyMs.p50 / windows.project!.latencyMs.p50)]));
    log(
      `  ${scenario} round ${index + 1} project/peer: ${peers.map((name) => `${name} ${throughputRatio[name]}× req/s, ${p50Ratio[name]}× p50`).join('; ')}`,
    );
    rounds.push({ order, windows, throughputRatio, p50Ratio });
  }
  return summariseScenario(scenario, names, rounds, connections, settings);
}

const round3 = (value: number) => Number(value.toFixed(3));

function summariseScenario(scenario: PeerScenario, names: ServerName[], rounds: Round[], connections: number, settings: PeerSettings) {
  const summary = Object.fromEntries(names.map((name) => [name, summariseWindows(rounds.map((entry) => entry.windows[name]!))]));
  const ratios = Object.fromEntries(
    names
      .filter((name) => name !== 'project')
      .map((name) => {
        const throughput = rounds.map((entry) => entry.throughputRatio[name]!);
        const p50 = rounds.map((entry) => entry.p50Ratio[name]!);
        return [
          name,
          { throughput: { median: round3(median(throughput)), perRound: throughput }, p50: { median: round3(median(p50)), perRound: p50 } },
        ];
      }),
  );
  return { scenario, connections, pairs: rounds.length, windowSeconds: settings.windowSeconds, summary, ratios, rounds };
}

/** Sellers with a full first page and S2's long-conversation tickets with an order, as the scenarios pick them. */
async function pickKeys(context: ScenarioContext): Promise<{ sellers: string[]; tickets: string[] }> {
  const sellers: Array<{ id: string }> = await context.dataSource.query(
    `SELECT seller_id::text AS id FROM tickets WHERE seller_id IS NOT NULL GROUP BY seller_id HAVING count(*) >= 25 ORDER BY seller_id`,
  );
  const tickets: Array<{ id: string }> = await context.dataSource.query(
    `SELECT t.id::text AS id FROM tickets t WHERE (SELECT count(*) FROM messages m WHERE m.ticket_id = t.id) >= ${LONG_CONVERSATION_MESSAGES} AND t.order_id IS NOT NULL ORDER BY t.id LIMIT 1000`,
  );
  return { sellers: sellers.map((row) => row.id), tickets: tickets.map((row) => row.id) };
}

async function startPeers(context: ScenarioContext, settings: PeerSettings, keep: boolean, cleanups: Array<() => Promise<void>>) {
  const install = await installPostgraphile({ keep, log: context.log });
  cleanups.push(() => install.remove());
  const jwtSecret = randomBytes(32).toString('hex');
  const servers: Record<string, PeerServer> = {};
  servers.plain = await startPostgraphile(install, { name: 'postgraphile', databaseUrl: context.databaseUrl });
  cleanups.push(() => servers.plain.stop());
  if (settings.rowLevelSecurity) {
    const rlsUrl = await applyRowLevelSecurity(context, randomBytes(16).toString('hex'));
    servers.rls = await startPostgraphile(install, { name: 'postgraphile-rls', databaseUrl: rlsUrl, jwtSecret });
    cleanups.push(() => servers.rls.stop());
  }
  return { servers, jwtSecret };
}

export async function runPeerComparison(context: ScenarioContext, settings: PeerSettings, keep: boolean) {
  const { log } = context;
  const loadBefore = loadAverage();
  const cleanups: Array<() => Promise<void>> = [];
  try {
    const { servers: peers, jwtSecret } = await startPeers(context, settings, keep, cleanups);
    const servers: Servers = { project: { name: 'project', pid: context.server.pid, graphqlUrl: context.server.graphqlUrl }, ...peers };
    const { sellers, tickets } = await pickKeys(context);
    const requests = await buildRequests(context, sellers, jwtSecret);
    const equivalence: EquivalenceReport = await checkEquivalence(servers, requests, sellers, tickets, log);
    if (!equivalence.same) throw new Error('peer: the answers differ, not measuring (see the check lines above)');
    const [{ pid }]: Array<{ pid: number }> = await context.dataSource.query('SELECT pg_backend_pid() AS pid');
    const postmasterPid = postmasterOf(pid);
    const S1 = await measureScenario('S1', servers, requests, sellers, settings, postmasterPid, log);
    const S2 = await measureScenario('S2', servers, requests, tickets, settings, postmasterPid, log);
    return {
      peer: `postgraphile@${POSTGRAPHILE_VERSION}`,
      settings,
      sellers: sellers.length,
      tickets: tickets.length,
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadAverage(),
      equivalence,
      S1,
      S2,
    };
  } finally {
    while (cleanups.length > 0) await cleanups.pop()!().catch((error: unknown) => log(`peer cleanup failed: ${String(error)}`));
  }
}
