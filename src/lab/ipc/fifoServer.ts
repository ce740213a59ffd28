/**
 * CLAIMS.md NPIPE1's "a server and one or more clients": one well-known FIFO that several client
 * processes write requests into, and one reply FIFO per client. A request is one line of at most
 * PIPE_BUF bytes, so the kernel writes it whole and requests from different clients never mix.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';
import type { FifoServerResult } from '../../common/labReports';
import { openFifoReader, openFifoWriter } from './fifo';
import { startPeer } from './PeerProcess';

const PIPE_BUF = 4096; // POSIX guarantees at least 512; Linux and macOS give 4096

/** The server's side (a peer process): answer each request line on the client's own FIFO. */
export async function serveFifoRequests(dir: string): Promise<void> {
  const replies = new Map<string, Promise<import('node:net').Socket>>();
  const requests = readline.createInterface({ input: openFifoReader(path.join(dir, 'requests.fifo')) });
  for await (const line of requests) {
    const { client, seq } = JSON.parse(line) as { client: string; seq: number };
    if (!/^\d+$/.test(client)) continue;
    if (!replies.has(client)) replies.set(client, openFifoWriter(path.join(dir, `reply-${client}.fifo`)));
    (await replies.get(client)!).write(`${JSON.stringify({ seq, served: process.pid })}\n`);
  }
}

/** A client's side (a peer process): send requests, count the answers to its own. */
export async function askFifoServer(dir: string, client: string, count: number): Promise<number> {
  const replies = readline.createInterface({ input: openFifoReader(path.join(dir, `reply-${client}.fifo`)) });
  const server = await openFifoWriter(path.join(dir, 'requests.fifo'));
  let answered = 0;
  for (let seq = 1; seq <= count; seq++) {
    const line = `${JSON.stringify({ client, seq, pad: 'x'.repeat(100) })}\n`;
    if (Buffer.byteLength(line) > PIPE_BUF) throw new Error('a request must fit in PIPE_BUF to be written atomically');
    server.write(line);
  }
  for await (const line of replies) {
    if ((JSON.parse(line) as { seq: number }).seq <= count && ++answered === count) break;
  }
  server.end();
  return answered;
}

export async function runFifoServerDemo(workDir: string, clients = 3, requestsEach = 50): Promise<FifoServerResult> {
  const dir = path.join(workDir, 'fifo-server');
  execFileSync('mkdir', ['-p', dir]);
  execFileSync('mkfifo', [
    path.join(dir, 'requests.fifo'),
    ...Array.from({ length: clients }, (_, i) => path.join(dir, `reply-${i + 1}.fifo`)),
  ]);
  const t0 = performance.now();
  const server = await startPeer('fifo-server', [`--dir=${dir}`]);
  try {
    const answers = await Promise.all(
      Array.from({ length: clients }, async (_, i) => {
        const client = await startPeer('fifo-client', [`--dir=${dir}`, `--client=${i + 1}`, `--count=${requestsEach}`]);
        const done = new Promise<number>((resolve) =>
          client.child.once('message', (m) => resolve((m as { answered: number }).answered)),
        );
        const answered = await Promise.race([
          done,
          client.gone.then(() => 0),
          new Promise<number>((r) => setTimeout(() => r(0), 10000)),
        ]);
        await client.stop();
        return answered;
      }),
    );
    return {
      clients,
      requests: clients * requestsEach,
      answered: answers.reduce((a, b) => a + b, 0),
      milliseconds: performance.now() - t0,
    };
  } finally {
    await server.stop();
    execFileSync('rm', ['-rf', dir]);
  }
}
