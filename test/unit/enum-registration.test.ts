import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GraphQLEnumType, GraphQLSchema, isEnumType } from 'graphql';
import { getSchema } from '../../src/resolvers/schema';

// Every enum of the schema is registered in one place, src/graphql/register-enums.ts, with a description on the
// enum and on each of its values: the schema as src builds it (what `npm run schema` emits), not a copy.

const SRC = path.resolve(__dirname, '../../src');
const REGISTRY = path.join(SRC, 'graphql', 'register-enums.ts');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('enum registration', () => {
  let enums: GraphQLEnumType[];

  beforeAll(async () => {
    const schema: GraphQLSchema = await getSchema();
    enums = Object.values(schema.getTypeMap()).filter((type): type is GraphQLEnumType => isEnumType(type) && !type.name.startsWith('__'));
  });

  it('finds the enums of the schema', () => {
    expect(enums.map((type) => type.name)).toEqual(expect.arrayContaining(['TicketEventType', 'UserErrorCode', 'MessageOrder']));
  });

  it('describes every enum and every value of it', () => {
    const missing = enums.flatMap((type) => [
      ...((type.description ?? '').trim() === '' ? [type.name] : []),
      ...type
        .getValues()
        .filter((value) => (value.description ?? '').trim() === '')
        .map((value) => `${type.name}.${value.name}`),
    ]);
    expect(missing).toEqual([]);
  });

  it('registers every enum of the schema in src/graphql/register-enums.ts', () => {
    const registry = readFileSync(REGISTRY, 'utf8');
    const registeredNames = [...registry.matchAll(/registerEnumType\(\w+, \{\s*name: '(\w+)'/g)].map((match) => match[1]);
    expect([...registeredNames].sort()).toEqual(enums.map((type) => type.name).sort());
  });

  it('calls registerEnumType nowhere else in src', () => {
    const elsewhere = sourceFiles(SRC)
      .filter((file) => file !== REGISTRY && /\bregisterEnumType\b/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(SRC, file));
    expect(elsewhere).toEqual([]);
  });
});
