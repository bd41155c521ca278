import { ExecutionArgs, ExecutionResult, GraphQLSchema, parse } from 'graphql';
import pino from 'pino';
import { Principal } from '../../src/auth/principal';
import { visibilityIdentityOf } from '../../src/auth/visibility-identity';
import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { SharedSubscriptionExecutor } from '../../src/events/shared-subscription-executor';
import { GraphQLContext } from '../../src/graphql/context';
import { getSchema } from '../../src/resolvers/schema';
import { createLoaders } from '../../src/loaders';
import { createRequestContext } from '../../src/services/context-factory';
import { subscriberTooSlowError } from '../../src/services/ticket-event-subscription.service';
import { insertCustomer, insertOrder, insertSeller, insertTicket } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// The members of a subscription group, driven in-process the way graphql-ws drives them (it asks for the next
// result once the previous one is written to the socket): a member that is not read from stands for a client
// whose socket stopped draining. Real events: real mutations, the server's listener and hub.

const WATCH = `subscription Watch { ticketEvents { sequence type payload } }`;
const POST = `mutation Post($input: PostMessageInput!) { postMessage(input: $input) { userErrors { code message } } }`;

type Member = AsyncIterableIterator<ExecutionResult>;

describe('members of a subscription group', () => {
  let app: TestApp;
  let schema: GraphQLSchema;
  let ticketId: string;
  let sellerId: string;
  const log = pino({ level: 'silent' });
  const agent: Principal = { role: PrincipalRole.AGENT, agentId: '1' };

  /** An executor like the server's, with a small member buffer, and an execution that fails for `failsFor`. */
  function executorWith(options: { memberCapacity: number; failsFor?: PrincipalRole }) {
    return new SharedSubscriptionExecutor<GraphQLContext>({
      visibilityIdentityOf: (context) => visibilityIdentityOf(context.principal),
      contextForExecution: (context) => {
        if (context.principal.role === options.failsFor) throw new Error('the execution of this group fails');
        return { ...context, loaders: createLoaders(app.dataSource, context.principal, app.config.authSecret) };
      },
      memberCapacity: options.memberCapacity,
      overflowRootValue: subscriberTooSlowError,
      log,
    });
  }

  /** What graphql-ws passes to `subscribe` for one subscribe message. */
  const argumentsFor = (principal: Principal): ExecutionArgs => ({
    schema,
    document: parse(WATCH),
    variableValues: {},
    contextValue: {
      ...createRequestContext({ dataSource: app.dataSource, principal, secret: app.config.authSecret, log, now: app.clock.now }),
      services: app.server.services,
    },
  });

  async function member(executor: SharedSubscriptionExecutor<GraphQLContext>, principal: Principal): Promise<Member> {
    const subscribed = await executor.subscribe(argumentsFor(principal));
    if (!(Symbol.asyncIterator in subscribed)) throw new Error(`subscription refused: ${JSON.stringify(subscribed)}`);
    return subscribed;
  }

  async function postMessages(count: number): Promise<void> {
    for (let index = 0; index < count; index += 1) {
      const response = await app.graphql(POST, { input: { ticketId: toGlobalId('Ticket', ticketId), body: `メッセージ ${index}` } });
      expect(response.data!.postMessage.userErrors).toEqual([]);
    }
  }

  /** The next `count` results of a member, waiting for each. */
  async function take(subscription: Member, count: number): Promise<ExecutionResult[]> {
    const results: ExecutionResult[] = [];
    for (let index = 0; index < count; index += 1) {
      const next = await subscription.next();
      if (next.done) break;
      results.push(next.value);
    }
    return results;
  }

  const postedMessageCount = (results: ExecutionResult[]) =>
    results.filter((result) => (result.data?.ticketEvents as { type: string } | undefined)?.type === 'MESSAGE_POSTED').length;

  beforeAll(async () => {
    app = await createTestApp();
    schema = await getSchema();
    sellerId = await insertSeller(app.dataSource);
    const customerId = await insertCustomer(app.dataSource);
    const order = await insertOrder(app.dataSource, { customerId, sellerId });
    ticketId = await insertTicket(app.dataSource, { customerId, orderId: order.orderId, sellerId, status: 'OPEN' });
  });

  afterAll(async () => {
    await app.close();
  });

  it('forms one group for concurrent subscribers of one key', async () => {
    const executor = executorWith({ memberCapacity: 10 });
    const members = await Promise.all([
      member(executor, agent),
      member(executor, { role: PrincipalRole.ADMIN, adminId: '1' }),
      member(executor, agent),
    ]);
    expect(executor.snapshots()).toEqual([{ visibilityIdentity: 'platform-staff', operationName: 'Watch', members: 3, executions: 0 }]);
    await Promise.all(members.map((subscription) => subscription.return!()));
    expect(executor.groupCount()).toBe(0);
  });

  it('cuts off a member that is not read from by its own bounded buffer, without holding up its group', async () => {
    const executor = executorWith({ memberCapacity: 3 });
    const reader = await member(executor, agent);
    const stalled = await member(executor, agent);
    // The reader asks for each next result as soon as it has one; the stalled member is never asked.
    const reading = take(reader, 6);
    await postMessages(6);

    // The reader gets every event: the group does not wait for the stalled member.
    const read = await reading;
    expect(postedMessageCount(read)).toBe(6);
    expect(read.every((result) => result.errors === undefined)).toBe(true);
    expect(executor.snapshots()).toEqual([{ visibilityIdentity: 'platform-staff', operationName: 'Watch', members: 1, executions: 6 }]);

    // The stalled member still holds what it buffered, then SUBSCRIBER_TOO_SLOW, then it completes.
    const buffered = await take(stalled, 10);
    expect(buffered).toHaveLength(4);
    expect(buffered.slice(0, 3).map((result) => result.data?.ticketEvents)).toEqual(
      read.slice(0, 3).map((result) => result.data?.ticketEvents),
    );
    expect(buffered[3].data).toBeNull();
    expect(buffered[3].errors!.map((error) => [error.extensions.code, error.path])).toEqual([['SUBSCRIBER_TOO_SLOW', ['ticketEvents']]]);
    expect(await stalled.next()).toEqual({ value: undefined, done: true });

    const readingMore = take(reader, 1);
    await postMessages(1);
    expect(postedMessageCount(await readingMore)).toBe(1);
    await reader.return!();
    expect(executor.groupCount()).toBe(0);
  });

  it("turns an execution that throws into its own group's error result, and the group and the others go on", async () => {
    const executor = executorWith({ memberCapacity: 10, failsFor: PrincipalRole.SELLER });
    const failing = await member(executor, { role: PrincipalRole.SELLER, sellerId });
    const healthy = await member(executor, agent);
    await postMessages(2);

    const failed = await take(failing, 2);
    expect(failed.map((result) => [result.data, result.errors!.map((error) => error.message)])).toEqual([
      [undefined, ['Subscription execution failed']],
      [undefined, ['Subscription execution failed']],
    ]);
    expect(postedMessageCount(await take(healthy, 2))).toBe(2);
    expect(executor.groupCount()).toBe(2);
    await Promise.all([failing.return!(), healthy.return!()]);
  });

  it('answers a subscription whose source cannot be created with its errors, and forms no group', async () => {
    const executor = executorWith({ memberCapacity: 10 });
    const refused = await executor.subscribe({
      ...argumentsFor(agent),
      document: parse(`subscription Refused($filter: TicketEventSubscriptionFilter) { ticketEvents(filter: $filter) { sequence } }`),
      variableValues: { filter: { ticketId: 'not-a-ticket-id' } },
    });
    expect(Symbol.asyncIterator in refused).toBe(false);
    expect((refused as ExecutionResult).errors!.map((error) => error.extensions.code)).toEqual(['BAD_USER_INPUT']);
    expect(executor.groupCount()).toBe(0);
  });
});
