/** ChildProcessHost against real child processes: exit reasons, bad messages, the sandbox. */
import * as fs from 'node:fs';
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { ChildProcessHost, type Gone } from '../../src/browser/ChildProcessHost';
import { RendererToBrowser } from '../../src/common/protocol';
import { native } from '../../src/platform/native';
import { NodeChildLauncher } from '../../src/platform/node/NodeChildLauncher';
import { sandboxAvailable, sandboxExecArgv } from '../../src/platform/sandbox';
import { APP_ROOT, childEntry } from '../../src/platform/paths';
import { waitFor } from './helpers';

function host(mode: string, opts: { maxHeapMb?: number; sandbox?: boolean } = {}) {
  const h = new ChildProcessHost({
    role: 'renderer',
    title: `fixture ${mode}`,
    entry: '../test/fixtures/child.js',
    extraArgs: [`--mode=${mode}`],
    schema: RendererToBrowser,
    launcher: new NodeChildLauncher(),
    sandbox: true,
    ...opts,
  });
  const gone = new Promise<Gone>((r) => h.onGone(r));
  const bad: string[] = [];
  h.onBadMessage((reason) => bad.push(reason));
  h.start();
  return { h, gone, bad };
}

describe('ChildProcessHost with real processes', () => {
  test('a clean shutdown is a clean-exit', async () => {
    const { h, gone } = host('ready');
    await new Promise((r) => h.onReady(r));
    await h.shutdown();
    expect((await gone).reason).toBe('clean-exit');
  });

  test('exit code 3 after ready is an abnormal-exit', async () => {
    const { gone } = host('exit-3');
    expect(await gone).toMatchObject({ reason: 'abnormal-exit', exitCode: 3 });
  });

  test('dying before ready is a launch-failed', async () => {
    const { gone } = host('crash-on-start');
    expect((await gone).reason).toBe('launch-failed');
  });

  test('kill -9 is killed; kill -SEGV is crashed', async () => {
    const a = host('ready');
    const b = host('ready');
    await Promise.all([new Promise((r) => a.h.onReady(r)), new Promise((r) => b.h.onReady(r))]);
    process.kill(a.h.pid!, 'SIGKILL');
    process.kill(b.h.pid!, 'SIGSEGV');
    expect((await a.gone).reason).toBe('killed');
    expect((await b.gone).reason).toBe('crashed');
  });

  test('running out of heap is oom', async () => {
    const { gone } = host('oom', { maxHeapMb: 32 });
    expect((await gone).reason).toBe('oom');
  }, 60000);

  test.each([
    ['garbage', /threads/],
    ['unknown-type', /.+/],
    ['early-message', /before it was ready/],
  ])('a bad message (%s) kills the sender and says why', async (mode, why) => {
    const { gone, bad } = host(mode);
    expect((await gone).reason).toBe('killed');
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatch(why);
  });

  test('every child names its role and its parent on its command line', async () => {
    const { h } = host('ready');
    await new Promise((r) => h.onReady(r));
    const cmdline = fs.readFileSync(`/proc/${h.pid}/cmdline`, 'utf8').split('\0');
    expect(cmdline).toContain('--minium-role=renderer');
    expect(cmdline).toContain(`--minium-parent-pid=${process.pid}`);
    h.kill();
  });

  (process.platform === 'linux' ? test : test.skip)(
    'a child launched by the browser asks the kernel to end it with the browser (PR_SET_PDEATHSIG)',
    async () => {
      const { h } = host('report-parent-death-signal');
      const said = new Promise<unknown>((r) => h.onMessage(r));
      expect(await said).toEqual({ type: 'console', tabId: 1, level: 'info', message: 'parent-death-signal 9' });
      h.kill();
    },
  );

  // Without --minium-parent-pid the child never asks (parentLifetime.ts): what it reports was set
  // by the launcher, before Node started.
  const noSetpriv =
    process.platform !== 'linux'
      ? 'not Linux'
      : fs.existsSync('/usr/bin/setpriv')
        ? null
        : 'no /usr/bin/setpriv (util-linux)';
  if (noSetpriv) process.stdout.write(`SKIPPED setpriv launch test: ${noSetpriv}\n`);
  (noSetpriv ? test.skip : test)(
    'the Node launcher has the parent-death signal set before the child runs anything (setpriv)',
    async () => {
      const child = new NodeChildLauncher().launch({
        entry: childEntry('../test/fixtures/child.js'),
        args: ['--mode=report-parent-death-signal', '--minium-sandbox=off'],
        execArgv: [],
        serviceName: 'fixture',
      });
      const said = await new Promise<unknown>((r) =>
        child.onMessage((m) => (m as { type: string }).type === 'console' && r(m)),
      );
      expect(said).toMatchObject({ message: 'parent-death-signal 9' });
      child.kill('SIGKILL');
    },
  );
});

/** A line of /proc/<pid>/status, read from outside the child. */
function statusOf(pid: number, key: string): string | undefined {
  const line = fs
    .readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${key}:`));
  return line?.slice(key.length + 1).trim();
}

(process.platform === 'linux' ? describe : describe.skip)('the OS sandbox (seccomp-bpf and Landlock)', () => {
  test('a child reports what it runs under, and the kernel agrees from outside', async () => {
    const { h } = host('ready');
    await new Promise((r) => h.onReady(r));
    const abi = native().sandboxLandlockAbi!();
    expect(h.sandbox).toMatchObject({ os: 'on', seccomp: true, noNewPrivs: true, landlock: abi > 0 ? abi : false });
    expect(statusOf(h.pid!, 'Seccomp')).toBe('2');
    expect(statusOf(h.pid!, 'NoNewPrivs')).toBe('1');
    h.kill();
  });

  test('with the sandbox off the child says so, and runs without a filter', async () => {
    const { h } = host('ready', { sandbox: false });
    await new Promise((r) => h.onReady(r));
    expect(h.sandbox).toMatchObject({ os: 'off', seccomp: false, landlock: false, permissionModel: false });
    expect(statusOf(h.pid!, 'Seccomp')).toBe('0');
    h.kill();
  });

  test('a child asked to sandbox itself that says it runs without is a bad message', async () => {
    const { gone, bad } = host('says-unsandboxed');
    expect((await gone).reason).toBe('killed');
    expect(bad).toEqual(['said it runs without the OS sandbox (off)']);
  });

  test('a child that cannot sandbox itself ends before ready: launch-failed', async () => {
    const { gone } = host('pool-unrestricted');
    expect(await gone).toMatchObject({ reason: 'launch-failed', exitCode: 71 });
  });
});

(sandboxAvailable() ? describe : describe.skip)('the renderer sandbox (Node permission model)', () => {
  test('a sandboxed child cannot write files, spawn processes or read outside the app', async () => {
    const child = fork(path.join(__dirname, '../fixtures/sandboxProbe.js'), [], {
      execArgv: sandboxExecArgv(APP_ROOT),
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    const report = await new Promise<Record<string, string>>((resolve, reject) => {
      child.once('message', (m) => resolve(m as Record<string, string>));
      child.once('exit', (code) => reject(new Error(`probe exited with ${code} before reporting`)));
    });
    expect(report.writeFile).toBe('ERR_ACCESS_DENIED');
    expect(report.spawn).toBe('ERR_ACCESS_DENIED');
    expect(report.readOutside).toBe('ERR_ACCESS_DENIED');
    expect(report.readOwnCode).toBe('allowed');
    expect(report.worker).toBe('allowed');
  });

  test('without the flags the same probe may do all of it (the test can fail)', async () => {
    const child = fork(path.join(__dirname, '../fixtures/sandboxProbe.js'), [], {
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    const report = await new Promise<Record<string, string>>((resolve) =>
      child.once('message', (m) => resolve(m as Record<string, string>)),
    );
    expect(report.writeFile).toBe('allowed');
    expect(report.spawn).toBe('allowed');
  });
});

test('a child that never says ready is given up on', async () => {
  // Shortened by killing it ourselves: the point is that the host reports it, not the 15 s timer.
  const { h, gone } = host('silent');
  await waitFor(() => h.pid, 'the silent child to spawn');
  h.kill('SIGKILL');
  expect((await gone).reason).toBe('killed');
});
