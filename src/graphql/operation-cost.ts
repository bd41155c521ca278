import {
  ArgumentNode,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  isInterfaceType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SchemaMetaFieldDef,
  SelectionSetNode,
  TypeMetaFieldDef,
  ValueNode,
} from 'graphql';
import { assertNever } from '../domain/enums';
import { DEFAULT_PAGE_SIZE, MAXIMUM_PAGE_SIZE } from '../rules/pagination.rule';
import { introspectionListSizes } from './introspection-cost';

// The cost of an operation in points of a caller's budget (docs/security.md "Throttling by cost"), computed from
// the document before anything runs:
//   cost(operation)   = max(1, Σ cost(field, 1) over its root fields)
//   cost(leaf, m)     = 0                                   (scalars and enums)
//   cost(count, m)    = m × MAXIMUM_PAGE_SIZE × objectPoints  (a page asking totalCount or totalCountIsLowerBound)
//   cost(field, m)    = m × objectPoints + cost(selection, m)             (a field that returns objects)
//   cost(page, m)     = m × objectPoints + cost(selection, m × pageSize)  (a field with `first` or `last`)
//   cost(mutation, 1) = mutationPoints + cost(selection, 1)               (each root field of a mutation)
//   cost(list, m)     = m × size × (objectPoints + cost(selection, 1))     (an introspection list: `types`, `fields`, …)
// An introspection list's size is what it returns on average in this schema (introspection-cost.ts), so
// `__schema { types { fields { name } } }` costs about the number of objects of its answer.
// pageSize is the literal or variable value of `first` (or `last`) clamped to 0..100, 20 when omitted. Every
// aliased field counts on its own. A named fragment is measured once: cost(selection, m) is m × cost(selection, 1),
// so a spread costs m times its fragment's remembered cost, and a document of fragments spreading fragments is
// measured in time linear in its size.

export interface CostWeights {
  /** Points per object a field may return (per object around it that asks for it). */
  objectPoints: number;
  /** Points per root field of a mutation, on top of what its payload selects. */
  mutationPoints: number;
}

/**
 * The fields of a connection that read its bounded count (src/resolvers/connection-count.resolver.ts). A count
 * reads up to TOTAL_COUNT_ROW_LIMIT index entries whatever the page: it is charged as a full page of objects,
 * once per page that asks for it, directly or through fragments (both fields read the one count).
 */
const COUNT_FIELDS: ReadonlySet<string> = new Set(['totalCount', 'totalCountIsLowerBound']);

/**
 * Whether a selection set asks for its connection's count, directly or through fragments (inline or named: a
 * fragment cannot hide a count from the charge). Each named fragment is looked into once, like its cost.
 */
function countAsker(
  schema: GraphQLSchema,
  fragments: Map<string, FragmentDefinitionNode>,
): (parentType: GraphQLNamedType, selectionSet: SelectionSetNode) => boolean {
  const perFragment = new Map<string, boolean>();
  const fragmentAsks = (name: string): boolean => {
    const known = perFragment.get(name);
    if (known !== undefined) return known;
    perFragment.set(name, false); // a cycle asks nothing where it meets itself; validation refuses it anyway
    const fragment = fragments.get(name);
    const type = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
    const result = fragment !== undefined && type !== undefined && type !== null && asks(type, fragment.selectionSet);
    perFragment.set(name, result);
    return result;
  };
  const asks = (parentType: GraphQLNamedType, selectionSet: SelectionSetNode): boolean =>
    selectionSet.selections.some((selection) => {
      switch (selection.kind) {
        case Kind.FIELD:
          return COUNT_FIELDS.has(selection.name.value) && fieldOf(schema, parentType, selection.name.value) !== undefined;
        case Kind.INLINE_FRAGMENT:
          return asks(parentType, selection.selectionSet);
        case Kind.FRAGMENT_SPREAD:
          return fragmentAsks(selection.name.value);
        default:
          return assertNever(selection);
      }
    });
  return asks;
}

/** What a page's count costs (`points`), when its selection asks for it: the page's own objects are charged apart. */
function countCharge(
  schema: GraphQLSchema,
  fragments: Map<string, FragmentDefinitionNode>,
  points: number,
): (field: GraphQLField<unknown, unknown>, selection: FieldNode) => number {
  const asksCount = countAsker(schema, fragments);
  return (field, selection) => (selection.selectionSet && asksCount(getNamedType(field.type), selection.selectionSet) ? points : 0);
}

/** The least an operation costs: a document of scalars only, or one that names no operation we can run. */
export const MINIMUM_OPERATION_COST = 1;

/** The operation a request runs: its name, or the only one of the document; null when that is ambiguous. */
export function selectOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | null {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName) return operations.find((operation) => operation.name?.value === operationName) ?? null;
  return operations.length === 1 ? operations[0] : null;
}

function clampPageSize(value: number): number {
  return Math.min(MAXIMUM_PAGE_SIZE, Math.max(0, Math.floor(value)));
}

/** Page size of a `first`/`last` argument: its literal, its variable's value (or default), 20 when omitted. */
function pageSizeOf(value: ValueNode | undefined, variables: Record<string, unknown>, variableDefaults: Map<string, ValueNode>): number {
  if (value === undefined) return DEFAULT_PAGE_SIZE;
  if (value.kind === Kind.INT) return clampPageSize(Number.parseInt(value.value, 10));
  if (value.kind !== Kind.VARIABLE) return DEFAULT_PAGE_SIZE;
  const given = variables[value.name.value];
  if (typeof given === 'number' && Number.isFinite(given)) return clampPageSize(given);
  const fallback = variableDefaults.get(value.name.value);
  return fallback?.kind === Kind.INT ? clampPageSize(Number.parseInt(fallback.value, 10)) : DEFAULT_PAGE_SIZE;
}

/** The field `name` of `parentType`, the introspection entry points `__schema` and `__type` of the query type included. */
function fieldOf(schema: GraphQLSchema, parentType: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (parentType === schema.getQueryType() && (name === SchemaMetaFieldDef.name || name === TypeMetaFieldDef.name))
    return name === SchemaMetaFieldDef.name ? SchemaMetaFieldDef : TypeMetaFieldDef;
  return isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[name] : undefined;
}

interface CostInputs {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  weights: CostWeights;
}

function fragmentsByName(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return fragments;
}

function variableDefaultsOf(operation: OperationDefinitionNode): Map<string, ValueNode> {
  const variableDefaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? [])
    if (definition.defaultValue) variableDefaults.set(definition.variable.name.value, definition.defaultValue);
  return variableDefaults;
}

/** The page size argument a field was given: `first`, else `last`. */
function pageArgumentOf(selection: FieldNode): ArgumentNode | undefined {
  return (
    selection.arguments?.find((argument) => argument.name.value === 'first') ??
    selection.arguments?.find((argument) => argument.name.value === 'last')
  );
}

/** Points the operation of `inputs` costs; MINIMUM_OPERATION_COST when no operation can be selected. */
export function operationCost(inputs: CostInputs): number {
  const operation = selectOperation(inputs.document, inputs.operationName);
  const rootType = operation ? inputs.schema.getRootType(operation.operation) : null;
  if (!operation || !rootType) return MINIMUM_OPERATION_COST;
  const fragments = fragmentsByName(inputs.document);
  const variableDefaults = variableDefaultsOf(operation);
  const variables = inputs.variables ?? {};
  const mutationType = inputs.schema.getMutationType();
  const { objectPoints, mutationPoints } = inputs.weights;
  const perFragment = new Map<string, number>();
  const introspectionSizes = introspectionListSizes(inputs.schema);
  const countCost = countCharge(inputs.schema, fragments, MAXIMUM_PAGE_SIZE * objectPoints);

  const fragmentCost = (name: string): number => {
    const known = perFragment.get(name);
    if (known !== undefined) return known;
    perFragment.set(name, 0); // a cycle counts 0 where it meets itself; validation refuses it anyway
    const fragment = fragments.get(name);
    const type = fragment ? inputs.schema.getType(fragment.typeCondition.name.value) : undefined;
    const cost = fragment && type ? selectionCost(type, fragment.selectionSet) : 0;
    perFragment.set(name, cost);
    return cost;
  };
  // The cost of a field that returns objects, for one object around it: a list of introspection, a page, or one.
  const objectsCost = (
    parentType: GraphQLNamedType,
    field: GraphQLField<unknown, unknown>,
    selection: FieldNode,
    inside: number,
  ): number => {
    const listSize = introspectionSizes.get(`${parentType.name}.${field.name}`);
    if (listSize !== undefined) return listSize * (objectPoints + inside);
    const isPage = field.args.some((argument) => argument.name === 'first' || argument.name === 'last');
    // A page multiplies its selection by its size; its count is read once per page.
    if (!isPage) return objectPoints + inside;
    return objectPoints + pageSizeOf(pageArgumentOf(selection)?.value, variables, variableDefaults) * inside + countCost(field, selection);
  };
  // The cost of a selection set for one object around it (m = 1); callers multiply.
  const selectionCost = (parentType: GraphQLNamedType, selectionSet: SelectionSetNode): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        cost += fragmentCost(selection.name.value);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? inputs.schema.getType(selection.typeCondition.name.value) : parentType;
        cost += type ? selectionCost(type, selection.selectionSet) : 0;
        continue;
      }
      const field = fieldOf(inputs.schema, parentType, selection.name.value);
      if (!field) continue;
      const inside = selection.selectionSet ? selectionCost(getNamedType(field.type), selection.selectionSet) : 0;
      if (parentType === mutationType) {
        cost += mutationPoints + inside;
        continue;
      }
      if (selection.selectionSet) cost += objectsCost(parentType, field, selection, inside);
    }
    return cost;
  };

  const cost = selectionCost(rootType, operation.selectionSet);
  return Math.max(MINIMUM_OPERATION_COST, Math.min(Number.MAX_SAFE_INTEGER, Math.ceil(cost)));
}
