import { generateApiKey, looksLikeApiKey, parseApiKey, secretMatches, sha256 } from '../../src/auth/api-key';
import { globalIdKeyOrNull, toGlobalId } from '../../src/domain/global-id';

describe('API key format', () => {
  it('generates keys that parse back to their prefix and a secret matching the stored digest', () => {
    const generated = generateApiKey();
    const parsed = parseApiKey(generated.key);
    expect(parsed).toEqual({ prefix: generated.prefix, secret: expect.any(String) });
    expect(secretMatches(parsed!.secret, generated.secretSha256)).toBe(true);
    const tampered = `${parsed!.secret.startsWith('A') ? 'B' : 'A'}${parsed!.secret.slice(1)}`;
    expect(secretMatches(tampered, generated.secretSha256)).toBe(false);
    expect(generated.secretSha256).toEqual(sha256(parsed!.secret));
  });

  it('never repeats a prefix or a secret in practice', () => {
    const keys = Array.from({ length: 200 }, () => generateApiKey());
    expect(new Set(keys.map((key) => key.prefix)).size).toBe(200);
    expect(new Set(keys.map((key) => key.key)).size).toBe(200);
  });

  it.each([
    ['', false],
    ['tk_', false],
    ['tk_ABCDEFGHIJKL_' + 'a'.repeat(43), false],
    ['tk_abcdefghijkl_' + 'a'.repeat(42), false],
    ['tk_abcdefghijkl_' + 'a'.repeat(44), false],
    ['tk_abcdefghijkl_' + 'a'.repeat(42) + '!', false],
    ['tk_abcdefghijkl_' + '_-'.repeat(21) + 'a', true],
  ])('parses %p as a key: %p', (key, valid) => {
    expect(parseApiKey(key) !== null).toBe(valid);
  });

  it('tells API keys from JWTs by their tk_ start', () => {
    expect(looksLikeApiKey('tk_abc')).toBe(true);
    expect(looksLikeApiKey('eyJhbGciOiJIUzI1NiJ9.e30.x')).toBe(false);
  });

  it('rejects a digest of another length without comparing', () => {
    expect(secretMatches('secret', Buffer.alloc(16))).toBe(false);
  });

  it('round-trips API key ids and refuses anything else', () => {
    const apiKeyId = (id: string) => globalIdKeyOrNull(id, 'ApiKey');
    expect(apiKeyId(toGlobalId('ApiKey', '42'))).toBe('42');
    expect(apiKeyId(Buffer.from('Ticket:42').toString('base64url'))).toBeNull();
    expect(apiKeyId(Buffer.from('ApiKey:0').toString('base64url'))).toBeNull();
    expect(apiKeyId(Buffer.from('ApiKey:9223372036854775808').toString('base64url'))).toBeNull();
    expect(apiKeyId('not an id!')).toBeNull();
  });
});
