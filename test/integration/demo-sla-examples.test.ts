import pino from 'pino';
import { seedDemoDataIfEmpty } from '../../src/demo/seed-demo-data';
import { createTestApp, TestApp } from '../support/test-app';

// The demo data answers the examples of the docs: tickets due within the hour, breached and escalated tickets,
// and platform tickets in every team's queue, whatever the time of day the demo is loaded at.

const SLA_EXAMPLE = `query {
  tickets(first: 50, filter: { sla: { dueWithinMinutes: 60 } }, orderBy: NEXT_SLA_DUE) { edges { node { number sla { nextDueAt } } } }
  breached: tickets(first: 50, filter: { sla: { breached: true } }) { edges { node { number } } }
}`;
const ESCALATED_AND_QUEUES = `query {
  tickets(first: 100) { edges { node { number isEscalated ownerParty queue { isWaiting team { key } } } } }
  teams { key }
}`;

interface Answer {
  tickets: {
    edges: Array<{
      node: {
        number: string;
        sla?: { nextDueAt: string };
        isEscalated?: boolean;
        ownerParty?: string;
        queue?: { isWaiting: boolean; team: { key: string } } | null;
      };
    }>;
  };
  breached?: { edges: Array<{ node: { number: string } }> };
  teams?: Array<{ key: string }>;
}

describe.each(['2026-12-03T02:00:00Z', '2026-12-05T15:30:00Z'])('the demo data loaded at %s', (loadedAt) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ clock: loadedAt });
    const log = pino({ level: 'silent' });
    await seedDemoDataIfEmpty(app.dataSource, app.server.services, log, app.config.authSecret, app.clock.now());
    // What `npm start` does next: the timer loop runs the due timers (breaches, escalations) at once.
    await app.server.services.slaTimer.fireDueTimers(app.systemContext());
  });
  afterAll(() => app.close());

  it('answers the SLA example of docs/sla.md with tickets due within 60 minutes and breached ones', async () => {
    const { data, errors } = await app.graphql<Answer>(SLA_EXAMPLE);
    expect(errors).toBeUndefined();
    const due = data!.tickets.edges.map((edge) => edge.node);
    expect(due.length).toBeGreaterThanOrEqual(2);
    for (const ticket of due)
      expect(new Date(ticket.sla!.nextDueAt).getTime() - app.clock.now().getTime()).toBeLessThanOrEqual(60 * 60_000);
    expect(data!.breached!.edges.length).toBeGreaterThanOrEqual(1);
  });

  it('has escalated tickets and a waiting ticket in every team queue', async () => {
    const { data, errors } = await app.graphql<Answer>(ESCALATED_AND_QUEUES);
    expect(errors).toBeUndefined();
    const tickets = data!.tickets.edges.map((edge) => edge.node);
    const waitingTeams = new Set(tickets.filter((ticket) => ticket.queue?.isWaiting).map((ticket) => ticket.queue!.team.key));
    expect(tickets.filter((ticket) => ticket.isEscalated).length).toBeGreaterThanOrEqual(2);
    expect([...waitingTeams].sort()).toEqual(data!.teams!.map((team) => team.key).sort());
  });
});
