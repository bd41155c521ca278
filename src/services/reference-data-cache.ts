import { DataSource, EntityManager } from 'typeorm';

/** Seconds a loaded value is reused: reference data changes only through migrations today, so this bounds staleness. */
export const REFERENCE_DATA_CACHE_SECONDS = 60;

/**
 * Small reference data read on every ticket change and rarely changed (SLA policies and calendars, the routing
 * table): each process keeps it for a minute instead of reading it in every transaction. It is read outside the
 * caller's transaction: reference data is not part of a change's snapshot.
 */
export class ReferenceDataCache<T> {
  private readonly cached = new WeakMap<DataSource, { loadedAt: number; value: Promise<T> }>();

  constructor(private readonly read: (dataSource: DataSource) => Promise<T>) {}

  load(manager: EntityManager): Promise<T> {
    const dataSource = manager.connection;
    const entry = this.cached.get(dataSource);
    if (entry && Date.now() - entry.loadedAt < REFERENCE_DATA_CACHE_SECONDS * 1000) return entry.value;
    const value = this.read(dataSource);
    this.cached.set(dataSource, { loadedAt: Date.now(), value });
    value.catch(() => this.cached.delete(dataSource));
    return value;
  }
}
