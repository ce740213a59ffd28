/**
 * A compromised renderer (arbitrary JavaScript in the renderer process, the native addon
 * included) attacks the machine after its normal start-up and sandboxing. Every attack is refused
 * with the sandbox, and the browser, the GPU process and another site's tab live on; the same
 * attacks succeed with the sandbox off, so the suite proves the sandbox, not a broken attack.
 */
import * as dgram from 'node:dgram';
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as net from 'node:net';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { spawn, type ChildProcess } from 'node:child_process';
import type { Browser } from '../../src/browser/Browser';
import type { ChildLauncher, ChildProcessHandle, LaunchOptions } from '../../src/platform/ChildProcess';
import { NodeChildLauncher } from '../../src/platform/node/NodeChildLauncher';
import { APP_ROOT } from '../../src/platform/paths';
import { TEST_ATTACK_ARG } from '../../src/platform/child/sandboxSelf';
import {
  ATTACK_REPORT_PREFIX,
  ATTACKS,
  ATTACKS_DONE,
  type AttackOutcome,
  type AttackTargets,
  scratchFiles,
  scratchLibrary,
  TARGETS_ARG,
} from '../fixtures/hostileRenderer';
import { alive, keepsPresenting, openLive, tilePoolDescriptorsOf, startBrowser, tabOf, waitFor } from './helpers';

const ATTACKER = 'https://news.example';
const VICTIM = 'https://orbit.example';
const ATTACK_MODULE = path.join(__dirname, '../fixtures/hostileRenderer.js');
/** Node's permission-model flags: Electron's utilityProcess drops them, so one run does too. */
const PERMISSION_FLAG = /^--(experimental-)?permission$|^--allow-|^--disable-warning=/;
/**
 * The test-only launcher: it gives the attacker site's renderer the attack module and its
 * targets, and collects the outcomes it reports over its channel. The shells never use it.
 */
class AttackLauncher implements ChildLauncher {
  readonly kind = 'node';
  readonly outcomes: AttackOutcome[] = [];
  done = false;
  private readonly inner = new NodeChildLauncher();

  constructor(
    private readonly targets: () => AttackTargets,
    private readonly withPermissionModel: boolean,
  ) {}

  launch(o: LaunchOptions): ChildProcessHandle {
    const attacker = o.args.includes(`--minium-site=${ATTACKER}`);
    const handle = this.inner.launch({
      ...o,
      execArgv: this.withPermissionModel ? o.execArgv : o.execArgv.filter((a) => !PERMISSION_FLAG.test(a)),
      args: attacker
        ? [...o.args, `--${TEST_ATTACK_ARG}=${ATTACK_MODULE}`, `--${TARGETS_ARG}=${JSON.stringify(this.targets())}`]
        : o.args,
    });
    if (attacker)
      handle.onMessage((m) => {
        const text = (m as { type?: string; message?: string }).message;
        if ((m as { type?: string }).type !== 'log' || !text?.startsWith(ATTACK_REPORT_PREFIX)) return;
        const body = text.slice(ATTACK_REPORT_PREFIX.length);
        if (body === ATTACKS_DONE) this.done = true;
        else this.outcomes.push(JSON.parse(body) as AttackOutcome);
      });
    return handle;
  }
}

const modes = [
  { name: "the OS sandbox alone (as under Electron's utilityProcess)", sandbox: true, permissionModel: false },
  { name: "the OS sandbox with Node's permission model", sandbox: true, permissionModel: true },
  { name: 'the sandbox off', sandbox: false, permissionModel: false },
];

describe.each(modes)('a hostile renderer under $name', (mode) => {
  if (process.platform !== 'linux') return test.skip('needs Linux (seccomp-bpf and Landlock)', () => undefined);
  let b: Browser;
  let launcher: AttackLauncher;
  let sleeper: ChildProcess;
  let tcp: net.Server;
  let udp: dgram.Socket;
  let tcpConnections = 0;
  let udpMessages = 0;
  let gpuPid: number;
  let victimTab: number;
  let attackerPid: number;
  const outcome = (attack: string) => launcher.outcomes.find((o) => o.attack === attack);

  beforeAll(async () => {
    // SIGUSR1 wakes the inspector on this port: an ephemeral one, so runs in parallel cannot collide.
    // Jest hands tests a copy of `process`; the port is set on the real one, outside the test's realm.
    (vm.runInThisContext('process') as NodeJS.Process).debugPort = 0;
    sleeper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    tcp = net.createServer((s) => (tcpConnections++, s.destroy())).listen(0, '127.0.0.1');
    udp = dgram.createSocket('udp4').on('message', () => udpMessages++);
    await Promise.all([
      new Promise((r) => tcp.once('listening', r)),
      new Promise((r) => udp.bind(0, '127.0.0.1', () => r(null))),
    ]);
    let poolPath = '';
    const git = path.join(APP_ROOT, '.git');
    launcher = new AttackLauncher(
      () => ({
        browserPid: process.pid,
        sleeperPid: sleeper.pid!,
        tcpPort: (tcp.address() as net.AddressInfo).port,
        udpPort: udp.address().port,
        poolPath,
        gitFile: fs.statSync(git).isDirectory() ? path.join(git, 'HEAD') : git,
      }),
      mode.permissionModel,
    );
    // No spare: the launcher arms the renderer launched for the attacker's site, which a spare is not.
    b = await startBrowser({ launcher, sandbox: mode.sandbox, spareRenderer: false });
    const victim = await openLive(b, `${VICTIM}/`);
    victimTab = victim.id;
    poolPath = `/proc/${victim.pid}/fd/${tilePoolDescriptorsOf(victim.pid!)[0].fd}`;
    gpuPid = (await b.listProcesses()).find((p) => p.role === 'gpu')!.pid;
    const attackerTab = (await b.openTab(`${ATTACKER}/`)).id;
    attackerPid = await waitFor(() => tabOf(b, attackerTab).pid, 'the attacker to have a renderer');
    await waitFor(() => launcher.done, 'the hostile renderer to report every attack', 60000);
  }, 90000);

  afterAll(async () => {
    sleeper.kill('SIGKILL');
    tcp.close();
    udp.close();
    for (const f of [...scratchFiles(attackerPid), scratchLibrary(attackerPid)]) fs.rmSync(f, { force: true });
    if (inspector.url()) inspector.close(); // the unsandboxed run woke this process's inspector
    await b.shutdown();
  });

  test('the attacker reported every attack', () => {
    expect(launcher.outcomes.map((o) => o.attack)).toEqual(Object.keys(ATTACKS));
  });

  test('it says what it runs under', async () => {
    const attacker = (await b.listProcesses()).find((p) => p.site === ATTACKER);
    expect(attacker?.sandbox).toMatchObject(
      mode.sandbox
        ? { os: 'on', seccomp: true, noNewPrivs: true, permissionModel: mode.permissionModel }
        : { os: 'off', seccomp: false, landlock: false, permissionModel: false },
    );
  });

  for (const attack of Object.keys(ATTACKS)) {
    test(`${mode.sandbox ? 'refused' : 'succeeds'}: ${attack}`, () => {
      const o = outcome(attack);
      expect(o).toBeDefined();
      expect({ attack, succeeded: o!.succeeded, detail: o!.detail }).toEqual({
        attack,
        succeeded: !mode.sandbox,
        detail: expect.any(String),
      });
    });
  }

  test('what the attacks would have done is seen from outside', async () => {
    if (mode.sandbox) {
      expect(alive(sleeper.pid!)).toBe(true);
      expect(inspector.url()).toBeUndefined();
      expect(tcpConnections).toBe(0);
      expect(udpMessages).toBe(0);
      expect(scratchFiles(attackerPid).filter((f) => fs.existsSync(f))).toEqual([]);
    } else {
      await waitFor(
        () => !alive(sleeper.pid!) && udpMessages === 2 && inspector.url(),
        "the sleeper to die, both datagrams to land and this process's inspector to wake",
      );
      expect(tcpConnections).toBe(1);
      expect(scratchFiles(attackerPid).filter((f) => fs.existsSync(f))).toHaveLength(2);
    }
  });

  test('the browser, the GPU process and the other site live on and keep presenting frames', async () => {
    expect(alive(gpuPid)).toBe(true);
    expect((await b.listProcesses()).find((p) => p.role === 'gpu')?.pid).toBe(gpuPid);
    expect(tabOf(b, victimTab).state).toBe('live');
    await b.activateTab(victimTab); // the attacker's tab, opened last, was the one shown
    expect(await keepsPresenting(b, victimTab, 20)).toBe(true);
  });
});
