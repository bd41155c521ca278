import { DataSource } from 'typeorm';
import { ServerHandle } from '../server-handle';

export interface BenchSettings {
  quick: boolean;
  warmupSeconds: number;
  measureSeconds: number;
  repetitions: number;
  seed: number;
  /** Open tickets S4 sweeps over. */
  sweepOpenTickets: number;
}

export interface ScenarioContext {
  /** The parent's own connection to the benchmark database (setup, checks; never on the measured path). */
  dataSource: DataSource;
  databaseUrl: string;
  server: ServerHandle;
  authSecret: string;
  settings: BenchSettings;
  /** The instant the data was generated "at". */
  dataNow: Date;
  log: (message: string) => void;
}

/** One GraphQL request outside the measurement (sanity checks before a scenario). */
export async function graphqlOnce<T>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
  timeoutMs: number = 30_000,
): Promise<{ data?: T; errors?: Array<{ message: string }>; statements: number }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  return { ...body, statements: Number(response.headers.get('x-sql-statement-count') ?? Number.NaN) };
}
