import 'reflect-metadata';
import pino from 'pino';
import { createDataSource } from '../src/db/data-source';
import { DEVELOPMENT_AUTH_SECRET } from '../src/config';
import { JobContext, systemContextOf } from '../src/jobs/job-context';
import { createServices } from '../src/services';

// One SLA sweeper, as one server instance runs it (src/jobs/sla-timer-loop.ts calls the same fireDueTimers), in a
// process of its own so that two of them sweep truly in parallel. Driven by bench/scenarios/sla-sweep.scenario.ts.

export type SweeperRequest = { type: 'idle'; runs: number } | { type: 'sweep' } | { type: 'stop' };
export type SweeperReply =
  | { type: 'ready' }
  | { type: 'idle'; durationsMs: number[] }
  | {
      type: 'swept';
      startedAtEpochMs: number;
      finishedAtEpochMs: number;
      warnings: number;
      breaches: number;
      escalations: number;
      calls: number;
    }
  | { type: 'failed'; message: string };

function send(reply: SweeperReply): void {
  // The parent may already have gone (it stops the sweepers when a scenario fails).
  if (process.connected) process.send?.(reply);
}

const IDLE_PAUSE_MS = 10;

async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_SWEEPER_DATABASE_URL;
  if (!databaseUrl) throw new Error('BENCH_SWEEPER_DATABASE_URL is required');
  const log = pino({ level: 'silent' });
  // The application's default pool size; a sweep uses one connection at a time.
  const dataSource = createDataSource({ url: databaseUrl, poolSize: 10, log });
  await dataSource.initialize();
  const context: JobContext = { dataSource, services: createServices(), log, now: () => new Date(), secret: DEVELOPMENT_AUTH_SECRET };
  const service = context.services.slaTimer;

  const stillDue = async (): Promise<boolean> => {
    const [row] = await dataSource.query<Array<{ due: boolean }>>(
      `SELECT EXISTS (SELECT 1 FROM sla_clocks WHERE next_fire_at <= $1) AS due`,
      [new Date()],
    );
    return row.due;
  };

  process.on('message', (message: SweeperRequest) => {
    void (async () => {
      try {
        switch (message.type) {
          case 'idle': {
            const durationsMs: number[] = [];
            for (let run = 0; run < message.runs; run += 1) {
              const started = performance.now();
              const result = await service.fireDueTimers(systemContextOf(context, 'sla-timers'));
              durationsMs.push(performance.now() - started);
              if (result.breaches + result.warnings + result.escalations > 0)
                throw new Error(`idle sweep fired something: ${JSON.stringify(result)}`);
            }
            send({ type: 'idle', durationsMs });
            break;
          }
          case 'sweep': {
            // Like the once-a-second loop, but without waiting for the next tick: call again at once while due
            // clocks remain (another sweeper may hold some; SKIP LOCKED leaves them to it).
            const startedAtEpochMs = Date.now();
            const totals = { warnings: 0, breaches: 0, escalations: 0, calls: 0 };
            for (;;) {
              const result = await service.fireDueTimers(systemContextOf(context, 'sla-timers'));
              totals.calls += 1;
              totals.warnings += result.warnings;
              totals.breaches += result.breaches;
              totals.escalations += result.escalations;
              if (result.breaches + result.warnings + result.escalations === 0) {
                if (!(await stillDue())) break;
                await new Promise((resolve) => setTimeout(resolve, IDLE_PAUSE_MS));
              }
            }
            send({ type: 'swept', startedAtEpochMs, finishedAtEpochMs: Date.now(), ...totals });
            break;
          }
          case 'stop':
            await dataSource.destroy();
            process.disconnect?.();
            break;
        }
      } catch (error) {
        send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    })();
  });
  send({ type: 'ready' });
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
