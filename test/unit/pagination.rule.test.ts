import { BadUserInputError } from '../../src/domain/errors';
import {
  bidirectionalPageRequest,
  boundedCountOf,
  encodeCursor,
  keysetComparison,
  readDirection,
  toConnection,
  TOTAL_COUNT_BOUND,
  TOTAL_COUNT_ROW_LIMIT,
} from '../../src/rules/pagination.rule';

const cursor = encodeCursor({ sortValue: '2026-11-01T00:00:00.000Z', id: '7' });
const position = { sortValue: '2026-11-01T00:00:00.000Z', id: '7' };

describe('bidirectionalPageRequest', () => {
  it.each([
    [{}, { first: 20, after: null }],
    [{ first: 5 }, { first: 5, after: null }],
    [
      { first: 5, after: cursor },
      { first: 5, after: position },
    ],
    [{ last: 5 }, { first: 5, after: null, backward: true }],
    [
      { last: 0, before: cursor },
      { first: 0, after: position, backward: true },
    ],
    [{ before: cursor }, { first: 20, after: position, backward: true }],
  ])('reads %j as %j', (args, expected) => {
    expect(bidirectionalPageRequest(args)).toEqual(expected);
  });

  it.each([
    [{ first: 1, last: 1 }, 'first'],
    [{ after: cursor, before: cursor }, 'after'],
    [{ after: cursor, last: 2 }, 'after'],
    [{ last: 101 }, 'last'],
    [{ last: -1 }, 'last'],
    [{ last: 2, before: 'garbage' }, 'before'],
  ])('refuses %j naming %s', (args, field) => {
    expect(() => bidirectionalPageRequest(args)).toThrow(BadUserInputError);
    try {
      bidirectionalPageRequest(args);
    } catch (error) {
      expect((error as BadUserInputError).message).toContain(field);
    }
  });
});

describe('reading a page backwards', () => {
  it.each([
    ['ASC', false, 'ASC', '>'],
    ['DESC', false, 'DESC', '<'],
    ['ASC', true, 'DESC', '<'],
    ['DESC', true, 'ASC', '>'],
  ] as const)('a list %s, backward %s, is read %s with %s', (direction, backward, read, comparison) => {
    const page = { first: 3, after: null, backward };
    expect(readDirection(direction, page)).toBe(read);
    expect(keysetComparison(direction, page)).toBe(comparison);
  });

  const cursorOf = (id: string) => ({ sortValue: null, id });
  it.each([
    // rows as read (reverse order for backward), the page, the ids in list order, hasPreviousPage, hasNextPage
    [['5', '4', '3', '2'], { first: 3, after: null, backward: true }, ['3', '4', '5'], true, false],
    [['5', '4'], { first: 3, after: { sortValue: null, id: '6' }, backward: true }, ['4', '5'], false, true],
    [['1', '2', '3', '4'], { first: 3, after: null }, ['1', '2', '3'], false, true],
    [['2', '3'], { first: 3, after: { sortValue: null, id: '1' } }, ['2', '3'], true, false],
  ])('rows %j of %j give %j', (rows, page, ids, hasPreviousPage, hasNextPage) => {
    const connection = toConnection(rows, page, cursorOf);
    expect(connection.edges.map((edge) => edge.node)).toEqual(ids);
    expect(connection.pageInfo).toMatchObject({ hasPreviousPage, hasNextPage });
    expect(connection.pageInfo.startCursor).toBe(connection.edges[0].cursor);
  });
});

describe('boundedCountOf', () => {
  it.each([
    ['0', { count: 0, isLowerBound: false }],
    [7, { count: 7, isLowerBound: false }],
    [String(TOTAL_COUNT_BOUND - 1), { count: TOTAL_COUNT_BOUND - 1, isLowerBound: false }],
    [String(TOTAL_COUNT_BOUND), { count: TOTAL_COUNT_BOUND, isLowerBound: false }],
    // The statement reads at most one row beyond the bound: that row says only that more exist.
    [String(TOTAL_COUNT_ROW_LIMIT), { count: TOTAL_COUNT_BOUND, isLowerBound: true }],
  ])('%s rows counted: %j', (counted, expected) => {
    expect(boundedCountOf(counted)).toEqual(expected);
  });
});
