import type { ControlApi } from './controlApi';

/** Polls until a probe returns something truthy; rejects with what was awaited when time runs out. */
export async function waitFor<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 20000,
  everyMs = 10,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Whether a tab's console got a line starting with `prefix` since its entry number `since`. */
export function loggedSince(
  api: Pick<ControlApi, 'consoleMessages'>,
  tabId: number,
  since: number,
  prefix: string,
): boolean {
  return api
    .consoleMessages(tabId)
    .slice(since)
    .some((m) => m.message.startsWith(prefix));
}
