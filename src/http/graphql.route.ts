import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLSchema } from 'graphql';
import { Principal } from '../auth/principal';
import { AppConfig } from '../config';
import { runWithStatementTally, StatementTally } from '../db/statement-counter';
import { WriteGate } from '../db/write-gate';
import { WorkCharge } from '../domain/work-charge';
import { GraphQLArmor } from '../graphql/armor';
import { GRAPHQL_LIMITS } from '../graphql/graphql-limits';
import { UnauthenticatedError } from '../domain/errors';
import { CallerAuthentication, credentialValue } from './caller-authentication';
import { RateLimitedError } from './rate-limit';
import {
  refuseDocumentsOverLimits,
  refuseLineBreaksInSingleLineVariables,
  refuseOversizedVariables,
  refuseUnacceptableVariableText,
  requireUtf8Body,
} from './request-body.middleware';
import { ContextBuilder, TalliedContext } from './request-context';
import { requestIdOf } from './request-logging.middleware';
import { WorkBudget } from './work-budget';
import { chargeWork } from './work-charge.middleware';

/** Bytes; a GraphQL request larger than this is refused before parsing. */
export const MAXIMUM_REQUEST_BYTES = 1_000_000;

export interface GraphQLRouteParts {
  schema: GraphQLSchema;
  config: AppConfig;
  armor: GraphQLArmor;
  callers: CallerAuthentication;
  workBudget: WorkBudget;
  apollo: ApolloServer<TalliedContext>;
  buildContext: ContextBuilder;
  writeGate: WriteGate;
}

/** The handlers of `/graphql` over HTTP, cheapest refusal first: rate, size, variables, limits, work, then Apollo. */
export function graphqlRoute({
  schema,
  config,
  armor,
  callers,
  workBudget,
  apollo,
  buildContext,
  writeGate,
}: GraphQLRouteParts): express.RequestHandler[] {
  return [
    authenticateAndLimitRate(callers),
    express.json({ limit: MAXIMUM_REQUEST_BYTES, verify: requireUtf8Body }),
    refuseOversizedVariables,
    refuseUnacceptableVariableText,
    refuseDocumentsOverLimits((source) => armor.checkLimits(schema, source)),
    refuseLineBreaksInSingleLineVariables,
    chargeWork({ schema, budget: workBudget, weights: config.costWeights, maxTokens: GRAPHQL_LIMITS.maxTokens }),
    tallyStatements,
    answerScope(writeGate),
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        const authentication = res.locals.authentication as Principal | UnauthenticatedError;
        if (authentication instanceof UnauthenticatedError) throw authentication;
        return buildContext(
          authentication,
          requestIdOf(res),
          res.locals.statementTally as StatementTally,
          res.locals.workCharge as WorkCharge,
        );
      },
    }),
  ];
}

// Authentication needs the headers only, so the rate limit applies before the body is read.
function authenticateAndLimitRate(callers: CallerAuthentication): express.RequestHandler {
  return async (request, response, next) => {
    const authentication = await callers.authenticateCaller({
      authorization: request.headers.authorization,
      apiKey: credentialValue(request.headers['x-api-key']),
    });
    const limited = callers.checkRate(authentication, request.ip);
    if (limited !== null) {
      response.status(429).setHeader('retry-after', String(limited.retryAfterSeconds)).json(rateLimitedBody(limited));
      return;
    }
    response.locals.authentication = authentication;
    next();
  };
}

/** Every statement issued while this request executes is counted into its own tally. */
const tallyStatements: express.RequestHandler = (_request, response, next) => {
  const tally: StatementTally = { count: 0 };
  response.locals.statementTally = tally;
  runWithStatementTally(tally, () => next());
};

/**
 * What the request writes commits only while its answer can still be written: at shutdown the write gate waits
 * for the answer of a request that wrote, and refuses the commits of the others (src/db/write-gate.ts).
 */
function answerScope(writeGate: WriteGate): express.RequestHandler {
  return (_request, response, next) => {
    const answered = new Promise((resolve) => response.once('close', resolve));
    writeGate.answering(answered, () => next());
  };
}

function rateLimitedBody(error: RateLimitedError) {
  return { errors: [{ message: error.message, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: error.retryAfterSeconds } }] };
}
