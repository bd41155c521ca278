import { WorkCharge } from '../domain/work-charge';
import { RequestContext } from './request-context';

/** What the current operation was charged against its caller's budget of work. */
export class RateLimitStatusService {
  /** Null for work that was not charged (background jobs, scripts); every HTTP and WebSocket operation is. */
  describe(ctx: RequestContext): WorkCharge | null {
    return ctx.workCharge ?? null;
  }
}
