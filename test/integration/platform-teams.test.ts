import { PrincipalRole } from '../../src/domain/enums';
import { insertSeller } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// Teams, queue rules and agents (issue #17, point 1): seeded as data, read by platform staff only, agents
// registered by admins.

const TEAMS = `{ teams { key name languages calendarId callbackSlotMinutes callbackSlotCapacity } queueRules { id version position teamId when reason } }`;
const SAVE_AGENT = `mutation($input: SaveAgentInput!) { saveAgent(input: $input) { agent { subject name languages teamIds } userErrors { code field message } } }`;

describe('teams and agents', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ clock: '2026-11-20T10:00:00+09:00' });
  });
  afterAll(() => app.close());

  it('seeds the five teams and the queue table, in evaluation order', async () => {
    const response = await app.graphql(TEAMS);
    expect(response.errors).toBeUndefined();
    expect(response.data!.teams.map((team: { key: string }) => team.key)).toEqual([
      'triage',
      'payments',
      'account-security',
      'logistics',
      'guarantee-claims',
    ]);
    expect(response.data!.teams[0]).toEqual({
      key: 'triage',
      name: 'Triage',
      languages: ['ja', 'en', 'zh', 'ko'],
      calendarId: 'JP_SUPPORT_HOURS',
      callbackSlotMinutes: 30,
      callbackSlotCapacity: 4,
    });
    expect(response.data!.queueRules.map((rule: { id: string }) => rule.id)).toEqual([
      'guarantee-claim',
      'triage-routing',
      'account-security',
      'payments',
      'logistics',
      'fallback',
    ]);
  });

  it('refuses sellers the teams and the queue table', async () => {
    const sellerToken = await app.tokenFor({ role: PrincipalRole.SELLER, sellerId: await insertSeller(app.dataSource) });
    const response = await app.graphql(TEAMS, {}, sellerToken);
    expect(response.data ?? null).toBeNull();
    expect(response.errors![0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lets admins register agents with their teams and languages, and nobody else', async () => {
    const adminToken = await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' });
    const input = { agentId: '7', name: 'Sato', languages: ['ja', 'en'], teamIds: ['payments', 'triage'] };
    const saved = await app.graphql(SAVE_AGENT, { input }, adminToken);
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveAgent).toEqual({
      agent: { subject: '7', name: 'Sato', languages: ['ja', 'en'], teamIds: ['payments', 'triage'] },
      userErrors: [],
    });

    const moved = await app.graphql(SAVE_AGENT, { input: { ...input, teamIds: ['logistics'] } }, adminToken);
    expect(moved.data!.saveAgent.agent.teamIds).toEqual(['logistics']);
    const agentToken = await app.tokenFor({ role: PrincipalRole.AGENT, agentId: '7' });
    const me = await app.graphql(`{ currentAgent { subject teamIds languages } }`, {}, agentToken);
    expect(me.data!.currentAgent).toEqual({ subject: '7', teamIds: ['logistics'], languages: ['ja', 'en'] });

    const unknownTeam = await app.graphql(SAVE_AGENT, { input: { ...input, teamIds: ['nope'] } }, adminToken);
    expect(unknownTeam.data!.saveAgent.userErrors).toEqual([{ code: 'NOT_FOUND', field: 'input.teamIds', message: 'No such team: nope' }]);
    const byAgent = await app.graphql(SAVE_AGENT, { input }, agentToken);
    expect(byAgent.data!.saveAgent.userErrors[0].code).toBe('NOT_PERMITTED');
  });
});
