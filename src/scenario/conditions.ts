/**
 * Checks one condition of a `wait` or `expect` step against the browser, once; the runner polls.
 * Each check says what it saw, so a failed expectation reads as what was expected and what was there.
 */
import type { ScenarioState } from './ScenarioState';
import { describeProcess } from './ScenarioState';
import type { Condition } from './steps';

export interface Check {
  ok: boolean;
  saw: string;
}

/** A condition bound to its step's start (frame counts and pids are taken when the step begins). */
export type Probe = () => Promise<Check>;

export async function probeFor(c: Condition, s: ScenarioState): Promise<Probe> {
  switch (c.kind) {
    case 'tab':
      return async () => {
        const t = s.tab(c.tab);
        const state = t.unresponsive ? 'unresponsive' : t.state;
        const ok =
          c.state === 'unresponsive'
            ? Boolean(t.unresponsive)
            : c.state === 'responsive'
              ? !t.unresponsive && t.state === 'live'
              : t.state === c.state && (!c.reason || t.crashReason === c.reason);
        return { ok, saw: `tab ${c.tab} is ${state}${t.crashReason ? ` (${t.crashReason})` : ''}` };
      };
    case 'frames': {
      const start = s.tab(c.tab).framesPresented;
      return async () => {
        const more = s.tab(c.tab).framesPresented - start;
        return { ok: more >= c.frames, saw: `tab ${c.tab} presented ${more} more frames` };
      };
    }
    case 'console':
      return async () => {
        const lines = s.api.consoleMessages(s.tabId(c.tab));
        return {
          ok: lines.some((l) => l.message.includes(c.text)),
          saw: `${lines.length} console lines, last: "${lines.at(-1)?.message ?? ''}"`,
        };
      };
    case 'process': {
      if (c.state === 'running')
        return async () => {
          const p = await s.find(c.process);
          return { ok: Boolean(p), saw: p ? `pid ${p.pid} runs` : `no ${describeProcess(c.process)} process` };
        };
      const pid = await s.pid(c.process);
      return async () => {
        const alive = (await s.api.listProcesses()).some((p) => p.pid === pid);
        return { ok: !alive, saw: `pid ${pid} ${alive ? 'still runs' : 'is gone'}` };
      };
    }
    case 'thread': {
      const pid = await s.pid(c.process);
      return async () => {
        const p = (await s.api.listProcesses()).find((x) => x.pid === pid);
        const t = p?.threads.find((x) => x.id === c.thread);
        const state = p ? (t?.state ?? 'absent') : 'gone with its process';
        return { ok: Boolean(t) && t?.state === c.state, saw: `thread ${c.thread} of pid ${pid} is ${state}` };
      };
    }
    case 'display':
      return async () => {
        const d = s.api.display();
        return {
          ok: d.mode === c.mode && d.url !== null,
          saw: `compositing in ${d.mode}${d.url ? '' : ' (restarting)'}`,
        };
      };
    case 'gpu-crashes':
      return async () => {
        const n = s.api.display().gpuCrashes;
        return { ok: n >= c.atLeast, saw: `${n} GPU process crashes` };
      };
    case 'event':
      return async () => {
        const n = s.eventsSeen.get(c.type) ?? 0;
        return { ok: n > 0, saw: `${n} ${c.type} events` };
      };
    case 'sandbox':
      return async () => {
        const p = await s.find(c.process);
        const sb = p?.sandbox;
        return {
          ok: Boolean(sb && sb.os === 'on' && sb.seccomp && sb.landlock !== false),
          saw: sb
            ? `os ${sb.os}, seccomp ${sb.seccomp ? `on (${sb.seccompFilters} filters)` : 'off'}, ` +
              `landlock ${sb.landlock === false ? 'off' : `ABI ${sb.landlock}`}`
            : `no sandbox report for the ${describeProcess(c.process)} process`,
        };
      };
    case 'raster-threads':
      return async () => {
        const report = await s.api.tileReport(s.tabId(c.tab));
        const threads = new Set(report.tiles.map((t) => t.thread).filter((t) => t !== null));
        return {
          ok: threads.size >= c.threads,
          saw: `${threads.size} raster threads drew ${report.tiles.length} tiles`,
        };
      };
    case 'scrolled':
      return async () => {
        const { y } = (await s.api.tileReport(s.tabId(c.tab))).scroll;
        return { ok: y >= c.pixels, saw: `tab ${c.tab} is scrolled to ${y}` };
      };
  }
}
