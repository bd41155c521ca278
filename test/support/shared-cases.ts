import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Where the team's acceptance data lives: `../shared` beside the project, on the team's machines and in CI. */
export const SHARED_CASES_DIRECTORY = path.resolve(__dirname, '../../../shared/cases');

/**
 * Reads an acceptance case file, or returns null after a visible notice when `../shared` is absent (a user's
 * clone): the project's own tests still run.
 */
export function readSharedCases<T>(fileName: string): T | null {
  const file = path.join(SHARED_CASES_DIRECTORY, fileName);
  if (!existsSync(file)) {
    console.warn(`NOTICE: shared acceptance cases not found at ${file}; skipping them (the project's own cases still run).`);
    return null;
  }
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}
