// Hostile GraphQL documents of issue #14, point 1: each breaks a limit, and each used to cost (or could cost)
// work out of proportion to its size. Shared by test/integration/work-before-trust.test.ts, which asserts that
// they are refused and that the validator's work is linear in their size, and bench/validation-bound.ts, which
// times them.

/** F<levels> spreads F<levels-1> `fanOut` times, down to F0: the ~1 KB document that froze an instance. */
export function fragmentBomb(levels: number, fanOut: number, type = 'Me', leaf = 'role', wrap = (spreads: string) => spreads): string {
  const fragments = [`fragment F0 on ${type} { ${leaf} }`];
  for (let level = 1; level <= levels; level += 1)
    fragments.push(`fragment F${level} on ${type} { ${wrap(`...F${level - 1} `.repeat(fanOut))} }`);
  return fragments.join('\n');
}

export const HOSTILE_DOCUMENTS: Record<string, string> = {
  'nested-fragment bomb (12 levels of 12 spreads)': `query { me { ...F12 } } ${fragmentBomb(12, 12)}`,
  'nested-fragment bomb through pages': `query { tickets(first: 2) { edges { node { ...F9 } } } } ${fragmentBomb(9, 3, 'Ticket', 'id', (spreads) => `order { tickets(first: 2) { edges { node { ${spreads} } } } }`)}`,
  'nested-fragment bomb without a cycle check (F<n> spreads itself)': `query { me { ...F1 } } fragment F1 on Me { ...F1 ...F1 role }`,
  '101 fragments, each spread in one selection set': `{ me { ${Array.from({ length: 101 }, (_, index) => `...F${index}`).join(' ')} } } ${Array.from({ length: 101 }, (_, index) => `fragment F${index} on Me { role }`).join(' ')}`,
  '900 same-named fields with different arguments': `{ ${Array.from({ length: 900 }, (_, index) => `ticket(id: "${index}") { id }`).join(' ')} }`,
  '1,000 aliases': `{ ${Array.from({ length: 1000 }, (_, index) => `a${index}: me { role }`).join(' ')} }`,
  '4,000 nested selections': `{ ${'me { '.repeat(4000)}role${' }'.repeat(4000)} }`,
  '4,000 nested lists in an argument': `{ tickets(filter: { status: ${'['.repeat(4000)}${']'.repeat(4000)} }) { edges { cursor } } }`,
  '20,000 tokens': `{ me { ${'role '.repeat(20_000)} } }`,
  '200,000 characters of comment': `{ me { role } } #${'x'.repeat(200_000)}`,
};
