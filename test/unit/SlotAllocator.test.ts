import { SlotAllocator } from '../../src/viz/client/SlotAllocator';

describe('SlotAllocator (who may write which tile slot)', () => {
  test('a slot on screen or in flight is never handed out again', () => {
    const a = new SlotAllocator(3);
    const s0 = a.allocate()!;
    const s1 = a.allocate()!;
    a.submitted(1, [s0, s1]);
    const s2 = a.allocate()!;
    expect(new Set([s0, s1, s2]).size).toBe(3);
    expect(a.allocate()).toBeNull(); // frame 1 is unacknowledged and s2 is reserved
    a.submitted(2, [s2, s1]);
    a.acknowledged(2); // the display now shows frame 2: s0 is free again
    expect(a.allocate()).toBe(s0);
  });

  test('an acknowledgement retires every older frame', () => {
    const a = new SlotAllocator(4);
    a.submitted(1, [0]);
    a.submitted(2, [1]);
    a.submitted(3, [2]);
    a.acknowledged(3);
    expect(a.inUse).toBe(1);
  });

  test('released reservations and a display reset free slots', () => {
    const a = new SlotAllocator(2);
    const s = a.allocate()!;
    a.release(s);
    expect(a.inUse).toBe(0);
    a.submitted(1, [0, 1]);
    a.reset([1]);
    expect(a.allocate()).toBe(0);
  });
});
