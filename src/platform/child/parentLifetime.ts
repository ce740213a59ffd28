/**
 * Binds this child's life to the browser process's, as early as possible: every child entry
 * imports this module first, so it runs before anything else loads. When the browser launched
 * the child itself, on Linux, the kernel then SIGKILLs the child the moment the browser dies, by
 * any means (PR_SET_PDEATHSIG); if the browser died before the request, the child ends here. A
 * launch through a helper, or another platform, is left to the watchdog in parentPort.ts, which
 * does not run (and wake the child four times a second) where the kernel's signal is set.
 * (Parsed here rather than with parentPort's argValue: that module imports this one.)
 */
import { native } from '../native';

const browser = Number(process.argv.find((a) => a.startsWith('--minium-parent-pid='))?.split('=')[1]);
function browserGone(): boolean {
  try {
    process.kill(browser, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

// The browser may already be gone: it was killed while this process was still starting up.
if (browser && browserGone()) process.exit(0);
const bound = browser && process.ppid === browser ? native().bindToParentLifetime(browser) : null;
if (bound === false) process.exit(0);
/** The kernel ends this child with the browser: no watchdog needs to poll for it. */
export const boundByKernel = bound === true;
