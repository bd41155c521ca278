/**
 * What one principal may hold open on one instance over WebSockets (issue #14: one credential must not open
 * unbounded sockets or subscriptions). Counted per instance, in its memory: N instances let a principal hold N
 * times these (the work it may start is the budget in PostgreSQL, which every instance shares). A socket over
 * the cap is closed at its `connection_init`; an operation over the cap is refused with an error and not run.
 */
export interface SocketLimits {
  /** Open sockets of one principal on one instance. */
  socketsPerPrincipal: number;
  /** Live operations (subscriptions, and queries and mutations while they run) of one principal on one instance. */
  operationsPerPrincipal: number;
  /**
   * Sockets of one remote address not yet authenticated (each lives at most CONNECTION_AUTHENTICATION_TIMEOUT_MS):
   * the TCP peer's address, a proxy's behind a proxy (docs/security.md).
   */
  unauthenticatedSocketsPerAddress: number;
}

/** A socket's live operations as graphql-ws keeps them (its context's `subscriptions`): id → running operation. */
export interface SocketOperations {
  readonly subscriptions: Record<string, unknown>;
}

export class SocketQuota {
  private readonly socketsOf = new Map<string, Set<SocketOperations>>();
  private readonly unauthenticatedOf = new Map<string, number>();

  constructor(readonly limits: SocketLimits) {}

  /** Counts a socket of `principal`; false (nothing counted) when the principal holds the most sockets already. */
  admitSocket(principal: string, socket: SocketOperations): boolean {
    const sockets = this.socketsOf.get(principal) ?? new Set<SocketOperations>();
    if (sockets.size >= this.limits.socketsPerPrincipal) return false;
    sockets.add(socket);
    this.socketsOf.set(principal, sockets);
    return true;
  }

  /** A closed socket no longer counts. */
  forget(principal: string, socket: SocketOperations): void {
    const sockets = this.socketsOf.get(principal);
    if (!sockets?.delete(socket)) return;
    if (sockets.size === 0) this.socketsOf.delete(principal);
  }

  /**
   * Whether the principal's live operations on all its sockets here, the one being admitted included (graphql-ws
   * lists an operation before it asks whether to run it), stay within the cap. Linear in its sockets (capped).
   */
  admitsOperations(principal: string): boolean {
    let operations = 0;
    for (const socket of this.socketsOf.get(principal) ?? []) operations += Object.keys(socket.subscriptions).length;
    return operations <= this.limits.operationsPerPrincipal;
  }

  /**
   * Counts a socket just opened from `address`, until `release` (at its authentication or its close, whichever
   * comes first; a second call does nothing); null (nothing counted) when the address holds the most already.
   */
  admitUnauthenticated(address: string): { release: () => void } | null {
    const count = this.unauthenticatedOf.get(address) ?? 0;
    if (count >= this.limits.unauthenticatedSocketsPerAddress) return null;
    this.unauthenticatedOf.set(address, count + 1);
    let counted = true;
    return {
      release: () => {
        if (!counted) return;
        counted = false;
        const left = (this.unauthenticatedOf.get(address) ?? 1) - 1;
        if (left <= 0) this.unauthenticatedOf.delete(address);
        else this.unauthenticatedOf.set(address, left);
      },
    };
  }
}
