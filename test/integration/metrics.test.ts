import { toGlobalId } from '../../src/domain/global-id';
import { startSlaTimerLoop } from '../../src/jobs/sla-timer-loop';
import { insertCustomer } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// GET /metrics in Prometheus' text format, per server instance: GraphQL operation durations by name, SLA warnings
// and breaches fired by the instance's timer loop, the job queue's depth and lag, webhook failures (counted in
// webhooks.test.ts where deliveries fail).

describe('GET /metrics', () => {
  let app: TestApp;
  const scrape = async () => {
    const response = await fetch(`${app.server.url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };
  const valueOf = (text: string, series: string) =>
    Number(new RegExp(`^${series.replace(/[{}"=]/g, (character) => `\\${character}`)} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);

  beforeAll(async () => {
    app = await createTestApp({ clock: '2026-11-20T03:00:00+09:00' });
  });
  afterAll(() => app.close());

  it('times GraphQL operations by operation name and type', async () => {
    await app.graphql(`query MetricsProbe { me { role } }`);
    await app.graphql(`query MetricsProbe { me { role } }`);
    await app.graphql(`{ me { role } }`);
    const text = await scrape();
    expect(
      valueOf(
        text,
        'ticketing_graphql_operation_duration_seconds_count{operation_name="MetricsProbe",operation_type="query",outcome="ok"}',
      ),
    ).toBe(2);
    expect(
      valueOf(text, 'ticketing_graphql_operation_duration_seconds_count{operation_name="anonymous",operation_type="query",outcome="ok"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^ticketing_process_resident_memory_bytes \d+/m);
  });

  it("counts the SLA warnings and breaches the instance's timer loop fires", async () => {
    const customerId = toGlobalId('Customer', await insertCustomer(app.dataSource));
    const opened = await app.graphql(`mutation($input: OpenTicketInput!) { openTicket(input: $input) { userErrors { code } } }`, {
      input: { customerId, channel: 'CHAT', subject: 'ログインできない', body: 'ログインできません。パスワードを再設定してもだめです。' },
    });
    expect(opened.data!.openTicket.userErrors).toEqual([]);
    // Chat first response: 10 minutes, warned at 75 %; both are due 11 minutes later.
    app.clock.advanceMinutes(11);
    const loop = startSlaTimerLoop({ ...app.jobContext(), metrics: app.server.metrics }, 20);
    try {
      const deadline = Date.now() + 5_000;
      let text = await scrape();
      while (valueOf(text, 'ticketing_sla_breaches_total') < 1 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        text = await scrape();
      }
      expect(valueOf(text, 'ticketing_sla_warnings_total')).toBe(1);
      expect(valueOf(text, 'ticketing_sla_breaches_total')).toBe(1);
    } finally {
      await loop.stop();
    }
  });

  it("reports the job queue's depth and lag from graphile-worker's jobs", async () => {
    await app.dataSource.query(
      `SELECT graphile_worker.add_job('deliver-webhook', '{"deliveryId":"1"}'::json, run_at => now() - interval '90 seconds')`,
    );
    await app.dataSource.query(
      `SELECT graphile_worker.add_job('deliver-webhook', '{"deliveryId":"2"}'::json, run_at => now() + interval '1 hour')`,
    );
    const text = await scrape();
    expect(valueOf(text, 'ticketing_job_queue_depth{task="deliver-webhook",state="ready"}')).toBe(1);
    expect(valueOf(text, 'ticketing_job_queue_depth{task="deliver-webhook",state="scheduled"}')).toBe(1);
    expect(valueOf(text, 'ticketing_job_queue_depth{task="close-solved-tickets",state="ready"}')).toBe(0);
    expect(valueOf(text, 'ticketing_job_queue_lag_seconds{task="deliver-webhook"}')).toBeGreaterThanOrEqual(90);
    expect(valueOf(text, 'ticketing_webhook_delivery_failures_total')).toBe(0);
    expect(valueOf(text, 'ticketing_event_subscribers')).toBe(0);
  });
});
