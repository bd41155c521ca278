// Hand-written: the OS's own choice (listen on port 0) in eight lines; get-port, the maintained library for it, is
// ESM-only since v6 and this project runs as CommonJS (ts-jest included).
import { createServer } from 'node:net';

/** A TCP port on 127.0.0.1 that was free a moment ago (for embedded PostgreSQL and servers in tests and benchmarks). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
