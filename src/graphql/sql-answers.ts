import { DocumentNode, ExecutionResult, FieldNode, Kind, OperationDefinitionNode, SelectionNode, ValueNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { preparedStatements } from '../db/prepared-statements';
import { AnswerParameters, NotAnswerable, standInPrincipal } from '../loaders/answer-parameters';
import { AnswerArgument, AnswerSelection, CompiledAnswer, ticketAnswer, ticketPageAnswer } from '../loaders/ticket-answer-sql';
import { GraphQLContext } from './context';
import { RawJson } from './raw-json';

// Issue #15, point 2: for the hot documents (a ticket page, a ticket) PostgreSQL writes the answer. A query
// whose one root field is `tickets(first:)` or `ticket(id:)`, with only the fields src/loaders/ticket-answer-sql.ts
// knows, is compiled once per document, operation and principal shape into one statement returning the field's
// JSON text; the text goes into the response as it is (RawJson). Apollo has parsed and validated the document, and
// the caller was authenticated, rate-limited and charged before, exactly as for every other document; anything
// else (fragments, directives, other fields or arguments, values pageRequest would refuse) takes the usual path.

/** Compiled statements kept per process (document × operation × principal shape); the least recently used go first. */
export const MAXIMUM_SQL_ANSWERS = 500;

const ROOTS: Readonly<Record<string, typeof ticketPageAnswer>> = { tickets: ticketPageAnswer, ticket: ticketAnswer };

interface Entry extends CompiledAnswer {
  key: string;
}

function argumentOf(value: ValueNode): AnswerArgument {
  switch (value.kind) {
    case Kind.VARIABLE:
      return { variable: value.name.value };
    case Kind.INT:
      return { literal: Number(value.value) };
    case Kind.STRING:
    case Kind.ENUM:
      return { literal: value.value };
    case Kind.NULL:
      return { literal: null };
    default:
      throw new NotAnswerable(`argument of kind ${value.kind}`);
  }
}

/** The document's fields as plain selections: no fragments, no directives (those take the usual path). */
function selectionOf(node: SelectionNode): AnswerSelection {
  if (node.kind !== Kind.FIELD) throw new NotAnswerable(node.kind);
  const field: FieldNode = node;
  if ((field.directives ?? []).length > 0) throw new NotAnswerable('directive');
  return {
    key: field.alias?.value ?? field.name.value,
    name: field.name.value,
    args: Object.fromEntries((field.arguments ?? []).map((argument) => [argument.name.value, argumentOf(argument.value)])),
    selections: (field.selectionSet?.selections ?? []).map(selectionOf),
  };
}

function compile(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  context: GraphQLContext,
  standIn: GraphQLContext['principal'],
): Entry | null {
  if (document.definitions.length !== 1 || operation.operation !== 'query' || (operation.directives ?? []).length > 0) return null;
  const selections = operation.selectionSet.selections;
  if (selections.length !== 1) return null;
  try {
    const root = selectionOf(selections[0]);
    const build = ROOTS[root.name];
    return build ? { key: root.key, ...build(root, standIn, context.secret) } : null;
  } catch (error) {
    if (error instanceof NotAnswerable) return null;
    throw error;
  }
}

export class SqlAnswers {
  /** `usual`: the document takes the usual path (the cache holds no null). */
  private readonly compiled = new LRUCache<string, Entry | 'usual'>({ max: MAXIMUM_SQL_ANSWERS });

  /** `onAnswer` counts the answers PostgreSQL wrote (a metric). */
  constructor(private readonly onAnswer: () => void = () => undefined) {}

  /** The result, or null when the usual path answers this request. Variables were checked against the schema. */
  async answer(
    document: DocumentNode,
    operation: OperationDefinitionNode,
    documentKey: string,
    context: GraphQLContext,
    variables: Readonly<Record<string, unknown>>,
  ): Promise<ExecutionResult | null> {
    const { shape, standIn } = standInPrincipal(context.principal);
    const key = `${shape}\u0000${documentKey}`;
    let entry = this.compiled.get(key);
    if (entry === undefined) {
      entry = compile(document, operation, context, standIn) ?? 'usual';
      this.compiled.set(key, entry);
    }
    if (entry === 'usual') return null;
    const values = bind(entry.parameters, context, variables);
    if (values === null) return null;
    const [row] = await preparedStatements.query<Array<{ answer: string | null }>>(context.dataSource, entry.text, values);
    this.onAnswer();
    return { data: { [entry.key]: new RawJson(row?.answer ?? 'null') } };
  }
}

function bind(parameters: AnswerParameters, context: GraphQLContext, variables: Readonly<Record<string, unknown>>): unknown[] | null {
  try {
    return parameters.bind({ principal: context.principal, variables });
  } catch (error) {
    if (error instanceof NotAnswerable) return null;
    throw error;
  }
}
