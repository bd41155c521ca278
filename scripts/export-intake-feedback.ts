import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { corpusLine } from '../src/intake/intake-corpus';
import { readFeedbackExamples } from '../src/intake/intake-feedback-export';
import { intakeDataFolder } from '../src/intake/intake-model-file';

// npm run export:intake-feedback [-- --since 2026-12-01] [--out FILE]
// Writes agents' corrections from the database at DATABASE_URL as corpus records (default:
// data/intake/corpus/feedback.jsonl, replaced each time), so that the next `npm run train:intake` includes them.

const { values } = parseArgs({ options: { since: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } } });
if (values.help) {
  console.log('usage: npm run export:intake-feedback [-- --since YYYY-MM-DD] [--out FILE]   (reads DATABASE_URL)');
  process.exit(0);
}
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('Set DATABASE_URL to the database whose corrections to export (e.g. postgres://postgres@127.0.0.1:5432/tickets)');
  process.exit(2);
}
const since = values.since ? new Date(values.since) : null;
if (since !== null && Number.isNaN(since.getTime())) {
  console.error(`--since must be a date (got ${values.since})`);
  process.exit(2);
}

async function main(): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const examples = await readFeedbackExamples(async (sql, parameters) => (await client.query(sql, parameters)).rows as unknown[], since);
    const out = values.out ?? join(intakeDataFolder(), 'corpus', 'feedback.jsonl');
    writeFileSync(out, examples.map((example) => `${corpusLine(example)}\n`).join(''));
    console.log(`${examples.length} corrections written to ${out}`);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
