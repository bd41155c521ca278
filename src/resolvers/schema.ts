import 'reflect-metadata';
import '../graphql/register-enums';
import { GraphQLSchema, isInterfaceType, isObjectType, lexicographicSortSchema, printSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, getMetadataStorage, PubSub } from 'type-graphql';
import { RESOLVERS } from '.';

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
  })
    .then(withRootTypeDescriptions)
    .then(withSynchronousTypeResolution)
    .then(withDirectPropertyReads);
  return schemaPromise;
}

/**
 * type-graphql gives every field that has no resolver method a resolver that runs the field's middlewares around
 * `root[property]`. This schema has no middlewares and no auth checker (buildSchema above), so those fields become
 * plain property reads, which graphql-jit compiles inline instead of calling through the wrapper for every field
 * of every record.
 */
function withDirectPropertyReads(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const resolvedByMethods = new Map<string, Set<unknown>>();
  for (const resolver of storage.fieldResolvers) {
    const classes = resolvedByMethods.get(resolver.methodName) ?? new Set<unknown>();
    classes.add(resolver.getObjectType?.());
    resolvedByMethods.set(resolver.methodName, classes);
  }
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const interfaceFields = storage.interfaceTypes
      .filter((candidate) => objectType.interfaceClasses?.includes(candidate.target))
      .flatMap((candidate) => candidate.fields ?? []);
    const fields = type.getFields();
    for (const field of [...interfaceFields, ...(objectType.fields ?? [])]) {
      const definition = fields[field.schemaName];
      if (!definition || resolvedByMethods.get(field.name)?.has(objectType.target)) continue;
      const property = field.name;
      definition.resolve = property === field.schemaName ? undefined : (root: Record<string, unknown>) => root[property];
    }
  }
  return schema;
}

/** type-graphql builds the root types without descriptions; clients read them first. */
function withRootTypeDescriptions(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  const subscription = schema.getSubscriptionType();
  if (query)
    query.description =
      'Reads. Every answer is scoped to the caller: what you may not see does not exist for you (null, or left out of lists). Lists are Relay connections of at most 100 items a page.';
  if (mutation)
    mutation.description =
      'Changes. Expected refusals come back as `userErrors { code field message }` in the payload, and then nothing was written; only unexpected failures are GraphQL errors.';
  if (subscription)
    subscription.description = 'Live events over WebSocket (graphql-ws protocol), scoped to the caller like the `events` feed.';
  return schema;
}

/**
 * type-graphql wraps every `resolveType` in an async function; graphql-jit (src/graphql/compiled-execution.ts)
 * resolves abstract types only synchronously. An interface's value is always an instance of its object type's
 * class, so the class tells the type's name at once.
 */
function withSynchronousTypeResolution(schema: GraphQLSchema): GraphQLSchema {
  const typeNameOfClass = new Map<unknown, string>(
    getMetadataStorage().objectTypes.map((objectType) => [objectType.target, objectType.name]),
  );
  for (const type of Object.values(schema.getTypeMap())) {
    if (isInterfaceType(type)) type.resolveType = (value: object) => typeNameOfClass.get(value.constructor);
  }
  return schema;
}

/** The schema as committed in schema.graphql (sorted, so that the file diffs cleanly). */
export async function printedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
