import { addIntakeFeatures, FeatureSink } from './intake-features.rule';

// The model's vocabulary as a hash table of 64-bit feature keys (docs/routing.md "The model"): classifying a
// contact looks up each of its features by two 32-bit hashes of the code units of its name, computed over the
// normalised text where the feature lies, so no feature name is built and no string is hashed by a Map. The
// vocabulary is the same as the model's list of names (every name is hashed when the table is built, and two
// names with the same 64-bit key are refused), so a contact's vector is the one the named features give; a
// feature the model does not know is dropped as before (a false hit needs a 64-bit coincidence).
//
// One table per model, with scratch arrays reused from contact to contact: classification is synchronous, so
// no two contacts share them at once.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SECOND_SEED = 0x9747b28c;
const SECOND_MULTIPLIER = 0x5bd1e995;

/** The vector-building state of a contact: counts per known feature, and which features were touched. */
export interface FeatureTable {
  readonly size: number;
  /** Slot → first and second hash of the feature there, and its index (−1: empty). */
  readonly firstKeys: Int32Array;
  readonly secondKeys: Int32Array;
  readonly indexes: Int32Array;
  readonly mask: number;
  /** Per feature index: its count in the current contact (0 when untouched). */
  readonly counts: Float64Array;
  /** The feature indexes touched by the current contact, `touchedCount` of them. */
  readonly touched: Int32Array;
  touchedCount: number;
}

/** Two 32-bit hashes being fed code units. */
interface HashState {
  first: number;
  second: number;
}

function feed(state: HashState, text: string, start: number, end: number): void {
  let { first, second } = state;
  for (let index = start; index < end; index += 1) {
    const unit = text.charCodeAt(index);
    first = Math.imul(first ^ unit, FNV_PRIME);
    second = Math.imul(second ^ unit, SECOND_MULTIPLIER);
    second ^= second >>> 13;
  }
  state.first = first;
  state.second = second;
}

/** The slot a key starts probing from: the first hash, mixed so that its low bits depend on every bit. */
function homeSlot(first: number, second: number, mask: number): number {
  let mixed = first ^ (second >>> 7);
  mixed = Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b);
  mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
  return (mixed ^ (mixed >>> 16)) & mask;
}

/** The index of the feature with these hashes, or −1. */
function find(table: FeatureTable, first: number, second: number): number {
  for (let slot = homeSlot(first, second, table.mask); ; slot = (slot + 1) & table.mask) {
    const index = table.indexes[slot];
    if (index < 0 || (table.firstKeys[slot] === first && table.secondKeys[slot] === second)) return index;
  }
}

/** The hashes of a whole feature name, as the sink computes them piece by piece. */
export function featureKey(name: string): HashState {
  const state = { first: FNV_OFFSET, second: SECOND_SEED };
  feed(state, name, 0, name.length);
  return state;
}

/** The table of a vocabulary given as feature names in index order; throws if two names share a key. */
export function buildFeatureTable(names: readonly string[]): FeatureTable {
  let capacity = 1;
  while (capacity < names.length * 2) capacity *= 2;
  const table: FeatureTable = {
    size: names.length,
    firstKeys: new Int32Array(capacity),
    secondKeys: new Int32Array(capacity),
    indexes: new Int32Array(capacity).fill(-1),
    mask: capacity - 1,
    counts: new Float64Array(names.length),
    touched: new Int32Array(names.length),
    touchedCount: 0,
  };
  names.forEach((name, index) => {
    const { first, second } = featureKey(name);
    let slot = homeSlot(first, second, table.mask);
    while (table.indexes[slot] >= 0) {
      if (table.firstKeys[slot] === first && table.secondKeys[slot] === second) {
        throw new Error(`Intake features ${JSON.stringify(names[table.indexes[slot]])} and ${JSON.stringify(name)} share a hash key`);
      }
      slot = (slot + 1) & table.mask;
    }
    table.firstKeys[slot] = first;
    table.secondKeys[slot] = second;
    table.indexes[slot] = index;
  });
  return table;
}

function count(table: FeatureTable, index: number, value: number | null): void {
  if (index < 0) return;
  if (table.counts[index] === 0) {
    table.touched[table.touchedCount] = index;
    table.touchedCount += 1;
  }
  table.counts[index] = value ?? table.counts[index] + 1;
}

const UNDERSCORE = '_';

/** The sink that counts the features a table knows, by index, and drops the others. */
function hashedSink(table: FeatureTable): FeatureSink {
  const state: HashState = { first: 0, second: 0 };
  const start = (prefix: string) => {
    state.first = FNV_OFFSET;
    state.second = SECOND_SEED;
    feed(state, prefix, 0, prefix.length);
  };
  return {
    gram: (prefix, text, from, to) => {
      start(prefix);
      feed(state, text, from, to);
      count(table, find(table, state.first, state.second), null);
    },
    pair: (prefix, first, second) => {
      start(prefix);
      feed(state, first, 0, first.length);
      feed(state, UNDERSCORE, 0, 1);
      feed(state, second, 0, second.length);
      count(table, find(table, state.first, state.second), null);
    },
    set: (name, value) => {
      const key = featureKey(name);
      if (value !== 0) count(table, find(table, key.first, key.second), value);
    },
  };
}

const SINKS = new WeakMap<FeatureTable, FeatureSink>();

/**
 * The known features of a contact and their counts (or fixed values), as parallel arrays in the order first met;
 * the table's scratch counts are cleared again before this returns.
 */
export function knownFeatureCounts(table: FeatureTable, subject: string, body: string): { indexes: Int32Array; counts: Float64Array } {
  let sink = SINKS.get(table);
  if (sink === undefined) {
    sink = hashedSink(table);
    SINKS.set(table, sink);
  }
  clearCounts(table);
  addIntakeFeatures(sink, subject, body);
  const indexes = table.touched.slice(0, table.touchedCount);
  const counts = new Float64Array(indexes.length);
  for (let position = 0; position < indexes.length; position += 1) counts[position] = table.counts[indexes[position]];
  clearCounts(table);
  return { indexes, counts };
}

/** Zero the counts the last contact touched (also after a contact that threw half-way). */
function clearCounts(table: FeatureTable): void {
  for (let position = 0; position < table.touchedCount; position += 1) table.counts[table.touched[position]] = 0;
  table.touchedCount = 0;
}
