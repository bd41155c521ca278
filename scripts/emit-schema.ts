import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printedSchema } from '../src/resolvers/schema';

// `npm run schema`: writes schema.graphql, the committed contract with clients (a test fails when it drifts).
printedSchema()
  .then((schema) => {
    writeFileSync(path.resolve(__dirname, '..', '..', 'schema.graphql'), schema);
    process.stdout.write('schema.graphql written\n');
  })
  .catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
