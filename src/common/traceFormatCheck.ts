/**
 * A strict check of a file against Chrome's JSON Trace Event Format as Minium writes it, and
 * against what Perfetto's JSON importer needs to draw it: the object form; every event with a
 * name, a known phase, integer pid and tid; metadata naming every process and thread; a thread id
 * belonging to one process only; timestamps in file order; complete slices ('X') with a duration,
 * nested on their thread (a partial overlap is dropped by the viewers); flows (s/t/f, matched by
 * category, name and id) with one start and one end, in time order, each step bound to a slice:
 * the same process, thread, category and timestamp as a complete slice before it in the file (DevTools
 * binds by exactly these; Perfetto binds to the slice open at that time, the same one). Returns
 * every problem found; none means it is well formed.
 */

const PHASES = new Set(['X', 's', 't', 'f', 'M']);
const METADATA = new Set(['process_name', 'process_labels', 'process_sort_index', 'thread_name', 'thread_sort_index']);

interface Slice {
  ts: number;
  end: number;
}

type Raw = Record<string, unknown>;

export function checkTraceFile(file: unknown): string[] {
  const problems: string[] = [];
  const problem = (i: number, what: string): void => {
    if (problems.length < 50) problems.push(`event ${i}: ${what}`);
  };
  if (typeof file !== 'object' || file === null || !Array.isArray((file as Raw).traceEvents))
    return ['the file is not an object with a traceEvents array'];
  const unit = (file as Raw).displayTimeUnit;
  if (unit !== undefined && unit !== 'ms' && unit !== 'ns') problems.push(`displayTimeUnit is "${String(unit)}"`);
  const events = (file as { traceEvents: unknown[] }).traceEvents;
  const processNames = new Set<number>();
  const threadNames = new Set<string>();
  const tidOwner = new Map<number, number>();
  const slices = new Map<string, Slice[]>();
  const flows = new Map<string, { ph: string; ts: number }[]>();
  /** Complete slices seen so far, by thread, category and start: where a flow step may bind. */
  const sliceStarts = new Set<string>();
  let lastTs = -Infinity;
  events.forEach((raw, i) => {
    if (typeof raw !== 'object' || raw === null) return problem(i, 'not an object');
    const e = raw as Raw;
    if (typeof e.name !== 'string' || !e.name) problem(i, 'no name');
    if (typeof e.ph !== 'string' || !PHASES.has(e.ph)) return problem(i, `unknown phase ${String(e.ph)}`);
    if (!Number.isInteger(e.pid) || !Number.isInteger(e.tid)) return problem(i, 'pid and tid must be integers');
    const pid = e.pid as number;
    const tid = e.tid as number;
    const thread = `${pid}/${tid}`;
    if (e.args !== undefined && (typeof e.args !== 'object' || e.args === null)) problem(i, 'args is not an object');
    if (e.ph === 'M') {
      if (!METADATA.has(e.name as string)) problem(i, `unknown metadata ${String(e.name)}`);
      if (e.name === 'process_name') processNames.add(pid);
      if (e.name === 'thread_name') threadNames.add(thread);
      return;
    }
    if (tid !== 0) {
      if ((tidOwner.get(tid) ?? pid) !== pid)
        problem(i, `thread ${tid} appears in processes ${tidOwner.get(tid)} and ${pid}`);
      tidOwner.set(tid, pid);
    }
    if (typeof e.ts !== 'number' || !Number.isFinite(e.ts) || e.ts < 0) return problem(i, 'no timestamp');
    if (e.ts < lastTs) problem(i, `timestamp ${e.ts} before the previous event's ${lastTs}`);
    lastTs = e.ts;
    if (!processNames.has(pid)) problem(i, `process ${pid} has no process_name metadata before its events`);
    if (!threadNames.has(thread)) problem(i, `thread ${thread} has no thread_name metadata before its events`);
    if (e.ph === 'X') {
      if (typeof e.dur !== 'number' || !(e.dur >= 0)) return problem(i, 'a complete slice without a duration');
      const list = slices.get(thread) ?? [];
      list.push({ ts: e.ts, end: e.ts + e.dur });
      slices.set(thread, list);
      sliceStarts.add(`${thread}\u0000${String(e.cat)}\u0000${e.ts}`);
    }
    if (e.ph === 's' || e.ph === 't' || e.ph === 'f') {
      if (typeof e.id !== 'string' && typeof e.id !== 'number') return problem(i, 'a flow event without an id');
      if (typeof e.cat !== 'string') problem(i, 'a flow event without a category');
      if (e.ph === 'f' && e.bp !== 'e') problem(i, 'a flow end that does not bind to its enclosing slice (bp: "e")');
      const key = `${String(e.cat)}\u0000${e.name as string}\u0000${String(e.id)}`;
      const list = flows.get(key) ?? [];
      list.push({ ph: e.ph, ts: e.ts });
      flows.set(key, list);
      if (!sliceStarts.has(`${thread}\u0000${String(e.cat)}\u0000${e.ts}`))
        problem(
          i,
          `a flow event at ${e.ts} that no earlier slice of thread ${thread} and category ${String(e.cat)} starts with`,
        );
    }
  });
  for (const [thread, list] of slices) {
    // Sorted by start, longest first: each slice must end inside every slice still open around it.
    const sorted = [...list].sort((a, b) => a.ts - b.ts || b.end - a.end);
    const open: Slice[] = [];
    for (const s of sorted) {
      while (open.length && open[open.length - 1].end <= s.ts) open.pop();
      const parent = open[open.length - 1];
      if (parent && s.end > parent.end) problems.push(`thread ${thread}: slices at ${parent.ts} and ${s.ts} overlap`);
      open.push(s);
    }
  }
  for (const [key, list] of flows) {
    const name = key.replaceAll('\u0000', ' ');
    const starts = list.filter((f) => f.ph === 's').length;
    const ends = list.filter((f) => f.ph === 'f').length;
    if (starts !== 1 || ends !== 1) problems.push(`flow ${name}: ${starts} starts and ${ends} ends`);
    else if (list[0].ph !== 's' || list[list.length - 1].ph !== 'f')
      problems.push(`flow ${name}: does not begin with its start and end with its end`);
  }
  return problems;
}
