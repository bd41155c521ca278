import { DocumentNode, Kind, parse, SelectionSetNode, visit } from 'graphql';
import pino from 'pino';
import { fragmentBomb, HOSTILE_DOCUMENTS } from '../../bench/hostile-documents';
import { createGraphQLArmor } from '../../src/graphql/armor';
import { GRAPHQL_LIMITS } from '../../src/graphql/graphql-limits';
import { scanDocument } from '../../src/graphql/document-scan';
import { getSchema } from '../../src/resolvers/schema';
import { CONNECTION_AUTHENTICATION_TIMEOUT_MS } from '../../src/graphql/web-socket-transport';
import { RunningServer, startServer } from '../../src/server';
import { openRawWebSocket, RawWebSocket } from '../support/raw-web-socket';
import { createTestApp, TestApp } from '../support/test-app';

// Issue #14, point 1: the work a document can cause before anyone trusts it is bounded. Each hostile document
// below is refused, over HTTP and over the WebSocket, with the limit it broke. How much work refusing it takes is
// counted, not timed (a count does not depend on the machine's load): every walk of the validator over a
// selection set reads its `selections`, and the reads are at most WORK_PER_SELECTION_SET times the selection
// sets the document holds, for every document, so the work is linear in the document's size (the nested-fragment
// bomb walked spread by spread would read them 12^12 times). Wall times are in bench/validation-bound.ts. A
// WebSocket without a valid credential is closed with 4401 by a timer of CONNECTION_AUTHENTICATION_TIMEOUT_MS
// (under a second), and every message on a socket counts against its caller's rate limit.

const ME = `{ me { role } }`;
const hostileDocuments = HOSTILE_DOCUMENTS;

/**
 * Reads of `selections` per selection set of the document, at most, over all the limits and GraphQL's own rules:
 * each rule walks a selection set a few times (the visitor, armor's depth, cost and alias walks, the object
 * count, the repeated-field count), each named fragment once.
 */
const WORK_PER_SELECTION_SET = 25;
/** A walk that reads more than this is not linear for any document within the limits: it is cut short. */
const WORK_CUT_OFF = 200_000;

class WorkCutOff extends Error {}

/** The document behind proxies that count every read of a selection set's `selections` (node identity kept). */
function countingDocument(document: DocumentNode): { document: DocumentNode; reads: () => number } {
  let reads = 0;
  const proxies = new WeakMap<object, object>();
  const wrap = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const known = proxies.get(value);
    if (known) return known;
    const proxy = new Proxy(value, {
      get(target, key, receiver) {
        if (key === 'selections') {
          reads += 1;
          if (reads > WORK_CUT_OFF) throw new WorkCutOff(`more than ${WORK_CUT_OFF} walks of selection sets`);
        }
        const field: unknown = Reflect.get(target, key, receiver);
        return key === 'loc' ? field : wrap(field);
      },
    });
    proxies.set(value, proxy);
    return proxy;
  };
  return { document: wrap(document) as DocumentNode, reads: () => reads };
}

function selectionSetsOf(document: DocumentNode): number {
  let count = 0;
  visit(document, { SelectionSet: () => void (count += 1) });
  return count;
}

/**
 * The validation work of one document as the server does it: the scan before parsing (one lexer pass, refusing
 * it reads no selection set), the parse, then the limits and GraphQL's rules on the counted document.
 */
async function validationWork(source: string, introspection = true) {
  const schema = await getSchema();
  if (scanDocument(source, GRAPHQL_LIMITS) !== null) return { refusedBy: 'scan', reads: 0, selectionSets: 0, errors: 1 };
  let parsed: DocumentNode;
  try {
    parsed = parse(source, { maxTokens: GRAPHQL_LIMITS.maxTokens });
  } catch {
    return { refusedBy: 'parse', reads: 0, selectionSets: 0, errors: 1 };
  }
  const counted = countingDocument(parsed);
  const errors = createGraphQLArmor({ blockFieldSuggestions: true, introspection }).validateParsed(schema, counted.document);
  return { refusedBy: 'validation', reads: counted.reads(), selectionSets: selectionSetsOf(parsed), errors: errors.length };
}

describe("the validator's work is linear in the document (issue #14, point 1)", () => {
  it.each(Object.entries(hostileDocuments))('refuses %s reading each selection set a bounded number of times', async (_name, source) => {
    const work = await validationWork(source);
    expect(work.errors).toBeGreaterThan(0);
    expect(work.reads).toBeLessThanOrEqual(WORK_PER_SELECTION_SET * Math.max(1, work.selectionSets));
  });

  it('does work proportional to the size of nested-fragment bombs of 1 to 60 levels of 12 spreads, and to valid documents', async () => {
    const documents = [
      ...Array.from({ length: 60 }, (_, index) => `query { me { ...F${index + 1} } } ${fragmentBomb(index + 1, 12)}`),
      ...Array.from(
        { length: 20 },
        (_, index) =>
          `query { tickets(first: 5) { edges { node { ...F${index + 1} } } } } ${fragmentBomb(index + 1, 4, 'Ticket', 'id subject', (spreads) => `order { number ${spreads} }`)}`,
      ),
      `{ tickets(first: 10) { edges { node { id subject order { number items { title } } messages(first: 5) { edges { node { body } } } } } } }`,
      ME,
    ];
    const ratios: number[] = [];
    for (const source of documents) {
      const work = await validationWork(source);
      expect(work.reads).toBeLessThanOrEqual(WORK_PER_SELECTION_SET * Math.max(1, work.selectionSets));
      ratios.push(work.reads / Math.max(1, work.selectionSets));
    }
    expect(ratios).toHaveLength(82);
    console.log(
      `validator work: ${ratios.length} documents, at most ${Math.max(...ratios).toFixed(1)} reads of selections per selection set (bound ${WORK_PER_SELECTION_SET})`,
    );
  });

  it('would see a validator that walks fragments spread by spread (the counter can fail)', () => {
    const { document } = countingDocument(parse(`query { me { ...F5 } } ${fragmentBomb(5, 12)}`));
    const fragments = new Map(
      document.definitions
        .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
        .map((fragment) => [fragment.name.value, fragment]),
    );
    const naiveWalk = (selectionSet: SelectionSetNode): void => {
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FRAGMENT_SPREAD) naiveWalk(fragments.get(selection.name.value)!.selectionSet);
        else if (selection.selectionSet) naiveWalk(selection.selectionSet);
      }
    };
    expect(() => naiveWalk((document.definitions[0] as { selectionSet: SelectionSetNode }).selectionSet)).toThrow(WorkCutOff);
  });
});

describe('work before trust is bounded (issue #14, point 1)', () => {
  let app: TestApp;
  let agentToken: string;

  beforeAll(async () => {
    app = await createTestApp();
    agentToken = await app.agentToken();
  });
  afterAll(() => app.close());

  const post = async (query: string, token: string | null) => {
    const response = await fetch(app.server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
    return { status: response.status, body };
  };

  const expectHealthy = async () => {
    const me = await post(ME, agentToken);
    expect(me.body).toEqual({ data: { me: { role: 'AGENT' } } });
  };

  it.each(Object.entries(hostileDocuments))('refuses %s over HTTP with a clear 400, with or without a credential', async (_name, query) => {
    for (const token of [agentToken, null]) {
      const answer = await post(query, token);
      // Within every limit (a cycle is refused by GraphQL's own rules), an anonymous document is refused for its caller.
      if (token === null && answer.status === 401) continue;
      expect(answer.status).toBe(400);
      expect(answer.body.errors!.length).toBeGreaterThan(0);
      for (const error of answer.body.errors!)
        expect(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']).toContain(error.extensions?.code);
      expect(answer.body.errors![0].message).toMatch(
        /limit|Parsing refused|Cannot spread fragment|exceeded|may return up to|Validation aborted: the fields/,
      );
    }
    await expectHealthy();
  });

  describe('over the WebSocket', () => {
    const webSocketUrl = () => app.server.graphqlUrl.replace(/^http/, 'ws');

    const openSocket = (url = webSocketUrl()): Promise<RawWebSocket> => openRawWebSocket(url);

    it('closes a socket that sends no connection_init, one without a credential and one with a forged token with 4401 within a second', async () => {
      const silent = await openSocket();
      const anonymous = await openSocket();
      anonymous.send({ type: 'connection_init', payload: {} });
      const forged = await openSocket();
      forged.send({ type: 'connection_init', payload: { authorization: 'Bearer not-a-token' } });
      // The bomb sent before any ack is never looked at: graphql-ws closes an unacknowledged subscribe with 4401 too.
      const bomber = await openSocket();
      bomber.send({ id: '1', type: 'subscribe', payload: { query: hostileDocuments['nested-fragment bomb (12 levels of 12 spreads)'] } });

      for (const socket of [silent, anonymous, forged, bomber]) {
        const closed = await socket.closed;
        expect(closed.code).toBe(4401);
      }
      // Closed by the authentication timer (under a second: bench/validation-bound.ts times it), not by chance.
      expect(CONNECTION_AUTHENTICATION_TIMEOUT_MS).toBeLessThan(1000);
      expect((await silent.closed).afterMs).toBeGreaterThanOrEqual(CONNECTION_AUTHENTICATION_TIMEOUT_MS - 50);
      expect((await silent.closed).reason).toBe('Unauthorized: no valid credential in connection_init');
      expect((await anonymous.closed).reason).toMatch(/^Unauthorized: Authentication required/);
      expect((await forged.closed).reason).toBe('Unauthorized: The token is invalid');
      expect(forged.messages).toEqual([]);
      await expectHealthy();
    });

    it('refuses every hostile document over an authenticated socket, and the socket goes on', async () => {
      const socket = await openSocket();
      socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${agentToken}` } });
      await socket.next('connection_ack');
      let id = 0;
      for (const [name, query] of Object.entries(hostileDocuments)) {
        if (query.length > 60_000) continue; // over ws's 64 KiB message limit, which closes the socket (hostile-input.test.ts)
        id += 1;
        socket.send({ id: String(id), type: 'subscribe', payload: { query } });
        const error = await socket.next('error');
        expect({ name, id: error.id }).toEqual({ name, id: String(id) });
        expect((error.payload as Array<{ message: string }>)[0].message).toMatch(
          /limit|Parsing refused|Cannot spread fragment|exceeded|may return up to|Validation aborted: the fields/,
        );
      }
      socket.send({ id: 'me', type: 'subscribe', payload: { query: ME } });
      expect(await socket.next('next')).toEqual({ id: 'me', type: 'next', payload: { data: { me: { role: 'AGENT' } } } });
      socket.webSocket.close();
    });

    describe('with a small rate limit', () => {
      let limited: RunningServer;

      beforeAll(async () => {
        limited = await startServer({
          config: app.config,
          dataSource: app.dataSource,
          log: pino({ level: 'silent' }),
          rateLimits: { principalRequestsPerMinute: 5, anonymousRequestsPerMinute: 50 },
        });
      });
      afterAll(() => limited.stop());

      it('counts every message, valid or not, and closes the socket with 1008 over the limit', async () => {
        const socket = await openSocket(limited.graphqlUrl.replace(/^http/, 'ws'));
        socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${agentToken}` } });
        await socket.next('connection_ack');
        // Five messages of the principal: two pings, two invalid documents, one valid operation.
        socket.send({ type: 'ping' });
        socket.send({ type: 'ping' });
        socket.send({ id: 'a', type: 'subscribe', payload: { query: '{ me { ' } });
        socket.send({ id: 'b', type: 'subscribe', payload: { query: hostileDocuments['1,000 aliases'] } });
        socket.send({ id: 'c', type: 'subscribe', payload: { query: ME } });
        expect(await socket.next('next')).toMatchObject({ id: 'c', payload: { data: { me: { role: 'AGENT' } } } });
        socket.send({ type: 'ping' });
        const closed = await socket.closed;
        expect(closed.code).toBe(1008);
        expect(closed.reason).toMatch(/^RATE_LIMITED: rate limit exceeded, retry in \d+ s$/);
        expect(socket.messages.filter((message) => message.type === 'pong')).toHaveLength(2);
        // The same principal's budget is spent over HTTP too.
        const http = await fetch(limited.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${agentToken}` },
          body: JSON.stringify({ query: ME }),
        });
        expect(http.status).toBe(429);
      });
    });
  });
});
