import { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  DocumentNode, getNamedType, GraphQLError, GraphQLNamedType, GraphQLSchema, isInterfaceType, isObjectType, Kind, NoSchemaIntrospectionCustomRule,
  OperationDefinitionNode, parse, SelectionSetNode, specifiedRules, validate, ValidationContext, ValidationRule, ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAXIMUM_PAGE_SIZE } from '../services/pagination';

// Query limits (graphql-armor), built once per server and applied alike to HTTP (Apollo) and the WebSocket
// (graphql-ws). Every limit is checked before any resolver runs, so a refused operation costs no database work.

export const GRAPHQL_LIMITS = {
  /** Nesting of selections; the deepest query of the clients (tickets → order → items → unitPrice) needs 7. */
  maxDepth: 12,
  /**
   * graphql-armor's cost: 1 per scalar, 2 per object, ×1.5 per level of depth, × a literal `first` (a variable
   * counts as 1). A page of 100 tickets with 20 messages and 20 events each, about 30 fields, costs ~360,000.
   */
  maxCost: 500_000,
  /** Aliases of `__typename` are free (armor's default allow list). */
  maxAliases: 20,
  maxDirectives: 10,
  /** Lexical tokens of the document: bounds parsing work before anything else is looked at. */
  maxTokens: 10_000,
  /**
   * Objects an operation may return at most: every connection counts its page size times the page sizes of the
   * connections around it; `first` given as a variable counts as 100, omitted as 20. armor's cost counts a
   * variable `first` as 1, so without this three nested pages of 100 would pass and return a million rows.
   */
  maxNodes: 20_000,
} as const;

export interface GraphQLArmor {
  /** Apollo plugins: field suggestions masked when blocked. */
  apolloPlugins: ApolloServerPlugin[];
  /** Depth, cost, aliases, directives and nodes: added to GraphQL's own validation on both paths. */
  validationRules: ValidationRule[];
  /** For Apollo's parse: the token limit, enforced by GraphQL's parser before any validation. */
  parseOptions: { maxTokens: number };
  /** Parses and validates one document with every limit: what the WebSocket path runs for each subscribe message. */
  checkDocument(schema: GraphQLSchema, source: string): { document: DocumentNode; errors: [] } | { document: null; errors: GraphQLError[] };
}

const FIELD_SUGGESTION = /Did you mean ".+"\??/g;
const SUGGESTION_MASK = '[Suggestion hidden]';

/** armor reports a broken limit as a "Syntax Error"; clients get the limit and a code they can act on. */
function reportLimitExceeded(context: ValidationContext | null, error: GraphQLError): void {
  context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
}

/** Page size a connection field may return at worst: its literal `first`, 100 for a variable, 20 when omitted. */
function worstCasePageSize(argumentValue: ValueNode | undefined): number {
  if (argumentValue === undefined) return DEFAULT_PAGE_SIZE;
  if (argumentValue.kind === Kind.INT) return Math.max(0, Number.parseInt(argumentValue.value, 10));
  return MAXIMUM_PAGE_SIZE;
}

/** Refuses operations that could return more than GRAPHQL_LIMITS.maxNodes objects (GitHub's node limit, in small). */
export const maxNodesRule: ValidationRule = (context: ValidationContext) => {
  const schema = context.getSchema();
  // Past the depth limit the operation is refused anyway; stopping there also ends fragment cycles.
  const depthBound = GRAPHQL_LIMITS.maxDepth + 1;
  const countObjects = (parentType: GraphQLNamedType | null | undefined, selectionSet: SelectionSetNode, enclosingPages: number, depth: number): number => {
    if (!parentType || depth > depthBound) return 0;
    let objects = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const fields = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields() : {};
        const definition = fields[selection.name.value];
        if (!definition || !selection.selectionSet) continue;
        const isConnection = definition.args.some((argument) => argument.name === 'first');
        const first = selection.arguments?.find((argument) => argument.name.value === 'first')?.value;
        const pages = isConnection ? enclosingPages * worstCasePageSize(first) : enclosingPages;
        objects += (isConnection ? pages : 0) + countObjects(getNamedType(definition.type), selection.selectionSet, pages, depth + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        objects += countObjects(type, selection.selectionSet, enclosingPages, depth + 1);
      } else {
        const fragment = context.getFragment(selection.name.value);
        if (fragment) objects += countObjects(schema.getType(fragment.typeCondition.name.value), fragment.selectionSet, enclosingPages, depth + 1);
      }
    }
    return objects;
  };
  return {
    OperationDefinition(operation: OperationDefinitionNode) {
      const objects = countObjects(schema.getRootType(operation.operation), operation.selectionSet, 1, 0);
      if (objects > GRAPHQL_LIMITS.maxNodes) {
        context.reportError(
          new GraphQLError(
            `Query may return up to ${objects} objects; at most ${GRAPHQL_LIMITS.maxNodes} are served (each page counts at its \`first\`, a variable as ${MAXIMUM_PAGE_SIZE}, omitted as ${DEFAULT_PAGE_SIZE}). Ask for smaller or fewer nested pages.`,
            { nodes: operation, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
          ),
        );
      }
    },
  };
};

export function createGraphQLArmor(options: { blockFieldSuggestions: boolean; introspection: boolean }): GraphQLArmor {
  const reporting = { propagateOnRejection: false, onReject: [reportLimitExceeded] };
  const protection = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ...reporting },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, ...reporting },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases, ...reporting },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives, ...reporting },
    // GraphQL's own parser enforces the token limit (parseOptions, checkDocument): armor's Apollo token plugin
    // throws from parsingDidStart, which Apollo 5 answers with a 500 instead of a parse error.
    maxTokens: { enabled: false, n: GRAPHQL_LIMITS.maxTokens },
    blockFieldSuggestion: { enabled: options.blockFieldSuggestions, mask: SUGGESTION_MASK },
  }).protect();
  const limitRules = [...protection.validationRules, maxNodesRule];
  // Apollo refuses introspection itself (its `introspection` option); graphql-ws needs GraphQL's rule for it.
  const validationRules = [...specifiedRules, ...limitRules, ...(options.introspection ? [] : [NoSchemaIntrospectionCustomRule])];
  const maskSuggestions = (error: GraphQLError): GraphQLError => {
    if (!options.blockFieldSuggestions) return error;
    const message = error.message.replace(FIELD_SUGGESTION, SUGGESTION_MASK);
    return message === error.message ? error : new GraphQLError(message, { nodes: error.nodes, extensions: error.extensions });
  };

  return {
    apolloPlugins: protection.plugins,
    validationRules: limitRules,
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
    checkDocument(schema, source) {
      let document: DocumentNode;
      try {
        document = parse(source, { maxTokens: GRAPHQL_LIMITS.maxTokens });
      } catch (error) {
        if (error instanceof GraphQLError) return { document: null, errors: [error] };
        throw error;
      }
      const errors = validate(schema, document, validationRules);
      return errors.length > 0 ? { document: null, errors: errors.map(maskSuggestions) } : { document, errors: [] };
    },
  };
}
