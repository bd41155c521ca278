import { looksLikeApiKey } from './api-key';
import { InvalidTokenError, TokenVerifier } from './jwt';
import { Principal } from './principal';
import { UnauthenticatedError } from '../domain/errors';

/** What a caller presented: HTTP headers, or the same names in the WebSocket's `connectionParams`. */
export interface Credentials {
  /** `Bearer <JWT>` or `Bearer tk_…`. */
  authorization: string | undefined;
  /** An API key in the `x-api-key` header. */
  apiKey: string | undefined;
}

export interface ApiKeyVerifier {
  /** Null when the key is unknown, revoked or wrong. */
  verify(key: string): Promise<Principal | null>;
}

/**
 * Resolves the presented credentials to a principal. No credential, a malformed one, a forged or expired token, an
 * unknown or revoked API key, or two credentials at once: UNAUTHENTICATED, with the reason.
 */
export async function authenticate(credentials: Credentials, tokens: TokenVerifier, apiKeys: ApiKeyVerifier): Promise<Principal> {
  const authorization = credentials.authorization?.trim() || undefined;
  const apiKey = credentials.apiKey?.trim() || undefined;
  if (authorization && apiKey)
    throw new UnauthenticatedError('Send one credential: either the Authorization header or x-api-key, not both');
  if (apiKey) return verifyApiKey(apiKey, apiKeys);
  if (!authorization) throw new UnauthenticatedError();
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
  if (looksLikeApiKey(match[1])) return verifyApiKey(match[1], apiKeys);
  try {
    return await tokens.verify(match[1]);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw new UnauthenticatedError(error.message);
    throw error;
  }
}

async function verifyApiKey(key: string, apiKeys: ApiKeyVerifier): Promise<Principal> {
  const principal = await apiKeys.verify(key);
  if (principal === null) throw new UnauthenticatedError('The API key is unknown or has been revoked');
  return principal;
}
