/**
 * The browser side of one child process (the shape of Chromium's *ProcessHost): launch, a
 * ready handshake, typed and validated messages, and an explicit end with a reason. A message
 * that fails validation is a bad message: the child is killed, as Chromium kills a renderer.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { z } from 'zod';
import type { ProcessRole } from '../common/controlApi';
import { Emitter } from '../common/Emitter';
import { type ExitReason, exitReason, OOM_EXIT_CODE } from '../common/exitReason';
import { LIMITS } from '../common/limits';
import { LogBudget } from '../common/LogBudget';
import {
  parseMessage,
  type ReportRate,
  type SandboxReport,
  type ThreadStats,
  type TraceAnswer,
} from '../common/protocol';
import type { TrafficCounts } from '../platform/ChannelTraffic';
import type { ChildLauncher, ChildProcessHandle } from '../platform/ChildProcess';
import { childEntry } from '../platform/paths';
import { networkPermissionArgv, sandboxExecArgv } from '../platform/sandbox';
import { APP_ROOT } from '../platform/paths';
import { HangMonitor, type HangTransition } from './HangMonitor';

export interface HostOptions<In> {
  role: ProcessRole;
  title: string;
  /** Entry script relative to the compiled src/ folder, e.g. processes/gpu/main.js. */
  entry: string;
  extraArgs: string[];
  schema: z.ZodType<In>;
  launcher: ChildLauncher;
  sandbox: boolean;
  /** V8 heap limit, so that a runaway page ends in an `oom` of its own process. */
  maxHeapMb?: number;
  /** Silence after which the child counts as unresponsive (HangMonitor's default if absent). */
  hangTimeoutMs?: number;
  /** The network service: Node's permission model (where it governs the network) lets it connect. */
  network?: boolean;
}

export interface Gone {
  reason: ExitReason;
  exitCode: number | null;
  signal: string | null;
}

export type HostState = 'starting' | 'ready' | 'gone';

const READY_TIMEOUT_MS = 15000;
/** How often a child reports its threads while someone looks at them, or while it is busy. */
export const LIVE_REPORT_MS = 500;
/** The longest a quiet child waits between reports when nobody looks (a heartbeat, for the hang monitor). */
export const IDLE_REPORT_MS = 5000;
/** However short a hang timeout a test or demo sets, a child is not asked to report more often than this. */
const MIN_REPORT_MS = 100;

/** What the kernel needs of any host, whatever its message types. */
export interface ProcessHostView {
  readonly role: ProcessRole;
  readonly title: string;
  readonly pid: number | null;
  readonly state: HostState;
  readonly threads: ThreadStats[];
  /** What the child said, at ready, that it runs under. */
  readonly sandbox: SandboxReport | null;
  kill(signal?: NodeJS.Signals): void;
  log(message: string): void;
  onReady(listener: (pid: number) => void): () => void;
  onGone(listener: (gone: Gone) => void): () => void;
  onBadMessage(listener: (reason: string) => void): () => void;
  readonly unresponsive: boolean;
  /** Someone looks at its threads (report at the live rate) or nobody does (a heartbeat while it is quiet). */
  setWatched(watched: boolean): void;
  /** What the browser↔child channel carried so far, or null before launch. */
  traffic(): TrafficCounts | null;
}

export class ChildProcessHost<In extends { type: string }, Out extends { type: string }> implements ProcessHostView {
  private child: ChildProcessHandle | null = null;
  private pending: Out[] = [];
  private readyTimer: NodeJS.Timeout | null = null;
  state: HostState = 'starting';
  pid: number | null = null;
  threads: ThreadStats[] = [];
  sandbox: SandboxReport | null = null;
  gone: Gone | null = null;
  private badMessage: string | null = null;
  /** Why the browser ended the child, when the signal alone would not say (a memory budget exceeded is `oom`). */
  private endReason: ExitReason | null = null;
  private readonly hang: HangMonitor;
  private watched = false;
  /** A child's log lines go to the browser's stderr: a flood of them is dropped there, with a note. */
  private readonly logBudget = new LogBudget<'log'>(
    { messages: LIMITS.logMessagesPerSecond, bytes: LIMITS.logBytesPerSecond },
    (_, count) => this.log(`… ${count} log lines dropped`),
  );

  private readonly readyEmitter = new Emitter<number>();
  private readonly messageEmitter = new Emitter<In>();
  private readonly goneEmitter = new Emitter<Gone>();
  private readonly badMessageEmitter = new Emitter<string>();
  private readonly reportedEmitter = new Emitter<ThreadStats[]>();
  /** The child reported its threads: what else must be read about it is read then, not on a clock of its own. */
  readonly onReported = this.reportedEmitter.event;
  private readonly traceEmitter = new Emitter<TraceAnswer>();
  protected readonly responsivenessEmitter = new Emitter<HangTransition>();
  /** The child stopped answering ('hung') or answers again ('recovered'). */
  readonly onResponsivenessChanged = this.responsivenessEmitter.event;
  readonly onReady = this.readyEmitter.event;
  readonly onMessage = this.messageEmitter.event;
  /** The child's answers to a trace-start and its buffers after a trace-stop (the TraceController listens). */
  readonly onTrace = this.traceEmitter.event;
  readonly onGone = this.goneEmitter.event;
  readonly onBadMessage = this.badMessageEmitter.event;

  constructor(protected readonly options: HostOptions<In>) {
    this.hang = new HangMonitor(Date.now(), options.hangTimeoutMs);
  }

  get role(): ProcessRole {
    return this.options.role;
  }

  get title(): string {
    return this.options.title;
  }

  start(): void {
    const o = this.options;
    const execArgv = [
      // node_modules may be a symbolic link (a shared install): the model checks the real path.
      ...(o.sandbox ? sandboxExecArgv(APP_ROOT, fs.realpathSync(path.join(APP_ROOT, 'node_modules'))) : []),
      ...(o.sandbox && o.network ? networkPermissionArgv() : []),
      ...(o.maxHeapMb ? [`--max-old-space-size=${o.maxHeapMb}`] : []),
    ];
    this.child = o.launcher.launch({
      entry: childEntry(o.entry),
      args: [
        `--minium-role=${o.role}`,
        ...o.extraArgs,
        `--minium-parent-pid=${process.pid}`,
        // The child sandboxes itself unless told otherwise (src/platform/child/sandboxSelf.ts).
        ...(o.sandbox ? [] : ['--minium-sandbox=off']),
      ],
      execArgv,
      serviceName: `minium-${o.role}`,
    });
    this.pid = this.child.pid ?? null; // known at once under Node; under Electron at 'spawn'
    this.child.onSpawn((pid) => (this.pid = pid));
    this.child.onMessage((raw) => this.receive(raw));
    this.child.onBadFrame((reason) => this.reject(reason));
    this.child.onExit((exit) => {
      if (this.readyTimer) clearTimeout(this.readyTimer);
      const child = this.child;
      const reason =
        this.endReason ??
        // Our own OOM exit code, whatever the launcher (Electron reads it as a mere abnormal exit).
        (exit.code === OOM_EXIT_CODE ? 'oom' : undefined) ??
        (exit.reason?.startsWith('launch-failed') ? 'launch-failed' : (exit.reason as ExitReason | undefined)) ??
        exitReason({
          code: exit.code,
          signal: exit.signal,
          neverReady: this.state !== 'ready',
          stderrTail: child?.stderrTail() ?? '',
        });
      this.state = 'gone';
      this.gone = { reason, exitCode: exit.code, signal: exit.signal };
      this.threads = [];
      this.goneEmitter.fire(this.gone);
    });
    this.readyTimer = setTimeout(() => {
      if (this.state === 'starting') this.reject(`did not say it was ready within ${READY_TIMEOUT_MS} ms`);
    }, READY_TIMEOUT_MS);
  }

  /** Sends now if the child is ready, or queues until it is. */
  send(message: Out): void {
    if (this.state === 'gone') return;
    if (this.state === 'starting') this.pending.push(message);
    else this.child?.send(message);
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (this.state !== 'gone') this.child?.kill(signal);
  }

  /** Kills the child (SIGKILL) and records why, for the reason its end is reported with. */
  terminate(reason: ExitReason): void {
    if (this.state === 'gone') return;
    this.endReason = reason;
    this.kill('SIGKILL');
  }

  /** Asks the child to end cleanly; kills it if it has not after a grace period. */
  shutdown(graceMs = 2000): Promise<void> {
    if (this.state === 'gone') return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.kill(), graceMs);
      this.onGone(() => {
        clearTimeout(timer);
        resolve();
      });
      if (this.state === 'ready') this.child?.send({ type: 'shutdown' });
      else this.kill();
    });
  }

  traffic(): TrafficCounts | null {
    return this.child?.traffic() ?? null;
  }

  get unresponsive(): boolean {
    return this.hang.isHung;
  }

  setWatched(watched: boolean): void {
    if (watched === this.watched) return;
    this.watched = watched;
    if (this.state === 'ready') this.child?.send(this.reportRate());
  }

  private reportRate(): ReportRate {
    // A quiet child's heartbeat: three within the hang timeout, so silence means stopped, not idle.
    const heartbeatMs = Math.max(MIN_REPORT_MS, Math.min(IDLE_REPORT_MS, Math.floor(this.hang.timeoutMs / 3)));
    return { type: 'report-rate', watched: this.watched, liveMs: LIVE_REPORT_MS, heartbeatMs };
  }

  /** Called periodically by the kernel: has the child been silent for too long? */
  checkResponsive(now: number): void {
    if (this.state !== 'ready') return;
    const t = this.hang.check(now);
    if (t) {
      this.log('not responding');
      this.responsivenessEmitter.fire(t);
    }
  }

  log(message: string): void {
    process.stderr.write(`[browser] ${this.options.role} ${this.pid ?? '?'}: ${message}\n`);
  }

  private receive(raw: unknown): void {
    if (this.state === 'gone' || this.badMessage) return;
    const parsed = parseMessage(this.options.schema, raw);
    if (!parsed.ok) return this.reject(parsed.reason);
    const message = parsed.value;
    const recovered = this.hang.heard(Date.now());
    if (recovered) this.responsivenessEmitter.fire(recovered);
    switch (message.type) {
      case 'ready':
        if (this.state !== 'starting') return this.reject('said it was ready twice');
        this.sandbox = (message as unknown as { sandbox: SandboxReport }).sandbox;
        // Asked to sandbox itself on Linux and says it did not: it must not be given page content.
        if (this.options.sandbox && process.platform === 'linux' && this.sandbox.os !== 'on')
          return this.reject(`said it runs without the OS sandbox (${this.sandbox.os})`);
        if (this.readyTimer) clearTimeout(this.readyTimer);
        this.state = 'ready';
        for (const m of this.pending.splice(0)) this.child?.send(m);
        this.child?.send(this.reportRate());
        this.readyEmitter.fire(this.pid ?? 0);
        return;
      case 'stats':
        this.threads = (message as unknown as { threads: ThreadStats[] }).threads;
        this.reportedEmitter.fire(this.threads);
        return;
      case 'log': {
        const m = message as unknown as { level: string; message: string };
        if (this.logBudget.admit('log', m.message.length)) this.log(`${m.level}: ${m.message}`);
        return;
      }
    }
    if (this.state !== 'ready') return this.reject(`sent "${message.type}" before it was ready`);
    if (message.type === 'trace-started' || message.type === 'trace-data' || message.type === 'trace-end')
      return this.traceEmitter.fire(message as unknown as TraceAnswer);
    this.messageEmitter.fire(message);
  }

  /** A bad message: log it with its reason and end the sender. */
  reject(reason: string): void {
    if (this.badMessage || this.state === 'gone') return;
    this.badMessage = reason;
    this.log(`bad message, killing it: ${reason}`);
    this.badMessageEmitter.fire(reason);
    this.kill('SIGKILL');
  }
}
