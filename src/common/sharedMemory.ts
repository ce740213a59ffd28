/**
 * Shared memory as the kernel reports it (`GET /api/shared-memory`): every block mapped shared
 * (`s` in `/proc/<pid>/maps`) by one of the browser's processes, with every process that maps
 * it. Processes share no memory but these blocks, each created on purpose (CLAIMS.md MP1).
 */
import type { ProcessRole } from './controlApi';

/** How the kernel names a tile pool's mapping: the memfd's label (`minium-tile-pool:<surface>`) under `/memfd:`. */
export const TILE_POOL_MAPPING = '/memfd:minium-tile-pool:';

export interface SharedMemoryBlock {
  /** The kernel's inode of the block: one block, however many processes and mappings. */
  inode: number;
  /** As `/proc/<pid>/maps` names it (`/memfd:minium-tile-pool:tab:3 (deleted)`). */
  name: string;
  /** The largest mapping of it, in bytes. */
  bytes: number;
  mappedBy: { pid: number; role: ProcessRole; writable: boolean }[];
}
