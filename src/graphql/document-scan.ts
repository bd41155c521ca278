import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';

// The first look at a query document, before GraphQL's parser builds anything: its length, its tokens and how
// deeply its brackets nest. The parser is recursive (a few thousand nested brackets overflow the stack, a
// RangeError that used to answer 500) and builds an AST for every token, so a document is refused here, in one
// pass over its characters with GraphQL's own lexer, when it is longer or deeper than anything a client needs.

export interface DocumentScanLimits {
  /** UTF-16 code units of the whole document (what `string.length` counts; never fewer than its characters). */
  maxDocumentCharacters: number;
  /** Lexical tokens, comments excluded (the same count as graphql-js's `maxTokens` parse option). */
  maxTokens: number;
  /** Open `{`, `[` and `(` at any point of the document. */
  maxNesting: number;
}

const OPENING = new Set<TokenKind>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set<TokenKind>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

function parseRefusal(message: string): GraphQLError {
  return new GraphQLError(`Syntax Error: ${message}`, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
}

/**
 * Null when the document is within the limits, otherwise the error to answer with (GRAPHQL_PARSE_FAILED, as any
 * syntax error). Work is linear in the document's length and stops at the first limit broken.
 */
export function scanDocument(source: unknown, limits: DocumentScanLimits): GraphQLError | null {
  if (typeof source !== 'string') return null;
  if (source.length > limits.maxDocumentCharacters) {
    return parseRefusal(`Document is longer than ${limits.maxDocumentCharacters} characters. Parsing refused.`);
  }
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  let nesting = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      tokens += 1;
      if (tokens > limits.maxTokens) return parseRefusal(`Document contains more than ${limits.maxTokens} tokens. Parsing refused.`);
      if (OPENING.has(token.kind)) nesting += 1;
      else if (CLOSING.has(token.kind)) nesting -= 1;
      if (nesting > limits.maxNesting)
        return parseRefusal(`Document nests brackets deeper than ${limits.maxNesting} levels. Parsing refused.`);
    }
  } catch (error) {
    // A lexical error (an unterminated string, a character GraphQL does not know) is the client's syntax error.
    if (error instanceof GraphQLError)
      return new GraphQLError(error.message, {
        source: error.source,
        positions: error.positions,
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      });
    throw error;
  }
  return null;
}
