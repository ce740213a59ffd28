/**
 * When a child reports its threads to the browser. A report every half second from every child
 * kept an idle browser awake (ten processes, each waking its threads): now a child reports at
 * the live rate only while someone looks (the browser says so) or while it is busy itself, and
 * otherwise sends a heartbeat as rarely as the browser's hang monitor allows. Until the browser
 * says otherwise, it reports at the live rate.
 */
import { BUSY_LOAD, type ReportRate, type ThreadStats } from '../../common/protocol';
import { LoopLoad } from './LoopLoad';
import { heapFigures } from './ThreadHeap';

const START_MS = 500;

/** What one report saw: its threads' event-loop utilisation since the previous one. */
export interface ReportSeen {
  busiest: number;
}

export class ReportClock {
  private rate: Omit<ReportRate, 'type'> = { watched: false, liveMs: START_MS, heartbeatMs: START_MS };
  private timer: NodeJS.Timeout | null = null;

  /** `report` is told whether someone looks: what only a viewer needs is gathered only then. */
  constructor(private readonly report: (watched: boolean) => ReportSeen) {}

  start(): void {
    this.schedule(this.rate.liveMs);
  }

  /** A new rate from the browser, from the next report on; someone starting to look gets one at once. */
  setRate(rate: ReportRate): void {
    const startsLooking = rate.watched && !this.rate.watched;
    this.rate = { watched: rate.watched, liveMs: rate.liveMs, heartbeatMs: rate.heartbeatMs };
    if (startsLooking) this.tick();
  }

  private tick(): void {
    const seen = this.report(this.rate.watched);
    this.schedule(this.rate.watched || seen.busiest > BUSY_LOAD ? this.rate.liveMs : this.rate.heartbeatMs);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), ms);
    this.timer.unref();
  }
}

/**
 * The report of a child whose work all runs on its main thread (GPU, plugin, network service):
 * that thread's load, and its heap where the Task Manager shows one.
 */
export function mainThreadReports(
  send: (m: { type: 'stats'; threads: ThreadStats[] }) => void,
  thread: { name: string; kind: ThreadStats['kind']; heap: boolean },
): ReportClock {
  const load = new LoopLoad();
  return new ReportClock(() => {
    const busy = load.sample();
    const { name, kind } = thread;
    send({
      type: 'stats',
      threads: [{ id: 'main', name, kind, busy, state: 'running', ...(thread.heap ? { heap: heapFigures() } : {}) }],
    });
    return { busiest: busy };
  });
}
