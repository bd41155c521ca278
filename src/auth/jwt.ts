import { errors, jwtVerify, SignJWT } from 'jose';
import { PrincipalRole } from '../domain/enums';
import { Principal, principalPartyId } from './principal';

// Claims: `sub` is the party id (customer, seller, carrier, agent or admin id), `role` one of PrincipalRole
// except INTEGRATION (integrations use API keys). HS256 only; `exp` is required.

const ALGORITHM = 'HS256';
const ISSUER = 'marketplace-ticketing';
const JWT_ROLES = [PrincipalRole.CUSTOMER, PrincipalRole.SELLER, PrincipalRole.CARRIER, PrincipalRole.AGENT, PrincipalRole.ADMIN] as const;
type JwtRole = (typeof JWT_ROLES)[number];

export class InvalidTokenError extends Error {}

function keyFrom(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function signPrincipalToken(principal: Principal, secret: string, expiresIn: string = '12h'): Promise<string> {
  if (principal.role === PrincipalRole.INTEGRATION) throw new Error('Integrations authenticate with API keys, not tokens');
  const subject = principalPartyId(principal);
  return new SignJWT({ role: principal.role })
    .setProtectedHeader({ alg: ALGORITHM })
    .setSubject(subject)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(keyFrom(secret));
}


export async function verifyPrincipalToken(token: string, secret: string): Promise<Principal> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, keyFrom(secret), { algorithms: [ALGORITHM], issuer: ISSUER, requiredClaims: ['exp', 'sub'] }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new InvalidTokenError('The token has expired');
    throw new InvalidTokenError('The token is invalid');
  }
  const role = payload.role;
  const subject = payload.sub ?? '';
  if (!JWT_ROLES.includes(role as JwtRole)) throw new InvalidTokenError('The token names no valid role');
  if (!/^[1-9][0-9]{0,18}$/.test(subject)) throw new InvalidTokenError('The token names no valid party id');
  switch (role as JwtRole) {
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
