import WebSocket from 'ws';

/** A graphql-ws socket driven message by message (no client library: tests send what a client would not). */
export interface RawWebSocket {
  webSocket: WebSocket;
  messages: Array<Record<string, unknown>>;
  closed: Promise<{ code: number; reason: string; afterMs: number }>;
  send(message: Record<string, unknown>): void;
  /** Takes the first received message of `type` (waiting for it up to 5 s). */
  next(type: string): Promise<Record<string, unknown>>;
}

/** Opens a `graphql-transport-ws` socket at `url` (ws://…/graphql) and records what it receives. */
export async function openRawWebSocket(url: string): Promise<RawWebSocket> {
  const webSocket = new WebSocket(url, 'graphql-transport-ws');
  const opened = performance.now();
  const messages: Array<Record<string, unknown>> = [];
  const closed = new Promise<{ code: number; reason: string; afterMs: number }>((resolve) =>
    webSocket.on('close', (code, reason) => resolve({ code, reason: String(reason), afterMs: performance.now() - opened })),
  );
  webSocket.on('message', (data) => messages.push(JSON.parse(String(data)) as Record<string, unknown>));
  webSocket.on('error', () => undefined); // a refused or reset socket is an outcome under test
  await new Promise((resolve) => webSocket.once('open', resolve));
  return {
    webSocket,
    messages,
    closed,
    send: (message) => webSocket.send(JSON.stringify(message)),
    next: async (type) => {
      for (let waited = 0; waited < 5000; waited += 10) {
        const found = messages.find((message) => message.type === type);
        if (found) return messages.splice(messages.indexOf(found), 1)[0];
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`no ${type} message; got ${JSON.stringify(messages)}`);
    },
  };
}
