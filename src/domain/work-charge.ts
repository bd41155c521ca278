/** What one request was charged against its caller's budget of work (docs/security.md "Throttling by cost"). */
export interface WorkCharge {
  /** Points this request costs. */
  cost: number;
  /** Points the caller may spend per window. */
  limit: number;
  /** Points left in the current window after this request (0 when refused). */
  remaining: number;
  /** When the current window ends and the budget is whole again. */
  resetAt: Date;
  /** False: the request was refused (429 RATE_LIMITED) and runs nothing. */
  allowed: boolean;
}
