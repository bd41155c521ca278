import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createGraphQLArmor } from '../src/graphql/armor';
import { getSchema } from '../src/resolvers/schema';
import { fragmentBomb, HOSTILE_DOCUMENTS } from './hostile-documents';
import os from 'node:os';

// `npm run bench:validation [-- --runs N]`: wall time of refusing each hostile document of issue #14, point 1
// (bench/hostile-documents.ts), as the WebSocket path checks a subscribe message (armor.checkDocument: scan,
// parse, limits, GraphQL's rules) and as the HTTP path checks a body before Apollo (armor.checkLimits, nothing
// remembered for refused documents). Issue #14's bound: no answer over 250 ms caused by validation. The tests
// count the work instead (test/integration/work-before-trust.test.ts), which the machine's load cannot change.

const BOUND_MS = 250;

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

async function main(): Promise<void> {
  const runs = argument('runs', 20);
  const schema = await getSchema();
  const armor = createGraphQLArmor({ blockFieldSuggestions: true, introspection: false });
  const documents: Record<string, string> = {
    ...HOSTILE_DOCUMENTS,
    'nested-fragment bomb (60 levels of 12 spreads)': `query { me { ...F60 } } ${fragmentBomb(60, 12)}`,
  };
  const results: Array<{ document: string; characters: number; path: string; medianMs: number; maxMs: number }> = [];
  for (const [name, source] of Object.entries(documents)) {
    for (const [pathName, check] of [
      ['WebSocket (checkDocument)', () => armor.checkDocument(schema, source)],
      ['HTTP (checkLimits)', () => armor.checkLimits(schema, source)],
    ] as const) {
      const times: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const started = performance.now();
        check();
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      results.push({
        document: name,
        characters: source.length,
        path: pathName,
        medianMs: Number(times[Math.floor(times.length / 2)].toFixed(2)),
        maxMs: Number(times[times.length - 1].toFixed(2)),
      });
    }
  }
  const slowest = Math.max(...results.map((result) => result.maxMs));
  for (const result of results)
    process.stdout.write(
      `${result.maxMs.toFixed(2).padStart(8)} ms max ${result.medianMs.toFixed(2).padStart(8)} ms median  ${result.path.padEnd(26)} ${result.document} (${result.characters} characters)\n`,
    );
  process.stdout.write(
    `slowest refusal: ${slowest.toFixed(2)} ms over ${runs} runs each (bound ${BOUND_MS} ms): ${slowest < BOUND_MS ? 'within' : 'OVER'}\n`,
  );
  const folder = path.resolve(__dirname, '../../bench/results');
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${new Date().toISOString().slice(0, 10)}-validation.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version, loadAverage: os.loadavg() }, runs, boundMs: BOUND_MS, slowestMs: slowest, results }, null, 2)}\n`,
  );
  process.stdout.write(`written: ${file}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
