import { openRawConnection, RawConnection } from '../support/raw-connection';
import { openRawWebSocket } from '../support/raw-web-socket';
import { createTestApp, TestApp } from '../support/test-app';

// Caps per remote address (issue #14, hardening): one address may hold at most HTTP_CONNECTIONS_PER_ADDRESS TCP
// connections and WEB_SOCKET_UNAUTHENTICATED_SOCKETS_PER_ADDRESS WebSockets that have not authenticated yet, on
// one instance. Small caps here (4 and 3); every connection of the test comes from 127.0.0.1.

async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 5000): Promise<void> {
  for (let waited = 0; waited < timeoutMs; waited += 20) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The status line's code of a GET /healthz sent on a fresh connection, or null when none came before its close. */
async function healthStatusOnNewConnection(url: string): Promise<number | null> {
  const connection = await openRawConnection(url);
  connection.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
  const { received } = await connection.closed;
  const status = /^HTTP\/1\.1 (\d{3}) /.exec(received);
  return status ? Number(status[1]) : null;
}

describe('TCP connections per remote address', () => {
  const CAP = 4;
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ environment: { HTTP_CONNECTIONS_PER_ADDRESS: String(CAP) } });
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers the connection over the cap 503 TOO_MANY_CONNECTIONS and closes it; a place freed is taken again', async () => {
    const held: RawConnection[] = [];
    for (let index = 0; index < CAP; index += 1) held.push(await openRawConnection(app.server.url));
    const over = await openRawConnection(app.server.url);
    // The answer comes before the client sends anything: nothing of the connection is read.
    const { received, afterMs } = await over.closed;
    expect(received).toMatch(/^HTTP\/1\.1 503 /);
    expect(received).toMatch(/retry-after: 1/i);
    const body = JSON.parse(received.slice(received.indexOf('\r\n\r\n') + 4)) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0].extensions).toEqual({ code: 'TOO_MANY_CONNECTIONS', limit: CAP });
    expect(afterMs).toBeLessThan(2000);
    // A request on a connection over the cap is never run, even sent at once.
    expect(await healthStatusOnNewConnection(app.server.url)).toBe(503);

    // The held connections are served, and a closed one frees its place.
    held[0].socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await until(() => held[0].received().startsWith('HTTP/1.1 200 '), 'the held connection to be served');
    held[0].socket.destroy();
    await until(async () => (await healthStatusOnNewConnection(app.server.url)) === 200, 'a freed place');
    for (const connection of held) connection.socket.destroy();
  });
});

describe('unauthenticated WebSockets per remote address', () => {
  const CAP = 3;
  let app: TestApp;
  const url = () => `${app.server.url.replace(/^http/, 'ws')}/graphql`;

  beforeAll(async () => {
    app = await createTestApp({ environment: { WEB_SOCKET_UNAUTHENTICATED_SOCKETS_PER_ADDRESS: String(CAP) } });
  });

  afterAll(async () => {
    await app.close();
  });

  it('closes the socket over the cap with 1008 TOO_MANY_UNAUTHENTICATED_SOCKETS; authenticated sockets do not count', async () => {
    const waiting = await Promise.all(Array.from({ length: CAP }, () => openRawWebSocket(url())));
    const over = await openRawWebSocket(url());
    const closed = await over.closed;
    expect(closed.code).toBe(1008);
    expect(closed.reason).toMatch(/^TOO_MANY_UNAUTHENTICATED_SOCKETS: at most 3 /);
    expect(closed.afterMs).toBeLessThan(500);

    // One of them authenticates: its place is free at once, and it stays open.
    const token = await app.agentToken();
    waiting[0].send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
    await waiting[0].next('connection_ack');
    const admitted = await openRawWebSocket(url());
    admitted.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
    await admitted.next('connection_ack');

    // The two left without a credential are closed with 4401 by the authentication timer, which frees theirs.
    for (const socket of waiting.slice(1)) expect((await socket.closed).code).toBe(4401);
    const later = await Promise.all(Array.from({ length: CAP }, () => openRawWebSocket(url())));
    for (const socket of later) expect((await socket.closed).code).toBe(4401);
    expect(waiting[0].webSocket.readyState).toBe(waiting[0].webSocket.OPEN);
    waiting[0].webSocket.close();
    admitted.webSocket.close();
  });
});
