import { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  DocumentNode,
  GraphQLError,
  GraphQLSchema,
  Kind,
  NoSchemaIntrospectionCustomRule,
  parse,
  SelectionSetNode,
  specifiedRules,
  validate,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import { lineBreakRefusal, unacceptableText } from '../rules/text-input.rule';
import { scanDocument } from './document-scan';
import { GRAPHQL_LIMITS } from './graphql-limits';
import { introspectionNestingRule } from './introspection-limit';
import { maxNodesRule } from './node-limit';

// Query limits (graphql-armor), built once per server and applied alike to HTTP (Apollo) and the WebSocket
// (graphql-ws). Every limit is checked before any resolver runs, so a refused operation costs no database work,
// and every check is linear in the document's length: the work an anonymous document can cause is bounded by
// its size before anyone has been authenticated. The limits themselves: graphql-limits.ts; the node limit:
// node-limit.ts.

export interface GraphQLArmor {
  /** Apollo plugins: field suggestions masked when blocked. */
  apolloPlugins: ApolloServerPlugin[];
  /** Depth, cost, aliases, directives and nodes: added to GraphQL's own validation on both paths. */
  validationRules: ValidationRule[];
  /** For Apollo's parse: the token limit, enforced by GraphQL's parser before any validation. */
  parseOptions: { maxTokens: number };
  /**
   * Scans, parses and checks one document against the limits only (no schema rules): what the HTTP path runs
   * before Apollo parses and validates, so that GraphQL's own rules only ever see documents within the limits.
   */
  checkLimits(schema: GraphQLSchema, source: string): GraphQLError[];
  /** Limits first, then GraphQL's own rules: what the WebSocket path runs for each subscribe message. */
  checkDocument(schema: GraphQLSchema, source: string): CheckResult;
  /**
   * The validation of a parsed document that both paths run: the limits, then (only within them) GraphQL's own
   * rules. Tests count the work it does on a document (test/integration/work-before-trust.test.ts).
   */
  validateParsed(schema: GraphQLSchema, document: DocumentNode): GraphQLError[];
}

const FIELD_SUGGESTION = /Did you mean ".+"\??/g;

/**
 * graphql-js's OverlappingFieldsCanBeMerged stops after a fixed budget of comparisons (its quadratic part, which
 * the token, alias and fragment limits keep small) and reports only "Validation aborted."; clients get the reason.
 */
export const VALIDATION_ABORTED_MESSAGE = 'Validation aborted.';
export const VALIDATION_ABORTED_EXPLAINED =
  'Validation aborted: the fields of one selection set overlap in too many ways to check that they can be merged (same-named fields with different arguments or selections, or many fragments). Send fewer of them.';
const SUGGESTION_MASK = '[Suggestion hidden]';

/** armor reports a broken limit as a "Syntax Error"; clients get the limit and a code they can act on. */
function reportLimitExceeded(context: ValidationContext | null, error: GraphQLError): void {
  context?.reportError(
    new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
  );
}

/** Refuses documents with more than GRAPHQL_LIMITS.maxFragments fragment definitions (see there why). */
export const maxFragmentsRule: ValidationRule = (context: ValidationContext) => ({
  Document(document) {
    const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION).length;
    if (fragments > GRAPHQL_LIMITS.maxFragments) {
      context.reportError(
        new GraphQLError(`Fragments limit of ${GRAPHQL_LIMITS.maxFragments} exceeded, found ${fragments}.`, {
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
      );
    }
  },
});

/** The fields of a selection set as GraphQL merges them: its own and those of its inline fragments, not of named ones. */
function countResponseNames(selectionSet: SelectionSetNode, counts: Map<string, number>): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.alias?.value ?? selection.name.value;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      countResponseNames(selection.selectionSet, counts);
    }
  }
}

/** Refuses a selection set in which one response name appears more than GRAPHQL_LIMITS.maxFieldRepeats times. */
export const maxFieldRepeatsRule: ValidationRule = (context: ValidationContext) => ({
  SelectionSet(selectionSet) {
    const counts = new Map<string, number>();
    countResponseNames(selectionSet, counts);
    for (const [name, repeats] of counts) {
      if (repeats > GRAPHQL_LIMITS.maxFieldRepeats) {
        context.reportError(
          new GraphQLError(
            `Field repeats limit of ${GRAPHQL_LIMITS.maxFieldRepeats} exceeded: "${name}" appears ${repeats} times in one selection set.`,
            {
              nodes: selectionSet,
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            },
          ),
        );
        return false;
      }
    }
    return undefined;
  },
});

/**
 * Refuses a string literal of the document that the API cannot accept (text-input.rule.ts) with BAD_USER_INPUT
 * naming its argument and input fields (`filter.text`), as variables are refused (request-body.middleware.ts).
 */
export const textLiteralRule: ValidationRule = (context: ValidationContext) => {
  const path: string[] = [];
  return {
    Argument: { enter: (argument) => void path.push(argument.name.value), leave: () => void path.pop() },
    ObjectField: { enter: (field) => void path.push(field.name.value), leave: () => void path.pop() },
    StringValue(node) {
      // Line breaks only in multi-line fields, named by the innermost argument or input field (a default value
      // of a variable definition, given for no field yet, is one line).
      const problem = unacceptableText(node.value) ?? lineBreakRefusal(node.value, path[path.length - 1] ?? '');
      if (problem === null) return;
      const field = path.join('.');
      context.reportError(
        new GraphQLError(`Argument "${field}" ${problem}`, { nodes: node, extensions: { code: 'BAD_USER_INPUT', field } }),
      );
    },
  };
};

type CheckResult = { document: DocumentNode; errors: [] } | { document: null; errors: GraphQLError[] };

/**
 * Texts of documents already found within the limits, so that the HTTP path checks a client's usual documents
 * once: at most 1,000 of at most 10,000 characters (20 MB at worst); longer ones are checked every time.
 */
const MAXIMUM_REMEMBERED_DOCUMENTS = 1000;
const MAXIMUM_REMEMBERED_CHARACTERS = 10_000;

/** A validation message as clients may see it: field suggestions masked when asked, an aborted validation explained. */
function maskedSuggestion(error: GraphQLError, blockFieldSuggestions: boolean): GraphQLError {
  if (!blockFieldSuggestions && error.message !== VALIDATION_ABORTED_MESSAGE) return error;
  const message =
    error.message === VALIDATION_ABORTED_MESSAGE ? VALIDATION_ABORTED_EXPLAINED : error.message.replace(FIELD_SUGGESTION, SUGGESTION_MASK);
  return message === error.message ? error : new GraphQLError(message, { nodes: error.nodes, extensions: error.extensions });
}

/** Scans the text within the token budget, parses it and runs only the limit rules (each linear in the document). */
function parseWithLimitRules(schema: GraphQLSchema, source: string, limitRules: readonly ValidationRule[]): CheckResult {
  const refusal = scanDocument(source, GRAPHQL_LIMITS);
  if (refusal !== null) return { document: null, errors: [refusal] };
  let document: DocumentNode;
  try {
    document = parse(source, { maxTokens: GRAPHQL_LIMITS.maxTokens });
  } catch (error) {
    if (error instanceof GraphQLError) return { document: null, errors: [error] };
    throw error;
  }
  const errors = validate(schema, document, limitRules);
  return errors.length > 0 ? { document: null, errors: [...errors] } : { document, errors: [] };
}

export function createGraphQLArmor(options: { blockFieldSuggestions: boolean; introspection: boolean }): GraphQLArmor {
  const reporting = { propagateOnRejection: false, onReject: [reportLimitExceeded] };
  const protection = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ...reporting },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, ...reporting },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases, ...reporting },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives, ...reporting },
    // document-scan.ts counts tokens before parsing (and GraphQL's parser again, parseOptions): armor's Apollo
    // token plugin throws from parsingDidStart, which Apollo 5 answers with a 500 instead of a parse error.
    maxTokens: { enabled: false, n: GRAPHQL_LIMITS.maxTokens },
    blockFieldSuggestion: { enabled: options.blockFieldSuggestions, mask: SUGGESTION_MASK },
  }).protect();
  // armor's depth, cost, alias and directive rules measure each named fragment once (they remember it by name),
  // as maxNodesRule does: each is linear in the document.
  const limitRules = [
    maxFragmentsRule,
    maxFieldRepeatsRule,
    textLiteralRule,
    ...protection.validationRules,
    maxNodesRule,
    introspectionNestingRule,
  ];
  const graphQLRules = [...specifiedRules, ...(options.introspection ? [] : [NoSchemaIntrospectionCustomRule])];
  const maskSuggestions = (error: GraphQLError): GraphQLError => maskedSuggestion(error, options.blockFieldSuggestions);
  const withinLimits = new LRUCache<string, true>({ max: MAXIMUM_REMEMBERED_DOCUMENTS });
  const parseWithinLimits = (schema: GraphQLSchema, source: string): CheckResult => parseWithLimitRules(schema, source, limitRules);
  // GraphQL's own rules only for documents within the limits: OverlappingFieldsCanBeMerged is quadratic in the
  // fields and fragments of a selection set, which the token, alias and fragment limits bound first.
  const validateWithinLimits = (schema: GraphQLSchema, document: DocumentNode): GraphQLError[] =>
    [...validate(schema, document, graphQLRules)].map(maskSuggestions);

  return {
    apolloPlugins: protection.plugins,
    validationRules: limitRules,
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
    checkLimits(schema, source) {
      if (withinLimits.has(source)) return [];
      const { errors } = parseWithinLimits(schema, source);
      if (errors.length === 0 && source.length <= MAXIMUM_REMEMBERED_CHARACTERS) withinLimits.set(source, true);
      return errors;
    },
    checkDocument(schema, source) {
      const limited = parseWithinLimits(schema, source);
      if (limited.document === null) return limited;
      const errors = validateWithinLimits(schema, limited.document);
      return errors.length > 0 ? { document: null, errors } : limited;
    },
    validateParsed(schema, document) {
      const errors = validate(schema, document, limitRules);
      return errors.length > 0 ? [...errors] : validateWithinLimits(schema, document);
    },
  };
}
