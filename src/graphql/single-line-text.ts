import { DocumentNode, visit } from 'graphql';
import { lineBreakRefusal } from '../rules/text-input.rule';

// Line breaks are accepted only in multi-line text fields (MULTI_LINE_FIELDS of src/rules/text-input.rule.ts),
// named by the innermost input field or argument a string is given for. A literal's field is known from the
// document alone (armor.ts, textLiteralRule); a variable's from where the document uses it: `$s` given for
// `subject: $s` is a subject whatever the variable is called. Checked after the document's limits and before
// anything runs, over HTTP (request-body.middleware.ts) and the WebSocket (web-socket.builder.ts).

/** The argument or input field names each variable of the document is given for. Linear in the document. */
function bindingsOf(document: DocumentNode): Map<string, Set<string>> {
  const bindings = new Map<string, Set<string>>();
  const names: string[] = [];
  visit(document, {
    Argument: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    ObjectField: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    // A variable's own definition names it, but gives it for nothing.
    VariableDefinition: () => false,
    Variable: (node) => {
      if (names.length === 0) return;
      const given = bindings.get(node.name.value) ?? new Set<string>();
      given.add(names[names.length - 1]);
      bindings.set(node.name.value, given);
    },
  });
  return bindings;
}

/** Whether any string of `value` holds a line break: the document is read only for those. Iterative. */
function holdsLineBreak(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string' && lineBreakRefusal(next, '') !== null) return true;
    if (next === null || typeof next !== 'object') continue;
    if (Array.isArray(next)) pending.push(...(next as unknown[]));
    else pending.push(...Object.values(next as Record<string, unknown>));
  }
  return false;
}

/**
 * The first string of the variables that holds a line break while the field it is given for is single-line,
 * named by its path (`input.subject`, `text`), or null. Keys of input objects name the fields of the strings
 * they hold; a variable's own value is given for each field the document uses it for (every one must accept it).
 * `documentOf` (the parsed document, or null when it does not parse) is called only when some string holds a
 * line break.
 */
export function variablesLineBreakProblem(
  variables: unknown,
  documentOf: () => DocumentNode | null,
): { field: string; message: string } | null {
  if (variables === null || typeof variables !== 'object' || Array.isArray(variables) || !holdsLineBreak(variables)) return null;
  const document = documentOf();
  const bindings = document === null ? new Map<string, Set<string>>() : bindingsOf(document);
  const pending: Array<{ value: unknown; fields: readonly string[]; path: string }> = Object.entries(
    variables as Record<string, unknown>,
  ).map(([name, value]) => ({
    value,
    fields: [...(bindings.get(name) ?? [name])],
    path: name,
  }));
  while (pending.length > 0) {
    const { value, fields, path } = pending.pop()!;
    if (typeof value === 'string') {
      for (const field of fields) {
        const refusal = lineBreakRefusal(value, field);
        if (refusal !== null) return { field: path, message: `Variable "$${path.split(/[.[]/)[0]}" at "${path}" ${refusal}` };
      }
    }
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) value.forEach((element, index) => pending.push({ value: element, fields, path: `${path}[${index}]` }));
    else for (const [key, element] of Object.entries(value)) pending.push({ value: element, fields: [key], path: `${path}.${key}` });
  }
  return null;
}
