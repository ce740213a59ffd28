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
  expect(sandboxLabel(on, 'renderer')).toBe('seccomp-bpf + Landlock ABI 7 + Node permission model');
  expect(sandboxLabel({ ...on, landlock: false, permissionModel: false }, 'renderer')).toBe(
    'seccomp-bpf (no Landlock in this kernel)',
  );
  // The network service: the same layers, and says what they let through.
  expect(sandboxLabel({ ...on, tcp: true }, 'renderer')).toBe(
    'seccomp-bpf + Landlock ABI 7 + Node permission model; TCP allowed',
  );
  expect(sandboxDetails(on, 'renderer')).toBe('Seccomp: 2 (1 filter), NoNewPrivs: 1, applied in 420 µs');
});

test('gaps are said plainly', () => {
  const none = { ...on, os: 'none' as const, seccomp: false, landlock: false as const, permissionModel: false };
  expect(sandboxLabel(none, 'renderer')).toBe('none: no OS sandbox on this platform');
  expect(sandboxLabel({ ...none, os: 'off' }, 'renderer')).toBe('off: the browser was started without the sandbox');
  expect(sandboxLabel(undefined, 'browser')).toBe('none: the browser process is trusted');
});

test('a child that has not said ready yet is not taken for the browser', () => {
  expect(sandboxLabel(undefined, 'renderer')).toBe('not reported yet: the process is starting');
  expect(sandboxDetails(undefined, 'gpu')).toBe('not reported yet: the process is starting');
});
