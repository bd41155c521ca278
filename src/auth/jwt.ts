import { errors, JWTPayload, jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import { PrincipalRole } from '../domain/enums';
import { Principal, principalPartyId } from './principal';

// Claims: `sub` is the party id (customer, seller, carrier, agent or admin id), `role` one of PrincipalRole
// except INTEGRATION (integrations use API keys). HS256 only; `exp`, `iat` and `sub` (a string) are required,
// `iat` may not be in the future and `exp` may not lie further ahead than the maximum lifetime (issue #14, point 4).

const ALGORITHM = 'HS256';
const ISSUER = 'marketplace-ticketing';
const JWT_ROLES = [PrincipalRole.CUSTOMER, PrincipalRole.SELLER, PrincipalRole.CARRIER, PrincipalRole.AGENT, PrincipalRole.ADMIN] as const;
type JwtRole = (typeof JWT_ROLES)[number];

export class InvalidTokenError extends Error {}

/** Seconds a token may live at most (JWT_MAXIMUM_LIFETIME_SECONDS): `exp` − `iat` and `exp` − now both within it. */
export const DEFAULT_MAXIMUM_TOKEN_LIFETIME_SECONDS = 24 * 3600;
/** Seconds of clock difference between the signer and this server tolerated on `iat`. */
const ISSUED_AT_SKEW_SECONDS = 30;

function keyFrom(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function signPrincipalToken(principal: Principal, secret: string, expiresIn: string = '12h'): Promise<string> {
  if (principal.role === PrincipalRole.INTEGRATION) throw new Error('Integrations authenticate with API keys, not tokens');
  // The service's own work is no caller: no credential may carry it (JWT_ROLES refuses it on the way in, too).
  if (principal.role === PrincipalRole.SYSTEM) throw new Error('The SYSTEM principal has no token');
  const subject = principalPartyId(principal);
  return new SignJWT({ role: principal.role })
    .setProtectedHeader({ alg: ALGORITHM })
    .setSubject(subject)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(keyFrom(secret));
}

/** Tokens a TokenVerifier remembers; past this, the least recently used is forgotten. */
export const MAXIMUM_REMEMBERED_TOKENS = 10_000;

/**
 * Verifies bearer tokens for one server instance, remembering each verified token until it expires: an HS256
 * token that verified once verifies the same way until its `exp` (there is no revocation of JWTs; API keys are
 * the revocable credential), and a portal sends the same token with every request. Failures are never remembered.
 */
export class TokenVerifier {
  private readonly key: Uint8Array;
  private readonly verified = new LRUCache<string, { principal: Principal; expiresAtMs: number }>({ max: MAXIMUM_REMEMBERED_TOKENS });

  constructor(
    secret: string,
    private readonly now: () => number = Date.now,
    private readonly maximumLifetimeSeconds: number = DEFAULT_MAXIMUM_TOKEN_LIFETIME_SECONDS,
  ) {
    this.key = keyFrom(secret);
  }

  async verify(token: string): Promise<Principal> {
    return (await this.verifyWithExpiry(token)).principal;
  }

  /** The principal and when (ms since the epoch) the token expires: a WebSocket opened with it closes then. */
  async verifyWithExpiry(token: string): Promise<{ principal: Principal; expiresAtMs: number }> {
    const known = this.verified.get(token);
    if (known !== undefined) {
      if (this.now() < known.expiresAtMs) return known;
      this.verified.delete(token);
    }
    const verified = await verifyToken(token, this.key, new Date(this.now()), this.maximumLifetimeSeconds);
    this.verified.set(token, verified);
    return verified;
  }
}

async function verifyToken(
  token: string,
  key: Uint8Array,
  currentDate: Date,
  maximumLifetimeSeconds: number,
): Promise<{ principal: Principal; expiresAtMs: number }> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      requiredClaims: ['exp', 'iat', 'sub'],
      currentDate,
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new InvalidTokenError('The token has expired');
    throw new InvalidTokenError('The token is invalid');
  }
  const nowSeconds = currentDate.getTime() / 1000;
  const { exp, iat } = payload as { exp: number; iat: number };
  if (iat > nowSeconds + ISSUED_AT_SKEW_SECONDS) throw new InvalidTokenError('The token is issued in the future (iat)');
  if (exp - iat > maximumLifetimeSeconds || exp - nowSeconds > maximumLifetimeSeconds) {
    throw new InvalidTokenError(`The token lives longer than ${maximumLifetimeSeconds} s (exp)`);
  }
  if (typeof payload.sub !== 'string') throw new InvalidTokenError('The token names no valid party id');
  const role = payload.role;
  const subject = payload.sub ?? '';
  if (!JWT_ROLES.includes(role as JwtRole)) throw new InvalidTokenError('The token names no valid role');
  if (!/^[1-9][0-9]{0,18}$/.test(subject)) throw new InvalidTokenError('The token names no valid party id');
  // Shared by every request that presents the token: never modified.
  return { principal: Object.freeze(principalOf(role as JwtRole, subject)), expiresAtMs: payload.exp! * 1000 };
}

function principalOf(role: JwtRole, subject: string): Principal {
  switch (role) {
    case PrincipalRole.CUSTOMER:
      return { role: PrincipalRole.CUSTOMER, customerId: subject };
    case PrincipalRole.SELLER:
      return { role: PrincipalRole.SELLER, sellerId: subject };
    case PrincipalRole.CARRIER:
      return { role: PrincipalRole.CARRIER, carrierId: subject };
    case PrincipalRole.AGENT:
      return { role: PrincipalRole.AGENT, agentId: subject };
    case PrincipalRole.ADMIN:
      return { role: PrincipalRole.ADMIN, adminId: subject };
  }
}
