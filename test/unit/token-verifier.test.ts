import { SignJWT } from 'jose';
import { MAXIMUM_REMEMBERED_TOKENS, signPrincipalToken, TokenVerifier } from '../../src/auth/jwt';
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
    const noRole = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('1').setIssuer('marketplace-ticketing').setExpirationTime('1h').sign(new TextEncoder().encode(SECRET));
    await expect(verifier.verify(noRole)).rejects.toThrow('no valid role');
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
});
