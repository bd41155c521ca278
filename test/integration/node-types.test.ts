import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { insertCustomer, insertOrder, insertSeller, insertTicket } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// Issue #19, Build 4: every object with an id is a Node. For each type that was a plain object before (API keys,
// webhook endpoints and deliveries, callbacks, audit entries, teams, agents): the id a query hands out comes back
// through node(id:) and nodes(ids:) as the same object, and a caller who may not see it gets null, never an error.

const NODE = `query($id: ID!) { node(id: $id) { __typename id
  ... on ApiKey { name }
  ... on WebhookEndpoint { url }
  ... on WebhookDelivery { eventType endpoint { id } }
  ... on TicketCallback { phoneNumber status }
  ... on AdminAuditEntry { entityId action }
  ... on Team { key name }
  ... on Agent { subject name teamIds } } }`;
const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`;

describe('every object with an id is a Node', () => {
  let app: TestApp;
  let adminToken: string;
  let agentToken: string;
  let customerToken: string;
  let strangerToken: string;
  let sellerToken: string;
  let ticketId: string;

  beforeAll(async () => {
    app = await createTestApp({ clock: '2026-11-20T22:30:00+09:00' });
    adminToken = await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' });
    agentToken = await app.tokenFor({ role: PrincipalRole.AGENT, agentId: '7' });
    const customerId = await insertCustomer(app.dataSource);
    customerToken = await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId });
    strangerToken = await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId: await insertCustomer(app.dataSource) });
    const sellerId = await insertSeller(app.dataSource);
    sellerToken = await app.tokenFor({ role: PrincipalRole.SELLER, sellerId });
    const { orderId } = await insertOrder(app.dataSource, { customerId, sellerId });
    ticketId = await insertTicket(app.dataSource, { customerId, orderId, sellerId });
  });

  afterAll(() => app.close());

  const node = async (id: string, token: string) => {
    const response = await app.graphql(NODE, { id }, token);
    expect(response.errors).toBeUndefined();
    return response.data!.node as Record<string, unknown> | null;
  };

  /** The id comes back as the same object (alone and among others), and is null, without error, for each refused caller. */
  async function expectRoundTrip(id: string, expected: Record<string, unknown>, allowed: string, refused: string[]) {
    expect(await node(id, allowed)).toEqual({ id, ...expected });
    const many = await app.graphql(NODES, { ids: [id, toGlobalId('Ticket', '987654321'), id] }, allowed);
    expect(many.errors).toBeUndefined();
    expect(many.data!.nodes).toEqual([{ __typename: expected.__typename, id }, null, { __typename: expected.__typename, id }]);
    for (const token of refused) {
      expect(await node(id, token)).toBeNull();
      const refusedMany = await app.graphql(NODES, { ids: [id] }, token);
      expect(refusedMany.errors).toBeUndefined();
      expect(refusedMany.data!.nodes).toEqual([null]);
    }
  }

  it('ApiKey: admins only', async () => {
    const created = await app.graphql(
      `mutation { createApiKey(input: { name: "node probe" }) { key apiKey { id } userErrors { code } } }`,
      {},
      adminToken,
    );
    const { id } = created.data!.createApiKey.apiKey;
    await expectRoundTrip(id, { __typename: 'ApiKey', name: 'node probe' }, adminToken, [
      agentToken,
      customerToken,
      created.data!.createApiKey.key,
    ]);
    const another = await app.graphql(`mutation { createApiKey(input: { name: "another" }) { apiKey { id } } }`, {}, adminToken);
    const one = await app.graphql(NODES, { ids: [id] }, adminToken);
    const two = await app.graphql(NODES, { ids: [id, another.data!.createApiKey.apiKey.id] }, adminToken);
    expect(two.data!.nodes.map((fetched: { id: string }) => fetched.id)).toEqual([id, another.data!.createApiKey.apiKey.id]);
    expect(two.statementCount).toBe(one.statementCount);
  });

  it('WebhookEndpoint and WebhookDelivery: whoever manages the endpoint', async () => {
    const keys = await app.graphql(`mutation { createApiKey(input: { name: "platform integration" }) { key } }`, {}, adminToken);
    const platformKey: string = keys.data!.createApiKey.key;
    const sellerId = await insertSeller(app.dataSource);
    const sellerKeys = await app.graphql(
      `mutation($sellerId: ID!) { createApiKey(input: { name: "seller integration", sellerId: $sellerId }) { key } }`,
      { sellerId: toGlobalId('Seller', sellerId) },
      adminToken,
    );
    const sellerKey: string = sellerKeys.data!.createApiKey.key;
    const url = 'http://127.0.0.1:9/hooks/node-probe';
    const created = await app.graphql(
      `mutation($url: String!) { createWebhookEndpoint(input: { url: $url, eventTypes: [MESSAGE_POSTED] }) { endpoint { id } userErrors { code message } } }`,
      { url },
      platformKey,
    );
    expect(created.data!.createWebhookEndpoint.userErrors).toEqual([]);
    const endpointId: string = created.data!.createWebhookEndpoint.endpoint.id;
    await expectRoundTrip(endpointId, { __typename: 'WebhookEndpoint', url }, platformKey, [sellerKey, agentToken, customerToken]);
    expect(await node(endpointId, adminToken)).toMatchObject({ id: endpointId });

    const posted = await app.graphql(
      `mutation($input: PostMessageInput!) { postMessage(input: $input) { userErrors { code } } }`,
      { input: { ticketId: toGlobalId('Ticket', ticketId), body: 'webhook probe' } },
      agentToken,
    );
    expect(posted.data!.postMessage.userErrors).toEqual([]);
    const deliveries = await app.graphql(
      `query($endpointId: ID) { webhookDeliveries(endpointId: $endpointId) { edges { node { id } } } }`,
      { endpointId },
      platformKey,
    );
    const deliveryId: string = deliveries.data!.webhookDeliveries.edges[0].node.id;
    await expectRoundTrip(
      deliveryId,
      { __typename: 'WebhookDelivery', eventType: 'MESSAGE_POSTED', endpoint: { id: endpointId } },
      platformKey,
      [sellerKey, agentToken, customerToken],
    );
  });

  it("TicketCallback: platform staff and the ticket's customer (masked), nobody else", async () => {
    const opened = await app.graphql(
      `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id } userErrors { code } } }`,
      { input: { channel: 'PHONE', subject: '電話のお願い', body: '折り返しお電話ください。', language: 'ja' } },
      customerToken,
    );
    const requested = await app.graphql(
      `mutation($input: RequestCallbackInput!) { requestCallback(input: $input) { callback { id phoneNumber } userErrors { code message } } }`,
      { input: { ticketId: opened.data!.openTicket.ticket.id, phoneNumber: '090-1234-5678' } },
      customerToken,
    );
    expect(requested.data!.requestCallback.userErrors).toEqual([]);
    const { id } = requested.data!.requestCallback.callback;
    await expectRoundTrip(id, { __typename: 'TicketCallback', phoneNumber: '+819012345678', status: 'SCHEDULED' }, agentToken, [
      strangerToken,
      sellerToken,
    ]);
    expect(await node(id, customerToken)).toEqual({
      __typename: 'TicketCallback',
      id,
      phoneNumber: requested.data!.requestCallback.callback.phoneNumber,
      status: 'SCHEDULED',
    });
    expect(requested.data!.requestCallback.callback.phoneNumber).not.toBe('+819012345678');
  });

  it('AdminAuditEntry: admins only', async () => {
    const saved = await app.graphql(
      `mutation($input: SaveBusinessCalendarInput!) { saveBusinessCalendar(input: $input) { userErrors { code } } }`,
      { input: { id: 'NODE_PROBE', name: 'probe', timeZone: 'Asia/Tokyo', alwaysOpen: true, weeklyHours: [], closures: [] } },
      adminToken,
    );
    expect(saved.data!.saveBusinessCalendar.userErrors).toEqual([]);
    const log = await app.graphql(`{ adminAuditLog(first: 1) { edges { node { id } } } }`, {}, adminToken);
    const { id } = log.data!.adminAuditLog.edges[0].node;
    await expectRoundTrip(id, { __typename: 'AdminAuditEntry', entityId: 'NODE_PROBE', action: 'CREATE' }, adminToken, [
      agentToken,
      customerToken,
    ]);
  });

  it('Team and Agent: platform staff; their text keys are inside the global id', async () => {
    const teams = await app.graphql(`{ teams { id key name } }`, {}, agentToken);
    const team = teams.data!.teams.find((candidate: { key: string }) => candidate.key === 'logistics');
    expect(team.id).toBe(toGlobalId('Team', 'logistics'));
    await expectRoundTrip(team.id, { __typename: 'Team', key: 'logistics', name: team.name }, agentToken, [customerToken, sellerToken]);

    const saved = await app.graphql(
      `mutation { saveAgent(input: { agentId: "7", name: "Sato", languages: [ja], teamIds: ["logistics"] }) { agent { id subject } userErrors { code } } }`,
      {},
      adminToken,
    );
    const { id } = saved.data!.saveAgent.agent;
    expect((await app.graphql(`{ currentAgent { id } }`, {}, agentToken)).data!.currentAgent.id).toBe(id);
    await expectRoundTrip(id, { __typename: 'Agent', subject: '7', name: 'Sato', teamIds: ['logistics'] }, adminToken, [
      customerToken,
      sellerToken,
    ]);
    expect(await node(id, agentToken)).toMatchObject({ id, subject: '7' });
  });

  it('refuses a team or agent key that no global id could carry, as malformed', async () => {
    const response = await app.graphql(NODE, { id: Buffer.from('Team:no such/key').toString('base64url') }, agentToken);
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
