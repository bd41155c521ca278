// Deterministic pseudo-randomness inside SQL: every draw is a seeded hash of (row key, salt), so a row's values do
// not depend on scan order, parallelism or what was generated before it. Same seed and scale: same data.

/** 2^53 − 1: the hash is masked to 53 bits so that the float8 division is exact. */
const MASK_53_BITS = '9007199254740991';
const TWO_TO_53 = '9007199254740992';

/**
 * SQL expression for a uniform draw in [0, 1) from a bigint `key` expression. `salt` tells independent draws of
 * one row apart (different salts: independent values).
 */
export function sqlRandom(seed: number, key: string, salt: number): string {
  return `((hashint8extended((${key})::bigint, ${seed * 1000 + salt}) & ${MASK_53_BITS})::float8 / ${TWO_TO_53})`;
}

/** SQL expression for an integer in [0, n) drawn from `key`. */
export function sqlRandomInt(seed: number, key: string, salt: number, n: string | number): string {
  return `floor(${sqlRandom(seed, key, salt)} * (${n}))::bigint`;
}

/**
 * SQL CASE that picks a value by weight from a draw `draw` in [0, 1) (an expression computed once, e.g. a
 * LATERAL column). Weights need not sum to 1: they are normalised here.
 */
export function sqlWeightedPick(draw: string, weighted: ReadonlyArray<readonly [value: string, weight: number]>): string {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let cumulative = 0;
  const branches = weighted.slice(0, -1).map(([value, weight]) => {
    cumulative += weight / total;
    return `WHEN ${draw} < ${cumulative.toFixed(6)} THEN ${sqlLiteral(value)}`;
  });
  return `(CASE ${branches.join(' ')} ELSE ${sqlLiteral(weighted[weighted.length - 1][0])} END)`;
}

/** A text literal (values are the generator's own constants, quoted for safety all the same). */
export function sqlLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** SQL text[] literal of constants, to index with a draw: `(ARRAY[...])[1 + n]`. */
export function sqlTextArray(values: readonly string[]): string {
  return `ARRAY[${values.map(sqlLiteral).join(', ')}]::text[]`;
}

/** A seeded PRNG for the JavaScript side (request mixes): mulberry32, 32-bit state, period 2^32. */
export function createPrng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
