import { readFileSync, writeFileSync } from 'node:fs';
import { evaluateTargets } from './targets';

// Prints a results file (bench/results/*.json) as the Markdown tables of docs/benchmarks.md:
//   node dist/bench/summarize.js bench/results/<date>.json [--retarget]
// --retarget re-evaluates the targets with the current bench/targets.ts and rewrites the file's `targets`.

interface Measurement {
  repetitions: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number };
  sqlStatementsPerRequest: { median: number; min: number; max: number };
  serverCpuMsPerRequest: number;
  postgresCpuMsPerRequest: number | null;
  serverRssMiB: number;
  failures: { errors: number; timeouts: number; non2xx: number; graphqlErrors: number };
}

type Scenarios = Record<string, Record<string, unknown> | undefined>;

function row(label: string, entry: { median: Measurement; runs: Array<{ requestsPerSecond: number }> } | undefined): string {
  if (!entry) return `| ${label} | not measured | | | | | | |`;
  const m = entry.median;
  const failures = m.failures.errors + m.failures.timeouts + m.failures.non2xx + m.failures.graphqlErrors;
  const runs = entry.runs.map((run) => run.requestsPerSecond).join(' / ');
  return `| ${label} | ${m.requestsPerSecond} (${runs}) | ${m.latencyMs.p50} | ${m.latencyMs.p99} | ${m.sqlStatementsPerRequest.median} (${m.sqlStatementsPerRequest.min}–${m.sqlStatementsPerRequest.max}) | ${m.serverCpuMsPerRequest} | ${m.postgresCpuMsPerRequest ?? '–'} | ${m.serverRssMiB} | ${failures} |`;
}

function main(): void {
  const file = process.argv[2];
  if (!file) throw new Error('usage: summarize <results.json> [--retarget]');
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    scenarios: Scenarios;
    targets: unknown;
    mode: string;
    settings: Record<string, unknown>;
  };
  if (process.argv.includes('--retarget')) {
    report.targets = evaluateTargets(report.scenarios);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  }
  const s = report.scenarios;
  const get = (scenario: string, key: string) =>
    s[scenario]?.[key] as { median: Measurement; runs: Array<{ requestsPerSecond: number }> } | undefined;
  const lines = [
    '| measurement | req/s (runs) | p50 ms | p99 ms | SQL statements (min–max) | server CPU ms/req | PostgreSQL CPU ms/req | server RSS MiB | failures |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    row('S1 inbox, max rate, 10 connections', get('S1', 'throughput')),
    row('S1 inbox, fixed 300 req/s', get('S1', 'fixedRate')),
    row('S2 ticket detail, 1 connection', get('S2', 'oneConnection')),
    row('S3 openTicket, max rate, 10 connections', get('S3', 'throughput')),
    row('S3 openTicket, fixed 400/s', get('S3', 'fixedRate')),
  ];
  process.stdout.write(`${lines.join('\n')}\n\n`);
  process.stdout.write(`${JSON.stringify({ S4: s.S4, S5: s.S5, targets: report.targets }, null, 2)}\n`);
}

main();
