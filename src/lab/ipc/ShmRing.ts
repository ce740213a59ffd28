/**
 * Two message rings (one each way) in one named shared-memory segment, driven by the addon:
 * the bytes are copied in by the writer and out by the reader, with no kernel in between and
 * no serialization; a side that must wait spins briefly, then sleeps on a futex.
 */
import { native, SharedMemoryRegion } from '../../platform/native';

export const RING_CAPACITY = 4 * 1024 * 1024;

export class ShmRings {
  private constructor(
    readonly region: SharedMemoryRegion,
    private readonly sendAt: number,
    private readonly receiveAt: number,
  ) {}

  private static layout(): { ringBytes: number; size: number } {
    const ringBytes = native().ringHeaderBytes + RING_CAPACITY;
    return { ringBytes, size: 2 * ringBytes };
  }

  /** The lab's side: creates the segment; it sends on the first ring and receives on the second. */
  static create(name: string): ShmRings {
    const { ringBytes, size } = ShmRings.layout();
    const region = SharedMemoryRegion.create(name, size);
    native().ringInit(region.nativeHandle, 0, RING_CAPACITY);
    native().ringInit(region.nativeHandle, ringBytes, RING_CAPACITY);
    return new ShmRings(region, 0, ringBytes);
  }

  /** The peer's side: the same segment with the rings the other way round. */
  static open(name: string): ShmRings {
    const { ringBytes, size } = ShmRings.layout();
    return new ShmRings(SharedMemoryRegion.open(name, size), ringBytes, 0);
  }

  /** Blocks until the message fits; false if the reader did not make room in time. */
  send(bytes: Uint8Array, timeoutMs: number): boolean {
    return native().ringWrite(this.region.nativeHandle, this.sendAt, bytes, timeoutMs);
  }

  /** Blocks until a message arrives; null on timeout. */
  receive(timeoutMs: number): Buffer | null {
    return native().ringRead(this.region.nativeHandle, this.receiveAt, timeoutMs);
  }
}
