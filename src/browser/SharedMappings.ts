/**
 * What the kernel says each process maps shared (`/proc/<pid>/maps`) and holds open
 * (`/proc/<pid>/fd`), read by the browser process, which alone may read them: the evidence that
 * processes share nothing but the blocks they created on purpose (MP1), and the way the memory
 * probe finds another renderer's tile pool to aim at. Linux only; elsewhere nothing is reported.
 */
import * as fs from 'node:fs';
import type { ProcessRole } from '../common/controlApi';
import { type SharedMemoryBlock, TILE_POOL_MAPPING } from '../common/sharedMemory';

interface Mapping {
  start: number;
  end: number;
  writable: boolean;
  inode: number;
  name: string;
}

/** A line of /proc/<pid>/maps: `start-end perms offset dev inode name`. */
const MAPS_LINE = /^([0-9a-f]+)-([0-9a-f]+) (\S{4}) \S+ \S+ (\d+)\s*(.*)$/;

function sharedMappingsOf(pid: number): Mapping[] {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/maps`, 'utf8');
  } catch (e) {
    // The process ended since it was listed: it maps nothing any more.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`Could not read /proc/${pid}/maps: ${(e as Error).message}`, { cause: e });
  }
  const out: Mapping[] = [];
  for (const line of text.split('\n')) {
    const m = MAPS_LINE.exec(line);
    if (!m || m[3][3] !== 's' || m[4] === '0') continue;
    out.push({
      start: parseInt(m[1], 16),
      end: parseInt(m[2], 16),
      writable: m[3][1] === 'w',
      inode: Number(m[4]),
      name: m[5],
    });
  }
  return out;
}

/** Every shared block the processes map, with who maps it; most-mapped first. */
export function sharedMemoryBlocks(processes: { pid: number; role: ProcessRole }[]): SharedMemoryBlock[] {
  const blocks = new Map<number, SharedMemoryBlock>();
  for (const p of processes)
    for (const m of sharedMappingsOf(p.pid)) {
      const block = blocks.get(m.inode) ?? { inode: m.inode, name: m.name, bytes: 0, mappedBy: [] };
      blocks.set(m.inode, block);
      block.bytes = Math.max(block.bytes, m.end - m.start);
      const mapper = block.mappedBy.find((x) => x.pid === p.pid);
      if (mapper) mapper.writable ||= m.writable;
      else block.mappedBy.push({ pid: p.pid, role: p.role, writable: m.writable });
    }
  return [...blocks.values()].sort((a, b) => b.mappedBy.length - a.mappedBy.length || a.inode - b.inode);
}

/** One tile pool of a process: the descriptor it holds it by, and where it maps it; null if none. */
export function tilePoolOf(pid: number): { fd: number; address: number } | null {
  const mapping = sharedMappingsOf(pid).find((m) => m.name.startsWith(TILE_POOL_MAPPING));
  if (!mapping) return null;
  for (const entry of fs.readdirSync(`/proc/${pid}/fd`)) {
    const file = `/proc/${pid}/fd/${entry}`;
    try {
      if (fs.readlinkSync(file).startsWith(TILE_POOL_MAPPING) && fs.statSync(file).ino === mapping.inode)
        return { fd: Number(entry), address: mapping.start };
    } catch (e) {
      // Closed since the directory was read: not the pool's descriptor.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  return null;
}
