import { FieldNode, getArgumentValues, GraphQLObjectType, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';
import { assertNever } from '../domain/enums';
import type { MessageOrder } from '../loaders';
import { NO_TICKET_RELATIONS, TicketInclusion } from '../loaders/ticket-relations';
import { PageRequest, pageRequest } from '../services/pagination';

/**
 * Which relations of the tickets a field returns the query asks for, read off the query before any of them is
 * resolved, so that the tickets' statement can fetch them too (src/loaders/ticket-relations.ts). `path` leads from
 * the field to its tickets: `[]` for `ticket(id)`, `['edges', 'node']` for a connection. Fragments are followed;
 * @skip/@include are not evaluated (a relation fetched and then not asked for costs a little, never a wrong answer),
 * and of a relation asked for twice with different arguments the first is fetched (the other loads as usual).
 */
export function ticketInclusionOf(info: GraphQLResolveInfo, path: readonly string[]): TicketInclusion {
  const ticketType = info.schema.getType('Ticket') as GraphQLObjectType;
  let selections = info.fieldNodes.map((node) => node.selectionSet).filter((set): set is SelectionSetNode => set !== undefined);
  for (const name of path) selections = fieldsNamed(info, selections, name).map((node) => node.selectionSet).filter((set): set is SelectionSetNode => set !== undefined);
  if (selections.length === 0) return NO_TICKET_RELATIONS;
  const fields = ticketType.getFields();
  const asked = (name: string) => fieldsNamed(info, selections, name);
  const argumentsOf = (node: FieldNode, name: string): Record<string, unknown> | null => {
    try {
      return getArgumentValues(fields[name], node, info.variableValues);
    } catch {
      // Invalid arguments: the field's own resolution reports them.
      return null;
    }
  };
  const [messages] = asked('messages');
  const [events] = asked('events');
  return {
    customer: asked('customer').length > 0,
    order: asked('order').length > 0,
    seller: asked('seller').length > 0,
    carrier: asked('carrier').length > 0,
    shipment: asked('shipment').length > 0,
    sla: asked('sla').length > 0,
    messages: messages ? firstPageOf(argumentsOf(messages, 'messages'), (args) => ({ order: (args.order ?? 'OLDEST_FIRST') as MessageOrder })) : null,
    events: events ? firstPageOf(argumentsOf(events, 'events'), () => ({})) : null,
  };
}

/** The page a relation field asks for, when it is a first page with valid arguments (anything else loads as usual). */
function firstPageOf<Extra extends object>(args: Record<string, unknown> | null, extra: (args: Record<string, unknown>) => Extra): ({ page: PageRequest } & Extra) | null {
  if (args === null || (args.after !== undefined && args.after !== null)) return null;
  try {
    return { page: pageRequest(args.first as number | null | undefined, null), ...extra(args) };
  } catch {
    // An invalid page size: the field's own resolver refuses it with the error the client should see.
    return null;
  }
}

/** Field nodes called `name` in the selection sets, through inline fragments and fragment spreads. */
function fieldsNamed(info: GraphQLResolveInfo, selectionSets: readonly SelectionSetNode[], name: string): FieldNode[] {
  const found: FieldNode[] = [];
  const visit = (selectionSet: SelectionSetNode, visitedFragments: Set<string>) => {
    for (const selection of selectionSet.selections) {
      switch (selection.kind) {
        case Kind.FIELD:
          if (selection.name.value === name) found.push(selection);
          break;
        case Kind.INLINE_FRAGMENT:
          visit(selection.selectionSet, visitedFragments);
          break;
        case Kind.FRAGMENT_SPREAD: {
          const fragment = info.fragments[selection.name.value];
          if (fragment && !visitedFragments.has(fragment.name.value)) visit(fragment.selectionSet, new Set([...visitedFragments, fragment.name.value]));
          break;
        }
        default:
          assertNever(selection);
      }
    }
  };
  for (const selectionSet of selectionSets) visit(selectionSet, new Set());
  return found;
}
