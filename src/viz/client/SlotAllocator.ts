/**
 * Which tile slots of a shared-memory pool may be written. A slot referenced by a frame the
 * display compositor has not acknowledged, or by the last acknowledged frame it still shows,
 * is in use: overwriting it would tear what is on screen. This ownership hand-over is the
 * synchronization that shared memory needs (CLAIMS.md SHM2). Pure bookkeeping.
 */
export class SlotAllocator {
  private readonly inFlight = new Map<number, Set<number>>(); // frame seq -> slots it references
  private displayed = new Set<number>(); // slots of the newest acknowledged frame
  private readonly reserved = new Set<number>(); // allocated, not yet in a submitted frame

  constructor(readonly slots: number) {}

  /** A free slot, reserved for the caller, or null when every slot is in use. */
  allocate(): number | null {
    const busy = new Set<number>([...this.displayed, ...this.reserved]);
    for (const set of this.inFlight.values()) for (const s of set) busy.add(s);
    for (let s = 0; s < this.slots; s++) {
      if (!busy.has(s)) {
        this.reserved.add(s);
        return s;
      }
    }
    return null;
  }

  /** Gives back a reserved slot that will not be used after all (its raster task failed). */
  release(slot: number): void {
    this.reserved.delete(slot);
  }

  submitted(seq: number, slots: Iterable<number>): void {
    const set = new Set(slots);
    this.inFlight.set(seq, set);
    for (const s of set) this.reserved.delete(s);
  }

  acknowledged(seq: number): void {
    const set = this.inFlight.get(seq);
    if (!set) return;
    this.displayed = set;
    for (const k of [...this.inFlight.keys()]) if (k <= seq) this.inFlight.delete(k);
  }

  /** The display compositor went away: nothing is in flight any more, but the newest frame's slots stay. */
  reset(latest: Iterable<number>): void {
    this.inFlight.clear();
    this.displayed = new Set(latest);
  }

  get inUse(): number {
    const busy = new Set<number>([...this.displayed, ...this.reserved]);
    for (const set of this.inFlight.values()) for (const s of set) busy.add(s);
    return busy.size;
  }
}
