import { PrincipalRole } from '../domain/enums';
import { Principal } from './principal';

/** Close codes a client can act on: 4401 sign in again (token expired), 4403 the credential is gone. */
export const TOKEN_EXPIRED_CLOSE_CODE = 4401;
export const CREDENTIAL_REVOKED_CLOSE_CODE = 4403;

/** What the registry needs of a socket: ws's WebSocket has it. */
export interface ClosableSocket {
  close(code: number, reason: string): void;
  once(event: 'close', listener: () => void): unknown;
}

/** setTimeout's largest delay (ms); a later expiry is re-armed (tokens live ≤ JWT_MAXIMUM_LIFETIME_SECONDS anyway). */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * The live WebSockets of one instance by the credential that authenticated them (issue #14, point 4): a socket
 * opened with a JWT closes when the token expires; one opened with an API key closes when the key is revoked on
 * any instance (the revocation's NOTIFY reaches every instance's event listener, which calls revokeApiKey).
 */
export class LiveCredentials {
  private readonly socketsByApiKey = new Map<string, Set<ClosableSocket>>();
  private readonly tracked = new WeakSet<ClosableSocket>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Called for every authenticated operation on the socket; only the first registers it. */
  track(socket: ClosableSocket, principal: Principal, tokenExpiresAtMs: number | null): void {
    if (this.tracked.has(socket)) return;
    this.tracked.add(socket);
    if (principal.role === PrincipalRole.INTEGRATION) {
      const sockets = this.socketsByApiKey.get(principal.apiKeyId) ?? new Set();
      sockets.add(socket);
      this.socketsByApiKey.set(principal.apiKeyId, sockets);
      socket.once('close', () => {
        sockets.delete(socket);
        if (sockets.size === 0 && this.socketsByApiKey.get(principal.apiKeyId) === sockets) this.socketsByApiKey.delete(principal.apiKeyId);
      });
    }
    if (tokenExpiresAtMs !== null) this.closeAt(socket, tokenExpiresAtMs);
  }

  revokeApiKey(apiKeyId: string): number {
    const sockets = this.socketsByApiKey.get(apiKeyId);
    if (!sockets) return 0;
    this.socketsByApiKey.delete(apiKeyId);
    for (const socket of sockets) socket.close(CREDENTIAL_REVOKED_CLOSE_CODE, 'API key revoked');
    return sockets.size;
  }

  private closeAt(socket: ClosableSocket, expiresAtMs: number): void {
    const delay = Math.max(0, expiresAtMs - this.now());
    const timer = setTimeout(
      () => {
        if (delay > LONGEST_TIMER_MS) this.closeAt(socket, expiresAtMs);
        else socket.close(TOKEN_EXPIRED_CLOSE_CODE, 'Token expired');
      },
      Math.min(delay, LONGEST_TIMER_MS),
    );
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  }
}
