/**
 * Sandbox flags for child processes, from Node's permission model: read-only access to the
 * app's own files, no file writes, no child processes. Worker threads and the project's native
 * addons stay allowed because renderers need them (an addon could bypass the model: that is the
 * stated price of real shared memory). The flag was renamed when the model became stable.
 */
export function sandboxExecArgv(readableRoot: string): string[] {
  const flags = process.allowedNodeEnvironmentFlags;
  const enable = flags.has('--permission')
    ? '--permission'
    : flags.has('--experimental-permission')
      ? '--experimental-permission'
      : null;
  if (!enable) return [];
  return [
    enable,
    `--allow-fs-read=${readableRoot}`,
    '--allow-worker',
    '--allow-addons',
    '--disable-warning=ExperimentalWarning',
    '--disable-warning=SecurityWarning',
  ];
}

export function sandboxAvailable(): boolean {
  return sandboxExecArgv('/').length > 0;
}
