/**
 * Every limit of the protocol and the control API, in one table, each with why it is what it
 * is. The receiver's validators (`protocol.ts`, `controlApi.ts`, `site.ts`, the web shell) and
 * the senders that truncate read the same constants, so an honest sender never oversteps one.
 */
export const LIMITS = {
  /** Characters in an address, typed or sent; far below Chromium's 2 MiB, as no demo page needs more. */
  urlLength: 8192,
  /** Characters in a page title; a tab strip shows a few dozen. */
  titleLength: 512,
  /** Characters in a console message, a log line or a thread's error text: enough for a stack's first lines. */
  messageLength: 2048,
  /** Bytes in a control API request body over HTTP; the largest legitimate body (a URL) is far smaller. */
  httpBodyBytes: 64 * 1024,
  /** Bytes in one message a window sends the display compositor's WebSocket: which surface it shows. */
  windowMessageBytes: 64 * 1024,
  /** Characters in a thread's id or name (`raster-3.2`, `compositor`). */
  threadIdLength: 64,
  /** Characters in a claim id of CLAIMS.md (`MP2`, `NPIPE1`). */
  claimIdLength: 16,
  /** Characters in a scenario's caption: a sentence or two fits over a window. */
  captionLength: 300,
  /** Seconds a caption stays on screen; a scenario pauses between longer stretches. */
  captionSeconds: 60,
  /** Bytes in a scenario file: a demonstration is a page of steps. */
  scenarioFileBytes: 64 * 1024,
  /** Threads a child reports in one stats message: a renderer's pool and its workers stay well below. */
  threadsPerProcess: 64,
  /** Characters in a channel's address (a Unix socket path or a TCP host:port). */
  addressLength: 256,
  /** Characters in a plugin's MIME type. */
  mimeTypeLength: 128,
  /** Pixels on either side of a surface (a tab's viewport or a plugin); what one texture holds. */
  surfaceSide: 8192,
  /** Raster threads in one renderer's pool; more than a desktop has cores. */
  rasterThreads: 16,
  /** Tiles in one tile report: a long page at 256-pixel tiles, with room to spare. */
  tilesPerReport: 20000,
  /** Surfaces in one presentation-stats message: every tab and plugin of a session. */
  surfacesPerStats: 4096,
  /**
   * Frame sink clients in one presentation-stats message: a renderer per site and a process per
   * plugin type, with room to spare.
   */
  frameSinkClientsPerStats: 256,
  /** Surfaces one client is told it may submit: every tab of a session in one renderer, with room to spare. */
  surfacesPerGrant: 4096,
  /** Input ids one frame may carry (Chromium's LatencyInfo), so a flood of input cannot bloat a frame. */
  inputIdsPerFrame: 256,
  /** Slots in one tile pool. */
  slotsPerPool: 4096,
  /** Quads in one compositor frame. */
  quadsPerFrame: 8192,
  /** Characters in a CSS colour string (`rgba(255, 255, 255, 0.5)` and its kin). */
  colorLength: 32,
  /** Pixels of a solid quad's outline (debug borders are 1–2). */
  strokeWidth: 16,
  /** Pixels of one wheel event's delta on either axis, about ten screens. */
  wheelDelta: 10000,
  /**
   * Bytes in one frame a child sends (to the browser, or to the display compositor), checked on
   * the frame's header before anything is allocated. The largest honest child messages are a tile
   * report (20 000 tiles, ~2 MB) and a compositor frame (8192 quads, ~2.5 MB); 4 MiB fits both.
   */
  childFrameBytes: 4 * 1024 * 1024,
  /**
   * Bytes in one frame the browser sends a child: a resource response carries a page of up to
   * 10 MiB, which JSON escaping can grow up to 6× (`\u0000`).
   */
  browserFrameBytes: 64 * 1024 * 1024,
  /**
   * The connect-back channel (Electron's children, which get no inherited descriptor): the first
   * frame on an accepted connection, a child's one-time token, in bytes; how long it may take to
   * arrive; how many connections may be saying it at once. Anything else is refused unread.
   */
  channelTokenFrameBytes: 128,
  channelHandshakeMs: 5000,
  channelHandshakesPending: 16,
  /**
   * Resource requests one renderer may have in flight: a page's scripts and workers' scripts load a
   * few at a time, and each waiting request holds a body of up to 10 MB in the browser.
   */
  inFlightRequestsPerRenderer: 32,
  /**
   * Page workers one renderer may run at once: each is a thread with its own V8 heap, and every
   * thread must fit in one stats message (`threadsPerProcess`) beside io, main, compositor, the
   * raster pool and the few ended threads still shown.
   */
  workersPerRenderer: 24,
  /** Plugin instances one renderer's pages may hold at once: each is a surface and a timer in the plugin process. */
  pluginInstancesPerRenderer: 16,
  /** Bytes a `data:` URL for a script or a worker may decode to; larger scripts come from a server. */
  dataUrlBytes: 1024 * 1024,
  /**
   * Console and log messages a renderer may send per second, and bytes of them: a page that logs in
   * a loop is told how many it lost instead of filling the browser (the renderer counts; the
   * browser drops beyond twice as much, as a backstop).
   */
  logMessagesPerSecond: 200,
  logBytesPerSecond: 64 * 1024,
  /**
   * Bytes in a page or script the browser loads (a demo file or a network response); what a
   * renderer is sent at once.
   */
  pageBytes: 10 * 1024 * 1024,
  /**
   * Milliseconds the network service gives one request, answer and body; a demo page slower than
   * this is broken, not slow.
   */
  fetchTimeoutMs: 10_000,
  /**
   * Bytes of a response body in one message from the network service (base64 in the frame, so
   * 4/3 of this): well inside `childFrameBytes`, so a page streams in chunks, as Chromium's data pipe.
   */
  networkChunkBytes: 256 * 1024,
  /** Characters in a response's Content-Type header as the network service reports it (parameters included). */
  contentTypeLength: 256,
  /**
   * Bytes per second of a child's stderr that the browser passes on to its own: a worker writing in
   * a loop cannot flood it.
   */
  stderrBytesPerSecond: 64 * 1024,
  /**
   * Chromium's estimate of one renderer's memory on 64-bit (`kEstimatedWebContentsMemoryUsage`):
   * its renderer process limit is half the physical memory over this (RendererProcessLimit).
   */
  chromiumRendererEstimateMb: 85,
  /**
   * Minium's own estimate for the same formula: an idle orbit.example renderer is ~160 MB resident
   * here (Node's runtime and a V8 isolate per thread: io, main, compositor, raster ×N), about
   * twice Chromium's figure, so Minium allows about half as many renderers on the same machine.
   */
  rendererEstimateMb: 160,
  /**
   * Quiet time after a renderer's last page load before every thread's heap is reduced
   * (`HeapReducer`): a page's load burst is over by then, and each thread pays one full
   * collection (4–14 ms here for a small heap), once, not per frame.
   */
  heapReduceDelayMs: 2000,
  /** Chromium's floor on the renderer process limit (`kMinRendererProcessCount`), whatever the memory. */
  rendererProcessMin: 3,
  /** Chromium's ceiling where the platform's process limit is unknown (`kMaxRendererProcessCount`). */
  rendererProcessFallbackMax: 82,
  /**
   * Trace events one thread keeps while tracing (a ring: the oldest go first). At ~150 bytes an
   * event, one thread's buffer fits a child's frame (`childFrameBytes`) with room to spare, and holds
   * about a minute of an animating tab's busiest thread.
   */
  traceEventsPerThread: 20000,
  /** Trace events in one trace-data message: a thread's buffer travels in pieces, each far below `childFrameBytes`. */
  traceEventsPerMessage: 4000,
  /**
   * Trace events the browser keeps from one child in one trace, whatever it sends: a renderer
   * cannot bloat the browser.
   */
  traceEventsPerProcess: 200000,
  /** Characters in a trace event's name, category or string argument. */
  traceNameLength: 128,
  /** Arguments on one trace event. */
  traceArgsPerEvent: 8,
  /**
   * Frames one sequence may count in its one-second window: vsyncs at 60 Hz plus the missed ones a
   * late vsync stands for.
   */
  framesPerMetricsWindow: 240,
  /** Seconds one trace may record (`minium trace --seconds`). */
  traceSeconds: 120,
} as const;
