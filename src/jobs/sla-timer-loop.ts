import { JobContext, systemContextOf } from './job-context';

/** Milliseconds between sweeps: a warning or breach fires at most this late (plus the sweep's own time). */
export const SLA_SWEEP_INTERVAL_MS = 1000;

export interface SlaTimerLoop {
  stop(): Promise<void>;
}

/**
 * Runs the SLA sweep (and the callback warnings) every second in this instance. Every instance may run one: claims are SKIP LOCKED and
 * advanced in the claiming transaction, so instances share the work and nothing fires twice. Graphile-worker's
 * cron is per minute, too coarse for 10-minute chat targets; a sweep over an index is cheap when nothing is due
 * (see docs/sla.md and bench/).
 */
export function startSlaTimerLoop(context: JobContext, intervalMs: number = SLA_SWEEP_INTERVAL_MS): SlaTimerLoop {
  let running: Promise<void> | null = null;
  let stopped = false;
  const sweep = async () => {
    try {
      // One clock reading for the tick: the SLA timers and the callback warnings fire as of the same moment.
      const now = context.now();
      const tick = systemContextOf({ ...context, now: () => now }, 'sla-timers');
      const result = await context.services.slaTimer.fireDueTimers(tick);
      context.metrics?.slaTimersFired(result);
      if (result.warnings + result.breaches + result.escalations > 0) context.log.info(result, 'SLA timers fired');
      // Warnings before callback slots (docs/queues.md "Callbacks"), on the same tick and claimed the same way.
      const callbackWarnings = await context.services.callbackRequests.fireDueCallbackWarnings(tick);
      if (callbackWarnings > 0) context.log.info({ callbackWarnings }, 'Callback warnings fired');
    } catch (error) {
      context.log.error({ err: error }, 'SLA sweep failed; retrying on the next tick');
    }
  };
  const timer = setInterval(() => {
    if (stopped || running) return;
    running = sweep().finally(() => {
      running = null;
    });
  }, intervalMs);
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
