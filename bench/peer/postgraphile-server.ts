import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../src/db/free-port';
import { PEER_SMART_TAGS } from './peer-documents';

// PostGraphile 4.14.1 as the peer: installed at run time into a temporary folder (never a dependency of the project:
// it needs graphql 15), started with its CLI, production-like (no watch, no GraphiQL, no query log).

export const POSTGRAPHILE_VERSION = '4.14.1';
const run = promisify(execFile);

export interface PeerInstall {
  folder: string;
  remove(): Promise<void>;
}

/**
 * `npm install --prefix <temporary folder> postgraphile@4.14.1`. BENCH_PEER_DIR names a folder that already has it
 * (kept between development runs); otherwise the folder is removed afterwards unless `keep`.
 */
export async function installPostgraphile(options: { keep: boolean; log: (message: string) => void }): Promise<PeerInstall> {
  const existing = process.env.BENCH_PEER_DIR;
  if (existing) {
    options.log(`peer: PostGraphile from BENCH_PEER_DIR=${existing}`);
    return { folder: existing, remove: async () => undefined };
  }
  const folder = await mkdtemp(path.join(os.tmpdir(), 'ticketing-bench-postgraphile-'));
  const started = performance.now();
  await writeFile(path.join(folder, 'package.json'), `${JSON.stringify({ name: 'bench-peer', private: true })}\n`);
  await run('npm', ['install', '--prefix', folder, '--no-audit', '--no-fund', '--save-exact', `postgraphile@${POSTGRAPHILE_VERSION}`], {
    cwd: folder,
    maxBuffer: 16 * 1024 * 1024,
  });
  options.log(
    `peer: installed postgraphile@${POSTGRAPHILE_VERSION} into ${folder} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { folder, remove: async () => (options.keep ? undefined : rm(folder, { recursive: true, force: true })) };
}

export interface PeerServer {
  name: string;
  pid: number;
  graphqlUrl: string;
  stop(): Promise<void>;
}

/** Flags as a production deployment would set them; the pool as large as the project's (10). */
const POSTGRAPHILE_FLAGS = [
  '--simple-collections',
  'both',
  '--disable-query-log',
  '--disable-graphiql',
  '--dynamic-json',
  '--no-ignore-rbac',
  '--max-pool-size',
  '10',
];
const START_TIMEOUT_MS = 60_000;

/** Starts PostGraphile's CLI on `databaseUrl` (with `jwtSecret`: JWT roles and claims, for row-level security). */
export async function startPostgraphile(
  install: PeerInstall,
  options: { name: string; databaseUrl: string; jwtSecret?: string },
): Promise<PeerServer> {
  const port = await freePort();
  // Its own working folder per server: the CLI reads postgraphile.tags.json5 from it.
  const workFolder = await mkdtemp(path.join(install.folder, `${options.name}-`));
  await writeFile(path.join(workFolder, 'postgraphile.tags.json5'), PEER_SMART_TAGS);
  // Exit normally on a signal (the CLI would otherwise be killed mid-request).
  await writeFile(
    path.join(workFolder, 'exit-on-signal.cjs'),
    `for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => process.exit(0));\n`,
  );
  const cli = path.join(install.folder, 'node_modules', 'postgraphile', 'cli.js');
  const args = [
    '-r',
    path.join(workFolder, 'exit-on-signal.cjs'),
    cli,
    '-c',
    options.databaseUrl,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    ...POSTGRAPHILE_FLAGS,
  ];
  if (options.jwtSecret) args.push('--jwt-secret', options.jwtSecret);
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: workFolder,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await waitUntilListening(child, options.name);
  return {
    name: options.name,
    pid: child.pid!,
    graphqlUrl: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGINT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(workFolder, { recursive: true, force: true });
    },
  };
}

function waitUntilListening(child: ChildProcess, name: string): Promise<void> {
  let output = '';
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name}: not listening within ${START_TIMEOUT_MS} ms: ${output.slice(-2000)}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      if (!output.includes('server listening on port')) return;
      clearTimeout(timer);
      // From now on only errors are shown (its request log is off).
      child.stdout?.removeListener('data', onData);
      child.stderr?.removeListener('data', onData);
      child.stdout?.resume();
      child.stderr?.on('data', (next: Buffer) => process.stderr.write(`[${name}] ${String(next)}`));
      resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}): ${output.slice(-2000)}`));
    });
  });
}
