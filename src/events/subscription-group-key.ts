import { createHash } from 'node:crypto';
import { DocumentNode, print } from 'graphql';

/** What decides a subscription's results, besides the events themselves. */
export interface SubscriptionGroupKeyInput {
  document: DocumentNode;
  operationName: string | null | undefined;
  variableValues: unknown;
  /** The principal's visibility identity (src/auth/visibility-identity.ts). */
  visibilityIdentity: string;
}

/**
 * Subscriptions with equal keys receive identical results for every event: the same query text, operation name,
 * variables and visibility identity. Anything the key leaves out must not change a result.
 */
export function subscriptionGroupKeyOf(input: SubscriptionGroupKeyInput): string {
  const material = JSON.stringify([
    documentTextOf(input.document),
    input.operationName ?? null,
    canonicalJson(input.variableValues ?? {}),
    input.visibilityIdentity,
  ]);
  return createHash('sha256').update(material).digest('base64url');
}

/** The query text as the client sent it (the parser keeps it), or the printed document when parsed without locations. */
function documentTextOf(document: DocumentNode): string {
  return document.loc?.source.body ?? print(document);
}

/** JSON with every object's keys in sorted order: `{"a":1,"b":2}` and `{"b":2,"a":1}` are the same variables. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, element: unknown) =>
    element !== null && typeof element === 'object' && !Array.isArray(element)
      ? Object.fromEntries(Object.entries(element).sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)))
      : element,
  );
}
