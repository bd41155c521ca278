import {
  FieldNode,
  getArgumentValues,
  getNamedType,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLResolveInfo,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
  SelectionSetNode,
} from 'graphql';
import { assertNever } from '../domain/enums';

/** One field asked for, with its arguments (null when they could not be read) and what is asked of its value. */
export interface FieldSelection {
  name: string;
  args: Record<string, unknown> | null;
  selection: Selection | null;
}

/** The fields asked of one value, in document order, fragments merged in (aliases give a field several entries). */
export interface Selection {
  fields: FieldSelection[];
}

/**
 * What the query asks of the value a field returns, read before anything is resolved, so that one statement can
 * fetch everything the answer will need. `path` leads from the field to the values of interest (`['edges',
 * 'node']` for a connection's nodes). Fragments are followed whatever their type condition and @skip/@include are
 * not evaluated: the result may ask for more than will be resolved, never for less.
 */
export function selectionOf(info: GraphQLResolveInfo, path: readonly string[] = []): Selection | null {
  let selection = read(info, info.fieldNodes, info.returnType);
  for (const name of path) {
    if (selection === null) return null;
    selection = merged(fieldsNamed(selection, name).map((field) => field.selection));
  }
  return selection;
}

/** The entries of a field (one per alias). */
export function fieldsNamed(selection: Selection, name: string): FieldSelection[] {
  return selection.fields.filter((field) => field.name === name);
}

/** Every field name asked, once. */
export function fieldNamesOf(selection: Selection | null): Set<string> {
  return new Set(selection?.fields.map((field) => field.name) ?? []);
}

/** What all entries of a field ask of its value together (the union over aliases). */
export function selectionOfField(selection: Selection, name: string): Selection | null {
  return merged(fieldsNamed(selection, name).map((field) => field.selection));
}

function merged(selections: Array<Selection | null>): Selection | null {
  const present = selections.filter((selection): selection is Selection => selection !== null);
  return present.length === 0 ? null : { fields: present.flatMap((selection) => selection.fields) };
}

function read(info: GraphQLResolveInfo, nodes: readonly FieldNode[], returnType: unknown): Selection | null {
  const type = getNamedType(returnType as Parameters<typeof getNamedType>[0]);
  if (!isCompositeType(type)) return null;
  const fields: FieldSelection[] = [];
  for (const node of nodes) if (node.selectionSet) collect(info, node.selectionSet, type, fields, new Set());
  return { fields };
}

function collect(
  info: GraphQLResolveInfo,
  selectionSet: SelectionSetNode,
  parentType: GraphQLCompositeType,
  into: FieldSelection[],
  visitedFragments: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    switch (selection.kind) {
      case Kind.FIELD: {
        const definition = fieldDefinition(parentType, selection.name.value);
        into.push({
          name: selection.name.value,
          args: definition ? argumentsOf(definition, selection, info) : null,
          selection: definition ? read(info, [selection], definition.type) : null,
        });
        break;
      }
      case Kind.INLINE_FRAGMENT:
        collect(
          info,
          selection.selectionSet,
          conditionType(info, selection.typeCondition?.name.value) ?? parentType,
          into,
          visitedFragments,
        );
        break;
      case Kind.FRAGMENT_SPREAD: {
        const fragment = info.fragments[selection.name.value];
        if (fragment && !visitedFragments.has(fragment.name.value)) {
          collect(
            info,
            fragment.selectionSet,
            conditionType(info, fragment.typeCondition.name.value) ?? parentType,
            into,
            new Set([...visitedFragments, fragment.name.value]),
          );
        }
        break;
      }
      default:
        assertNever(selection);
    }
  }
}

function conditionType(info: GraphQLResolveInfo, name: string | undefined): GraphQLCompositeType | null {
  if (name === undefined) return null;
  const type = info.schema.getType(name);
  return type && isCompositeType(type) ? type : null;
}

function fieldDefinition(type: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | null {
  return isObjectType(type) || isInterfaceType(type) ? (type.getFields()[name] ?? null) : null;
}

function argumentsOf(
  definition: GraphQLField<unknown, unknown>,
  node: FieldNode,
  info: GraphQLResolveInfo,
): Record<string, unknown> | null {
  try {
    return getArgumentValues(definition, node, info.variableValues);
  } catch {
    // Invalid arguments: the field's own resolution reports them to the client.
    return null;
  }
}
