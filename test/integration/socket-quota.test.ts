import { PrincipalRole } from '../../src/domain/enums';
import { openRawWebSocket, RawWebSocket } from '../support/raw-web-socket';
import { createTestApp, TestApp } from '../support/test-app';

// Issue #14: one credential may not hold unbounded sockets or subscriptions. Each principal may hold at most
// WEB_SOCKET_SOCKETS_PER_PRINCIPAL open sockets and WEB_SOCKET_OPERATIONS_PER_PRINCIPAL live operations
// (subscriptions included) on one instance; here 3 and 4, so that the test opens few. On the main of
// 2026-12-03 every socket and every subscription was admitted.

const SUBSCRIPTION = 'subscription { ticketEvents { sequence } }';

describe('sockets and operations per principal (issue #14)', () => {
  let app: TestApp;
  let agentToken: string;
  let otherAgentToken: string;

  beforeAll(async () => {
    app = await createTestApp({ environment: { WEB_SOCKET_SOCKETS_PER_PRINCIPAL: '3', WEB_SOCKET_OPERATIONS_PER_PRINCIPAL: '4' } });
    agentToken = await app.tokenFor({ role: PrincipalRole.AGENT, agentId: '41' });
    otherAgentToken = await app.tokenFor({ role: PrincipalRole.AGENT, agentId: '42' });
  });
  afterAll(() => app.close());

  const url = () => app.server.graphqlUrl.replace(/^http/, 'ws');
  const until = async (condition: () => boolean, what: string) => {
    for (let polls = 0; !condition(); polls += 1) {
      if (polls > 500) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  /** A socket through connection_init: acknowledged, or closed by the server (its close is in `closed`). */
  const connected = async (token: string): Promise<RawWebSocket> => {
    const socket = await openRawWebSocket(url());
    socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
    let closed = false;
    void socket.closed.then(() => (closed = true));
    await until(() => closed || socket.messages.some((message) => message.type === 'connection_ack'), 'connection_ack or a close');
    return socket;
  };
  const close = async (socket: RawWebSocket) => {
    socket.webSocket.close(1000);
    await socket.closed;
  };

  it("closes a principal's socket over the cap with 1008 TOO_MANY_SOCKETS, while other principals connect, and admits one again once a socket closed", async () => {
    const sockets = [await connected(agentToken), await connected(agentToken), await connected(agentToken)];
    for (const socket of sockets) expect(socket.messages.map((message) => message.type)).toEqual(['connection_ack']);
    const overCap = await connected(agentToken);
    expect(await overCap.closed).toMatchObject({
      code: 1008,
      reason: 'TOO_MANY_SOCKETS: at most 3 open sockets per principal on this server instance',
    });
    const other = await connected(otherAgentToken);
    expect(other.messages.map((message) => message.type)).toEqual(['connection_ack']);

    await close(sockets.pop()!);
    const again = await connected(agentToken);
    expect(again.messages.map((message) => message.type)).toEqual(['connection_ack']);
    for (const socket of [...sockets, other, again]) await close(socket);
  });

  it("refuses a principal's operation over the cap with TOO_MANY_OPERATIONS, across its sockets, and admits one again once one completed", async () => {
    const [first, second] = [await connected(agentToken), await connected(agentToken)];
    const before = app.server.eventSubscriptions.subscriberCount();
    for (const [index, socket] of [first, first, second, second].entries())
      socket.send({ id: `s${index}`, type: 'subscribe', payload: { query: SUBSCRIPTION } });
    await until(() => app.server.eventSubscriptions.subscriberCount() === before + 4, 'four subscriptions');

    second.send({ id: 'over', type: 'subscribe', payload: { query: SUBSCRIPTION } });
    const refusal = await second.next('error');
    expect(refusal).toEqual({
      id: 'over',
      type: 'error',
      payload: [
        {
          message:
            'Too many operations: a principal may run at most 4 at once (subscriptions included) on this server instance; complete one first',
          extensions: { code: 'TOO_MANY_OPERATIONS', limit: 4 },
        },
      ],
    });
    // A query is an operation too while it runs; another principal is not concerned.
    first.send({ id: 'query', type: 'subscribe', payload: { query: '{ me { role } }' } });
    expect(await first.next('error')).toMatchObject({ id: 'query', payload: [{ extensions: { code: 'TOO_MANY_OPERATIONS' } }] });
    const other = await connected(otherAgentToken);
    other.send({ id: 'me', type: 'subscribe', payload: { query: '{ me { role } }' } });
    expect(await other.next('next')).toEqual({ id: 'me', type: 'next', payload: { data: { me: { role: 'AGENT' } } } });

    first.send({ id: 's0', type: 'complete' });
    await until(() => app.server.eventSubscriptions.subscriberCount() === before + 3, 'the completed subscription to end');
    second.send({ id: 'again', type: 'subscribe', payload: { query: SUBSCRIPTION } });
    await until(() => app.server.eventSubscriptions.subscriberCount() === before + 4, 'the subscription admitted again');
    expect(second.messages.filter((message) => message.type === 'error')).toEqual([]);
    for (const socket of [first, second, other]) await close(socket);
    await until(() => app.server.eventSubscriptions.subscriberCount() === before, 'every subscription to end with its socket');
  });
});
