/**
 * A buffer between a pusher and a puller: the hub's events for a subscription group's source (the group pulls
 * as fast as it executes), and the group's results for each member (graphql-ws pulls as fast as the member's
 * socket drains). Bounded: a client that stops reading cannot hold an instance's memory; when the buffer is full, the
 * queue hands out what it holds, then `overflowItem`, and ends; the client catches up from the event feed.
 */
export class BoundedEventQueue<T> implements AsyncIterableIterator<T> {
  private readonly buffered: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private ended = false;

  constructor(
    private readonly options: {
      capacity: number;
      /** Yielded last when the buffer overflows: an Error, which GraphQL reports as the field's error. */
      overflowItem: () => T;
      /** Runs once when the queue ends, however it ends (completed, overflowed, closed by the client). */
      onEnd: () => void;
    },
  ) {}

  push(item: T): void {
    if (this.ended) return;
    if (this.waiting) {
      this.handOut(item);
      return;
    }
    if (this.buffered.length >= this.options.capacity) {
      this.buffered.push(this.options.overflowItem());
      this.finish();
      return;
    }
    this.buffered.push(item);
  }

  /** No more items: what is buffered is still handed out, then the iteration completes. */
  end(): void {
    if (this.ended) return;
    this.finish();
    if (this.waiting && this.buffered.length === 0) {
      const waiting = this.waiting;
      this.waiting = null;
      waiting({ value: undefined, done: true });
    }
  }

  async next(): Promise<IteratorResult<T>> {
    const item = this.buffered.shift();
    if (item !== undefined) return { value: item, done: false };
    if (this.ended) return { value: undefined, done: true };
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  /** The consumer stopped (client unsubscribed or disconnected). */
  async return(): Promise<IteratorResult<T>> {
    this.buffered.length = 0;
    this.end();
    return { value: undefined, done: true };
  }

  async throw(error: unknown): Promise<IteratorResult<T>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  private handOut(item: T): void {
    const waiting = this.waiting!;
    this.waiting = null;
    waiting({ value: item, done: false });
  }

  private finish(): void {
    this.ended = true;
    this.options.onEnd();
  }
}
