import {
  __Schema,
  __Type,
  getNamedType,
  GraphQLError,
  GraphQLNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql';

// Introspection answers in memory, but its answer can be made as large as the schema to the power of the
// nesting: `__schema { types { fields { type { fields { type { fields … } } } } } }` lists every field of every
// type once per field of every type (about 10^9 objects at 12 levels, from a 100-character document that every
// other limit lets pass). The lists that grow it are a type's `fields`, `inputFields`, `enumValues`, `interfaces`
// and `possibleTypes`; the standard introspection query (GraphiQL's, getIntrospectionQuery) opens them once per
// type and reaches nested types only through `type` and `ofType` for their name and kind. So a list of a type's
// members opened inside another one is refused: an introspection answer is at most linear in the schema.

const TYPE_MEMBER_LISTS = new Set(['fields', 'inputFields', 'enumValues', 'interfaces', 'possibleTypes']);

function fieldTypeOf(parent: GraphQLNamedType | null | undefined, name: string): GraphQLNamedType | null {
  if (name === '__schema') return __Schema;
  if (name === '__type') return __Type;
  if (!parent || !(isObjectType(parent) || isInterfaceType(parent))) return null;
  const definition = parent.getFields()[name];
  return definition ? getNamedType(definition.type) : null;
}

export const introspectionNestingRule: ValidationRule = (context: ValidationContext) => {
  const schema = context.getSchema();
  /** Whether a named fragment opens a list of a type's members anywhere inside it; measured once. */
  const fragmentOpens = new Map<string, boolean>();
  const opensMemberList = (parent: GraphQLNamedType | null | undefined, selectionSet: SelectionSetNode): boolean => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!selection.selectionSet) continue;
        if (parent?.name === '__Type' && TYPE_MEMBER_LISTS.has(selection.name.value)) return true;
        if (opensMemberList(fieldTypeOf(parent, selection.name.value), selection.selectionSet)) return true;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (opensMemberList(selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent, selection.selectionSet))
          return true;
      } else {
        const name = selection.name.value;
        if (!fragmentOpens.has(name)) {
          fragmentOpens.set(name, false); // a cycle is refused by NoFragmentCycles anyway
          const fragment = context.getFragment(name);
          fragmentOpens.set(
            name,
            fragment ? opensMemberList(schema.getType(fragment.typeCondition.name.value), fragment.selectionSet) : false,
          );
        }
        if (fragmentOpens.get(name)) return true;
      }
    }
    return false;
  };
  return {
    Field(node) {
      if (context.getParentType()?.name !== '__Type' || !TYPE_MEMBER_LISTS.has(node.name.value) || !node.selectionSet) return;
      if (!opensMemberList(fieldTypeOf(context.getParentType(), node.name.value), node.selectionSet)) return;
      context.reportError(
        new GraphQLError(
          `Introspection nesting limit exceeded: "${node.name.value}" of a type opens another type's members inside it. List types' members once (as the standard introspection query does) and name nested types through "type" and "ofType".`,
          { nodes: node, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
        ),
      );
    },
  };
};
