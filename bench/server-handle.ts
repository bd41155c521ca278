import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { ServerReply, ServerRequest } from './server-process';

export interface ServerStats {
  cpuMicroseconds: number;
  rssBytes: number;
  heapUsedBytes: number;
}

export interface ServerHandle {
  graphqlUrl: string;
  /** The server process (its CPU read from /proc by the peer comparison, like the peer's). */
  pid: number;
  subscriptionFields: string[];
  stats(): Promise<ServerStats>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

/**
 * Forks bench/server-process.js (compiled next to this file, or `serverScript`: another build's, e.g. a baseline
 * commit's in bench/baseline-ab.ts) and waits until it listens.
 */
export async function startServerProcess(options: {
  databaseUrl: string;
  authSecret: string;
  cpuProfileDirectory?: string;
  serverScript?: string;
}): Promise<ServerHandle> {
  const execArgv = options.cpuProfileDirectory ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDirectory] : [];
  const child: ChildProcess = fork(options.serverScript ?? path.join(__dirname, 'server-process.js'), [], {
    // NODE_ENV=production in the environment, as a deployment sets it: libraries read it when loaded (graphql-js
    // drops its development-mode checks, express its verbose errors), not from the application's config.
    env: {
      ...process.env,
      NODE_ENV: 'production',
      BENCH_SERVER_DATABASE_URL: options.databaseUrl,
      BENCH_AUTH_SECRET: options.authSecret,
      LOG_LEVEL: 'silent',
    },
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waitFor = <T extends ServerReply['type']>(type: T, timeoutMs: number): Promise<Extract<ServerReply, { type: T }>> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`server process: no "${type}" within ${timeoutMs} ms`));
      }, timeoutMs);
      const onMessage = (message: ServerReply) => {
        if (message.type === 'failed') {
          cleanup();
          reject(new Error(`server process failed: ${message.message}`));
        } else if (message.type === type) {
          cleanup();
          resolve(message as Extract<ServerReply, { type: T }>);
        }
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`server process exited (${code}) while waiting for "${type}"`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
    });
  const request = (message: ServerRequest) => child.send(message);

  let ready;
  try {
    ready = await waitFor('ready', START_TIMEOUT_MS);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    graphqlUrl: ready.graphqlUrl,
    pid: child.pid!,
    subscriptionFields: ready.subscriptionFields,
    async stats() {
      const reply = waitFor('stats', 5_000);
      request({ type: 'stats' });
      const { cpuMicroseconds, rssBytes, heapUsedBytes } = await reply;
      return { cpuMicroseconds, rssBytes, heapUsedBytes };
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      request({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
