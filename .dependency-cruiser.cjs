/**
 * The layers' import rules (the role of Chromium's DEPS files), checked by dependency-cruiser in
 * `npm run lint` and in test/unit/layering.test.ts. A path names the process and thread it runs
 * in; src/README.md's tables list every rule below: what a folder, or a renderer thread, may
 * import. Folder rules are allow-lists over direct imports (everything not listed is a
 * violation); thread rules follow imports transitively from the thread's entry module, because
 * a thread loads whatever its imports import.
 */
const ours = (...folders) => folders.map((f) => `^${f}`);
// npm packages resolve through node_modules (a symlink in worktrees, hence no anchor).
const npm = '(^|/)node_modules/';
// Added to a folder rule's `to`, it lets Node's core modules through.
const exceptNodeCore = { dependencyTypesNot: ['core'] };

const RENDERER = 'src/processes/renderer';
const IO_THREAD = `^${RENDERER}/main\\.ts$`;
const MAIN_THREAD = [`^${RENDERER}/threads/main\\.ts$`, `^${RENDERER}/(page|script)/`];
const COMPOSITOR_THREAD = [`^${RENDERER}/threads/compositor\\.ts$`, `^${RENDERER}/compositor/`];

/**
 * One rule per folder: modules under `from` may import only `allowed`, npm packages matching
 * `packages` (any, unless given; null for none), and Node's core modules unless `noNode`.
 */
function folder(name, comment, from, allowed, { noNode = false, packages = npm } = {}) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: from },
    to: { pathNot: [...allowed, ...(packages ? [packages] : [])], ...(noNode ? {} : exceptNodeCore) },
  };
}

/**
 * One rule per renderer thread, and one for the plugin process: nothing reachable from its entry
 * module may lie in `forbidden`.
 */
function thread(name, comment, entry, forbidden) {
  return { name, comment, severity: 'error', from: { path: entry }, to: { path: forbidden, reachable: true } };
}

module.exports = {
  forbidden: [
    folder(
      'common',
      'common/ runs in every process and thread, the window included: nothing of ours, no Node API',
      '^src/common/',
      [...ours('src/common/'), '(^|/)node_modules/(zod|tldts)/'],
      { noNode: true, packages: null },
    ),
    folder('platform', 'platform/ launches children and their channels: it knows only common/', '^src/platform/', [
      ...ours('src/platform/', 'src/common/'),
    ]),
    folder(
      'browser',
      'the kernel is host-agnostic: no shell, no child code; ' +
        'the display compositor only for the GPU fallback; scenarios for the claims tour',
      '^src/browser/',
      ours('src/browser/', 'src/common/', 'src/platform/', 'src/viz/service/', 'src/scenario/'),
    ),
    folder(
      'scenario',
      'scenarios drive the kernel through the control API only: no kernel, shell or child code',
      '^src/scenario/',
      ours('src/scenario/', 'src/common/', 'src/platform/'),
    ),
    folder(
      'viz-service',
      'the display compositor knows its clients only through the protocol',
      '^src/viz/service/',
      ours('src/viz/service/', 'src/viz/common/', 'src/common/', 'src/platform/'),
    ),
    folder(
      'viz-client',
      'what frame producers use: the protocol and a socket, never the display compositor itself',
      '^src/viz/client/',
      ours('src/viz/client/', 'src/viz/common/', 'src/common/', 'src/platform/'),
    ),
    folder(
      'viz-common',
      'what both ends of a frame sink share (the descriptor channel): never either end itself',
      '^src/viz/common/',
      ours('src/viz/common/', 'src/common/', 'src/platform/'),
    ),
    folder(
      'gpu-process',
      'the GPU process hosts the display compositor',
      '^src/processes/gpu/',
      ours('src/processes/gpu/', 'src/common/', 'src/platform/', 'src/viz/service/'),
    ),
    folder(
      'plugin-process',
      'the plugin process draws its own frames: it shares fonts with renderers, never renderer code',
      '^src/processes/plugin/',
      ours('src/processes/plugin/', 'src/processes/shared/', 'src/common/', 'src/platform/', 'src/viz/client/'),
    ),
    folder(
      'network-process',
      "the network service fetches and checks responses: no drawing, no other process's code",
      '^src/processes/network/',
      ours('src/processes/network/', 'src/common/', 'src/platform/'),
    ),
    folder(
      'processes-shared',
      'what several child processes share (fonts)',
      '^src/processes/shared/',
      ours('src/processes/shared/', 'src/common/', 'src/platform/'),
    ),
    folder(
      'renderer-io-thread',
      "the renderer's IO thread relays messages and starts threads: it runs no page, compositor or raster code",
      IO_THREAD,
      ours('src/common/', 'src/platform/', `${RENDERER}/threadMessages\\.ts$`, `${RENDERER}/threads/crash\\.ts$`),
    ),
    folder(
      'renderer-thread-messages',
      'the messages between renderer threads: data types only',
      `^${RENDERER}/threadMessages\\.ts$`,
      [
        ...ours('src/common/', 'src/viz/client/', `${RENDERER}/(commit|paint)/`),
        '^src/platform/AnonymousSharedMemory\\.ts$',
      ],
    ),
    folder(
      'renderer-main-thread',
      'the main thread (page/, script/) parses, styles, lays out, paints and commits; never compositor code',
      MAIN_THREAD,
      ours(
        `${RENDERER}/(page|script|commit|paint)/`,
        `${RENDERER}/threadMessages\\.ts$`,
        `${RENDERER}/threads/crash\\.ts$`,
        'src/processes/shared/',
        'src/common/',
        'src/platform/',
      ),
    ),
    folder(
      'renderer-worker-thread',
      'a dedicated worker runs script in a context of its own: no page, compositor or raster code',
      `^${RENDERER}/threads/worker\\.ts$`,
      ours(
        `${RENDERER}/script/`,
        `${RENDERER}/threadMessages\\.ts$`,
        `${RENDERER}/threads/crash\\.ts$`,
        'src/platform/child/ThreadHeap\\.ts$',
        'src/platform/tracing\\.ts$',
        'src/common/',
      ),
    ),
    folder(
      'renderer-compositor-thread',
      'the compositor thread (cc) sees the commit and display items, never main-thread code (cc/DEPS admits no Blink)',
      COMPOSITOR_THREAD,
      ours(
        `${RENDERER}/(compositor|commit|paint)/`,
        `${RENDERER}/threadMessages\\.ts$`,
        `${RENDERER}/threads/crash\\.ts$`,
        'src/processes/shared/',
        'src/common/',
        'src/platform/',
        'src/viz/client/',
      ),
    ),
    folder(
      'renderer-raster-thread',
      'a raster thread plays display items into shared memory: no page, commit or compositor code',
      `^${RENDERER}/threads/raster\\.ts$`,
      ours(
        `${RENDERER}/paint/`,
        `${RENDERER}/threadMessages\\.ts$`,
        `${RENDERER}/threads/crash\\.ts$`,
        'src/processes/shared/',
        'src/common/',
        'src/platform/',
      ),
    ),
    folder(
      'renderer-thread-crash',
      'faults on request, in whichever thread asks',
      `^${RENDERER}/threads/crash\\.ts$`,
      ours('src/platform/', `${RENDERER}/threadMessages\\.ts$`),
    ),
    folder(
      'renderer-paint',
      'display items and their playback: recorded on the main thread, played on raster threads',
      `^${RENDERER}/paint/`,
      ours(`${RENDERER}/paint/`, 'src/common/'),
    ),
    folder(
      'renderer-commit',
      'the commit format, main thread to compositor thread: data and nothing else',
      `^${RENDERER}/commit/`,
      ours(`${RENDERER}/(commit|paint)/`, 'src/common/'),
    ),
    folder(
      'lab',
      'the labs stand alone: they measure the runtime, not the browser',
      '^src/lab/',
      ours('src/lab/', 'src/common/', 'src/platform/'),
    ),
    folder(
      'bench',
      "benchmarks drive the kernel, and the renderer's tile manager and raster pool",
      '^src/bench/',
      ours(
        'src/bench/',
        'src/browser/',
        'src/common/',
        'src/platform/',
        'src/processes/renderer/',
        'src/viz/client/',
        'src/processes/shared/',
      ),
    ),
    folder(
      'ui',
      'the UI runs in a window: no Electron, no Node; only the control API (its table and generated client), ' +
        'the internal pages, lab report types and tile constants',
      '^renderer/src/',
      [
        ...ours('renderer/src/'),
        '^src/common/(controlApi|controlApiClient|internalPages|labReports|sandboxLabel|tiles)\\.ts$',
        '(^|/)node_modules/chart\\.js/',
      ],
      { noNode: true, packages: null },
    ),
    {
      name: 'electron-only-in-shell',
      comment:
        'only the Electron shell and its launcher know Electron: the kernel and children run under plain Node too',
      severity: 'error',
      from: { pathNot: ['^src/shell/electron/', '^src/platform/electron-main/'] },
      to: { path: ['(^|/)node_modules/electron/', '^electron$'] },
    },
    {
      name: 'children-not-to-browser-or-shell',
      comment: 'a child process never reaches into the browser kernel, a shell, a lab or a benchmark',
      severity: 'error',
      from: { path: '^src/(processes|viz)/' },
      to: { path: '^src/(browser|shell|lab|bench)/' },
    },
    thread(
      'compositor-thread-loads-no-main-thread-code',
      'the compositor thread must keep running while the main thread is busy: it loads no page or script code',
      `^${RENDERER}/threads/compositor\\.ts$`,
      `^${RENDERER}/(page|script)/`,
    ),
    thread(
      'raster-thread-loads-no-main-thread-code',
      'a raster thread loads display items and their playback, never page, script or compositor code',
      `^${RENDERER}/threads/raster\\.ts$`,
      `^${RENDERER}/(page|script|compositor)/`,
    ),
    thread(
      'plugin-process-loads-no-renderer-code',
      "the plugin process draws its own frames: nothing it loads, through shared code or not, is a renderer's",
      '^src/processes/plugin/main\\.ts$',
      `^${RENDERER}/`,
    ),
    thread(
      'worker-thread-loads-no-page-code',
      'a worker runs script, not the page: it loads no page or compositor code',
      `^${RENDERER}/threads/worker\\.ts$`,
      `^${RENDERER}/(page|compositor)/`,
    ),
    thread(
      'io-thread-loads-no-thread-code',
      'the IO thread loads no page, script or compositor code (message types aside), so a busy page never stops it',
      IO_THREAD,
      `^${RENDERER}/(page|script|compositor)/`,
    ),
    thread(
      'main-thread-loads-no-compositor-code',
      'the main thread commits data; it never runs compositor code itself',
      `^${RENDERER}/threads/main\\.ts$`,
      `^${RENDERER}/compositor/`,
    ),
    {
      name: 'not-to-unresolvable',
      comment: 'an import that resolves to nothing would escape every rule above',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Type-only imports count: a layer that needs another's types depends on it all the same.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|build)/' },
    // Resolve packages as Node does at run time (package.json "exports", CommonJS conditions).
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default'] },
  },
};
