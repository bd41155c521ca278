import { TicketCategory } from '../domain/enums';
import { buildFeatureTable, FeatureTable, knownFeatureCounts } from './intake-feature-table.rule';
import { FeatureCounts, intakeFeatureCounts } from './intake-features.rule';

// The learned intake classifier (docs/routing.md "The model"): a multinomial logistic regression over the
// features of src/rules/intake-features.rule.ts, trained by `npm run train:intake` (src/intake/intake-trainer.ts)
// and stored as data/intake/intake-model.json. Prediction is pure: the model is an argument.
//
// A feature's value is (1 + ln count) × idf; the text spaces ("t", "s", "n") are each scaled to unit length (the
// subject then weighs half), keyword
// evidence ("k") is weight points / 4 and a concept ("x") is 1, both unscaled. Probabilities are softmax(logits / temperature), the temperature
// fitted on the dev split so that they are calibrated; a top probability under `guessBelow` (chosen on the dev
// split too) makes the category a guess, which routes to triage.

export interface IntakeModel {
  /** Names the training run: recorded on every routing decision next to the rule version. */
  readonly version: string;
  /** Output order of the weights' class dimension. */
  readonly categories: readonly TicketCategory[];
  /**
   * Feature names in index order. Classification never reads them (it looks features up by hash, modelLookup);
   * a name → index Map is built only when asked for (featureIndexOf: training, serialising, tests).
   */
  readonly featureNames: readonly string[];
  /** Inverse document frequency per feature index. */
  readonly idf: Float32Array;
  /** Feature-major: weights[feature × categories.length + category]. */
  readonly weights: Float32Array;
  readonly bias: Float64Array;
  readonly temperature: number;
  /** A top probability strictly below this is a guess. */
  readonly guessBelow: number;
}

export interface ModelClassification {
  category: TicketCategory;
  /** The calibrated probability of `category`, 0..1. */
  confidence: number;
  /** True when `confidence` is under the model's threshold: the category is only a guess. */
  isGuess: boolean;
  modelVersion: string;
  /** The runner-up category and its probability, for the triage agent and the evaluation. */
  runnerUp: { category: TicketCategory; probability: number } | null;
}

/** A sparse feature vector: parallel arrays of feature indexes and values. */
export interface SparseVector {
  indexes: Int32Array;
  values: Float32Array;
}

const KEYWORD_POINTS_PER_UNIT = 4;
/**
 * The weight of a text space after it is scaled to unit length: the subject ("s") counts half as much as the whole
 * text, since the whole text holds the subject already and subjects are often vague ("至急", "Question"); chosen on
 * the dev split.
 */
const SPACE_WEIGHTS: Readonly<Record<string, number>> = { s: 0.5 };

/** The text spaces that are scaled to unit length, by the character code of their prefix; evidence spaces are not. */
const TEXT_SPACES = ['t', 's', 'n'] as const;
const TEXT_SPACE_WEIGHTS = TEXT_SPACES.map((space) => SPACE_WEIGHTS[space] ?? 1);
const TEXT_SPACE_OF_CODE = new Map<number, number>(TEXT_SPACES.map((space, position) => [space.charCodeAt(0), position]));
/** Kinds of feature that are not text: keyword evidence ("k", weight points / 4), a concept ("x", its value). */
const KEYWORD_KIND = -1;
const CONCEPT_KIND = -2;
const UNKNOWN_KIND = -3;

/** A feature's kind by its name: the position of its text space in TEXT_SPACES, or one of the evidence kinds. */
export function featureKind(feature: string): number {
  const space = TEXT_SPACE_OF_CODE.get(feature.charCodeAt(0));
  if (space !== undefined) return space;
  if (feature[0] === 'k') return KEYWORD_KIND;
  return feature[0] === 'x' ? CONCEPT_KIND : UNKNOWN_KIND;
}

function evidenceValue(kind: number, count: number): number {
  if (kind === KEYWORD_KIND) return count / KEYWORD_POINTS_PER_UNIT;
  return kind === CONCEPT_KIND ? count : 0;
}

/**
 * The weighted vector of known features: text (1 + ln count) × idf, each text space scaled to unit length and
 * weighted; evidence by its kind. `kinds[position]` is the kind of `indexes[position]`.
 */
function weighed(indexes: Int32Array, counts: Float64Array, kinds: Int8Array, idf: Float32Array): SparseVector {
  const values = new Float64Array(indexes.length);
  const squaredLengths = [0, 0, 0];
  for (let position = 0; position < indexes.length; position += 1) {
    const kind = kinds[position];
    const value = kind < 0 ? evidenceValue(kind, counts[position]) : (1 + Math.log(counts[position])) * idf[indexes[position]];
    if (kind >= 0) squaredLengths[kind] += value * value;
    values[position] = value;
  }
  const scales = squaredLengths.map((length, space) => (length > 0 ? TEXT_SPACE_WEIGHTS[space] / Math.sqrt(length) : 1));
  const scaled = new Float32Array(indexes.length);
  for (let position = 0; position < indexes.length; position += 1) {
    scaled[position] = kinds[position] < 0 ? values[position] : values[position] * scales[kinds[position]];
  }
  return { indexes, values: scaled };
}

/**
 * The sparse vector of a contact's named features that the model knows (unknown features are dropped): training
 * and evaluation read it; classification builds the same vector from hashed features (modelVector).
 */
export function vectorise(counts: FeatureCounts, featureIndex: ReadonlyMap<string, number>, idf: Float32Array): SparseVector {
  const indexes = new Int32Array(counts.size);
  const values = new Float64Array(counts.size);
  const kinds = new Int8Array(counts.size);
  let size = 0;
  for (const [feature, count] of counts) {
    const index = featureIndex.get(feature);
    if (index === undefined) continue;
    indexes[size] = index;
    values[size] = count;
    kinds[size] = featureKind(feature);
    size += 1;
  }
  return weighed(indexes.slice(0, size), values.slice(0, size), kinds.slice(0, size), idf);
}

/** A model's vocabulary as a hash table, and each feature's kind by index; built once per vocabulary. */
interface ModelLookup {
  table: FeatureTable;
  kinds: Int8Array;
}

const LOOKUPS = new WeakMap<readonly string[], ModelLookup>();

/** Builds (once per vocabulary) the hash table classification reads; loading the model calls it ahead of time. */
export function modelLookup(model: Pick<IntakeModel, 'featureNames'>): ModelLookup {
  let lookup = LOOKUPS.get(model.featureNames);
  if (lookup === undefined) {
    lookup = { table: buildFeatureTable(model.featureNames), kinds: Int8Array.from(model.featureNames, featureKind) };
    LOOKUPS.set(model.featureNames, lookup);
  }
  return lookup;
}

const FEATURE_INDEXES = new WeakMap<readonly string[], ReadonlyMap<string, number>>();

/**
 * The name → index Map of a vocabulary, built on first use and kept while the vocabulary lives: only the named
 * path (training, vectorise, the tests' reference) needs it, so loading a model for classification does not build
 * it (cold load and resident memory: docs/routing.md "Costs").
 */
export function featureIndexOf(model: Pick<IntakeModel, 'featureNames'>): ReadonlyMap<string, number> {
  let featureIndex = FEATURE_INDEXES.get(model.featureNames);
  if (featureIndex === undefined) {
    featureIndex = new Map(model.featureNames.map((feature, index) => [feature, index]));
    FEATURE_INDEXES.set(model.featureNames, featureIndex);
  }
  return featureIndex;
}

/** The vector of a contact as vectorise gives it, from hashed features: no feature name is built. */
export function modelVector(model: Pick<IntakeModel, 'featureNames' | 'idf'>, subject: string, body: string): SparseVector {
  const { table, kinds } = modelLookup(model);
  const { indexes, counts } = knownFeatureCounts(table, subject, body);
  const kindsHere = new Int8Array(indexes.length);
  for (let position = 0; position < indexes.length; position += 1) kindsHere[position] = kinds[indexes[position]];
  return weighed(indexes, counts, kindsHere, model.idf);
}

/** Class logits: bias + Σ value × weight. */
export function logits(model: Pick<IntakeModel, 'weights' | 'bias' | 'categories'>, vector: SparseVector): Float64Array {
  const classes = model.categories.length;
  const scores = Float64Array.from(model.bias);
  for (let position = 0; position < vector.indexes.length; position += 1) {
    const offset = vector.indexes[position] * classes;
    const value = vector.values[position];
    for (let category = 0; category < classes; category += 1) scores[category] += value * model.weights[offset + category];
  }
  return scores;
}

/** Softmax of logits / temperature, computed stably (the largest logit is subtracted first). */
export function softmax(scores: Float64Array, temperature: number): Float64Array {
  let largest = -Infinity;
  for (const score of scores) largest = Math.max(largest, score);
  const probabilities = scores.map((score) => Math.exp((score - largest) / temperature));
  const sum = probabilities.reduce((total, probability) => total + probability, 0);
  return probabilities.map((probability) => probability / sum);
}

/** The probability of every category for a contact, in `model.categories` order. */
export function categoryProbabilities(model: IntakeModel, subject: string, body: string): Float64Array {
  return softmax(logits(model, modelVector(model, subject, body)), model.temperature);
}

/** The same from named features (vectorise): slower; the reference the hashed path is tested against. */
export function namedCategoryProbabilities(model: IntakeModel, subject: string, body: string): Float64Array {
  const vector = vectorise(intakeFeatureCounts(subject, body), featureIndexOf(model), model.idf);
  return softmax(logits(model, vector), model.temperature);
}

/** Highest probability first; equal probabilities keep the model's category order. */
function rankedCategories(model: IntakeModel, probabilities: Float64Array): Array<{ category: TicketCategory; probability: number }> {
  return model.categories
    .map((category, index) => ({ category, probability: probabilities[index] }))
    .sort((left, right) => right.probability - left.probability);
}

export function classifyWithModel(model: IntakeModel, subject: string, body: string): ModelClassification {
  const [top, second] = rankedCategories(model, categoryProbabilities(model, subject, body));
  return {
    category: top.category,
    confidence: top.probability,
    isGuess: top.probability < model.guessBelow,
    modelVersion: model.version,
    runnerUp: second ?? null,
  };
}
