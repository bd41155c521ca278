import { connect, Socket } from 'node:net';

/** A TCP connection to the server that records what it receives and when it was closed (ms after opening). */
export interface RawConnection {
  socket: Socket;
  /** Everything received so far, as text. */
  received(): string;
  closed: Promise<{ afterMs: number; received: string }>;
}

/** Opens a raw TCP connection to the host and port of `url` (tests write what no HTTP client would). */
export async function openRawConnection(url: string): Promise<RawConnection> {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port) });
  const opened = performance.now();
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString('utf8')));
  socket.on('error', () => undefined); // a reset connection is an outcome under test
  const closed = new Promise<{ afterMs: number; received: string }>((resolve) =>
    socket.once('close', () => resolve({ afterMs: performance.now() - opened, received })),
  );
  await new Promise((resolve) => socket.once('connect', resolve));
  return { socket, received: () => received, closed };
}

/** Writes `chunks` one every `intervalMs` while the socket is open: a slow client. Resolves when done or closed. */
export async function trickle(socket: Socket, chunks: string[], intervalMs: number): Promise<number> {
  let written = 0;
  for (const chunk of chunks) {
    if (socket.destroyed || !socket.writable) break;
    socket.write(chunk);
    written += 1;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return written;
}
