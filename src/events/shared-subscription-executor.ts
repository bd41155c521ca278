import { createSourceEventStream, execute, ExecutionArgs, ExecutionResult, getOperationAST, GraphQLError } from 'graphql';
import { Logger } from 'pino';
import { FanOutCounters, SubscriptionGroup, SubscriptionGroupSnapshot } from './subscription-group';
import { subscriptionGroupKeyOf } from './subscription-group-key';

/** What the metrics read. */
export interface SubscriptionStatistics {
  /** Open subscriptions (members of every group). */
  subscriberCount(): number;
  groupCount(): number;
  executionCount(): number;
  deliveryCount(): number;
}

export interface SharedSubscriptionExecutorOptions<TContext> {
  /** The visibility identity of a subscription's context (src/auth/visibility-identity.ts). */
  visibilityIdentityOf: (context: TContext) => string;
  /**
   * The context one execution runs with, from the context of the group's first member: fresh per-request state
   * (loaders) each time, so that nested fields are read as they stand when the event is delivered.
   */
  contextForExecution: (context: TContext) => TContext;
  /** Results a member may have waiting before it is cut off. */
  memberCapacity: number;
  /** The root value of the result that cuts a member off (an Error: the root field reports it). */
  overflowRootValue: () => unknown;
  log: Logger;
}

/**
 * graphql-ws's `subscribe` for this instance: instead of one source stream and one execution per subscription
 * and event, subscriptions whose results are necessarily identical join one SubscriptionGroup, which reads the
 * source once and executes each event once for all of them. graphql-ws still iterates one member per
 * subscription, so every subscription keeps its own id, `next`, `complete` and `error` messages.
 *
 * Invariant: members of a group differ at most in what the group key leaves out (who exactly they are within
 * their visibility identity, their request id), so running the group with its first member's context gives
 * each member exactly what its own execution would have given.
 */
export class SharedSubscriptionExecutor<TContext> implements SubscriptionStatistics {
  private readonly groups = new Map<string, SubscriptionGroup>();
  /** Groups whose source stream is being created: concurrent subscribers of one key wait for the same one. */
  private readonly forming = new Map<string, Promise<SubscriptionGroup | ExecutionResult>>();
  private readonly counters: FanOutCounters = { executions: 0, deliveries: 0 };

  constructor(private readonly options: SharedSubscriptionExecutorOptions<TContext>) {}

  /**
   * The members' iterator, or the result that refuses the subscription (what graphql-js `subscribe` returns).
   * Never throws: graphql-ws would close the whole socket.
   */
  async subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    try {
      const key = subscriptionGroupKeyOf({
        document: args.document,
        operationName: args.operationName,
        variableValues: args.variableValues,
        visibilityIdentity: this.options.visibilityIdentityOf(args.contextValue as TContext),
      });
      for (;;) {
        const existing = this.groups.get(key);
        if (existing) return existing.addMember();
        let forming = this.forming.get(key);
        if (!forming) {
          forming = this.formGroup(key, args);
          this.forming.set(key, forming);
        }
        let formed: SubscriptionGroup | ExecutionResult;
        try {
          formed = await forming;
        } finally {
          if (this.forming.get(key) === forming) this.forming.delete(key);
        }
        if (!(formed instanceof SubscriptionGroup)) return formed;
        // A group that closed before this subscriber resumed is gone from `groups`: the next turn forms a new one.
        if (!formed.isClosed()) return formed.addMember();
      }
    } catch (error) {
      this.options.log.error({ err: error }, 'subscription could not start');
      return {
        errors: [
          new GraphQLError('Subscription could not start', { originalError: error instanceof Error ? error : new Error(String(error)) }),
        ],
      };
    }
  }

  subscriberCount(): number {
    let count = 0;
    for (const group of this.groups.values()) count += group.memberCount();
    return count;
  }

  groupCount(): number {
    return this.groups.size;
  }

  executionCount(): number {
    return this.counters.executions;
  }

  deliveryCount(): number {
    return this.counters.deliveries;
  }

  /** The open groups, for tests and operators. */
  snapshots(): SubscriptionGroupSnapshot[] {
    return [...this.groups.values()].map((group) => group.snapshot());
  }

  private async formGroup(key: string, args: ExecutionArgs): Promise<SubscriptionGroup | ExecutionResult> {
    const context = args.contextValue as TContext;
    const stream = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in stream)) return stream;
    const group = new SubscriptionGroup({
      description: {
        visibilityIdentity: this.options.visibilityIdentityOf(context),
        operationName: getOperationAST(args.document, args.operationName)?.name?.value ?? null,
      },
      source: stream[Symbol.asyncIterator](),
      execute: (rootValue) => execute({ ...args, rootValue, contextValue: this.options.contextForExecution(context) }),
      overflowRootValue: this.options.overflowRootValue,
      memberCapacity: this.options.memberCapacity,
      counters: this.counters,
      onClosed: () => {
        if (this.groups.get(key) === group) this.groups.delete(key);
      },
      log: this.options.log,
    });
    this.groups.set(key, group);
    group.start();
    return group;
  }
}
