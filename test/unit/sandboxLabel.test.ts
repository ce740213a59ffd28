import type { SandboxReport } from '../../src/common/protocol';
import { sandboxDetails, sandboxLabel } from '../../src/common/sandboxLabel';

const on: SandboxReport = {
  os: 'on',
  seccomp: true,
  seccompFilters: 1,
  noNewPrivs: true,
  landlock: 7,
  permissionModel: true,
  applyMicros: 420,
};

test('a sandboxed child names each layer it runs under', () => {
  expect(sandboxLabel(on)).toBe('seccomp-bpf + Landlock ABI 7 + Node permission model');
  expect(sandboxLabel({ ...on, landlock: false, permissionModel: false })).toBe(
    'seccomp-bpf (no Landlock in this kernel)',
  );
  // The network service: the same layers, and says what they let through.
  expect(sandboxLabel({ ...on, tcp: true })).toBe('seccomp-bpf + Landlock ABI 7 + Node permission model; TCP allowed');
  expect(sandboxDetails(on)).toBe('Seccomp: 2 (1 filter), NoNewPrivs: 1, applied in 420 µs');
});

test('gaps are said plainly', () => {
  const none = { ...on, os: 'none' as const, seccomp: false, landlock: false as const, permissionModel: false };
  expect(sandboxLabel(none)).toBe('none: no OS sandbox on this platform');
  expect(sandboxLabel({ ...none, os: 'off' })).toBe('off: the browser was started without the sandbox');
  expect(sandboxLabel(undefined)).toBe('none: the browser process is trusted');
});
