import 'reflect-metadata';
import './register-enums';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { RESOLVERS } from '../resolvers';

let schemaPromise: Promise<GraphQLSchema> | null = null;

/** Built once per process: type-graphql's metadata is global, so every server instance shares one schema. */
export function getSchema(): Promise<GraphQLSchema> {
  schemaPromise ??= buildSchema({
    resolvers: RESOLVERS,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
    emitSchemaFile: false,
  });
  return schemaPromise;
}

/** The schema as committed in schema.graphql (sorted, so that the file diffs cleanly). */
export async function printedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
