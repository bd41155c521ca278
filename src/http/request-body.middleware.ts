import { isUtf8 } from 'node:buffer';
import { IncomingMessage, ServerResponse } from 'node:http';
import { NextFunction, Request, Response } from 'express';
import { DocumentNode, GraphQLError, parse } from 'graphql';
import { variablesLineBreakProblem } from '../graphql/single-line-text';
import { lineBreakRefusal, unacceptableText } from '../rules/text-input.rule';
import { graphqlRequestParts } from './graphql-request-parts';

// Checks of a GraphQL request body beyond its size (express.json's limit): the bytes must be UTF-8, and the
// variables must stay small and shallow, because GraphQL coerces them recursively before any limit of
// graphql-armor (which looks at the query only) could apply.

export const VARIABLE_LIMITS = {
  /** Keys, array elements and primitive values together. */
  maxValues: 10_000,
  /** Characters of every key and string. */
  maxCharacters: 256 * 1024,
  /** Nesting of objects and arrays. */
  maxDepth: 32,
} as const;

class BodyEncodingError extends Error {
  readonly status = 400;
  readonly type = 'entity.verify.failed';
}

class BodyCharsetError extends Error {
  readonly status = 415;
  readonly type = 'charset.unsupported';
}

/**
 * `verify` hook of express.json, given the body's bytes (decompressed) and the charset of its Content-Type
 * (body-parser's default: utf-8). The body must be UTF-8: body-parser would otherwise decode invalid bytes to
 * U+FFFD and accept them, storing text the client never sent, and would decode a body declared UTF-16 whose
 * bytes, being ASCII with NULs between, pass as UTF-8.
 */
export function requireUtf8Body(_request: IncomingMessage, _response: ServerResponse, body: Buffer, encoding = 'utf-8'): void {
  if (encoding.toLowerCase() !== 'utf-8' && encoding.toLowerCase() !== 'utf8')
    throw new BodyCharsetError(`unsupported charset "${encoding.toUpperCase()}": the request body must be JSON in UTF-8`);
  if (!isUtf8(body)) throw new BodyEncodingError('the request body is not valid UTF-8');
}

/** What is wrong with `variables`, or null when they are within VARIABLE_LIMITS. Iterative: depth cannot overflow the stack. */
export function variablesProblem(variables: unknown): string | null {
  let values = 0;
  let characters = 0;
  const pending: Array<{ value: unknown; depth: number }> = [{ value: variables, depth: 0 }];
  while (pending.length > 0) {
    const { value, depth } = pending.pop()!;
    values += 1;
    if (values > VARIABLE_LIMITS.maxValues) return `variables hold more than ${VARIABLE_LIMITS.maxValues} values`;
    if (typeof value === 'string') characters += value.length;
    if (characters > VARIABLE_LIMITS.maxCharacters) return `variables hold more than ${VARIABLE_LIMITS.maxCharacters} characters`;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= VARIABLE_LIMITS.maxDepth) return `variables are nested deeper than ${VARIABLE_LIMITS.maxDepth} levels`;
    if (Array.isArray(value)) {
      for (const element of value) pending.push({ value: element, depth: depth + 1 });
    } else {
      for (const [key, element] of Object.entries(value)) {
        characters += key.length;
        pending.push({ value: element, depth: depth + 1 });
      }
    }
  }
  return characters > VARIABLE_LIMITS.maxCharacters ? `variables hold more than ${VARIABLE_LIMITS.maxCharacters} characters` : null;
}

/**
 * The first string (or object key) of the variables the API cannot accept (text-input.rule.ts), named by its
 * path (`input.body`, `input.items[2].title`), or null. Iterative, like variablesProblem, which runs first.
 */
export function variablesTextProblem(variables: unknown): { field: string; message: string } | null {
  if (variables === null || typeof variables !== 'object') return null;
  const pending: Array<{ value: unknown; path: string }> = Object.entries(variables as Record<string, unknown>).map(([name, value]) => ({
    value,
    path: name,
  }));
  for (const name of Object.keys(variables)) {
    const problem = unacceptableText(name) ?? lineBreakRefusal(name, '');
    if (problem !== null) return { field: name, message: `The name of a variable ${problem}` };
  }
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (typeof value === 'string') {
      const problem = unacceptableText(value);
      if (problem !== null) return { field: path, message: `Variable "$${path.split(/[.[]/)[0]}" at "${path}" ${problem}` };
    }
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      value.forEach((element, index) => pending.push({ value: element, path: `${path}[${index}]` }));
      continue;
    }
    for (const [key, element] of Object.entries(value)) {
      const problem = unacceptableText(key) ?? lineBreakRefusal(key, '');
      if (problem !== null) return { field: path, message: `Variable "$${path.split(/[.[]/)[0]}" at "${path}" has a key that ${problem}` };
      pending.push({ value: element, path: `${path}.${key}` });
    }
  }
  return null;
}

/** The refusal of a variable's text: BAD_USER_INPUT naming the field, as an HTTP 400 and over the WebSocket. */
export function textRefusal(problem: { field: string; message: string }): GraphQLError {
  return new GraphQLError(problem.message, { extensions: { code: 'BAD_USER_INPUT', field: problem.field } });
}

/** Refuses variables (of a POST body or a GET's query string) holding text the API cannot accept with 400 BAD_USER_INPUT, before Apollo sees them. */
export function refuseUnacceptableVariableText(request: Request, response: Response, next: NextFunction): void {
  const { variables } = graphqlRequestParts(request);
  const problem = variablesTextProblem(variables);
  if (problem === null) {
    next();
    return;
  }
  const refusal = textRefusal(problem);
  response.status(400).json({ errors: [{ message: refusal.message, extensions: refusal.extensions }] });
}

/**
 * Refuses, with 400 BAD_USER_INPUT naming the field, a variable whose string holds a line break while the field
 * it is given for is single-line (src/graphql/single-line-text.ts). After the document's limits: the document,
 * read only when some variable holds a line break, is then bounded.
 */
export function refuseLineBreaksInSingleLineVariables(request: Request, response: Response, next: NextFunction): void {
  const { source, variables } = graphqlRequestParts(request);
  const problem = variablesLineBreakProblem(variables, () => parsedOrNull(source));
  if (problem === null) {
    next();
    return;
  }
  const refusal = textRefusal(problem);
  response.status(400).json({ errors: [{ message: refusal.message, extensions: refusal.extensions }] });
}

function parsedOrNull(source: unknown): DocumentNode | null {
  if (typeof source !== 'string') return null;
  try {
    return parse(source);
  } catch {
    return null; // Apollo answers it with its parse error
  }
}

/** Refuses oversized variables with 413 in GraphQL's error shape, before Apollo sees them. */
export function refuseOversizedVariables(request: Request, response: Response, next: NextFunction): void {
  const { variables } = graphqlRequestParts(request);
  const problem = variables === undefined || variables === null ? null : variablesProblem(variables);
  if (problem === null) {
    next();
    return;
  }
  response.status(413).json({ errors: [{ message: `Request refused: ${problem}`, extensions: { code: 'BAD_REQUEST' } }] });
}

/**
 * Refuses, with 400 in GraphQL's error shape, a query document over the query limits before Apollo parses and
 * validates it (`check` is GraphQLArmor.checkLimits): GraphQL's own validation then only sees documents whose
 * size, tokens, nesting, depth, aliases, fragments, cost and objects are bounded.
 */
export function refuseDocumentsOverLimits(check: (source: string) => GraphQLError[]) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const { source } = graphqlRequestParts(request);
    const errors = typeof source === 'string' ? check(source) : [];
    if (errors.length === 0) {
      next();
      return;
    }
    response.status(400).json({
      errors: errors.map((error) => ({
        message: error.message,
        ...(error.locations ? { locations: error.locations } : {}),
        extensions: {
          code: error.extensions.code ?? 'GRAPHQL_PARSE_FAILED',
          ...(typeof error.extensions.field === 'string' ? { field: error.extensions.field } : {}),
        },
      })),
    });
  };
}
