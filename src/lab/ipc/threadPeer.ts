/**
 * The IPC lab's peer thread: echoes and tallies over postMessage, or over a SharedArrayBuffer
 * with Atomics (see mechanisms/sharedArrayBuffer.ts for the layout).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type LabMessage, serveMessages } from './MessageLink';
import { Tallier } from './Tallier';
import { SabKind, sabViews, spinUntil } from './mechanisms/sharedArrayBuffer';

const { mode, sab } = workerData as { mode: 'postmessage' | 'sab'; sab?: SharedArrayBuffer };

if (mode === 'postmessage') {
  serveMessages({
    post: (m) => parentPort!.postMessage(m),
    onMessage: (l) => parentPort!.on('message', (m: LabMessage) => l(m)),
  });
} else {
  const { ctrl, data } = sabViews(sab!);
  const tallier = new Tallier();
  const own = new Uint8Array(data.length);
  let seen = 0;
  // This thread does nothing but wait on the shared word: briefly spinning, then blocked (no CPU).
  for (;;) {
    if (!spinUntil(() => Atomics.load(ctrl, 0) !== seen)) Atomics.wait(ctrl, 0, seen);
    const to = Atomics.load(ctrl, 0);
    if (to === seen) continue;
    seen = to;
    const len = ctrl[2];
    const kind = ctrl[3] as SabKind;
    if (kind === SabKind.Echo) {
      own.set(data.subarray(0, len)); // read it out, as a receiver must
      data.set(own.subarray(0, len)); // and write it back
    } else if (kind === SabKind.Data) {
      tallier.add(data.subarray(0, len));
    } else {
      const json = Buffer.from(JSON.stringify(tallier.take()));
      data.set(json);
      ctrl[2] = json.length;
    }
    Atomics.store(ctrl, 1, seen);
    Atomics.notify(ctrl, 1);
  }
}
