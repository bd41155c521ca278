import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readCorpus } from '../src/intake/intake-corpus';
import { intakeDataFolder, intakeModel } from '../src/intake/intake-model-file';
import { classify } from '../src/rules/classification.rule';
import { classifyWithModel } from '../src/rules/intake-model.rule';

// npm run bench:intake — the intake model's costs (issue #13): load time and resident memory of a fresh process
// that loads it, and the latency of one classification over every corpus contact (median, p99, max), beside the
// keyword table it replaced, alternated in rounds in one run. Results: bench/results/intake-<date>.json.
// Each classification is timed twice: wall clock (performance.now) and CPU time (process.cpuUsage, user + system,
// microseconds). On a shared machine the wall clock also counts the time the process waited for a core, so its p99
// says more about the load (recorded as the load average) than about the classifier; CPU time does not count it.

const ROUNDS = 5;

interface Timings {
  /** Milliseconds of wall clock per call. */
  wall: number[];
  /** Milliseconds of CPU time (user + system) per call. */
  cpu: number[];
}

function timed(timings: Timings, work: () => unknown): void {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  work();
  timings.wall.push(performance.now() - started);
  const cpu = process.cpuUsage(cpuBefore);
  timings.cpu.push((cpu.user + cpu.system) / 1000);
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
}

interface ColdLoad {
  /** Wall clock to require the classifier's modules and read and decode the model. */
  loadMs: number;
  /** CPU time (user + system) of the same. */
  loadCpuMs: number;
  rssAddedMb: number;
}

/** In a child process, so that the figures are a cold start: ms to read and decode, and RSS added, in MB. */
function coldLoad(): ColdLoad {
  const script = `
    const before = process.memoryUsage().rss;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    require(${JSON.stringify(join(__dirname, '../src/intake/intake-model-file'))}).intakeModel();
    const loadMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    global.gc && global.gc();
    console.log(JSON.stringify({ loadMs, loadCpuMs: (cpu.user + cpu.system) / 1000, rssAddedMb: (process.memoryUsage().rss - before) / 1048576 }));`;
  return JSON.parse(execFileSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' })) as ColdLoad;
}

/** The median of one figure over the cold loads. */
function medianOf(loads: readonly ColdLoad[], figure: keyof ColdLoad): number {
  return [...loads].sort((left, right) => left[figure] - right[figure])[Math.floor(loads.length / 2)][figure];
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);
}

function main(): void {
  const contacts = readCorpus(join(intakeDataFolder(), 'corpus'));
  const model = intakeModel();
  const loads = Array.from({ length: ROUNDS }, coldLoad);
  const modelTimings: Timings = { wall: [], cpu: [] };
  const keywords: Timings = { wall: [], cpu: [] };
  const loadBefore = loadavg();
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const contact of contacts) {
      timed(modelTimings, () => classifyWithModel(model, contact.subject, contact.body));
      timed(keywords, () => classify(contact.subject, contact.body));
    }
  }
  const loadAfter = loadavg();
  const summary = (times: number[]) => {
    const sorted = [...times].sort((left, right) => left - right);
    return { medianMs: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99), maxMs: sorted[sorted.length - 1] };
  };
  const result = {
    at: new Date().toISOString(),
    model: model.version,
    features: model.featureNames.length,
    contacts: contacts.length,
    rounds: ROUNDS,
    coldLoad: {
      medianMs: medianOf(loads, 'loadMs'),
      medianCpuMs: medianOf(loads, 'loadCpuMs'),
      medianRssAddedMb: medianOf(loads, 'rssAddedMb'),
    },
    loadAverage: { before: loadBefore.map((value) => Number(value.toFixed(2))), after: loadAfter.map((value) => Number(value.toFixed(2))) },
    model_classification: summary(modelTimings.wall),
    model_classification_cpu: { ...summary(modelTimings.cpu), meanMs: mean(modelTimings.cpu) },
    keyword_classification: summary(keywords.wall),
    keyword_classification_cpu: { ...summary(keywords.cpu), meanMs: mean(keywords.cpu) },
  };
  const ratio = result.model_classification.medianMs / result.keyword_classification.medianMs;
  console.log(JSON.stringify({ ...result, medianRatioModelToKeywords: Number(ratio.toFixed(2)) }, null, 2));
  const folder = join(__dirname, '..', '..', 'bench', 'results');
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, `intake-${result.at.slice(0, 10)}.json`),
    `${JSON.stringify({ ...result, medianRatioModelToKeywords: ratio }, null, 2)}\n`,
  );
}

main();
