/**
 * The child's side of the OS sandbox: right after start-up, before it runs anything it did not
 * ship, a child locks itself down (src/native/sandbox.cc) and reads back from the kernel what it
 * runs under, for its ready message. Done by the child itself, so it holds under Electron's
 * utilityProcess (no sandbox, no Node permission flags) exactly as under child_process.fork.
 */
import { performance } from 'node:perf_hooks';
import type { SandboxReport } from '../../common/protocol';
import { native } from '../native';
import { NAME_RESOLUTION_FILES, readablePaths } from '../sandboxPolicy';
import { argValue } from './parentPort';

export interface SandboxNeeds {
  /** Only the network service may open AF_INET sockets and connect or bind TCP ports. */
  allowInet?: boolean;
}

/** Where a hostile-renderer test's attack module lives (test-only; see docs/security.md). */
export const TEST_ATTACK_ARG = 'minium-test-attack';

function permissionModel(): boolean {
  const permission = (process as unknown as { permission?: { has(scope: string): boolean } }).permission;
  return typeof permission?.has === 'function' && !permission.has('fs.write');
}

function unsandboxed(os: 'off' | 'none'): SandboxReport {
  return {
    os,
    seccomp: false,
    seccompFilters: 0,
    noNewPrivs: false,
    landlock: false,
    permissionModel: permissionModel(),
    applyMicros: 0,
  };
}

/** Applies the sandbox, or throws with the reason it could not be applied. */
export function sandboxSelf(needs: SandboxNeeds = {}): SandboxReport {
  if (argValue('minium-sandbox') === 'off') return unsandboxed('off');
  if (process.platform !== 'linux') return unsandboxed('none');
  const { sandboxApply, sandboxReadBack } = native();
  if (!sandboxApply || !sandboxReadBack) throw new Error('the native addon was built without the sandbox');
  // Landlock restricts the calling thread and the threads it creates later; libuv's pool, once
  // started, would run file operations outside it. It starts lazily: it must not be running yet.
  const before = sandboxReadBack();
  if (before.threads.includes('libuv-worker'))
    throw new Error("libuv's thread pool already runs, so Landlock would not cover its file operations");
  const attack = argValue(TEST_ATTACK_ARG);
  const started = performance.now();
  const abi = sandboxApply({
    readBeneath: readablePaths([...(needs.allowInet ? NAME_RESOLUTION_FILES : []), ...(attack ? [attack] : [])]),
    allowInet: needs.allowInet ?? false,
  });
  const applyMicros = Math.round((performance.now() - started) * 1000);
  const after = sandboxReadBack();
  if (after.seccomp !== 2 || after.noNewPrivs !== 1)
    throw new Error(`the kernel reports Seccomp: ${after.seccomp}, NoNewPrivs: ${after.noNewPrivs} after applying`);
  return {
    os: 'on',
    seccomp: true,
    seccompFilters: after.seccompFilters,
    noNewPrivs: true,
    landlock: abi > 0 ? abi : false,
    permissionModel: permissionModel(),
    applyMicros,
    ...(needs.allowInet && { tcp: true as const }),
  };
}

/** A child that cannot sandbox itself must not run what it did not ship: it ends before ready. */
export function sandboxSelfOrExit(needs: SandboxNeeds = {}): SandboxReport {
  try {
    return sandboxSelf(needs);
  } catch (e) {
    process.stderr.write(`Minium child ${process.pid} could not sandbox itself: ${(e as Error).message}\n`);
    process.exit(71); // EX_OSERR
  }
}
