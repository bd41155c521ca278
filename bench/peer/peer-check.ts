import { DetailAnswer, firstDifference, InboxAnswer, normaliseDetail, normaliseInbox } from './peer-equivalence';
import { PeerRequest } from './peer-window';

// The equivalence check before any measurement: the same sellers' inbox pages and the same tickets' details from
// every server, compared in one normal form. Variant (a) has no masking (its e-mail is the customer's own
// address, the project's a relay address): for it the e-mail is left out of the comparison.

export type ServerName = 'project' | 'plain' | 'rls';
export type PeerRequests = Record<ServerName, Record<'S1' | 'S2', (key: string) => ReturnType<PeerRequest>>>;

interface CheckRow {
  key: string;
  counts: Record<string, number>;
  bytes: Partial<Record<ServerName, number>>;
  differences: Partial<Record<ServerName, string>>;
}

export interface EquivalenceReport {
  same: boolean;
  S1: CheckRow[];
  S2: CheckRow[];
}

async function answer<T>(url: string, request: ReturnType<PeerRequest>): Promise<{ json: T; bytes: number }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...request.headers },
    body: request.body,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (response.status !== 200 || text.includes('"errors":[')) throw new Error(`HTTP ${response.status}: ${text.slice(0, 400)}`);
  return { json: JSON.parse(text) as T, bytes: Buffer.byteLength(text) };
}

/** `count` values spread evenly over `list` (first and last included). */
function spread<T>(list: T[], count: number): T[] {
  return Array.from(
    { length: Math.min(count, list.length) },
    (_, index) => list[Math.floor((index * (list.length - 1)) / Math.max(1, count - 1))],
  );
}

type Servers = Partial<Record<ServerName, { graphqlUrl: string }>>;
const peersOf = (servers: Servers) => (['plain', 'rls'] as const).filter((name) => servers[name]);

async function checkInbox(servers: Servers, requests: PeerRequests, seller: string): Promise<CheckRow> {
  const project = await answer<InboxAnswer>(servers.project!.graphqlUrl, requests.project.S1(seller));
  const expected = normaliseInbox(project.json, 'project');
  const row: CheckRow = {
    key: seller,
    counts: {
      tickets: expected.tickets.length,
      messages: expected.tickets.reduce((sum, t) => sum + t.messages.length, 0),
      clocks: expected.tickets.reduce((sum, t) => sum + t.clocks.length, 0),
    },
    bytes: { project: project.bytes },
    differences: {},
  };
  for (const name of peersOf(servers)) {
    const peer = await answer<InboxAnswer>(servers[name]!.graphqlUrl, requests[name].S1(seller));
    const actual = normaliseInbox(peer.json, 'postgraphile');
    const comparable =
      name === 'plain'
        ? {
            ...actual,
            tickets: actual.tickets.map((t, index) => ({
              ...t,
              customer: t.customer && { ...t.customer, email: expected.tickets[index]?.customer?.email ?? null },
            })),
          }
        : actual;
    row.differences[name] = firstDifference(expected, comparable) ?? 'same';
    row.bytes[name] = peer.bytes;
  }
  return row;
}

async function checkDetail(servers: Servers, requests: PeerRequests, ticket: string): Promise<CheckRow> {
  const project = await answer<DetailAnswer>(servers.project!.graphqlUrl, requests.project.S2(ticket));
  const expected = normaliseDetail(project.json, 'project');
  const row: CheckRow = {
    key: ticket,
    counts: { messages: expected.messages.length, events: expected.events.length, clocks: expected.clocks.length },
    bytes: { project: project.bytes },
    differences: {},
  };
  for (const name of peersOf(servers)) {
    const peer = await answer<DetailAnswer>(servers[name]!.graphqlUrl, requests[name].S2(ticket));
    row.differences[name] = firstDifference(expected, normaliseDetail(peer.json, 'postgraphile')) ?? 'same';
    row.bytes[name] = peer.bytes;
  }
  return row;
}

/** 5 sellers and 3 tickets spread over the lists; every peer's answer against the project's. */
export async function checkEquivalence(
  servers: Servers,
  requests: PeerRequests,
  sellers: string[],
  tickets: string[],
  log: (message: string) => void,
): Promise<EquivalenceReport> {
  const report: EquivalenceReport = { same: true, S1: [], S2: [] };
  for (const seller of spread(sellers, 5)) report.S1.push(await checkInbox(servers, requests, seller));
  for (const ticket of spread(tickets, 3)) report.S2.push(await checkDetail(servers, requests, ticket));
  for (const [scenario, rows] of [
    ['S1 seller', report.S1],
    ['S2 ticket', report.S2],
  ] as const) {
    for (const row of rows) {
      log(
        `peer check ${scenario} ${row.key}: ${JSON.stringify(row.counts)}; ${Object.entries(row.differences)
          .map(([name, verdict]) => `${name} ${verdict}`)
          .join('; ')}; bytes ${JSON.stringify(row.bytes)}`,
      );
      if (Object.values(row.differences).some((verdict) => verdict !== 'same')) report.same = false;
    }
  }
  return report;
}
