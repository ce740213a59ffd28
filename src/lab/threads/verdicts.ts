/** Reads the process-versus-thread lab against the seed's claims. Pure. */
import type { ClaimVerdict, Pair, ThreadsLabReport } from '../../common/labReports';
import { compareClaim } from '../verdict';

/** "Processes cost more than threads" holds outright when a process costs half as much again. */
const STRONG = 1.5;

export function threadsVerdicts(r: Omit<ThreadsLabReport, 'verdicts'>): ClaimVerdict[] {
  const find = (prefix: string) => r.pairs.find((p) => p.metric.startsWith(prefix));
  const out: ClaimVerdict[] = [];
  const claim = (ids: string[], pair: Pair | undefined, what: string) => {
    for (const id of ids)
      out.push(
        compareClaim(
          id,
          what,
          { label: 'process', estimate: pair?.process ?? null },
          { label: 'thread', estimate: pair?.thread ?? null },
          pair?.unit ?? '',
          STRONG,
          { paired: pair?.ratio },
        ),
      );
  };
  claim(['MP3', 'TB3'], find('memory per idle unit'), 'memory per idle unit');
  claim(['MT4'], find('create + end one') ?? find('start:'), 'creating and ending one');
  claim(['MP4', 'MT5', 'TB5'], find('switch:'), 'a context switch, both on one CPU (lat_ctx)');

  const proc = r.visibility.find((v) => v.kind === 'process');
  const thread = r.visibility.find((v) => v.kind === 'thread');
  if (proc && thread) {
    out.push({
      id: 'TB1',
      verdict:
        !proc.sawLabGlobal && !thread.sawLabGlobal && thread.sawSharedBuffer ? 'holds in part' : 'does not hold here',
      because:
        `a process saw none of the lab's memory; a worker thread did not see the lab's global variable either ` +
        `(each worker_thread has its own heap), only the SharedArrayBuffer handed to it ` +
        `(${thread.sawSharedBuffer ? 'it read 42' : 'it did not'}): separate for processes, shared only on ` +
        `purpose for threads`,
    });
  }
  const threadFault = r.blast.find((b) => b.fault.startsWith('memory fault'));
  const exception = r.blast.find((b) => b.fault.startsWith('uncaught exception'));
  const processFault = r.blast.find((b) => b.fault.startsWith('fatal signal'));
  if (threadFault)
    out.push({
      id: 'MT3',
      verdict: threadFault.outcome.startsWith('the whole process') ? 'holds' : 'does not hold here',
      because: `${threadFault.fault}: ${threadFault.outcome}`,
    });
  if (exception && processFault) {
    out.push({
      id: 'TB2',
      verdict:
        processFault.siblingsSurvived && threadFault?.outcome.startsWith('the whole process')
          ? 'holds'
          : 'holds in part',
      because:
        `a process's fatal signal spared its siblings (${processFault.siblingsSurvived}); a thread's memory ` +
        `fault took its whole process; an exception ended only its thread ` +
        `(${exception.siblingsSurvived ? 'sibling carried on' : 'sibling died'}): JavaScript's exceptions make ` +
        `threads safer than the claim says`,
    });
  }
  return out;
}
