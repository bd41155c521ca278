import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** What one graphql-ws subscription received, as the client saw it. */
export interface SubscriptionRecording<T> {
  received: T[];
  errors: unknown[];
  completed: boolean;
  /** Resolves with the first received item `matches` accepts (also one received before the call). */
  waitFor(matches: (item: T) => boolean, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/**
 * Subscribes over graphql-ws with the credential in the connection params, recording every `next` payload's
 * `data[field]`. Resolves once the server has registered the subscription (`registered` decides when).
 */
export async function recordSubscription<T>(options: {
  graphqlUrl: string;
  bearer: string;
  query: string;
  variables?: Record<string, unknown>;
  field: string;
  registered: () => Promise<void>;
}): Promise<SubscriptionRecording<T>> {
  const client: Client = createClient({
    url: options.graphqlUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${options.bearer}` },
    retryAttempts: 0,
  });
  const waiters: Array<{ matches: (item: T) => boolean; resolve: (item: T) => void }> = [];
  const recording: SubscriptionRecording<T> = {
    received: [],
    errors: [],
    completed: false,
    waitFor(matches, timeoutMs = 5_000) {
      const found = recording.received.find(matches);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`nothing matching arrived within ${timeoutMs} ms; received ${JSON.stringify(recording.received)}`)),
          timeoutMs,
        );
        waiters.push({
          matches,
          resolve: (item) => {
            clearTimeout(timer);
            resolve(item);
          },
        });
      });
    },
    async close() {
      unsubscribe();
      await client.dispose();
    },
  };
  const unsubscribe = client.subscribe<Record<string, T>>(
    { query: options.query, variables: options.variables ?? {} },
    {
      next: (value) => {
        if (value.errors) recording.errors.push(...value.errors);
        const item = value.data?.[options.field];
        if (item === undefined || item === null) return;
        recording.received.push(item);
        for (const waiter of [...waiters]) {
          if (waiter.matches(item)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(item);
          }
        }
      },
      error: (error) => {
        recording.errors.push(error);
      },
      complete: () => {
        recording.completed = true;
      },
    },
  );
  await options.registered();
  return recording;
}

/** Polls `GET /metrics` of a server until its ticketEvents subscriber gauge reaches `count`. */
export async function waitForSubscribers(serverUrl: string, count: number, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await (await fetch(`${serverUrl}/metrics`)).text();
    const match = /^ticketing_event_subscribers (\d+)/m.exec(text);
    if (match && Number(match[1]) >= count) return;
    if (Date.now() > deadline) throw new Error(`${serverUrl} has ${match?.[1]} subscribers, not ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
