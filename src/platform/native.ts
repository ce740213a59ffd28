/**
 * The project's native addon: cross-process shared memory — anonymous tile pools passed as file
 * descriptors (`AnonymousSharedMemory.ts`), named POSIX segments for the IPC lab — and a real
 * memory fault. Loaded by the renderer's threads, plugins, the display compositor and the labs.
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
  /** RLIMIT_DATA on this process, soft and hard (POSIX only). */
  limitDataSegment(bytes: number): void;
  /**
   * Linux: the kernel SIGKILLs this process when its parent ends; false if that parent is already
   * gone; null elsewhere.
   */
  bindToParentLifetime(parentPid: number): boolean | null;
  /** The signal the kernel sends when the parent ends (0: none). */
  parentDeathSignal(): number;
  /**
   * The calling thread's V8 isolate collects at once, reducing its footprint; malloc returns free
   * pages (src/native/memory_pressure.cc).
   */
  reduceIsolateMemory(): void;
  // Anonymous shared memory and descriptor passing (src/native/anonymous_memory.cc), Linux only.
  createAnonymous(label: string, size: number): { handle: object; fd: number; inode: number };
  mapSameProcess(fd: number, size: number, inode: number): object;
  mapReceived(fd: number, size: number): object;
  sendDescriptor(socketFd: number, fd: number): void;
  receiveDescriptor(socketFd: number): number;
  /**
   * A TCP socket listening on 127.0.0.1, made before the sandbox for a thread started after it
   * (src/native/listen_sockets.cc), Linux only.
   */
  listenLoopback?(): { fd: number; port: number };
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
  /** A lat_ctx hand-off (µs, median) to a peer pinned to peerCpu; the caller pins itself first. */
  switchCostC?(
    iterations: number,
    threads: boolean,
    peerCpu: number,
  ): { handOff: number; overhead: number; cpu: number; peerCpu: number };
  // CPU affinity of the calling thread (minium_native.cc), Linux only.
  setAffinity?(cpus: number[]): void;
  getAffinity?(): number[];
  currentCpu?(): number;
  shmRace?(
    size: number,
    milliseconds: number,
    writerCpu?: number,
  ): Record<'unsynchronized' | 'seqlock', { reads: number; torn: number; retries: number; writerCpu: number }>;
  // POSIX message queues (src/native/mq_native.cc), Linux only.
  mqOpen?(name: string, create: boolean, maxMessages: number, messageSize: number): object;
  mqSend?(handle: object, bytes: Uint8Array, timeoutMs: number): boolean;
  mqReceive?(handle: object, timeoutMs: number): Buffer | null;
  mqUnlink?(name: string): boolean;
  pipePingPongC?(size: number, iterations: number): { median: number; p99: number };
  // The OS sandbox a child applies to itself (src/native/sandbox.cc), Linux only.
  sandboxApply?(options: { readBeneath: string[]; allowInet: boolean }): number;
  sandboxReadBack?(): { seccomp: number; seccompFilters: number; noNewPrivs: number; threads: string[] };
  sandboxLandlockAbi?(): number;
  memfdCreate?(name: string): number;
  // Reaching into another process (src/native/process_memory.cc), Linux only: the memory probe tries them.
  readProcessMemory?(pid: number, address: number, length: number): Buffer;
  takeDescriptor?(pid: number, fd: number): number;
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

/** A mapping of shared memory in this thread (a handle from the addon): copies in and out. */
export class MappedMemory {
  private handle: object | null;

  constructor(
    /** What the memory is, for error messages. */
    readonly label: string,
    readonly size: number,
    handle: object,
  ) {
    this.handle = handle;
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

  get closed(): boolean {
    return this.handle === null;
  }

  /** Unmaps; the memory itself lives on while another mapping or descriptor holds it. */
  close(): void {
    if (!this.handle) return;
    native().unmap(this.handle);
    this.handle = null;
  }

  private live(): object {
    if (!this.handle) throw new Error(`Shared memory ${this.label} is already closed`);
    return this.handle;
  }
}

/**
 * A named POSIX shared-memory segment (`shm_open`), which any process of the user can open by
 * its name: the IPC lab measures these on purpose (CLAIMS.md SHM1). Tile pools are anonymous.
 */
export class SharedMemoryRegion extends MappedMemory {
  private constructor(
    readonly name: string,
    size: number,
    handle: object,
    private readonly owner: boolean,
  ) {
    super(name, size, handle);
  }

  /** Creates a new region; fails if the name is taken. The creator unlinks it on close. */
  static create(name: string, size: number): SharedMemoryRegion {
    return new SharedMemoryRegion(name, size, native().map(name, size, true), true);
  }

  static open(name: string, size: number): SharedMemoryRegion {
    return new SharedMemoryRegion(name, size, native().map(name, size, false), false);
  }

  override close(): void {
    if (this.closed) return;
    super.close();
    if (this.owner) native().unlink(this.name);
  }
}
