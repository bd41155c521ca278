/** A relation's value held for one record: `null` means fetched and found nothing (a missing or invisible record). */
interface Held {
  value: unknown;
}

/**
 * Relations one statement fetched ahead for the records it returned (src/loaders/ticket-graph.loader.ts), held
 * per record and relation for the request. They are kept apart from the loaders' caches: a prefetched record
 * carries only the columns its query's fields read, so it must answer those fields of that record and nothing
 * else. A relation not held here is loaded as usual.
 */
export class PrefetchedRelations {
  private readonly held = new WeakMap<object, Map<string, Held>>();

  hold(record: object, relation: string, value: unknown): void {
    let relations = this.held.get(record);
    if (!relations) {
      relations = new Map();
      this.held.set(record, relations);
    }
    relations.set(relation, { value });
  }

  /** The held value, or undefined when nothing is held for that record and relation. */
  lookup<T>(record: object, relation: string): { value: T } | undefined {
    return this.held.get(record)?.get(relation) as { value: T } | undefined;
  }
}
