import { openRawConnection, trickle } from '../support/raw-connection';
import { createTestApp, TestApp } from '../support/test-app';

// Slow clients hold no connection for long (issue #14, hardening): HTTP_HEADERS_TIMEOUT_MS bounds the headers
// of a request (slowloris trickles them), HTTP_REQUEST_TIMEOUT_MS the whole request with its body, and
// HTTP_KEEP_ALIVE_TIMEOUT_MS an idle kept-alive connection. Small values here; Node's own defaults (60 s for
// headers, 300 s for a request) would keep every one of these connections open far past the test's bounds.

const HEADERS_TIMEOUT_MS = 1000;
const REQUEST_TIMEOUT_MS = 2000;
const KEEP_ALIVE_TIMEOUT_MS = 500;

describe('slow clients', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({
      environment: {
        HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
        HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
        HTTP_KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_TIMEOUT_MS),
      },
    });
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers 408 and closes a connection that trickles its headers (slowloris)', async () => {
    const connection = await openRawConnection(app.server.url);
    const headerLines = [
      'POST /graphql HTTP/1.1\r\n',
      'Host: 127.0.0.1\r\n',
      ...Array.from({ length: 40 }, (_, i) => `X-Slow-${i}: a\r\n`),
    ];
    const written = await trickle(connection.socket, headerLines, 200);
    const { afterMs, received } = await connection.closed;
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
    // The headers deadline plus the check interval (500 ms) and slack for a loaded machine, not 40 × 200 ms.
    expect(afterMs).toBeLessThan(HEADERS_TIMEOUT_MS + 2500);
    expect(written).toBeLessThan(headerLines.length);
  });

  it('answers 408 and closes a POST whose body trickles past the request timeout', async () => {
    const connection = await openRawConnection(app.server.url);
    const body = JSON.stringify({ query: '{ me { role } }' }).padEnd(200, ' ');
    connection.socket.write(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    const written = await trickle(connection.socket, body.split(''), 100);
    const { afterMs, received } = await connection.closed;
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
    expect(afterMs).toBeLessThan(REQUEST_TIMEOUT_MS + 2500);
    expect(written).toBeLessThan(body.length);
  });

  it('closes an idle kept-alive connection after HTTP_KEEP_ALIVE_TIMEOUT_MS', async () => {
    const connection = await openRawConnection(app.server.url);
    connection.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const { afterMs, received } = await connection.closed;
    expect(received).toMatch(/^HTTP\/1\.1 200 /);
    expect(afterMs).toBeLessThan(KEEP_ALIVE_TIMEOUT_MS + 2500);
  });

  it('still serves a client that sends its request at once', async () => {
    const response = await app.graphql('{ me { role } }');
    expect(response).toMatchObject({ status: 200, data: { me: { role: 'AGENT' } } });
  });
});

describe('HTTP timeouts by default', () => {
  it('are 10 s for headers, 30 s for a request and 5 s for an idle kept-alive connection', async () => {
    const app = await createTestApp();
    try {
      expect(app.server.httpServer.headersTimeout).toBe(10_000);
      expect(app.server.httpServer.requestTimeout).toBe(30_000);
      expect(app.server.httpServer.keepAliveTimeout).toBe(5_000);
    } finally {
      await app.close();
    }
  });
});
