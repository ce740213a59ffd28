/**
 * Files as IPC: the data is written to a file and read back by the other process; only a
 * one-line notification ("it is there") travels over the IPC channel, as a file server's
 * clients would be told by a watcher or a poll.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Link, Mechanism, Tally } from '../Link';
import { startPeer } from '../PeerProcess';
import { Tallier } from '../Tallier';

type Note = { f: 'echo' | 'data' | 'end'; seq: number } | { f: 'echoed'; seq: number } | { f: 'tally'; t: Tally };

export const fileMechanism: Mechanism = {
  id: 'file',
  name: 'file (write, notify, read)',
  between: 'processes',
  claims: ['FILE1', 'IPC2'],
  note:
    'Every message goes through the page cache (and, for a file server, the network): the slowest way here, but ' +
    'the data outlives both processes.',
  async open(workDir) {
    const dir = path.join(workDir, 'files');
    await fs.mkdir(dir, { recursive: true });
    const peer = await startPeer('file', [`--dir=${dir}`]);
    let seq = 0;
    const waiters: { resolve: (n: Note) => void; reject: (e: Error) => void }[] = [];
    let gone: Error | null = null;
    peer.child.on('message', (n) => waiters.shift()?.resolve(n as Note));
    peer.child.once('exit', (code, signal) => {
      gone = new Error(`file: the peer process ended (${signal ?? code})`);
      waiters.splice(0).forEach((w) => w.reject(gone!));
    });
    const reply = () => {
      if (gone) throw gone;
      const p = new Promise<Note>((resolve, reject) => waiters.push({ resolve, reject }));
      p.catch(() => undefined); // a failing notify may be the error reported instead
      return p;
    };
    const notify = (n: Note) => {
      if (!peer.child.connected) throw gone ?? new Error('file: the peer process ended');
      peer.child.send(n, () => undefined); // a failure here is reported by the exit handler
    };
    const link: Link = {
      async roundTrip(payload) {
        const n = ++seq;
        await fs.writeFile(path.join(dir, `req-${n}`), payload);
        const answer = reply();
        notify({ f: 'echo', seq: n });
        await answer;
        const back = await fs.readFile(path.join(dir, `resp-${n}`));
        await fs.rm(path.join(dir, `resp-${n}`));
        return back;
      },
      async stream(payload, count) {
        for (let i = 0; i < count; i++) {
          const n = ++seq;
          await fs.writeFile(path.join(dir, `req-${n}`), payload);
          notify({ f: 'data', seq: n });
        }
        const answer = reply();
        notify({ f: 'end', seq: ++seq });
        return ((await answer) as { t: Tally }).t;
      },
      async close() {
        await peer.stop();
        await fs.rm(dir, { recursive: true, force: true });
      },
    };
    return link;
  },
};

/** The peer's side: read each announced file, echo it into a reply file or tally it. */
export function serveFiles(dir: string): void {
  const tallier = new Tallier();
  let chain = Promise.resolve();
  process.on('message', (raw) => {
    const n = raw as Note;
    // One at a time, in order: the notifications may arrive faster than the files are read.
    chain = chain.then(async () => {
      if (n.f === 'end') return void process.send!({ f: 'tally', t: tallier.take() });
      if (n.f !== 'echo' && n.f !== 'data') return;
      const file = path.join(dir, `req-${n.seq}`);
      const body = await fs.readFile(file);
      await fs.rm(file);
      if (n.f === 'data') return tallier.add(body);
      await fs.writeFile(path.join(dir, `resp-${n.seq}`), body);
      process.send!({ f: 'echoed', seq: n.seq });
    });
  });
}
