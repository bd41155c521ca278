// The node limit: objects an operation may return at most, counted from the page sizes of its connections before
// anything runs (GRAPHQL_LIMITS.maxNodes; applied by armor.ts).

import {
  getNamedType,
  GraphQLError,
  GraphQLNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
  ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAXIMUM_PAGE_SIZE } from '../rules/pagination.rule';
import { GRAPHQL_LIMITS } from './graphql-limits';

/** Page size a connection field may return at worst: its literal `first`, 100 for a variable, 20 when omitted. */
function worstCasePageSize(argumentValue: ValueNode | undefined): number {
  if (argumentValue === undefined) return DEFAULT_PAGE_SIZE;
  if (argumentValue.kind === Kind.INT) return Math.max(0, Number.parseInt(argumentValue.value, 10));
  return MAXIMUM_PAGE_SIZE;
}

/**
 * Objects one selection set may return per object around it, each named fragment measured once. The count is
 * linear in the page sizes around a selection (every term is a product with them), so a fragment's count for
 * one enclosing object is the count for any: a fragment spread a dozen times, each spreading the previous a
 * dozen times, costs one walk of each fragment instead of 12^levels walks (issue #14's fragment bomb).
 */
function createObjectCounter(
  context: ValidationContext,
): (parentType: GraphQLNamedType | null | undefined, selectionSet: SelectionSetNode) => number {
  const schema = context.getSchema();
  const perFragment = new Map<string, number>();
  const fragmentObjects = (name: string): number => {
    const known = perFragment.get(name);
    if (known !== undefined) return known;
    // A cycle meets its own fragment while measuring it and counts 0 there; NoFragmentCycles refuses it anyway.
    perFragment.set(name, 0);
    const fragment = context.getFragment(name);
    const objects = fragment ? countObjects(schema.getType(fragment.typeCondition.name.value), fragment.selectionSet) : 0;
    perFragment.set(name, objects);
    return objects;
  };
  const countObjects = (parentType: GraphQLNamedType | null | undefined, selectionSet: SelectionSetNode): number => {
    if (!parentType) return 0;
    let objects = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const fields = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields() : {};
        const definition = fields[selection.name.value];
        if (!definition || !selection.selectionSet) continue;
        const inside = countObjects(getNamedType(definition.type), selection.selectionSet);
        if (!definition.args.some((argument) => argument.name === 'first')) {
          objects += inside;
          continue;
        }
        const pageSize = worstCasePageSize(selection.arguments?.find((argument) => argument.name.value === 'first')?.value);
        objects += pageSize + pageSize * inside;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        objects += countObjects(
          selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType,
          selection.selectionSet,
        );
      } else {
        objects += fragmentObjects(selection.name.value);
      }
    }
    return objects;
  };
  return countObjects;
}

/** Refuses operations that could return more than GRAPHQL_LIMITS.maxNodes objects (GitHub's node limit, in small). */
export const maxNodesRule: ValidationRule = (context: ValidationContext) => {
  const countObjects = createObjectCounter(context);
  return {
    OperationDefinition(operation: OperationDefinitionNode) {
      const objects = countObjects(context.getSchema().getRootType(operation.operation), operation.selectionSet);
      if (objects > GRAPHQL_LIMITS.maxNodes) {
        const shown = Number.isFinite(objects) && objects < 1e15 ? String(objects) : 'more than 10^15';
        context.reportError(
          new GraphQLError(
            `Query may return up to ${shown} objects; at most ${GRAPHQL_LIMITS.maxNodes} are served (each page counts at its \`first\`, a variable as ${MAXIMUM_PAGE_SIZE}, omitted as ${DEFAULT_PAGE_SIZE}). Ask for smaller or fewer nested pages.`,
            { nodes: operation, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
          ),
        );
      }
    },
  };
};
