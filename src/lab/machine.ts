import * as os from 'node:os';

/** The facts a figure needs beside it to be read: which machine, which runtime. */
export function machineFacts(): Record<string, string | number> {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.versions.node,
    v8: process.versions.v8,
    ...(process.versions.electron ? { electron: process.versions.electron } : {}),
  };
}
