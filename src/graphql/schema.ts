import 'reflect-metadata';
import './register-enums';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, PubSub } from 'type-graphql';
import { RESOLVERS } from '../resolvers';

/**
 * type-graphql builds subscription fields only with a PubSub. `ticketEvents` brings its own stream (`subscribe`:
 * the instance's fan-out, scoped in its service), and the schema is shared by every server instance of a
 * process, so no process-wide PubSub may carry events: this one carries none.
 */
const UNUSED_PUB_SUB: PubSub = {
  publish: () => {
    throw new Error('Subscriptions stream from their services; nothing publishes through the schema');
  },
  subscribe: () => {
    throw new Error('Subscriptions stream from their services; nothing subscribes through the schema');
  },
};

let schemaPromise: Promise<GraphQLSchema> | null = null;

/** Built once per process: type-graphql's metadata is global, so every server instance shares one schema. */
export function getSchema(): Promise<GraphQLSchema> {
  schemaPromise ??= buildSchema({
    resolvers: RESOLVERS,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    pubSub: UNUSED_PUB_SUB,
    validate: false,
    emitSchemaFile: false,
  });
  return schemaPromise;
}

/** The schema as committed in schema.graphql (sorted, so that the file diffs cleanly). */
export async function printedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
