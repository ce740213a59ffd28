/**
 * The tile pools one frame sink client handed over on its own connection, by the id it gave
 * each (as viz keeps a client's shared bitmaps by id): a client can name only pools it passed
 * itself, so no renderer can show another's pixels. One per connection; unmapped when the
 * connection ends, so a dead client's memory goes away.
 */
import { TILE_BYTES } from '../../common/tiles';
import { mapReceived } from '../../platform/AnonymousSharedMemory';
import type { MappedMemory } from '../../platform/native';

/** A client's pool as the display compositor reads it: read-only, `slots` tiles. */
export interface TilePool {
  memory: MappedMemory;
  slots: number;
}

/** A renderer needs one pool per tab: far more than this is a client hoarding mappings. */
const MAX_POOLS_PER_CLIENT = 256;

export class ClientPools {
  private readonly pools = new Map<number, TilePool>();

  /** Maps the descriptor the client passed for `poolId` (taking it); throws a readable reason if it is refused. */
  add(poolId: number, slots: number, fd: number): void {
    const memory = mapReceived(fd, slots * TILE_BYTES, `tile pool ${poolId}`);
    if (this.pools.has(poolId) || this.pools.size >= MAX_POOLS_PER_CLIENT) {
      memory.close();
      throw new Error(
        this.pools.has(poolId)
          ? `tile pool ${poolId} was handed over twice`
          : `more than ${MAX_POOLS_PER_CLIENT} tile pools`,
      );
    }
    this.pools.set(poolId, { memory, slots });
  }

  get(poolId: number): TilePool {
    const pool = this.pools.get(poolId);
    if (!pool) throw new Error(`tile pool ${poolId} was not handed over on this connection`);
    return pool;
  }

  delete(poolId: number): void {
    this.get(poolId).memory.close();
    this.pools.delete(poolId);
  }

  /** How many pools, and how many bytes of shared memory they map. */
  size(): { pools: number; bytes: number } {
    let bytes = 0;
    for (const pool of this.pools.values()) bytes += pool.slots * TILE_BYTES;
    return { pools: this.pools.size, bytes };
  }

  close(): void {
    for (const pool of this.pools.values()) pool.memory.close();
    this.pools.clear();
  }
}
