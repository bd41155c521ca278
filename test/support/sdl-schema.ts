import { buildSchema, GraphQLFieldResolver, GraphQLSchema, isObjectType } from 'graphql';

/** A schema from SDL with resolvers attached per type and field (graphql-tools' job, without the dependency). */
export function makeExecutableSchemaLike(
  sdl: string,
  resolvers: Record<string, Record<string, GraphQLFieldResolver<unknown, unknown>>>,
): GraphQLSchema {
  const schema = buildSchema(sdl);
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`${typeName} is not an object type of the schema`);
    for (const [fieldName, resolve] of Object.entries(fields)) type.getFields()[fieldName].resolve = resolve;
  }
  return schema;
}
