import { InvalidTokenError, verifyPrincipalToken } from './jwt';
import { Principal } from './principal';
import { UnauthenticatedError } from '../graphql/errors';

/**
 * Resolves the `Authorization` header (HTTP) or `connectionParams.authorization` (WebSocket) to a principal.
 * No header, a malformed one, a forged or an expired token: UNAUTHENTICATED, with the reason.
 */
export async function authenticate(authorization: string | undefined, secret: string): Promise<Principal> {
  if (!authorization) throw new UnauthenticatedError();
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
  try {
    return await verifyPrincipalToken(match[1], secret);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw new UnauthenticatedError(error.message);
    throw error;
  }
}
