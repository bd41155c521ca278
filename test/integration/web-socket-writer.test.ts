import { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { WebSocketWriter, WriterConnection } from '../../src/graphql/web-socket-writer';

// The batched writer of the graphql-ws transport over real sockets on 127.0.0.1: order, one write per
// connection and turn, back-pressure from a client that stops reading, and a close that follows what was sent.

describe('WebSocketWriter', () => {
  let server: WebSocketServer;
  const clients: WebSocket[] = [];

  /** A client and the server side of its connection. */
  async function connect(): Promise<{ client: WebSocket; connection: WriterConnection; received: string[] }> {
    const accepted = new Promise<WriterConnection>((resolve) =>
      server.once('connection', (webSocket, request) => resolve({ webSocket, socket: request.socket })),
    );
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    clients.push(client);
    const received: string[] = [];
    client.on('message', (data) => received.push(String(data)));
    await new Promise((resolve) => client.once('open', resolve));
    return { client, connection: await accepted, received };
  }

  const until = async (condition: () => boolean) => {
    const deadline = Date.now() + 5_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };

  beforeAll(async () => {
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
  });

  afterAll(async () => {
    for (const client of clients) client.terminate();
    await new Promise((resolve) => server.close(resolve));
  });

  it('writes the messages of one turn in order, with one write per connection', async () => {
    const writer = new WebSocketWriter();
    const { connection, received } = await connect();
    const writes: number[] = [];
    const write = connection.socket._writev!.bind(connection.socket);
    connection.socket._writev = (chunks, callback) => {
      writes.push(chunks.length);
      write(chunks, callback);
    };
    expect(['one', 'two', 'three'].map((message) => writer.send(connection, message))).toEqual([undefined, undefined, undefined]);
    expect(received).toEqual([]);
    await until(() => received.length === 3);
    expect(received).toEqual(['one', 'two', 'three']);
    // ws frames each message as a header and a payload: six chunks, one writev.
    expect(writes).toEqual([6]);
  });

  it('makes senders wait while a client does not read, and lets them go on when it reads again', async () => {
    const writer = new WebSocketWriter();
    const { client, connection, received } = await connect();
    client.pause();
    const message = 'x'.repeat(64 * 1024);
    const settlesWithin = (promise: Promise<void>, ms: number) =>
      Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);
    // Large messages make every sender wait for the flush; once the socket's buffers are full, for the drain.
    let stuck: Promise<void> | undefined;
    let sent = 0;
    while (stuck === undefined && sent < 10_000) {
      const waiting = writer.send(connection, `${sent}:${message}`);
      sent += 1;
      if (waiting !== undefined && !(await settlesWithin(waiting, 100))) stuck = waiting;
    }
    expect(stuck).toBeDefined();
    let released = false;
    void stuck!.then(() => {
      released = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(released).toBe(false);

    client.resume();
    await until(() => released);
    await until(() => received.length === sent);
    expect(received.map((text) => Number(text.split(':')[0]))).toEqual(Array.from({ length: sent }, (_, index) => index));
  });

  it('writes what was sent before a close frame, and releases waiting senders when the connection goes', async () => {
    const writer = new WebSocketWriter();
    const { client, connection, received } = await connect();
    const closed = new Promise<number>((resolve) => client.once('close', (code) => resolve(code)));
    void writer.send(connection, 'last words');
    writer.flushConnection(connection);
    connection.webSocket.close(4400, 'bye');
    expect(await closed).toBe(4400);
    expect(received).toEqual(['last words']);
    writer.forget(connection);
    expect(writer.send(connection, 'after the close')).toBeUndefined();
  });
});
