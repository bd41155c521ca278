import { planEventPartitions } from '../rules/event-partition.rule';
import { assertSystemPrincipal } from '../auth/principal';
import { RequestContext } from './request-context';

export interface EventPartitionMaintenance {
  /** Months whose partition this run created. */
  created: number;
  /** Partitions detached from the log by the retention setting (tables left for an operator to archive and drop). */
  detached: string[];
}

/**
 * Keeps the monthly partitions of ticket_events (migration 1765940100000): the current month and the next
 * EVENT_MONTHS_PREPARED_AHEAD exist, and with a retention setting the months before it are detached. The SQL
 * functions live in the migration; this decides the instants (rules/event-partition.rule.ts).
 */
export class EventPartitionService {
  /** `retentionMonths`: TICKET_EVENT_RETENTION_MONTHS, null (the default) keeps every month. */
  constructor(private readonly retentionMonths: number | null) {}

  async maintain(ctx: RequestContext): Promise<EventPartitionMaintenance> {
    assertSystemPrincipal(ctx.principal, "Maintaining the event log's partitions");
    const plan = planEventPartitions(ctx.now(), this.retentionMonths);
    return ctx.dataSource.transaction(async (manager) => {
      // Creating or detaching a partition locks the whole log briefly; queueing behind a long transaction would
      // stop every event append meanwhile. Giving up is harmless: the next hour tries again, months ahead.
      await manager.query(`SET LOCAL lock_timeout = '5s'`);
      const [{ created }]: Array<{ created: number }> = await manager.query(`SELECT create_ticket_event_partitions($1, $2) AS created`, [
        plan.prepareFrom,
        plan.prepareThrough,
      ]);
      if (plan.detachBefore === null) return { created, detached: [] };
      const [{ detached }]: Array<{ detached: string[] }> = await manager.query(`SELECT detach_ticket_event_partitions($1) AS detached`, [
        plan.detachBefore,
      ]);
      return { created, detached };
    });
  }
}
