import { Request } from 'express';

/**
 * What a GraphQL request over HTTP asks for: from the JSON body of a POST, from the query string of a GET, read
 * as Apollo Server reads it (URLSearchParams over the raw query string; a parameter given twice is refused by
 * Apollo and counts as absent here; `variables` is JSON). Every check at the edge (variables' size and text,
 * the document's limits, the cost) reads the request through this, so that a GET is checked as a POST is and
 * what is checked is what Apollo runs.
 */
export interface GraphQLRequestParts {
  source: unknown;
  operationName: unknown;
  /** The variables as Apollo will coerce them; undefined when absent or (GET) not JSON, which Apollo refuses. */
  variables: unknown;
}

/** The raw query string of the request's URL (what follows `?`, without a fragment). */
function searchOf(url: string): string {
  const questionMark = url.indexOf('?');
  if (questionMark < 0) return '';
  const hash = url.indexOf('#', questionMark);
  return url.slice(questionMark, hash < 0 ? undefined : hash);
}

function onlyValue(parameters: URLSearchParams, name: string): string | undefined {
  const values = parameters.getAll(name);
  return values.length === 1 ? values[0] : undefined;
}

function jsonOrUndefined(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined; // Apollo answers it 400
  }
}

export function graphqlRequestParts(request: Request): GraphQLRequestParts {
  if (request.method === 'GET' || request.method === 'HEAD') {
    const parameters = new URLSearchParams(searchOf(request.url));
    return {
      source: onlyValue(parameters, 'query'),
      operationName: onlyValue(parameters, 'operationName'),
      variables: jsonOrUndefined(onlyValue(parameters, 'variables')),
    };
  }
  const body: unknown = request.body;
  const fields = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  return { source: fields.query, operationName: fields.operationName, variables: fields.variables };
}
