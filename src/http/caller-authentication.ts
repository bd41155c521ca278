import { ApiKeyVerifier, authenticate, Credentials } from '../auth/authenticate';
import { TokenVerifier } from '../auth/jwt';
import { Principal } from '../auth/principal';
import { UnauthenticatedError } from '../domain/errors';
import { RateLimitedError, RequestRateLimiter } from './rate-limit';

/** A credential header or connection parameter, if it is one string. */
export function credentialValue(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The credentials of a WebSocket's `connectionParams`: the same names as the HTTP headers. */
export function webSocketCredentials(parameters: Record<string, unknown>): Credentials {
  return { authorization: credentialValue(parameters.authorization), apiKey: credentialValue(parameters['x-api-key']) };
}

/** Who a caller is, and whether its rate allows another request: shared by HTTP and WebSocket. */
export interface CallerAuthentication {
  /** The principal, or the UNAUTHENTICATED error to answer with; other failures (database down) are thrown. */
  authenticateCaller(credentials: Credentials): Promise<Principal | UnauthenticatedError>;
  /** Counts one request of the caller (its principal, or its address when unauthenticated): null when allowed. */
  checkRate(authentication: Principal | UnauthenticatedError, address: string | undefined): RateLimitedError | null;
}

export function createCallerAuthentication(
  tokens: TokenVerifier,
  apiKeys: ApiKeyVerifier,
  rateLimiter: RequestRateLimiter,
): CallerAuthentication {
  return {
    authenticateCaller: async (credentials) => {
      try {
        return await authenticate(credentials, tokens, apiKeys);
      } catch (error) {
        if (error instanceof UnauthenticatedError) return error;
        throw error;
      }
    },
    checkRate: (authentication, address) =>
      rateLimiter.check(authentication instanceof UnauthenticatedError ? { address: address ?? 'unknown' } : { principal: authentication }),
  };
}
