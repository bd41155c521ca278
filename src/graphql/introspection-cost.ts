import { GraphQLSchema, isAbstractType, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';

/**
 * What an introspection list returns, on average, for each object around it in this schema: `__Schema.types` is
 * every type, `__Type.fields` the fields of all types over the number of types, `__Field.args` the arguments of
 * all fields over the number of fields, and so on. Along the paths the standard introspection query takes, the
 * product of these is the number of objects of its answer (types × fields per type = every field), so
 * introspection costs what it makes the server build (issue #14: it used to cost 1 point, or nothing).
 */
export function introspectionListSizes(schema: GraphQLSchema): ReadonlyMap<string, number> {
  const known = sizesOf.get(schema);
  if (known) return known;
  const types = Object.values(schema.getTypeMap());
  const withFields = types.filter((type) => isObjectType(type) || isInterfaceType(type));
  const fields = withFields.flatMap((type) => Object.values(type.getFields()));
  const directives = schema.getDirectives();
  const total = (counts: number[]) => counts.reduce((sum, count) => sum + count, 0);
  const perType = (count: number) => count / Math.max(1, types.length);
  const sizes = new Map<string, number>([
    ['__Schema.types', types.length],
    ['__Schema.directives', directives.length],
    ['__Type.fields', perType(fields.length)],
    ['__Type.inputFields', perType(total(types.filter(isInputObjectType).map((type) => Object.keys(type.getFields()).length)))],
    ['__Type.enumValues', perType(total(types.filter(isEnumType).map((type) => type.getValues().length)))],
    ['__Type.interfaces', perType(total(withFields.map((type) => type.getInterfaces().length)))],
    ['__Type.possibleTypes', perType(total(types.filter(isAbstractType).map((type) => schema.getPossibleTypes(type).length)))],
    ['__Field.args', total(fields.map((field) => field.args.length)) / Math.max(1, fields.length)],
    ['__Directive.args', total(directives.map((directive) => directive.args.length)) / Math.max(1, directives.length)],
  ]);
  sizesOf.set(schema, sizes);
  return sizes;
}

const sizesOf = new WeakMap<GraphQLSchema, ReadonlyMap<string, number>>();
