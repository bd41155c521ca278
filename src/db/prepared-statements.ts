import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/** Distinct statement texts a process prepares; beyond this, new texts run unprepared. */
export const MAXIMUM_PREPARED_STATEMENTS = 200;
/** A text is prepared once it has run this often: one-off texts (ad-hoc filters) never take a slot. */
const RUNS_BEFORE_PREPARING = 3;
/** Texts counted towards preparation; the least recently seen are forgotten first. */
const MAXIMUM_COUNTED_TEXTS = 2000;

/** What TypeORM's `query` (a DataSource, an EntityManager, a QueryRunner) offers. */
export interface StatementExecutor {
  // TypeORM returns rows as `any`; callers name the row type they expect.
  query(query: string, parameters?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- TypeORM's own signature
}

/**
 * Named prepared statements for the hot paths' fixed SQL: PostgreSQL parses and plans a prepared statement once
 * per connection instead of at every execution (planning the seller inbox statement costs more than running it).
 * Names are derived from the text, so every connection and every instance agrees on them. Bounded: a process
 * prepares at most MAXIMUM_PREPARED_STATEMENTS texts, each only after it has run RUNS_BEFORE_PREPARING times.
 *
 * Only for statements whose plan does not depend on their values: lookups by id or key, keyset pages in index
 * order, inserts. After five executions PostgreSQL may switch to a generic plan made without the values, which
 * for a range (`due_at <= $1`) or a pattern (`ILIKE $1`) guesses a third of the rows and can be slower than
 * planning every time by orders of magnitude. Such statements go through `query` of TypeORM directly.
 */
export class PreparedStatements {
  private readonly names = new Map<string, string>();
  private readonly runs = new LRUCache<string, number>({ max: MAXIMUM_COUNTED_TEXTS });

  /**
   * Runs `text` through TypeORM (so that it is counted, logged and part of the caller's transaction) as a named
   * statement once it has earned a name. TypeORM hands the query to pg unchanged, and pg takes a `{ name, text }`
   * query config where a text is expected.
   */
  query<T = unknown>(executor: StatementExecutor, text: string, parameters: unknown[]): Promise<T> {
    const name = this.nameOf(text);
    if (name === null) return executor.query(text, parameters);
    const config = { name, text };
    return executor.query(config as unknown as string, parameters);
  }

  /** How many texts this process prepares (tests, metrics). */
  preparedCount(): number {
    return this.names.size;
  }

  private nameOf(text: string): string | null {
    const known = this.names.get(text);
    if (known !== undefined) return known;
    if (this.names.size >= MAXIMUM_PREPARED_STATEMENTS) return null;
    const runs = (this.runs.get(text) ?? 0) + 1;
    if (runs < RUNS_BEFORE_PREPARING) {
      this.runs.set(text, runs);
      return null;
    }
    this.runs.delete(text);
    const name = `s_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
    this.names.set(text, name);
    return name;
  }
}

/** One per process: prepared statements live in the connections of the process's pool. */
export const preparedStatements = new PreparedStatements();
