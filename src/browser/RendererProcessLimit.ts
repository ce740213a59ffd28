/**
 * The renderer process limit, computed from memory as Chromium computes it
 * (`RenderProcessHost::GetMaxRendererProcessCount`, content/browser/renderer_host/
 * render_process_host_impl.cc): half the physical memory, divided by what one renderer is
 * estimated to use, clamped between 3 and half the platform's process limit (RLIMIT_NPROC on
 * Linux; 82 where it is unknown). Minium uses the same formula with its own renderer's estimate;
 * the pure functions here are tested without a machine, `machineRendererLimits` reads this one.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { LIMITS } from '../common/limits';

export interface MachineFacts {
  /** Physical memory, MiB (Chromium's `AmountOfPhysicalMemory().InMiB()`). */
  physicalMemoryMiB: number;
  /** The OS's per-user process limit (RLIMIT_NPROC), or null where unknown or unlimited. */
  platformProcessLimit: number | null;
}

export interface RendererLimits {
  /** What Chromium would allow on this machine (its estimate: 85 MB per renderer, 64-bit). */
  chromium: number;
  /** What Minium allows: the same formula with a Minium renderer's own estimate. */
  minium: number;
  /** Where the number came from, for the process-internals page. */
  basis: MachineFacts & { chromiumEstimateMb: number; miniumEstimateMb: number; platformMax: number };
}

/** Chromium's `GetPlatformMaxRendererProcessCount`: half the system limit, or 82 where it is unknown. */
export function platformMaxRendererProcesses(platformProcessLimit: number | null): number {
  return platformProcessLimit === null ? LIMITS.rendererProcessFallbackMax : Math.floor(platformProcessLimit / 2);
}

/** Half the memory over the per-renderer estimate, clamped to [3, platform max], in whole processes. */
export function rendererProcessLimit(facts: MachineFacts, estimateMb: number): number {
  if (!(estimateMb > 0)) throw new Error(`A renderer's memory estimate must be positive, not ${estimateMb} MB`);
  const byMemory = Math.floor(Math.floor(facts.physicalMemoryMiB / 2) / estimateMb);
  const max = platformMaxRendererProcesses(facts.platformProcessLimit);
  // std::clamp(v, lo, hi) with lo > hi is undefined in C++; Chromium DCHECKs lo <= hi. Here the floor wins.
  return Math.max(LIMITS.rendererProcessMin, Math.min(byMemory, max));
}

export function rendererLimits(facts: MachineFacts): RendererLimits {
  const chromiumEstimateMb = LIMITS.chromiumRendererEstimateMb;
  const miniumEstimateMb = LIMITS.rendererEstimateMb;
  return {
    chromium: rendererProcessLimit(facts, chromiumEstimateMb),
    minium: rendererProcessLimit(facts, miniumEstimateMb),
    basis: {
      ...facts,
      chromiumEstimateMb,
      miniumEstimateMb,
      platformMax: platformMaxRendererProcesses(facts.platformProcessLimit),
    },
  };
}

/** This machine's memory and process limit. */
export function machineFacts(): MachineFacts {
  return { physicalMemoryMiB: Math.floor(os.totalmem() / 2 ** 20), platformProcessLimit: readProcessLimit() };
}

/** RLIMIT_NPROC's soft value from /proc/self/limits (Node has no getrlimit); null if unlimited or unreadable. */
function readProcessLimit(): number | null {
  if (process.platform !== 'linux') return null;
  let text: string;
  try {
    text = fs.readFileSync('/proc/self/limits', 'utf8');
  } catch (e) {
    process.stderr.write(`[browser] cannot read /proc/self/limits, taking Chromium's fallback: ${String(e)}\n`);
    return null;
  }
  return parseProcessLimit(text);
}

/** The soft "Max processes" of a /proc/<pid>/limits text; null when it says unlimited or is absent. */
export function parseProcessLimit(limits: string): number | null {
  const m = /^Max processes\s+(\S+)/m.exec(limits);
  if (!m || m[1] === 'unlimited') return null;
  const n = Number(m[1]);
  return Number.isInteger(n) && n > 0 ? n : null;
}
