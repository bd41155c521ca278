import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TicketCategory } from '../domain/enums';
import { IntakeModel, modelLookup } from '../rules/intake-model.rule';

// The trained intake model as a file (data/intake/intake-model.json): JSON with the vocabulary (one string, a
// feature per line), idf (float32, base64) and the weights quantised to 16-bit integers (base64). Few, large
// values keep reading it cheap (one split, two typed-array views: no per-feature JSON values) and the artifact
// small; quantisation moves no probability by more than ~1e-4.

export interface IntakeModelFile {
  format: 1;
  version: string;
  categories: TicketCategory[];
  temperature: number;
  guessBelow: number;
  /** Feature names, one per line, in index order. */
  features: string;
  /** Float32 idf per feature, base64. */
  idf: string;
  bias: number[];
  /** weights[i] = quantised[i] × weightScale. */
  weightScale: number;
  weights: string;
  trainedOn: Record<string, unknown>;
}

const QUANTISATION_STEPS = 32767;

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

export function serialiseIntakeModel(model: IntakeModel, trainedOn: Record<string, unknown>): IntakeModelFile {
  let largest = 0;
  for (const weight of model.weights) largest = Math.max(largest, Math.abs(weight));
  const weightScale = largest === 0 ? 1 : largest / QUANTISATION_STEPS;
  const quantised = Int16Array.from(model.weights, (weight) => Math.round(weight / weightScale));
  for (const feature of model.featureNames) {
    if (feature.includes('\n')) throw new Error(`A feature name cannot hold a line break: ${JSON.stringify(feature)}`);
  }
  const idf = Float32Array.from(model.idf);
  return {
    format: 1,
    version: model.version,
    categories: [...model.categories],
    temperature: model.temperature,
    guessBelow: model.guessBelow,
    features: model.featureNames.join('\n'),
    idf: Buffer.from(idf.buffer, idf.byteOffset, idf.byteLength).toString('base64'),
    bias: Array.from(model.bias, (value) => round(value, 6)),
    weightScale,
    weights: Buffer.from(quantised.buffer, quantised.byteOffset, quantised.byteLength).toString('base64'),
    trainedOn,
  };
}

/** A typed array over a copy of base64 bytes (a copy: Buffer pools are not aligned for 2- and 4-byte views). */
function typedArrayOf<T extends Int16Array | Float32Array>(base64: string, kind: { new (buffer: ArrayBuffer): T }): T {
  const bytes = Buffer.from(base64, 'base64');
  return new kind(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/**
 * weights[i] = quantised[i] × scale, written into one preallocated array: Float32Array.from with a map function
 * goes through a temporary list of every value first, which left the process ~40 MB larger after loading.
 */
function dequantised(quantised: Int16Array, scale: number): Float32Array {
  const weights = new Float32Array(quantised.length);
  for (let index = 0; index < quantised.length; index += 1) weights[index] = quantised[index] * scale;
  return weights;
}

export function parseIntakeModel(file: IntakeModelFile): IntakeModel {
  if (file.format !== 1) throw new Error(`Unsupported intake model format ${String(file.format)}`);
  const features = file.features.split('\n');
  const quantised = typedArrayOf(file.weights, Int16Array);
  const idf = typedArrayOf(file.idf, Float32Array);
  if (quantised.length !== features.length * file.categories.length || idf.length !== features.length) {
    throw new Error('Intake model weights do not match its features and categories');
  }
  return {
    version: file.version,
    categories: file.categories,
    featureNames: features,
    idf,
    weights: dequantised(quantised, file.weightScale),
    bias: Float64Array.from(file.bias),
    temperature: file.temperature,
    guessBelow: file.guessBelow,
  };
}

/** The repository's data/intake folder, found from this file in src/ and in dist/src/ alike. */
export function intakeDataFolder(): string {
  let folder = __dirname;
  for (let depth = 0; depth < 5; depth += 1) {
    folder = dirname(folder);
    try {
      readFileSync(join(folder, 'package.json'));
      return join(folder, 'data', 'intake');
    } catch {
      // not the project root yet
    }
  }
  throw new Error('data/intake not found above ' + __dirname);
}

export const INTAKE_MODEL_FILE_NAME = 'intake-model.json';

let loadedModel: IntakeModel | null = null;

/**
 * The committed model, read and decoded once per process, its hash table of features built too (the first call
 * pays ~100 ms, later calls nothing). No name → index Map is built: classification does not read one.
 */
export function intakeModel(): IntakeModel {
  if (loadedModel === null) {
    loadedModel = parseIntakeModel(JSON.parse(readFileSync(join(intakeDataFolder(), INTAKE_MODEL_FILE_NAME), 'utf8')) as IntakeModelFile);
    modelLookup(loadedModel);
  }
  return loadedModel;
}
