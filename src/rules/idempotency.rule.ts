import { createHash } from 'node:crypto';

// Idempotency keys (issue #14, point 7, as Stripe does): a key reused with another input is refused
// (IDEMPOTENCY_KEY_REUSED), a true retry returns the first result. "Another input" is any difference in the
// whole input as sent, the key itself aside: a digest of its canonical form is stored with what the key made and
// compared on every reuse. Pure: the digest depends on the operation and the input only.

/** The canonical form of a value: object keys sorted, absent and null fields left out, arrays in their order. */
export function canonicalInput(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((element) => canonicalInput(element));
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object' || value === null) return value;
  const canonical: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined && field !== null) canonical[key] = canonicalInput(field);
  }
  return canonical;
}

/** The field of an input that carries the key: left out of the digest, a retry sends it again by definition. */
const KEY_FIELD = 'idempotencyKey';

/** sha256 (hex) of the operation's name and its input's canonical JSON, the key aside. */
export function idempotentInputDigest(operation: string, input: object): string {
  const { [KEY_FIELD]: _key, ...rest } = input as Record<string, unknown>;
  return createHash('sha256')
    .update(JSON.stringify([operation, canonicalInput(rest)]))
    .digest('hex');
}
