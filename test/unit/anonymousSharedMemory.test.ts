/** Anonymous shared memory through the real addon: a memfd with no name, mapped by descriptor. */
import * as fs from 'node:fs';
import { AnonymousSharedMemory, mapReceived, mapSameProcess } from '../../src/platform/AnonymousSharedMemory';

const SIZE = 64 * 1024;
const bytes = (...values: number[]) => Uint8Array.from(values);

test('a pool is a memfd with no name in /dev/shm, shown in /proc by its label', () => {
  // Other processes come and go in /dev/shm: only names that could be ours count.
  const ours = () => fs.readdirSync('/dev/shm').filter((n) => n.includes(String(process.pid)));
  const pool = AnonymousSharedMemory.create('minium-tile-pool:unit', SIZE);
  try {
    expect(fs.readlinkSync(`/proc/self/fd/${pool.descriptor.fd}`)).toBe('/memfd:minium-tile-pool:unit (deleted)');
    expect(fs.statSync(`/proc/self/fd/${pool.descriptor.fd}`)).toMatchObject({ ino: pool.inode, size: SIZE });
    expect(ours()).toEqual([]);
  } finally {
    pool.close();
  }
});

test('another thread’s mapping by descriptor is the same memory', () => {
  const pool = AnonymousSharedMemory.create('minium-tile-pool:unit', SIZE);
  const view = mapSameProcess(pool.descriptor, 'view');
  try {
    pool.write(100, bytes(1, 2, 3));
    const out = new Uint8Array(3);
    view.read(100, out);
    expect([...out]).toEqual([1, 2, 3]);
    view.write(200, bytes(9));
    pool.read(200, out.subarray(0, 1));
    expect(out[0]).toBe(9);
  } finally {
    view.close();
    pool.close();
  }
});

test('a descriptor of a pool closed meanwhile is refused, even when its number now names another pool', () => {
  const old = AnonymousSharedMemory.create('minium-tile-pool:old', SIZE);
  const stale = old.descriptor;
  old.close();
  const next = AnonymousSharedMemory.create('minium-tile-pool:new', SIZE); // the kernel reuses the lowest free number
  try {
    expect(next.descriptor.fd).toBe(stale.fd);
    expect(() => mapSameProcess(stale, 'stale')).toThrow(/no longer that pool/);
  } finally {
    next.close();
  }
  expect(() => mapSameProcess(stale, 'stale')).toThrow(/not open|no longer that pool/);
});

test('memory handed over is mapped read-only: it can be read, and a write is refused instead of faulting', () => {
  const pool = AnonymousSharedMemory.create('minium-tile-pool:unit', SIZE);
  // Another descriptor for the same memfd, as recvmsg would produce: the mapping takes it.
  const received = fs.openSync(`/proc/self/fd/${pool.descriptor.fd}`, 'r');
  const mapping = mapReceived(received, SIZE, 'received');
  try {
    pool.write(0, bytes(7, 7));
    const out = new Uint8Array(2);
    mapping.read(0, out);
    expect([...out]).toEqual([7, 7]);
    expect(() => mapping.write(0, bytes(1))).toThrow(/read-only/);
    expect(() => fs.fstatSync(received)).toThrow(/EBADF/); // taken and closed
  } finally {
    mapping.close();
    pool.close();
  }
});
