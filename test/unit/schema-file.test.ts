import { readFileSync } from 'node:fs';
import path from 'node:path';
import { printedSchema } from '../../src/resolvers/schema';

describe('schema.graphql', () => {
  it('is the schema the code builds (run `npm run schema` after changing the API)', async () => {
    const committed = readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8');
    expect(committed).toBe(await printedSchema());
  });
});
