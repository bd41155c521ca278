import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { SpanStatusCode } from '@opentelemetry/api';
import {
  DocumentNode,
  execute,
  ExecutionResult,
  getNamedType,
  GraphQLError,
  GraphQLInputObjectType,
  GraphQLSchema,
  isInputObjectType,
  isNonNullType,
  OperationDefinitionNode,
  printSchema,
  typeFromAST,
} from 'graphql';
import { compileQuery, CompiledQuery, isCompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import { serviceTracer } from '../observability/tracing';
import { GraphQLContext } from './context';
import { resolveOperation, variableErrors } from './operation-input';
import { SqlAnswers } from './sql-answers';

/** Distinct operations kept compiled per process; the least recently used beyond this are compiled again when they return. */
export const MAXIMUM_COMPILED_OPERATIONS = 1000;
/**
 * An operation is compiled the second time it is executed. Clients send the same few documents over and over;
 * compiling costs several executions' worth of CPU, so a document seen once (or a flood of distinct ones) is
 * executed by graphql-js and never compiled.
 */
const EXECUTIONS_BEFORE_COMPILING = 1;

type Compiled = CompiledQuery | 'not-compilable';

/**
 * Apollo Server's hook for a custom executor (the `gateway` option; no federation involved): Apollo still parses,
 * validates (with the query limits), runs its plugins and formats errors; only execution changes. Operations that
 * come back are compiled with graphql-jit into one JavaScript function each, which resolves the same resolvers as
 * graphql-js without re-walking the document and its types for every field of every request: about a sixth of
 * graphql-js's execution cost on the seller inbox (docs/benchmarks.md).
 */
export class CompiledExecution implements GatewayInterface {
  private readonly compiled = new LRUCache<string, Compiled>({ max: MAXIMUM_COMPILED_OPERATIONS });
  /** Executions of documents not compiled yet. */
  private readonly executions = new LRUCache<string, number>({ max: MAXIMUM_COMPILED_OPERATIONS });
  private compilations = 0;

  /** `sqlAnswers`: the documents PostgreSQL answers itself (src/graphql/sql-answers.ts); none without. */
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly sqlAnswers: SqlAnswers | null = null,
  ) {}

  async load(): Promise<{ executor: GatewayExecutor }> {
    return { executor: (requestContext) => this.execute(requestContext) };
  }

  onSchemaLoadOrUpdate(callback: (schemaContext: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void): () => void {
    callback({ apiSchema: this.schema, coreSupergraphSdl: printSchema(this.schema) });
    return () => undefined;
  }

  async stop(): Promise<void> {
    this.compiled.clear();
    this.executions.clear();
  }

  /** How many operations were compiled so far (tests, metrics). */
  compilationCount(): number {
    return this.compilations;
  }

  /** One span per operation (`query Inbox`), around its execution: the SQL it issues are its children. */
  private execute(requestContext: Parameters<GatewayExecutor>[0]): Promise<ExecutionResult> {
    const type = requestContext.operation?.operation ?? 'query';
    const name = requestContext.operationName ?? requestContext.request.operationName ?? null;
    const attributes = { 'graphql.operation.type': type, ...(name ? { 'graphql.operation.name': name } : {}) };
    return serviceTracer().startActiveSpan(name ? `${type} ${name}` : type, { attributes }, async (span) => {
      try {
        const result = await this.executeOperation(requestContext);
        if (result.errors?.length) span.setStatus({ code: SpanStatusCode.ERROR, message: result.errors[0].message });
        return result;
      } finally {
        span.end();
      }
    });
  }

  private async executeOperation(requestContext: Parameters<GatewayExecutor>[0]): Promise<ExecutionResult> {
    const { document, queryHash, context } = requestContext;
    const operationName = requestContext.request.operationName ?? null;
    const variables = requestContext.request.variables ?? {};
    // Apollo leaves both to the executor; answered here, they are the client's errors (operation-input.ts).
    const operation = requestContext.operation ?? resolveOperation(document, operationName);
    if (operation instanceof GraphQLError) return { errors: [operation] };
    const refused = variableErrors(this.schema, operation, variables);
    if (refused.length > 0) return { errors: refused };
    const key = `${queryHash}:${operationName ?? ''}`;
    const answered = this.sqlAnswers ? await this.sqlAnswers.answer(document, operation, key, context as GraphQLContext, variables) : null;
    if (answered) return answered;
    const compiled = this.compiledFor(key, () => (this.isCompilable(operation) ? this.compile(document, operationName) : null));
    if (compiled === null || compiled === 'not-compilable') {
      return execute({ schema: this.schema, document, operationName, variableValues: variables, contextValue: context });
    }
    const result = await compiled.query(undefined, context, variables);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  }

  /**
   * Queries only: their execution is what costs (hundreds of fields), while a mutation's time is its transaction,
   * and graphql-js stays the reference for everything that changes data. Nor a query whose variables reach an
   * input field that is non-null with a default: graphql-jit requires such a field instead of applying its default.
   */
  private isCompilable(operation: OperationDefinitionNode): boolean {
    if (operation.operation !== 'query') return false;
    return (operation.variableDefinitions ?? []).every((definition) => {
      const type = typeFromAST(this.schema, definition.type);
      return type === undefined || !reachesNonNullDefault(getNamedType(type), new Set());
    });
  }

  /**
   * Null when graphql-jit refuses the operation: it reports a few constructs graphql-js executes as errors, and
   * whatever it throws while compiling is its own limitation, never the request's fault (graphql-js runs it).
   */
  private compile(document: DocumentNode, operationName: string | null): CompiledQuery | null {
    try {
      const result = compileQuery(this.schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
      return isCompiledQuery(result) ? result : null;
    } catch {
      return null;
    }
  }

  /** The compiled operation, compiling it on its second execution; null while it is not yet worth compiling. */
  private compiledFor(key: string, compile: () => CompiledQuery | null): Compiled | null {
    const hit = this.compiled.get(key);
    if (hit !== undefined) return hit;
    const executions = this.executions.get(key) ?? 0;
    if (executions < EXECUTIONS_BEFORE_COMPILING) {
      this.executions.set(key, executions + 1);
      return null;
    }
    this.executions.delete(key);
    const entry: Compiled = compile() ?? 'not-compilable';
    if (entry !== 'not-compilable') this.compilations += 1;
    this.compiled.set(key, entry);
    return entry;
  }
}

function reachesNonNullDefault(type: unknown, visited: Set<GraphQLInputObjectType>): boolean {
  if (!isInputObjectType(type) || visited.has(type)) return false;
  visited.add(type);
  return Object.values(type.getFields()).some(
    (field) => (isNonNullType(field.type) && field.defaultValue !== undefined) || reachesNonNullDefault(getNamedType(field.type), visited),
  );
}

/**
 * graphql-jit reports errors with its own GraphQLError (graphql-js's prototype, but no `extensions` at all when the
 * thrown error had none), which Apollo's error normalisation cannot read: every error leaves as a graphql-js one,
 * with the path, locations and original error it had.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const normalized = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  // graphql-js derives locations from AST nodes, which graphql-jit does not keep; it keeps the locations themselves.
  return Object.assign(normalized, { locations: error.locations });
}
