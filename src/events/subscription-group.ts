import { ExecutionResult, GraphQLError } from 'graphql';
import { Logger } from 'pino';
import { SubscriptionGroupMember } from './subscription-group-member';

/** Totals over every group of one instance (the metrics read them). */
export interface FanOutCounters {
  /** Executions of a group's document, one per source event (and per overflow result). */
  executions: number;
  /** Results handed to members. */
  deliveries: number;
}

/**
 * Members handed their results per turn of the event loop. Each delivery costs a serialisation and a socket
 * write (30–100 µs together on this VM), so one event for 1,000 members in one go would hold every other request
 * of the instance, including the mutations whose events these are, for up to 100 ms; between slices, I/O runs.
 */
const MEMBERS_PER_TURN = 100;

/** Source events executed before their results go out together; bounds the wait of the first of them. */
const MAXIMUM_EVENTS_PER_DELIVERY = 50;

const NOTHING_WAITING = Symbol('nothing waiting');

export interface SubscriptionGroupOptions {
  /** Who the group serves, for inspection and logs: the members' visibility identity and operation name. */
  description: { visibilityIdentity: string; operationName: string | null };
  /** The group's source event stream: graphql-js `createSourceEventStream` of the first member's arguments. */
  source: AsyncIterator<unknown>;
  /** Executes the group's document with one source event as its root value (with a fresh context each time). */
  execute: (rootValue: unknown) => Promise<ExecutionResult> | ExecutionResult;
  /** What a member that falls behind receives last: the root value of its overflow result. */
  overflowRootValue: () => unknown;
  memberCapacity: number;
  counters: FanOutCounters;
  /** Runs once when the group closes, so that later subscribers form a new group. */
  onClosed: () => void;
  log: Logger;
}

export interface SubscriptionGroupSnapshot {
  visibilityIdentity: string;
  operationName: string | null;
  members: number;
  executions: number;
}

/**
 * The subscriptions of one instance whose results are necessarily identical (same document, operation name,
 * variables and visibility identity: subscription-group-key.ts). Each source event is executed once, in order,
 * and the one result is handed to every member; each member buffers and drains on its own. Members share no
 * state but that result, so a member that leaves or falls behind does not disturb the others, and a failed
 * execution becomes this group's error result alone.
 */
export class SubscriptionGroup {
  private readonly members = new Set<SubscriptionGroupMember>();
  private executions = 0;
  private closed = false;

  constructor(private readonly options: SubscriptionGroupOptions) {}

  /** Starts reading the source; results go to whoever is a member when each one is ready. */
  start(): void {
    this.pump().catch((error: unknown) =>
      this.options.log.error({ err: error, group: this.options.description }, 'subscription group failed'),
    );
  }

  isClosed(): boolean {
    return this.closed;
  }

  memberCount(): number {
    return this.members.size;
  }

  snapshot(): SubscriptionGroupSnapshot {
    return { ...this.options.description, members: this.members.size, executions: this.executions };
  }

  /** A new member: it receives the results of events executed from now on. */
  addMember(): SubscriptionGroupMember {
    const member: SubscriptionGroupMember = new SubscriptionGroupMember({
      capacity: this.options.memberCapacity,
      overflowResult: () => this.executeSafely(this.options.overflowRootValue()),
      onEnd: () => this.removeMember(member),
    });
    this.members.add(member);
    return member;
  }

  private removeMember(member: SubscriptionGroupMember): void {
    this.members.delete(member);
    if (this.members.size === 0) this.close();
  }

  /** The last member left: stop reading (the source unregisters from the hub). */
  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.options.onClosed();
    Promise.resolve()
      .then(() => this.options.source.return?.())
      .catch((error: unknown) =>
        this.options.log.warn({ err: error, group: this.options.description }, 'subscription source did not close'),
      );
  }

  private async pump(): Promise<void> {
    try {
      let next = this.options.source.next();
      for (;;) {
        const first = await next;
        if (first.done || this.closed) return;
        const results = [await this.executeSafely(first.value)];
        // Events already waiting (one commit often has several) go out with the first: a member's results of
        // one delivery are written to its socket together (WebSocketWriter), one write instead of several.
        // Invariant: `next` is always a pull whose event is not taken yet.
        next = this.options.source.next();
        while (results.length < MAXIMUM_EVENTS_PER_DELIVERY) {
          const waiting = await Promise.race([next, afterThisTurn()]);
          if (waiting === NOTHING_WAITING || waiting.done || this.closed) break;
          results.push(await this.executeSafely(waiting.value));
          next = this.options.source.next();
        }
        await this.deliver(results);
      }
    } catch (error) {
      this.options.log.error({ err: error, group: this.options.description }, 'subscription group stopped reading its source');
    } finally {
      this.finish();
    }
  }

  /** To the members of the moment, in slices; a member that joins meanwhile starts with the next delivery. */
  private async deliver(results: ExecutionResult[]): Promise<void> {
    let deliveredThisTurn = 0;
    for (const member of [...this.members]) {
      if (deliveredThisTurn === MEMBERS_PER_TURN) {
        await new Promise((resolve) => setImmediate(resolve));
        deliveredThisTurn = 0;
      }
      // A member may have left during a pause.
      if (!this.members.has(member)) continue;
      for (const result of results) member.deliver(result);
      deliveredThisTurn += 1;
      this.options.counters.deliveries += results.length;
    }
  }

  /** The source ended (instance stopping, or the group's own buffer overflowed): members complete after their buffers. */
  private finish(): void {
    if (!this.closed) {
      this.closed = true;
      this.options.onClosed();
    }
    for (const member of [...this.members]) member.end();
  }

  /** Never rejects: a failure is this group's error result, formatted like any other unexpected error. */
  private async executeSafely(rootValue: unknown): Promise<ExecutionResult> {
    this.executions += 1;
    this.options.counters.executions += 1;
    try {
      return await this.options.execute(rootValue);
    } catch (error) {
      this.options.log.error({ err: error, group: this.options.description }, 'subscription execution failed');
      return {
        errors: [
          new GraphQLError('Subscription execution failed', { originalError: error instanceof Error ? error : new Error(String(error)) }),
        ],
      };
    }
  }
}

/** Settles after the current turn of the event loop: what is not ready by then is not waiting. */
function afterThisTurn(): Promise<typeof NOTHING_WAITING> {
  return new Promise((resolve) => setImmediate(() => resolve(NOTHING_WAITING)));
}
