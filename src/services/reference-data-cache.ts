import { DataSource, EntityManager } from 'typeorm';

/**
 * Seconds a loaded value is reused at most. Admin changes invalidate it within moments on every instance (a NOTIFY
 * on REFERENCE_DATA_CHANNEL, see TicketEventListener); the time limit is the safety net for a lost notification.
 */
export const REFERENCE_DATA_CACHE_SECONDS = 60;

/** The channel an admin change of routing rules, SLA policies or calendars notifies at COMMIT. */
export const REFERENCE_DATA_CHANNEL = 'reference_data_changed';

/** Per database (data source): how many invalidations it has seen. A value loaded under an older count is stale. */
const generations = new WeakMap<DataSource, number>();
const generationOf = (dataSource: DataSource) => generations.get(dataSource) ?? 0;

/**
 * Forgets every cached reference value of `dataSource` in this process: the next load reads the database. Loads in
 * flight when it is called are not kept either (they may have read before the change committed).
 */
export function invalidateReferenceData(dataSource: DataSource): void {
  generations.set(dataSource, generationOf(dataSource) + 1);
}

/**
 * Small reference data read on every ticket change and rarely changed (SLA policies and calendars, the routing
 * table): each process keeps it until an admin changes it (invalidateReferenceData) or for a minute, instead of
 * reading it in every transaction. It is read outside the caller's transaction: reference data is not part of a
 * change's snapshot.
 */
export class ReferenceDataCache<T> {
  private readonly cached = new WeakMap<DataSource, { loadedAt: number; generation: number; value: Promise<T> }>();

  constructor(private readonly read: (dataSource: DataSource) => Promise<T>) {}

  load(manager: EntityManager): Promise<T> {
    const dataSource = manager.connection;
    const generation = generationOf(dataSource);
    const entry = this.cached.get(dataSource);
    if (entry && entry.generation === generation && Date.now() - entry.loadedAt < REFERENCE_DATA_CACHE_SECONDS * 1000) return entry.value;
    const value = this.read(dataSource);
    this.cached.set(dataSource, { loadedAt: Date.now(), generation, value });
    value.catch(() => this.cached.delete(dataSource));
    return value;
  }
}
