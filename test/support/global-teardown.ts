import { rmSync } from 'node:fs';
import { dropDatabase } from '../../src/db/database';

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env.TEST_POSTGRES_SERVER_URL;
  const template = process.env.TEST_TEMPLATE_DATABASE;
  if (serverUrl && template) await dropDatabase(serverUrl, template);
  await globalThis.embeddedPostgresForTests?.stop();
  if (globalThis.embeddedPostgresFolderForTests) rmSync(globalThis.embeddedPostgresFolderForTests, { recursive: true, force: true });
}
