import { DocumentNode, getOperationAST, GraphQLError, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';

// Which operation of a document runs, and whether its variables fit their declared types: both are the
// client's to get right, so both are answered as client errors (400, with Apollo's codes) before execution,
// over HTTP and over the WebSocket alike. graphql-js reports them without a code, and graphql-jit drops the
// nodes Apollo looks at to tell them apart; left to the executors they reached clients as INTERNAL_SERVER_ERROR.

/** At most this many variable errors are reported for one request. */
const MAXIMUM_VARIABLE_ERRORS = 20;

const BAD_REQUEST_HTTP = { status: 400 };

/** The operation to run, or OPERATION_RESOLUTION_FAILURE naming what was asked for. */
export function resolveOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | GraphQLError {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (operation) return operation;
  const named = document.definitions.filter((definition) => definition.kind === 'OperationDefinition').length;
  const message = operationName
    ? `operationName: the document has no operation named "${operationName.slice(0, 100)}"`
    : named > 1
      ? 'operationName: the document has several operations; say which one to run'
      : 'The document has no operation to run';
  return new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: BAD_REQUEST_HTTP } });
}

/**
 * The errors of coercing `variables` to the operation's declared types (wrong type, missing, unknown enum value,
 * out of range), as BAD_USER_INPUT naming the variable; empty when they fit.
 */
export function variableErrors(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | null | undefined,
): GraphQLError[] {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: MAXIMUM_VARIABLE_ERRORS });
  if (!coerced.errors) return [];
  return coerced.errors.map(
    (error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'BAD_USER_INPUT', http: BAD_REQUEST_HTTP } }),
  );
}
