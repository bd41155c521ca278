import { NextFunction, Request, Response } from 'express';
import { DocumentNode, GraphQLSchema, Kind, OperationDefinitionNode, parse } from 'graphql';
import { Principal } from '../auth/principal';
import { UnauthenticatedError } from '../domain/errors';
import { CostWeights, MINIMUM_OPERATION_COST, operationCost } from '../graphql/operation-cost';
import { WorkCharge } from '../domain/work-charge';
import { GraphQLRequestParts, graphqlRequestParts } from './graphql-request-parts';
import { LoggedOperation } from './request-logging.middleware';
import { retryAfterSecondsOf, WorkBudget, workBudgetHeaders, WorkCaller, workRefusal } from './work-budget';

function parsedOrNull(source: unknown, maxTokens: number): DocumentNode | null {
  if (typeof source !== 'string') return null;
  try {
    return parse(source, { maxTokens });
  } catch {
    return null; // Apollo answers the parse error; refusing it costs the minimum
  }
}

export interface WorkChargeOptions {
  schema: GraphQLSchema;
  budget: WorkBudget;
  weights: CostWeights;
  maxTokens: number;
}

/** The cost of a request's operation from its parts; the minimum for one that names none we could run. */
export function requestCost(
  options: WorkChargeOptions,
  parts: GraphQLRequestParts,
  document: DocumentNode | null = parsedOrNull(parts.source, options.maxTokens),
): number {
  if (document === null) return MINIMUM_OPERATION_COST;
  const variables =
    parts.variables !== null && typeof parts.variables === 'object' && !Array.isArray(parts.variables)
      ? (parts.variables as Record<string, unknown>)
      : null;
  const operationName = typeof parts.operationName === 'string' ? parts.operationName : null;
  return operationCost({ schema: options.schema, document, operationName, variables, weights: options.weights });
}

/** The operation the request log names: the one `operationName` picks, else the document's only one. */
function loggedOperationOf(document: DocumentNode | null, operationName: unknown): LoggedOperation | null {
  const operations = (document?.definitions ?? []).filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation =
    typeof operationName === 'string'
      ? operations.find((candidate) => candidate.name?.value === operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
  return operation ? { name: operation.name?.value ?? null, type: operation.operation } : null;
}

/**
 * Charges every GraphQL request over HTTP against its caller's budget in PostgreSQL (one statement), after the
 * document passed the query limits and before Apollo runs anything: the budget headers go on the answer,
 * `response.locals.workCharge` tells the `rateLimit` field, and a request over the budget is answered 429
 * RATE_LIMITED with Retry-After (400 COST_LIMIT_EXCEEDED when it costs more than a whole window's budget).
 * `response.locals.authentication` is the caller as the first /graphql middleware authenticated it.
 */
export function chargeWork(options: WorkChargeOptions) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    const authentication = response.locals.authentication as Principal | UnauthenticatedError;
    const caller: WorkCaller =
      authentication instanceof UnauthenticatedError ? { address: request.ip ?? 'unknown' } : { principal: authentication };
    const parts = graphqlRequestParts(request);
    const document = parsedOrNull(parts.source, options.maxTokens);
    response.locals.graphqlOperation = loggedOperationOf(document, parts.operationName);
    const charge: WorkCharge = await options.budget.charge(caller, requestCost(options, parts, document));
    response.set(workBudgetHeaders(charge));
    if (charge.allowed) {
      response.locals.workCharge = charge;
      next();
      return;
    }
    const refusal = workRefusal(charge);
    if (refusal.extensions.code === 'RATE_LIMITED') response.status(429).setHeader('retry-after', String(retryAfterSecondsOf(charge)));
    else response.status(400);
    response.json({ errors: [{ message: refusal.message, extensions: refusal.extensions }] });
  };
}
