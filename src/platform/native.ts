/**
 * The project's native addon: named cross-process shared memory and a real memory fault.
 * Loaded by the renderer's threads, plugins, the display compositor and the browser's sweeper.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { APP_ROOT, unpackedPath } from './paths';

interface NativeAddon {
  map(name: string, size: number, create: boolean): object;
  write(handle: object, offset: number, src: Uint8Array | Uint8ClampedArray): void;
  read(handle: object, offset: number, dst: Uint8Array | Uint8ClampedArray): void;
  unmap(handle: object): void;
  unlink(name: string): boolean;
  fault(): never;
  // The IPC lab's rings and C baselines (src/native/lab_native.cc).
  ringHeaderBytes: number;
  ringInit(handle: object, offset: number, capacity: number): void;
  ringWrite(handle: object, offset: number, bytes: Uint8Array, timeoutMs: number): boolean;
  ringRead(handle: object, offset: number, timeoutMs: number): Buffer | null;
  memcpyBandwidth(bytes: number, iterations: number): number;
  shmPingPongC?(size: number, iterations: number): { median: number; p99: number };
  pipePingPongThreadsC?(size: number, iterations: number): { median: number; p99: number };
  pipeDirection?(): { writeToReadEnd: string; readFromWriteEnd: string };
  spawnCostC?(count: number, threads: boolean): { median: number; p99: number };
  shmRace?(
    size: number,
    milliseconds: number,
  ): Record<'unsynchronized' | 'seqlock', { reads: number; torn: number; retries: number }>;
  // POSIX message queues (src/native/mq_native.cc), Linux only.
  mqOpen?(name: string, create: boolean, maxMessages: number, messageSize: number): object;
  mqSend?(handle: object, bytes: Uint8Array, timeoutMs: number): boolean;
  mqReceive?(handle: object, timeoutMs: number): Buffer | null;
  mqUnlink?(name: string): boolean;
  pipePingPongC?(size: number, iterations: number): { median: number; p99: number };
  // The OS sandbox a child applies to itself (src/native/sandbox.cc), Linux only.
  sandboxApply?(options: { readBeneath: string[]; poolBeneath: string[]; allowInet: boolean }): number;
  sandboxReadBack?(): { seccomp: number; seccompFilters: number; noNewPrivs: number; threads: string[] };
  sandboxLandlockAbi?(): number;
  memfdCreate?(name: string): number;
}

let addon: NativeAddon | null = null;

export function native(): NativeAddon {
  if (addon) return addon;
  const file = unpackedPath(path.join(APP_ROOT, 'build', 'Release', 'minium_native.node'));
  if (!fs.existsSync(file)) {
    throw new Error(`Minium's native addon is missing (${file}); run "npm run build:native" (needs g++ and python3).`);
  }
  // The addon's path is known only at run time (inside or outside the asar archive).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  addon = require(file) as NativeAddon;
  return addon;
}

/** A named block of memory that several processes (and threads) map at once. */
export class SharedMemoryRegion {
  private handle: object | null;

  private constructor(
    readonly name: string,
    readonly size: number,
    handle: object,
    private readonly owner: boolean,
  ) {
    this.handle = handle;
  }

  /** Creates a new region; fails if the name is taken. The creator unlinks it on close. */
  static create(name: string, size: number): SharedMemoryRegion {
    return new SharedMemoryRegion(name, size, native().map(name, size, true), true);
  }

  static open(name: string, size: number): SharedMemoryRegion {
    return new SharedMemoryRegion(name, size, native().map(name, size, false), false);
  }

  write(offset: number, src: Uint8Array | Uint8ClampedArray): void {
    native().write(this.live(), offset, src);
  }

  read(offset: number, dst: Uint8Array | Uint8ClampedArray): void {
    native().read(this.live(), offset, dst);
  }

  /** The mapping's handle, for the addon's own operations on it (the lab's rings). */
  get nativeHandle(): object {
    return this.live();
  }

  close(): void {
    if (!this.handle) return;
    native().unmap(this.handle);
    this.handle = null;
    if (this.owner) native().unlink(this.name);
  }

  private live(): object {
    if (!this.handle) throw new Error(`Shared memory ${this.name} is already closed`);
    return this.handle;
  }
}
