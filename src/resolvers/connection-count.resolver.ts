import { ClassType, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { CountedConnection } from '../domain/connection';
import { MessageConnection, TicketConnection } from '../graphql/connections';
import { TOTAL_COUNT_BOUND } from '../rules/pagination.rule';

const COUNT_BOUND_TEXT = TOTAL_COUNT_BOUND.toLocaleString('en-US');

/**
 * `totalCount` and `totalCountIsLowerBound` of a connection whose list is counted within a bound. As field
 * resolvers they run only when selected, and both read the page's one count (CountedConnection.countItems).
 */
function countedConnectionResolver(connectionType: ClassType, itemsName: string) {
  @Resolver(() => connectionType)
  class CountedConnectionResolver {
    @FieldResolver(() => Int, {
      description: `How many ${itemsName} the list holds over all its pages: the same filter and scope as the page (only those you may see); first, after, last, before and the order do not change it. Exact up to ${COUNT_BOUND_TEXT}; beyond that ${COUNT_BOUND_TEXT} with totalCountIsLowerBound true. Counting stops there, so asking costs one bounded read (one more SQL statement).`,
    })
    async totalCount(@Root() connection: CountedConnection<unknown>): Promise<number> {
      return (await connection.countItems()).count;
    }

    @FieldResolver(() => Boolean, {
      description: `True when the list holds more than ${COUNT_BOUND_TEXT} ${itemsName}: totalCount is then ${COUNT_BOUND_TEXT}, a lower bound. False when totalCount is exact.`,
    })
    async totalCountIsLowerBound(@Root() connection: CountedConnection<unknown>): Promise<boolean> {
      return (await connection.countItems()).isLowerBound;
    }
  }
  return CountedConnectionResolver;
}

export const TicketConnectionCountResolver = countedConnectionResolver(TicketConnection, 'tickets');
export const MessageConnectionCountResolver = countedConnectionResolver(MessageConnection, 'messages');
