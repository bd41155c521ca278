import { PrincipalRole } from '../../src/domain/enums';
import { createTestApp, TestApp } from '../support/test-app';

// Issue #19, point 4 ("plain lists that can grow become connections"): every admin change of a routing rule, an
// SLA policy or a calendar adds a version, so their version lists are keyset-paginated connections, oldest first.

interface VersionPage {
  edges: Array<{ cursor: string; node: { id: string; version: number } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}

const LISTS = [
  { field: 'routingRuleVersions', table: 'routing_rules', id: 'fallback' },
  { field: 'slaPolicyVersions', table: 'sla_policies', id: 'platform-default' },
  { field: 'businessCalendarVersions', table: 'business_calendars', id: 'ALWAYS' },
] as const;

/** Versions beyond one page of the largest size. */
const VERSIONS = 130;

const documentOf = (field: string) => `query($id: String!, $first: Int, $after: String) {
  ${field}(id: $id, first: $first, after: $after) { edges { cursor node { id version } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;

describe('reference data versions as connections (issue #19, point 4)', () => {
  let app: TestApp;
  let agent: string;

  beforeAll(async () => {
    app = await createTestApp();
    agent = await app.agentToken();
    // Retired copies of version 1 (the admin API adds them one change at a time; the list is what is tested here).
    for (const { table, id } of LISTS) {
      await app.dataSource.query(
        `INSERT INTO ${table}
         SELECT (jsonb_populate_record(NULL::${table}, to_jsonb(r) || jsonb_build_object('version', g, 'is_active', false))).*
         FROM ${table} r, generate_series(2, $2::int) g WHERE r.id = $1 AND r.version = 1`,
        [id, VERSIONS],
      );
    }
  });

  afterAll(() => app.close());

  const page = async (field: string, variables: Record<string, unknown>, token = agent) => {
    const response = await app.graphql(documentOf(field), variables, token);
    return { errors: response.errors, page: response.data?.[field] as VersionPage | undefined, statementCount: response.statementCount };
  };

  async function forwards(field: string, id: string, size: number) {
    const versions: number[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 200; pages += 1) {
      const { errors, page: read } = await page(field, { id, first: size, after });
      expect(errors).toBeUndefined();
      expect(read!.edges.length).toBeLessThanOrEqual(size);
      expect(read!.pageInfo.hasPreviousPage).toBe(after !== null);
      for (const edge of read!.edges) expect(edge.node.id).toBe(id);
      versions.push(...read!.edges.map((edge) => edge.node.version));
      if (!read!.pageInfo.hasNextPage) return versions;
      expect(read!.pageInfo.endCursor).toBe(read!.edges.at(-1)!.cursor);
      after = read!.pageInfo.endCursor;
    }
    throw new Error('more than 200 pages');
  }

  const everyVersion = Array.from({ length: VERSIONS }, (_unused, index) => index + 1);

  it.each(LISTS)('pages forwards through every version of $field, oldest first, in pages of any size', async ({ field, id }) => {
    expect(await forwards(field, id, 100)).toEqual(everyVersion);
    expect(await forwards(field, id, 7)).toEqual(everyVersion);
    expect(await forwards(field, id, 1)).toHaveLength(VERSIONS);
    // 20 by default, and an unknown id has no versions.
    const { page: first } = await page(field, { id });
    expect(first!.edges.map((edge) => edge.node.version)).toEqual(everyVersion.slice(0, 20));
    expect(first!.pageInfo.hasNextPage).toBe(true);
    const { page: none } = await page(field, { id: 'no-such-entry' });
    expect(none).toEqual({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, endCursor: null } });
  });

  it.each(LISTS)(
    "refuses first > 100, a negative first and a cursor it did not issue for $field as the client's mistakes",
    async ({ field, id }) => {
      for (const variables of [
        { id, first: 101 },
        { id, first: -1 },
        { id, after: 'not-a-cursor' },
        { id, after: Buffer.from(JSON.stringify(['2026-01-01T00:00:00Z', '1'])).toString('base64url') },
        { id, after: Buffer.from(JSON.stringify([null, '99999999999999999999'])).toString('base64url') },
      ]) {
        const { errors } = await page(field, variables);
        expect({ variables, code: errors?.[0].extensions?.code }).toEqual({ variables, code: 'BAD_USER_INPUT' });
      }
      // A cursor beyond int range but within bigint is just past the end, not a database error.
      const { errors, page: past } = await page(field, {
        id,
        after: Buffer.from(JSON.stringify([null, '9999999999'])).toString('base64url'),
      });
      expect(errors).toBeUndefined();
      expect(past!.edges).toEqual([]);
    },
  );

  it.each(LISTS)(
    'reads a page of $field in as many statements for 2 versions as for 100, for agents and admins only',
    async ({ field, id }) => {
      const small = await page(field, { id, first: 2 });
      const large = await page(field, { id, first: 100 });
      expect(large.page!.edges).toHaveLength(100);
      expect(small.statementCount).toBe(large.statementCount);
      const admin = await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' });
      expect((await page(field, { id, first: 1 }, admin)).page!.edges).toHaveLength(1);
      const customer = await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId: '1' });
      expect((await page(field, { id, first: 1 }, customer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    },
  );
});
