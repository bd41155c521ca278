import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createDatabaseIfMissing, dropDatabase, withDatabase } from '../../src/db/database';
import { freePort } from '../../src/db/free-port';

// The two commands as a newcomer runs them: the compiled server (`npm start` runs dist/src/main.js after the
// build that `npm test` also runs first), with embedded PostgreSQL in a data folder, then with DATABASE_URL.

const MAIN = path.resolve(__dirname, '../../dist/src/main.js');
const TICKETS =
  '{ tickets(first: 100) { edges { node { number subject customer { name } order { number items { title } } messages(first: 3, order: NEWEST_FIRST) { edges { node { body } } } } } } }';

interface Started {
  child: ChildProcess;
  url: string;
  agentToken: string;
  output: () => string;
  /** What the process wrote to stdout alone: JSON log lines only. */
  stdout: () => string;
}

async function start(environment: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    output += String(chunk);
    stdout += String(chunk);
  });
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const deadline = Date.now() + 90_000;
  while (!/ready at/.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const agentToken = /agent:\s*\n\s*(\S+)/.exec(output)?.[1] ?? '';
  return { child, url: `http://127.0.0.1:${port}`, agentToken, output: () => output, stdout: () => stdout };
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

async function query(started: Started, body: string) {
  const response = await fetch(`${started.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${started.agentToken}` },
    body: JSON.stringify({ query: body }),
  });
  return { status: response.status, body: (await response.json()) as { data?: { tickets: { edges: unknown[] } }; errors?: unknown[] } };
}

/** The same query as `query`, on a new connection that closes after its answer (no kept-alive socket is reused). */
async function queryOnNewConnection(started: Started, body: string) {
  const payload = JSON.stringify({ query: body });
  return new Promise<Awaited<ReturnType<typeof query>>>((resolve, reject) => {
    const request = httpRequest(
      `${started.url}/graphql`,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${started.agentToken}`,
          'content-length': Buffer.byteLength(payload),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Awaited<ReturnType<typeof query>>['body'] }),
        );
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

describe('npm start, as a process', () => {
  const dataDirectory = mkdtempSync(path.join(os.tmpdir(), 'ticketing-start-'));
  afterAll(() => rmSync(dataDirectory, { recursive: true, force: true }));

  it('starts embedded PostgreSQL with demo data, finishes in-flight queries on SIGTERM, exits 0 and restarts cleanly', async () => {
    const environment = { DATA_DIR: dataDirectory, EMBEDDED_POSTGRES_PORT: String(await freePort()) };
    const first = await start(environment);
    expect(first.output()).toMatch(/demo data loaded/);
    // The banner (and its tokens) on stderr; stdout carries nothing but JSON log lines.
    expect(first.stdout()).not.toMatch(/ready at|Demo tokens/);
    for (const line of first.stdout().split('\n').filter(Boolean)) expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
    const answered = await query(first, TICKETS);
    expect(answered.body.data!.tickets.edges.length).toBeGreaterThanOrEqual(35);

    // Each on a connection of its own: a request sent on a kept-alive socket after SIGTERM meets a closed socket
    // and is not run (shutdown-drain.test.ts); one sent on a new connection during the grace period is served.
    const inFlight = Array.from({ length: 10 }, () => queryOnNewConnection(first, TICKETS));
    // Long enough for the requests to reach the server, far shorter than answering all ten takes.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const stoppedAt = Date.now();
    const exit = exited(first.child);
    first.child.kill('SIGTERM');
    const results = await Promise.all(inFlight);
    for (const result of results) {
      expect(result.status).toBe(200);
      expect(result.body.errors).toBeUndefined();
      expect(result.body.data!.tickets.edges.length).toBeGreaterThanOrEqual(35);
    }
    expect(await exit).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);

    const second = await start(environment);
    try {
      expect(second.output()).not.toMatch(/demo data loaded/);
      expect((await fetch(`${second.url}/readyz`)).status).toBe(200);
      expect((await query(second, TICKETS)).body.data!.tickets.edges.length).toBe(answered.body.data!.tickets.edges.length);
    } finally {
      const secondExit = exited(second.child);
      second.child.kill('SIGINT');
      expect(await secondExit).toBe(0);
    }
  }, 180_000);

  it('uses DATABASE_URL when set and never touches the data folder', async () => {
    const serverUrl = process.env.TEST_POSTGRES_SERVER_URL!;
    const database = `ticketing_start_${process.pid}`;
    await createDatabaseIfMissing(serverUrl, database);
    const untouched = path.join(dataDirectory, 'never-created');
    try {
      const started = await start({ DATABASE_URL: withDatabase(serverUrl, database), DATA_DIR: untouched });
      try {
        expect(started.output()).toMatch(/database: DATABASE_URL \(demo data loaded\)/);
        expect((await query(started, TICKETS)).body.data!.tickets.edges.length).toBeGreaterThanOrEqual(35);
      } finally {
        const exit = exited(started.child);
        started.child.kill('SIGTERM');
        expect(await exit).toBe(0);
      }
      expect(existsSync(untouched)).toBe(false);
    } finally {
      await dropDatabase(serverUrl, database);
    }
  }, 180_000);

  it('prints no token and signs none in a production start (NODE_ENV=production, real AUTH_SECRET)', async () => {
    const serverUrl = process.env.TEST_POSTGRES_SERVER_URL!;
    const database = `ticketing_production_${process.pid}`;
    await createDatabaseIfMissing(serverUrl, database);
    try {
      const started = await start({
        NODE_ENV: 'production',
        AUTH_SECRET: 'a-real-production-secret-0123456789abcdef',
        DATABASE_URL: withDatabase(serverUrl, database),
        RUN_WORKER: 'false',
      });
      try {
        expect(started.output()).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/);
        expect(started.output()).not.toMatch(/demo data loaded/);
        expect(started.output()).toMatch(/Tokens: none printed/);
      } finally {
        const exit = exited(started.child);
        started.child.kill('SIGTERM');
        expect(await exit).toBe(0);
      }
    } finally {
      await dropDatabase(serverUrl, database);
    }
  }, 180_000);
});
