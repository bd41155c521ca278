import { createHash } from 'node:crypto';
import { TicketCategory } from '../domain/enums';
import { INTAKE_FEATURE_SET, intakeFeatureCounts } from '../rules/intake-features.rule';
import { IntakeModel, logits, softmax, SparseVector, vectorise } from '../rules/intake-model.rule';
import { IntakeExample } from './intake-corpus';

// Training of the intake model (src/rules/intake-model.rule.ts): multinomial logistic regression fitted by
// AdaGrad, one example at a time, in an order drawn from a seeded generator, so the same corpus and options always
// give the same weights. Hand-written because it is ~100 lines and every npm alternative is either native, a
// TensorFlow-sized download, or lacks sparse inputs.

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty per touched weight and step. */
  l2: number;
  /** A feature must occur in at least this many training contacts to enter the vocabulary. */
  minDocumentFrequency: number;
  seed: number;
}

export const DEFAULT_TRAINING_OPTIONS: TrainingOptions = {
  epochs: 24,
  learningRate: 0.2,
  l2: 1e-5,
  minDocumentFrequency: 3,
  seed: 20261202,
};

/** Mulberry32: a small seeded generator; only the shuffle order depends on it. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(count: number, random: () => number): number[] {
  const order = Array.from({ length: count }, (_, index) => index);
  for (let index = count - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other], order[index]];
  }
  return order;
}

interface Vocabulary {
  featureIndex: Map<string, number>;
  idf: Float32Array;
}

/** Features seen in at least `minDocumentFrequency` contacts, in first-seen order, with smoothed idf. */
export function buildVocabulary(countsPerExample: ReadonlyArray<Map<string, number>>, minDocumentFrequency: number): Vocabulary {
  const documentFrequency = new Map<string, number>();
  for (const counts of countsPerExample)
    for (const feature of counts.keys()) documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
  const featureIndex = new Map<string, number>();
  const idfValues: number[] = [];
  for (const [feature, frequency] of documentFrequency) {
    if (frequency < minDocumentFrequency && feature[0] !== 'k' && feature[0] !== 'x') continue;
    featureIndex.set(feature, idfValues.length);
    idfValues.push(Math.log((countsPerExample.length + 1) / (frequency + 1)) + 1);
  }
  return { featureIndex, idf: Float32Array.from(idfValues) };
}

interface Parameters {
  weights: Float32Array;
  bias: Float64Array;
}

function fitWeights(vectors: SparseVector[], labels: number[], classes: number, features: number, options: TrainingOptions): Parameters {
  const weights = new Float32Array(features * classes);
  const squaredGradients = new Float32Array(features * classes);
  const bias = new Float64Array(classes);
  const biasSquaredGradients = new Float64Array(classes);
  const random = seededRandom(options.seed);
  const epsilon = 1e-8;
  // The weights returned are the average of the snapshots after each epoch of the second half (Polyak averaging):
  // steadier than the last snapshot, and better on contacts not seen in training.
  const averagedWeights = new Float64Array(weights.length);
  const averagedBias = new Float64Array(classes);
  let snapshots = 0;
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (const example of shuffled(vectors.length, random)) {
      const vector = vectors[example];
      const probabilities = softmax(logits({ weights, bias, categories: new Array(classes) }, vector), 1);
      for (let category = 0; category < classes; category += 1) {
        const error = probabilities[category] - (labels[example] === category ? 1 : 0);
        biasSquaredGradients[category] += error * error;
        bias[category] -= (options.learningRate * error) / Math.sqrt(biasSquaredGradients[category] + epsilon);
        for (let position = 0; position < vector.indexes.length; position += 1) {
          const slot = vector.indexes[position] * classes + category;
          const gradient = error * vector.values[position] + options.l2 * weights[slot];
          squaredGradients[slot] += gradient * gradient;
          weights[slot] -= (options.learningRate * gradient) / Math.sqrt(squaredGradients[slot] + epsilon);
        }
      }
    }
    if (epoch >= Math.floor(options.epochs / 2)) {
      snapshots += 1;
      for (let slot = 0; slot < weights.length; slot += 1) averagedWeights[slot] += weights[slot];
      for (let category = 0; category < classes; category += 1) averagedBias[category] += bias[category];
    }
  }
  return {
    weights: Float32Array.from(averagedWeights, (sum) => sum / snapshots),
    bias: averagedBias.map((sum) => sum / snapshots),
  };
}

/** A version that names exactly what was trained: the feature set, the options, the examples' ids, labels and texts. */
function modelVersion(examples: readonly IntakeExample[], options: TrainingOptions): string {
  const hash = createHash('sha256').update(INTAKE_FEATURE_SET).update(JSON.stringify(options));
  for (const example of examples) hash.update(`${example.id}\u0000${example.category}\u0000${example.subject}\u0000${example.body}\u0001`);
  return `intake-${hash.digest('hex').slice(0, 12)}`;
}

/** An uncalibrated model (temperature 1, no guess threshold) from training examples. */
export function trainIntakeModel(
  examples: readonly IntakeExample[],
  categories: readonly TicketCategory[],
  options: TrainingOptions = DEFAULT_TRAINING_OPTIONS,
): IntakeModel {
  const countsPerExample = examples.map((example) => intakeFeatureCounts(example.subject, example.body));
  const { featureIndex, idf } = buildVocabulary(countsPerExample, options.minDocumentFrequency);
  const vectors = countsPerExample.map((counts) => vectorise(counts, featureIndex, idf));
  const labels = examples.map((example) => categories.indexOf(example.category));
  const { weights, bias } = fitWeights(vectors, labels, categories.length, idf.length, options);
  // Map keys iterate in insertion order, which is index order (buildVocabulary numbers features as it inserts them).
  const featureNames = [...featureIndex.keys()];
  return { version: modelVersion(examples, options), categories, featureNames, idf, weights, bias, temperature: 1, guessBelow: 0 };
}
