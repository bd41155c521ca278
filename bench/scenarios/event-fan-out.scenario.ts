import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { signPrincipalToken } from '../../src/auth/jwt';
import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { median, percentile } from '../load';
import { createPrng } from '../sql-random';
import { graphqlOnce, ScenarioContext } from './scenario-context';

/**
 * S5 fan-out: 1,000 graphql-ws subscribers (one WebSocket each, platform agents: they see every event) on
 * `ticketEvents`, while agents post messages at a fixed rate. Latency per delivery = arrival − the event's
 * createdAt (the server's clock on this machine, taken when the mutation started), so it includes the mutation's
 * transaction, the commit, NOTIFY, the fan-out and the socket. Delivered = distinct sequences each subscriber got
 * over the events the database holds for the window. Measured over `repetitions` windows; the median window is reported.
 */

export const SUBSCRIBERS = 1000;
/**
 * Mutations per second while measuring (each appends one MESSAGE_POSTED, sometimes a STATUS_CHANGED too):
 * 5 events/s × 1,000 subscribers = 5,000 deliveries/s. At 10/s the server fell behind without bound.
 */
const MUTATIONS_PER_SECOND = 5;
/** A mutation that takes longer than this counts as failed (the run stays bounded when the server falls behind). */
const MUTATION_TIMEOUT_MS = 15_000;
const SETTLE_MS = 3000;
const SUBSCRIPTION = 'subscription BenchFanOut { ticketEvents { sequence type createdAt } }';
const POST_MESSAGE = `mutation BenchPost($input: PostMessageInput!) { postMessage(input: $input) { userErrors { code message } } }`;

interface FanOutWindow {
  repetition: number;
  failedMutations: number;
  events: number;
  deliveries: number;
  deliveredPercent: number;
  latencyMs: { p50: number; p99: number; max: number };
  postMessageMs: { p50: number; p99: number };
  serverRssMiB: number;
  serverCpuPercent: number;
  subscribersProcessCpuPercent: number;
}

export async function runEventFanOut(context: ScenarioContext) {
  const { server, settings, log, dataSource } = context;
  if (!server.subscriptionFields.includes('ticketEvents')) {
    const reason = 'not available: the schema has no Subscription.ticketEvents yet (issue 7 is being built); S5 skipped';
    log(`S5 fan-out: ${reason}`);
    return { available: false as const, reason };
  }
  const token = await signPrincipalToken({ role: PrincipalRole.AGENT, agentId: '1' }, context.authSecret);
  const wsUrl = server.graphqlUrl.replace(/^http/, 'ws');
  const deliveries: number[] = [];
  const postMessageMs: number[] = [];
  const receivedBySubscriber: Array<Set<string>> = [];
  let measuring = false;
  const clients: Client[] = [];
  const unsubscribers: Array<() => void> = [];
  try {
    const subscribed: Array<Promise<void>> = [];
    for (let index = 0; index < SUBSCRIBERS; index += 1) {
      const received = new Set<string>();
      receivedBySubscriber.push(received);
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        retryAttempts: 0,
        lazy: false,
      });
      clients.push(client);
      subscribed.push(
        new Promise<void>((resolve, reject) => {
          client.on('connected', () => resolve());
          client.on('error', (error) => reject(error instanceof Error ? error : new Error(String(error))));
          unsubscribers.push(
            client.subscribe<{ ticketEvents: { sequence: string; type: string; createdAt: string } }>(
              { query: SUBSCRIPTION },
              {
                next: (message) => {
                  const event = message.data?.ticketEvents;
                  if (!event || !measuring) return;
                  received.add(event.sequence);
                  deliveries.push(Date.now() - Date.parse(event.createdAt));
                },
                error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
                complete: () => undefined,
              },
            ),
          );
        }),
      );
    }
    await Promise.all(subscribed);
    // Let every subscribe message reach the server before the first event.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const tickets: Array<{ id: string }> = await dataSource.query(
      `SELECT id FROM tickets WHERE status IN ('OPEN', 'ON_HOLD') ORDER BY id LIMIT 500`,
    );
    const random = createPrng(settings.seed + 5);
    let failedMutations = 0;
    const post = () => {
      const started = performance.now();
      return graphqlOnce(
        server.graphqlUrl,
        token,
        POST_MESSAGE,
        {
          input: {
            ticketId: toGlobalId('Ticket', tickets[Math.floor(random() * tickets.length)].id),
            body: 'ご連絡ありがとうございます。確認いたします。',
          },
        },
        MUTATION_TIMEOUT_MS,
      ).then(
        () => {
          if (measuring) postMessageMs.push(Math.round(performance.now() - started));
        },
        () => {
          failedMutations += 1;
        },
      );
    };
    log(
      `S5 fan-out: ${SUBSCRIBERS} subscribers connected; ${MUTATIONS_PER_SECOND} messages/s, warm-up ${settings.warmupSeconds} s, then ${settings.repetitions} × ${settings.measureSeconds} s`,
    );
    const drive = async (seconds: number) => {
      const pending: Array<Promise<unknown>> = [];
      const interval = 1000 / MUTATIONS_PER_SECOND;
      const started = Date.now();
      for (let sent = 0; Date.now() - started < seconds * 1000; sent += 1) {
        pending.push(post());
        const wait = started + (sent + 1) * interval - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      await Promise.all(pending);
    };
    await drive(settings.warmupSeconds);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    // One window is ≈ 30 events: its p99 is its slowest event or two, so a single stalled commit decides it.
    // Like the other scenarios, S5 measures `repetitions` windows and reports the median window.
    const runs: FanOutWindow[] = [];
    for (let repetition = 1; repetition <= settings.repetitions; repetition += 1) {
      const window = await measureWindow(repetition);
      runs.push(window);
      log(
        `  S5 window #${repetition}: ${window.events} events, ${window.deliveredPercent} % delivered, p50 ${window.latencyMs.p50} ms, p99 ${window.latencyMs.p99} ms ` +
          `(postMessage p50 ${window.postMessageMs.p50} ms, p99 ${window.postMessageMs.p99} ms); CPU: server ${window.serverCpuPercent} %, subscribers' process ${window.subscribersProcessCpuPercent} % of a core`,
      );
    }
    const medianRun = [...runs].sort((left, right) => left.latencyMs.p99 - right.latencyMs.p99)[Math.floor((runs.length - 1) / 2)];
    return {
      available: true as const,
      subscribers: SUBSCRIBERS,
      mutationsPerSecond: MUTATIONS_PER_SECOND,
      repetitions: runs.length,
      ...medianRun,
      // Delivery is judged on every window, not on the median one.
      failedMutations: runs.reduce((sum, run) => sum + run.failedMutations, 0),
      deliveredPercent: Math.min(...runs.map((run) => run.deliveredPercent)),
      runs,
    };

    async function measureWindow(repetition: number): Promise<FanOutWindow> {
      deliveries.length = 0;
      postMessageMs.length = 0;
      for (const received of receivedBySubscriber) received.clear();
      const failedBefore = failedMutations;
      const [{ before }] = await dataSource.query<Array<{ before: string }>>(
        `SELECT coalesce(max(sequence), 0)::text AS before FROM ticket_events`,
      );
      measuring = true;
      const serverBefore = await server.stats();
      const loadGeneratorBefore = process.cpuUsage();
      const windowStarted = performance.now();
      await drive(settings.measureSeconds);
      const windowMs = performance.now() - windowStarted;
      const serverAfter = await server.stats();
      const loadGeneratorUsed = process.cpuUsage(loadGeneratorBefore);
      const [{ after }] = await dataSource.query<Array<{ after: string }>>(
        `SELECT coalesce(max(sequence), 0)::text AS after FROM ticket_events`,
      );
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      measuring = false;
      const [{ expected }] = await dataSource.query<Array<{ expected: number }>>(
        `SELECT count(*)::int AS expected FROM ticket_events WHERE sequence > $1 AND sequence <= $2`,
        [before, after],
      );
      const inWindow = (sequence: string) => BigInt(sequence) > BigInt(before) && BigInt(sequence) <= BigInt(after);
      const delivered = receivedBySubscriber.reduce((sum, received) => sum + [...received].filter(inWindow).length, 0);
      return {
        repetition,
        failedMutations: failedMutations - failedBefore,
        events: expected,
        deliveries: deliveries.length,
        deliveredPercent: Number(((100 * delivered) / Math.max(1, expected * SUBSCRIBERS)).toFixed(3)),
        latencyMs: {
          p50: median(deliveries),
          p99: percentile(deliveries, 0.99),
          max: deliveries.reduce((largest, value) => Math.max(largest, value), Number.NEGATIVE_INFINITY),
        },
        // The posting mutation's own round trip: it is inside every delivery's latency (createdAt is its start).
        postMessageMs: { p50: median(postMessageMs), p99: percentile(postMessageMs, 0.99) },
        serverRssMiB: Number(((await server.stats()).rssBytes / 1024 ** 2).toFixed(1)),
        // Share of one core used while events flowed: near 100 % means that process is the bottleneck.
        serverCpuPercent: Number(((100 * (serverAfter.cpuMicroseconds - serverBefore.cpuMicroseconds)) / 1000 / windowMs).toFixed(1)),
        subscribersProcessCpuPercent: Number(((100 * (loadGeneratorUsed.user + loadGeneratorUsed.system)) / 1000 / windowMs).toFixed(1)),
      };
    }
  } finally {
    for (const unsubscribe of unsubscribers) unsubscribe();
    await Promise.all(
      clients.map(async (client) => {
        await client.dispose();
      }),
    );
  }
}
