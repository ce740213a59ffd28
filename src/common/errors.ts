/**
 * Every error the browser kernel reports to a person, in one table: a code the API returns, an
 * HTTP status, and a sentence that says what happened and what to do.
 */
export class MiniumError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'MiniumError';
  }
}

export const errors = {
  badRequest: (reason: string) => new MiniumError('bad-request', 400, reason),
  badUrl: (reason: string) => new MiniumError('bad-url', 400, reason),
  unauthorized: () =>
    new MiniumError('unauthorized', 401, 'Missing or wrong token: pass ?token=… or "Authorization: Bearer …".'),
  noSuchTab: (id: number) => new MiniumError('no-such-tab', 404, `There is no tab ${id}.`),
  noSuchProcess: (pid: number) =>
    new MiniumError('no-such-process', 404, `Process ${pid} is not one of Minium's processes.`),
  noSuchThread: (pid: number, thread: string) =>
    new MiniumError('no-such-thread', 404, `Process ${pid} has no thread "${thread}".`),
  notFound: (what: string) => new MiniumError('not-found', 404, `${what} was not found.`),
  processLimit: (limit: number, site: string) =>
    new MiniumError(
      'process-limit',
      409,
      `Opening ${site} needs a new renderer process, but the limit of ${limit} renderers is reached and ` +
        `different sites never share one. Close a tab of another site first.`,
    ),
  cannotKillBrowser: () =>
    new MiniumError(
      'cannot-kill-browser',
      409,
      'The browser process cannot end itself from its own Task Manager; quit Minium instead.',
    ),
  tabNotLive: (id: number) =>
    new MiniumError(
      'tab-not-live',
      409,
      `Tab ${id} has no running renderer (it crashed or is still starting); reload it first.`,
    ),
  tabVisible: (id: number, what: 'frozen' | 'discarded') =>
    new MiniumError(
      'tab-visible',
      409,
      `Tab ${id} is the one the window shows; only a hidden tab can be ${what}. Activate another tab first.`,
    ),
  rendererTimeout: (what: string) =>
    new MiniumError(
      'renderer-timeout',
      504,
      `The renderer did not answer ${what} within 2 s; it may be busy or stopped.`,
    ),
  tooLarge: (limit: number) => new MiniumError('too-large', 413, `The request body is larger than ${limit} bytes.`),
  claimBusy: (id: string) =>
    new MiniumError('claim-busy', 409, `The demonstration of ${id} is still running; one runs at a time.`),
  alreadyTracing: () =>
    new MiniumError('already-tracing', 409, 'A trace is already being recorded; stop it first to get its file.'),
  notTracing: () => new MiniumError('not-tracing', 409, 'No trace is being recorded; start one first.'),
  shuttingDown: () => new MiniumError('shutting-down', 503, 'Minium is shutting down.'),
};

export function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
