import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// An API key is `tk_<prefix>_<secret>`: a 12-character lowercase prefix (an index lookup, safe to show and log)
// and a 256-bit base64url secret. Only the SHA-256 digest of the secret is stored; the secret has enough entropy
// that a slow password hash would add nothing but latency.

export const API_KEY_PREFIX_CHARACTERS = 12;
const SECRET_BYTES = 32;
const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const API_KEY_PATTERN = /^tk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export interface ParsedApiKey {
  prefix: string;
  secret: string;
}

export interface GeneratedApiKey {
  /** The whole key, shown to its creator once and never stored. */
  key: string;
  prefix: string;
  secretSha256: Buffer;
}

export function looksLikeApiKey(credential: string): boolean {
  return credential.startsWith('tk_');
}

/** Null for anything that is not shaped like a key this API issues. */
export function parseApiKey(key: string): ParsedApiKey | null {
  const match = API_KEY_PATTERN.exec(key);
  return match ? { prefix: match[1], secret: match[2] } : null;
}

export function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Constant time in the content of both digests, so a guess learns nothing from how long the comparison took. */
export function secretMatches(secret: string, storedSecretSha256: Buffer): boolean {
  const presented = sha256(secret);
  return storedSecretSha256.length === presented.length && timingSafeEqual(presented, storedSecretSha256);
}

export function generateApiKey(): GeneratedApiKey {
  // Random bytes mapped onto 36 characters: the modulo bias (256 mod 36 = 4) does not matter for a lookup prefix.
  const prefix = Array.from(randomBytes(API_KEY_PREFIX_CHARACTERS), (byte) => PREFIX_ALPHABET[byte % PREFIX_ALPHABET.length]).join('');
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return { key: `tk_${prefix}_${secret}`, prefix, secretSha256: sha256(secret) };
}
