import { ExecutionResult } from 'graphql';
import { BoundedEventQueue } from './bounded-event-queue';

/** Where a member's buffer overflowed; replaced by the overflow result when the member reaches it. */
const OVERFLOWED = Symbol('overflowed');

export interface SubscriptionGroupMemberOptions {
  /** Results the member may have waiting before it is cut off. */
  capacity: number;
  /** The result that ends an overflowed member (SUBSCRIBER_TOO_SLOW), executed when the member reaches it. */
  overflowResult: () => Promise<ExecutionResult>;
  /** Runs once when the member ends, however it ends (group closed, overflowed, client gone). */
  onEnd: () => void;
}

/**
 * One graphql-ws subscription of a SubscriptionGroup, and what graphql-ws iterates for it: its own bounded buffer
 * of the group's results, drained as fast as its own socket takes them (graphql-ws asks for the next result once
 * the previous one is written). A member that falls `capacity` results behind gets what it holds, then the
 * overflow result, and ends; the group and the other members never wait for it.
 */
export class SubscriptionGroupMember implements AsyncIterableIterator<ExecutionResult> {
  private readonly queue: BoundedEventQueue<ExecutionResult | typeof OVERFLOWED>;

  constructor(private readonly options: SubscriptionGroupMemberOptions) {
    this.queue = new BoundedEventQueue<ExecutionResult | typeof OVERFLOWED>({
      capacity: options.capacity,
      overflowItem: () => OVERFLOWED,
      onEnd: options.onEnd,
    });
  }

  /** One result of the group, shared with the other members: never modified. */
  deliver(result: ExecutionResult): void {
    this.queue.push(result);
  }

  /** The group ended: what is buffered is still handed out, then the subscription completes. */
  end(): void {
    this.queue.end();
  }

  async next(): Promise<IteratorResult<ExecutionResult>> {
    const item = await this.queue.next();
    if (item.done) return { value: undefined, done: true };
    if (item.value === OVERFLOWED) return { value: await this.options.overflowResult(), done: false };
    return { value: item.value, done: false };
  }

  /** The client completed the subscription or disconnected. */
  async return(): Promise<IteratorResult<ExecutionResult>> {
    await this.queue.return();
    return { value: undefined, done: true };
  }

  async throw(error: unknown): Promise<IteratorResult<ExecutionResult>> {
    await this.queue.return();
    throw error;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ExecutionResult> {
    return this;
  }
}
