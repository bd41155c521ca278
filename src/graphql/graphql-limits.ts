// The query limits of the GraphQL API (docs/security.md), as data: every path (HTTP, WebSocket) checks a document
// against them before any resolver runs (armor.ts).

export const GRAPHQL_LIMITS = {
  /**
   * UTF-16 code units of a query document, checked before anything else: the longest document of the clients is
   * about 3,000; a message body of 10,000 characters written inline as a literal still fits.
   */
  maxDocumentCharacters: 100_000,
  /** Lexical tokens of the document, counted by a scan before the parser builds anything (document-scan.ts). */
  maxTokens: 10_000,
  /** Open `{`, `[` and `(` at once: the parser recurses per bracket; 12 levels of selections with arguments need ~30. */
  maxNesting: 48,
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
  /**
   * Fragment definitions of one document. GraphQL's OverlappingFieldsCanBeMerged compares every pair of distinct
   * fragments spread into one selection set, so their number bounds that rule's quadratic part.
   */
  maxFragments: 100,
  /**
   * Times one response name may appear in one selection set (its inline fragments included). The same rule
   * compares every pair of same-named fields, and each pair that conflicts becomes an error with its locations:
   * 900 `ticket(id: …)` side by side took 350 ms to refuse.
   */
  maxFieldRepeats: 10,
  /**
   * Objects an operation may return at most: every connection counts its page size times the page sizes of the
   * connections around it; `first` given as a variable counts as 100, omitted as 20. armor's cost counts a
   * variable `first` as 1, so without this three nested pages of 100 would pass and return a million rows.
   */
  maxNodes: 20_000,
} as const;
