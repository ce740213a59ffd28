/**
 * Anonymous shared memory (a Linux memfd): what tile pools are made of. It has no name, so no
 * other process can open it; it reaches one only as a file descriptor passed over a Unix socket
 * (`src/viz/`), and it goes away with its last descriptor and mapping, however its holders end.
 * Sealed against resizing before anyone else sees it, so no holder's mapping can fault under it.
 */
import * as fs from 'node:fs';
import { MappedMemory, native } from './native';

/** What another thread of the same process needs to map the memory: the fd table is shared. */
export interface SameProcessDescriptor {
  fd: number;
  /** Which file the descriptor must still be, so a pool closed meanwhile is never mistaken for another. */
  inode: number;
  size: number;
}

/** Memory this process created; it owns the descriptor and closes it with the mapping. */
export class AnonymousSharedMemory extends MappedMemory {
  private constructor(
    label: string,
    size: number,
    handle: object,
    private fd: number,
    readonly inode: number,
  ) {
    super(label, size, handle);
  }

  /** `label` shows in `/proc/<pid>/fd` and `/proc/<pid>/maps` as `/memfd:<label>`, for people, not for opening. */
  static create(label: string, size: number): AnonymousSharedMemory {
    const { handle, fd, inode } = native().createAnonymous(label, size);
    return new AnonymousSharedMemory(label, size, handle, fd, inode);
  }

  get descriptor(): SameProcessDescriptor {
    if (this.closed) throw new Error(`Shared memory ${this.label} is already closed`);
    return { fd: this.fd, inode: this.inode, size: this.size };
  }

  override close(): void {
    if (this.closed) return;
    super.close();
    fs.closeSync(this.fd);
    this.fd = -1;
  }
}

/** Maps, read-write, memory another thread of this process created (a raster thread's view of a tab's pool). */
export function mapSameProcess(d: SameProcessDescriptor, label: string): MappedMemory {
  return new MappedMemory(label, d.size, native().mapSameProcess(d.fd, d.size, d.inode));
}

/**
 * Maps, read-only, memory another process handed over as `fd`, once the addon has proven it a
 * memfd of exactly `size` bytes sealed against shrinking; throws a readable reason otherwise.
 * Takes the descriptor: it is closed either way (the mapping keeps the memory).
 */
export function mapReceived(fd: number, size: number, label: string): MappedMemory {
  return new MappedMemory(label, size, native().mapReceived(fd, size));
}
