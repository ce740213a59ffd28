/**
 * Sandbox flags for child processes, from Node's permission model (a second layer under the OS
 * sandbox each child applies to itself, src/platform/child/sandboxSelf.ts): read-only access to the
 * given folders, no file writes, no child processes. Worker threads and the project's native
 * addons stay allowed because renderers need them (an addon could bypass the model: that is the
 * stated price of real shared memory). The flag was renamed when the model became stable.
 */
export function sandboxExecArgv(...readable: string[]): string[] {
  const flags = process.allowedNodeEnvironmentFlags;
  const enable = flags.has('--permission')
    ? '--permission'
    : flags.has('--experimental-permission')
      ? '--experimental-permission'
      : null;
  if (!enable) return [];
  return [
    enable,
    ...readable.map((p) => `--allow-fs-read=${p}`),
    '--allow-worker',
    '--allow-addons',
    '--disable-warning=ExperimentalWarning',
    '--disable-warning=SecurityWarning',
  ];
}

/** Node's model refuses network access since it gained `--allow-net`; the network service needs it. */
export function networkPermissionArgv(): string[] {
  return process.allowedNodeEnvironmentFlags.has('--allow-net') ? ['--allow-net'] : [];
}

export function sandboxAvailable(): boolean {
  return sandboxExecArgv('/').length > 0;
}
