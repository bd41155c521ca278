import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts webhook signing secrets at rest (AES-256-GCM), with a key derived from AUTH_SECRET by HKDF: a copy of
 * the database alone signs nothing. Rotating AUTH_SECRET makes the stored secrets unreadable; their endpoints'
 * deliveries then fail with "signing secret unreadable" until the endpoints are registered again.
 * Stored as: version (1 byte) | IV (12) | tag (16) | ciphertext.
 */
export class WebhookSecretBox {
  private readonly key: Buffer;

  constructor(authSecret: string) {
    this.key = Buffer.from(hkdfSync('sha256', authSecret, 'marketplace-ticketing', 'webhook-signing-secrets/v1', 32));
  }

  seal(secret: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([FORMAT_VERSION]), iv, cipher.getAuthTag(), ciphertext]);
  }

  /** Null when the box was sealed with another key (AUTH_SECRET changed) or is damaged. */
  open(sealed: Buffer): string | null {
    if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== FORMAT_VERSION) return null;
    const iv = sealed.subarray(1, 1 + IV_BYTES);
    const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}
