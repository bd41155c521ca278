import { SignJWT } from 'jose';
import { MAXIMUM_REMEMBERED_TOKENS, signPrincipalToken, TokenVerifier } from '../../src/auth/jwt';
import { systemPrincipal } from '../../src/auth/principal';
import { PrincipalRole } from '../../src/domain/enums';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const seller = { role: PrincipalRole.SELLER, sellerId: '42' } as const;

describe('TokenVerifier', () => {
  it('accepts a valid token, and again from memory while it has not expired', async () => {
    let now = Date.now();
    const verifier = new TokenVerifier(SECRET, () => now);
    const token = await signPrincipalToken(seller, SECRET, '1h');
    expect(await verifier.verify(token)).toEqual(seller);
    now += 30 * 60_000;
    expect(await verifier.verify(token)).toEqual(seller);
  });

  it('refuses a remembered token once it has expired', async () => {
    let now = Date.now();
    const verifier = new TokenVerifier(SECRET, () => now);
    const token = await signPrincipalToken(seller, SECRET, '1h');
    await verifier.verify(token);
    now += 61 * 60_000;
    await expect(verifier.verify(token)).rejects.toThrow('The token has expired');
  });

  it('never remembers a failure: a forged token is refused every time, and does not displace valid ones', async () => {
    const verifier = new TokenVerifier(SECRET);
    const forged = await signPrincipalToken(seller, 'another-secret-of-at-least-thirty-two-chars', '1h');
    for (let attempt = 0; attempt < 3; attempt += 1) await expect(verifier.verify(forged)).rejects.toThrow('The token is invalid');
    const noRole = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('1')
      .setIssuer('marketplace-ticketing')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    await expect(verifier.verify(noRole)).rejects.toThrow('no valid role');
  });

  it("never carries the SYSTEM principal (the service's own work): no token is signed for it, and a forged one is refused", async () => {
    await expect(signPrincipalToken(systemPrincipal('close-solved-tickets'), SECRET, '1h')).rejects.toThrow(
      'The SYSTEM principal has no token',
    );
    const verifier = new TokenVerifier(SECRET);
    const system = await new SignJWT({ role: PrincipalRole.SYSTEM })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('close-solved-tickets')
      .setIssuer('marketplace-ticketing')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    await expect(verifier.verify(system)).rejects.toThrow('no valid role');
  });

  it('shares one frozen principal per remembered token, and forgets the oldest beyond its bound', async () => {
    const verifier = new TokenVerifier(SECRET);
    const token = await signPrincipalToken(seller, SECRET, '1h');
    const first = await verifier.verify(token);
    expect(Object.isFrozen(first)).toBe(true);
    expect(await verifier.verify(token)).toBe(first);
    for (let index = 1; index <= MAXIMUM_REMEMBERED_TOKENS; index += 1) {
      await verifier.verify(await signPrincipalToken({ role: PrincipalRole.CUSTOMER, customerId: String(index) }, SECRET, '1h'));
    }
    const again = await verifier.verify(token);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });

  it('keeps a token in use past the bound: the least recently used is forgotten, not the oldest', async () => {
    const verifier = new TokenVerifier(SECRET);
    const token = await signPrincipalToken(seller, SECRET, '1h');
    const first = await verifier.verify(token);
    for (let index = 1; index <= MAXIMUM_REMEMBERED_TOKENS + 10; index += 1) {
      if (index % 1000 === 0) expect(await verifier.verify(token)).toBe(first);
      await verifier.verify(await signPrincipalToken({ role: PrincipalRole.CUSTOMER, customerId: String(index) }, SECRET, '1h'));
    }
    expect(await verifier.verify(token)).toBe(first);
  });
});

describe('TokenVerifier claims (issue #14, point 4)', () => {
  const key = new TextEncoder().encode(SECRET);
  const nowSeconds = Math.floor(Date.now() / 1000);
  const tokenWith = (claims: Record<string, unknown>) =>
    new SignJWT({ role: 'SELLER', iss: 'marketplace-ticketing', sub: '42', iat: nowSeconds, exp: nowSeconds + 3600, ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(key);

  it.each([
    ['exp in 9999', { exp: Date.parse('9999-12-31T00:00:00Z') / 1000 }, /lives longer than 86400 s/],
    ['exp 25 h ahead', { exp: nowSeconds + 25 * 3600 }, /lives longer/],
    ['exp − iat over 24 h (iat long ago, exp ahead)', { iat: nowSeconds - 20 * 3600, exp: nowSeconds + 5 * 3600 }, /lives longer/],
    ['iat an hour in the future', { iat: nowSeconds + 3600 }, /issued in the future/],
    ['no iat', { iat: undefined }, /invalid/],
    ['no exp', { exp: undefined }, /invalid/],
    ['sub a number', { sub: 42 }, /invalid|party id/],
    ['sub missing', { sub: undefined }, /invalid/],
    ['sub not an id', { sub: '42 OR 1=1' }, /party id/],
    ['exp past', { iat: nowSeconds - 7200, exp: nowSeconds - 3600 }, /expired/],
  ])('refuses a token with %s', async (_label, claims, reason) => {
    await expect(new TokenVerifier(SECRET).verify(await tokenWith(claims))).rejects.toThrow(reason);
  });

  it('accepts a 24 h token and honours a configured shorter maximum', async () => {
    const token = await tokenWith({ exp: nowSeconds + 24 * 3600 });
    expect(await new TokenVerifier(SECRET).verify(token)).toEqual(seller);
    await expect(new TokenVerifier(SECRET, Date.now, 3600).verify(token)).rejects.toThrow(/lives longer than 3600 s/);
    expect((await new TokenVerifier(SECRET).verifyWithExpiry(token)).expiresAtMs).toBe((nowSeconds + 24 * 3600) * 1000);
  });
});
