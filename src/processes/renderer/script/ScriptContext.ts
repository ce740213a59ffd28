/**
 * Runs page and worker scripts in a V8 context of their own, with no Node in it. The bridge
 * to the host passes only strings: every host object handed to a context would let a script
 * climb to the host's Function constructor and so to Node, so the context's API is built
 * inside the context, around one host function that takes and returns JSON text and never throws.
 */
import * as vm from 'node:vm';
import { ScriptTimers } from './ScriptTimers';

export type Primitive = string | number | boolean | null;
/** What a host operation may return: plain data, copied into the context as JSON. */
export type HostValue = Primitive | HostValue[];
export type HostOps = Record<string, (...args: Primitive[]) => HostValue | undefined | void>;

type Dispatcher = (kind: string, id: number, json?: string) => unknown;
/** Wraps every call into the context, by kind (`timer`, `message`, an event): a worker traces them. */
export type CallWrapper = (kind: string, call: () => boolean) => boolean;

/** The part of the API that pages and workers share: timers, console, and the dispatcher. */
const COMMON = `
  const call = (op, ...args) => {
    const r = JSON.parse(host(op, JSON.stringify(args)));
    if (r.error) throw new Error(r.error);
    return r.value;
  };
  const timers = new Map();
  let nextTimer = 0;
  const addTimer = (fn, ms, repeat, args) => {
    if (typeof fn !== 'function') throw new TypeError('a timer needs a function');
    const id = ++nextTimer;
    timers.set(id, { fn, args, repeat });
    call('timer', id, Number(ms) || 0, repeat);
    return id;
  };
  globalThis.setTimeout = (fn, ms, ...args) => addTimer(fn, ms, false, args);
  globalThis.setInterval = (fn, ms, ...args) => addTimer(fn, ms, true, args);
  globalThis.clearTimeout = globalThis.clearInterval = (id) => { if (timers.delete(id)) call('clearTimer', id); };
  const text = (args) => args.map((a) => {
    try { return typeof a === 'string' ? a : JSON.stringify(a); } catch { return String(a); }
  }).join(' ');
  globalThis.console = {
    log: (...a) => call('console', 'info', text(a)),
    info: (...a) => call('console', 'info', text(a)),
    warn: (...a) => call('console', 'warn', text(a)),
    error: (...a) => call('console', 'error', text(a)),
  };
  const handlers = {
    timer(id) {
      const t = timers.get(id);
      if (!t) return;
      if (!t.repeat) timers.delete(id);
      t.fn(...t.args);
    },
  };
`;

export class ScriptContext {
  private readonly context: vm.Context;
  private readonly dispatch: Dispatcher;
  /** Its timers; the page's throttles them while its tab is hidden. */
  readonly timers = new ScriptTimers((id) => this.deliver('timer', id));

  constructor(
    environment: string,
    ops: HostOps,
    private readonly onError: (message: string) => void,
    private readonly around: CallWrapper = (_kind, call) => call(),
  ) {
    // A null-prototype sandbox: with a plain {} the context's `this.constructor` would be the host's Object.
    this.context = vm.createContext(Object.create(null), { codeGeneration: { strings: true, wasm: false } });
    const host = (op: string, json: string): string => {
      try {
        const fn = this.builtins[op] ?? ops[op];
        if (!fn) return JSON.stringify({ error: `no such operation: ${op}` });
        const value = fn(...(JSON.parse(json) as Primitive[]));
        return JSON.stringify({ value: value ?? null });
      } catch (e) {
        return JSON.stringify({ error: e instanceof Error ? e.message : String(e) });
      }
    };
    const bootstrap = `(function (host) { 'use strict'; ${COMMON} ${environment}
      return (kind, id, json) => {
        const h = handlers[kind];
        return h ? h(id, json === undefined ? undefined : JSON.parse(json)) === true : false;
      };
    })`;
    this.dispatch = (vm.runInContext(bootstrap, this.context) as (h: typeof host) => Dispatcher)(host);
  }

  private readonly builtins: HostOps = {
    now: () => performance.now(),
    timer: (id, ms, repeat) => this.timers.add(id as number, Math.max(0, Number(ms)), Boolean(repeat)),
    clearTimer: (id) => this.timers.clear(id as number),
  };

  /** Runs a script; an error in it is reported and does not end the thread. */
  run(code: string, filename: string): void {
    try {
      vm.runInContext(code, this.context, { filename });
    } catch (e) {
      this.onError(`${filename}: ${describe(e)}`);
    }
  }

  /**
   * Calls into the context (a timer, a message, an event); an error in the script's handler is
   * reported. Returns true only if the context's handler says so (an event's default was prevented).
   */
  deliver(kind: string, id: number, json?: string): boolean {
    return this.around(kind, () => {
      try {
        return this.dispatch(kind, id, json) === true;
      } catch (e) {
        this.onError(`uncaught in ${kind} handler: ${describe(e)}`);
        return false;
      }
    });
  }

  dispose(): void {
    this.timers.dispose();
  }
}

/** Describes an error thrown by script code, reading it defensively: it comes from another realm. */
function describe(e: unknown): string {
  try {
    return e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e)
      ? String((e as { message: unknown }).message)
      : String(e);
  } catch {
    return 'an error that could not be described';
  }
}
