/**
 * Every message that crosses a process boundary, with its schema. Whatever a process receives
 * from a less trusted one is parsed here; a message that fails is a *bad message*.
 * Messages carry ids, rectangles and sequence numbers; pixels travel through shared memory.
 */
import { z } from 'zod';
import { type Parsed, SURFACE_ID } from './frameSinkServerMessages';
import { LIMITS } from './limits';

const id = z.number().int().nonnegative();
const pid = z.number().int().positive();
const rect = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  w: z.number().finite().nonnegative(),
  h: z.number().finite().nonnegative(),
});
const side = z.number().int().positive().max(LIMITS.surfaceSide);
const size = z.object({ w: side, h: side });
const matrix = z.tuple([
  z.number().finite(),
  z.number().finite(),
  z.number().finite(),
  z.number().finite(),
  z.number().finite(),
  z.number().finite(),
]);
const surfaceId = z.string().regex(SURFACE_ID);
const shortText = z.string().max(LIMITS.messageLength);
const address = z.string().max(LIMITS.addressLength);
const channel = z.object({ address, token: z.string().regex(/^[0-9a-f]{32}$/) });
const rasterThreads = z.number().int().min(1).max(LIMITS.rasterThreads);
const color = z.string().max(LIMITS.colorLength);

export const ThreadKind = z.enum(['io', 'main', 'compositor', 'raster', 'worker', 'display', 'plugin']);
export type ThreadKind = z.infer<typeof ThreadKind>;

const bytes = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
/** A thread's V8 heap (v8.getHeapStatistics in that thread): each worker_thread has its own. */
export const ThreadHeap = z.object({
  /** Committed to the heap's spaces (what it holds of the process's memory). */
  totalBytes: bytes,
  /** Live and not yet collected objects within it. */
  usedBytes: bytes,
  /** Outside the heap but owned by its objects (ArrayBuffers, Skia canvases, WebAssembly memory). */
  externalBytes: bytes,
});
export type ThreadHeap = z.infer<typeof ThreadHeap>;

export const ThreadStats = z.object({
  id: z.string().max(LIMITS.threadIdLength),
  name: z.string().max(LIMITS.threadIdLength),
  kind: ThreadKind,
  /** Event-loop utilization over the last interval, 0..1. */
  busy: z.number().min(0).max(1),
  state: z.enum(['running', 'ended']),
  error: shortText.optional(),
  /** The thread's own V8 heap limit in MB: each worker thread is an isolate with a heap of its own. */
  heapLimitMb: z
    .number()
    .int()
    .positive()
    .max(1 << 20)
    .optional(),
  /** Its last heap report; absent until the thread first answers. */
  heap: ThreadHeap.optional(),
});
export type ThreadStats = z.infer<typeof ThreadStats>;

/** Input the window sends a tab, in viewport pixels; wheel deltas in pixels. */
export const InputEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('click'), x: z.number().finite(), y: z.number().finite() }),
  z.object({
    type: z.literal('wheel'),
    x: z.number().finite(),
    y: z.number().finite(),
    dx: z.number().finite().min(-LIMITS.wheelDelta).max(LIMITS.wheelDelta),
    dy: z.number().finite().min(-LIMITS.wheelDelta).max(LIMITS.wheelDelta),
  }),
]);
export type InputEvent = z.infer<typeof InputEvent>;

export const RenderingOverlays = z.object({
  tileBorders: z.boolean(),
  paintFlashing: z.boolean(),
  fpsMeter: z.boolean(),
});
export type RenderingOverlays = z.infer<typeof RenderingOverlays>;

/** The kinds of frame sequence whose dropped frames a tab's compositor counts (cc's FrameSequenceTracker types). */
export const SequenceKind = z.enum(['compositorAnimation', 'mainThreadAnimation', 'scroll']);
export type SequenceKind = z.infer<typeof SequenceKind>;
const SequenceMetric = z
  .object({
    /** Frames of the sequence dropped over the last second, in percent (cc's PercentDroppedFrames). */
    percentDropped: z.number().min(0).max(100),
    /** Frames the sequence expected over the last second. */
    frames: z.number().int().nonnegative().max(LIMITS.framesPerMetricsWindow),
  })
  .nullable();
/** Each kind's dropped frames over the last second; null for a kind that did not run in it. */
export const FrameMetrics = z.object({
  compositorAnimation: SequenceMetric,
  mainThreadAnimation: SequenceMetric,
  scroll: SequenceMetric,
});
export type FrameMetrics = z.infer<typeof FrameMetrics>;

/** Which raster thread drew each tile of a tab, as its compositor thread knows it. */
export const TileReport = z.object({
  tabId: id,
  rasterThreads,
  scroll: z.object({ x: z.number(), y: z.number() }),
  framesPerSecond: z.number().int().nonnegative(),
  /** Vsyncs the renderer's compositor thread has run: it asks for them only while something changes. */
  beginFrames: z.number().int().nonnegative(),
  frameMetrics: FrameMetrics,
  tiles: z
    .array(z.object({ layer: id, rect, thread: z.number().int().positive().nullable() }))
    .max(LIMITS.tilesPerReport),
});
export type TileReport = z.infer<typeof TileReport>;

/**
 * What a child runs under, read back from the kernel after it sandboxed itself (Linux:
 * /proc/self/status and Landlock's answer). `os` says plainly when there is no OS layer.
 */
export const SandboxReport = z.object({
  /**
   * 'on': the OS sandbox applied; 'off': the browser was started with the sandbox off; 'none': no
   * OS sandbox on this platform.
   */
  os: z.enum(['on', 'off', 'none']),
  /** A seccomp-bpf filter is in force (Seccomp: 2), and how many filters are stacked. */
  seccomp: z.boolean(),
  seccompFilters: z.number().int().nonnegative().max(64),
  noNewPrivs: z.boolean(),
  /** The Landlock ABI the child restricted itself with, or false. */
  landlock: z.union([z.literal(false), z.number().int().positive().max(64)]),
  /** Node's permission model (a second layer; Electron's utilityProcess does not honour it). */
  permissionModel: z.boolean(),
  /** Microseconds spent applying the OS sandbox. */
  applyMicros: z.number().nonnegative().max(10_000_000),
  /** The filter lets it open TCP sockets: the network service, alone of the children. */
  tcp: z.literal(true).optional(),
});
export type SandboxReport = z.infer<typeof SandboxReport>;

// ---------------------------------------------------------------------------------------------
// Trace events (Chrome's JSON Trace Event Format): what one thread recorded, without its pid and
// tid, which the thread's header carries once. Flow ids are hex strings, as Perfetto reads them.
const traceText = z.string().max(LIMITS.traceNameLength);
export const TraceEvent = z.object({
  name: traceText,
  cat: traceText,
  /** X: a complete slice; s, t, f: a flow's start, step and end. */
  ph: z.enum(['X', 's', 't', 'f']),
  /** Microseconds on CLOCK_MONOTONIC, which every process of the machine shares. */
  ts: z.number().finite().nonnegative(),
  dur: z.number().finite().nonnegative().optional(),
  id: z
    .string()
    .regex(/^0x[0-9a-f]{1,13}$/)
    .optional(),
  /** A flow's end binds to the slice that encloses it ('e'), as its start and steps do. */
  bp: z.literal('e').optional(),
  args: z
    .record(z.string().max(LIMITS.threadIdLength), z.union([traceText, z.number().finite(), z.boolean()]))
    .refine((a) => Object.keys(a).length <= LIMITS.traceArgsPerEvent, 'too many trace arguments')
    .optional(),
});
export type TraceEvent = z.infer<typeof TraceEvent>;
/** Who recorded a buffer: the OS thread id (unique across processes), its Chromium name, its place in the list. */
export const TraceThread = z.object({
  tid: z
    .number()
    .int()
    .positive()
    .max(2 ** 32 - 1),
  name: z.string().max(LIMITS.threadIdLength),
  sortIndex: z
    .number()
    .int()
    .min(0)
    .max(LIMITS.threadsPerProcess * 4),
});
export type TraceThread = z.infer<typeof TraceThread>;
/**
 * Browser → child: record (every thread of the child) and say so with `trace-started`, or stop and
 * send what was recorded.
 */
export const TraceStart = z.object({ type: z.literal('trace-start'), requestId: id });
export const TraceStop = z.object({ type: z.literal('trace-stop'), requestId: id });
export type TraceOrder = z.infer<typeof TraceStart> | z.infer<typeof TraceStop>;

// ---------------------------------------------------------------------------------------------
// Any child → browser
const Ready = z.object({ type: z.literal('ready'), pid, sandbox: SandboxReport });
const Stats = z.object({ type: z.literal('stats'), threads: z.array(ThreadStats).max(LIMITS.threadsPerProcess) });
const Log = z.object({ type: z.literal('log'), level: z.enum(['info', 'warn', 'error']), message: shortText });
/**
 * One thread's trace buffer, or a piece of it, answering a trace-stop; then trace-end says the
 * child sent all it had.
 */
export const TraceData = z.object({
  type: z.literal('trace-data'),
  requestId: id,
  thread: TraceThread,
  events: z.array(TraceEvent).max(LIMITS.traceEventsPerMessage),
  /** Events the thread's ring overwrote (on its first piece). */
  dropped: id,
});
export type TraceData = z.infer<typeof TraceData>;
export const TraceEnd = z.object({ type: z.literal('trace-end'), requestId: id });
export type TraceEnd = z.infer<typeof TraceEnd>;
/**
 * Answers a trace-start once the child's threads record: `threads` of them said so in time,
 * `silent` did not (a thread stuck in page script), and record from when they next turn.
 */
export const TraceStarted = z.object({
  type: z.literal('trace-started'),
  requestId: id,
  threads: z.number().int().min(0).max(LIMITS.threadsPerProcess),
  silent: z.number().int().min(0).max(LIMITS.threadsPerProcess),
});
export type TraceStarted = z.infer<typeof TraceStarted>;
/** What a child sends the TraceController. */
export type TraceAnswer = TraceStarted | TraceData | TraceEnd;
const common = [Ready, Stats, Log, TraceStarted, TraceData, TraceEnd] as const;

// Renderer → browser
export const ResourceRequest = z.object({
  type: z.literal('resource-request'),
  requestId: id,
  tabId: id,
  url: z.string().max(LIMITS.urlLength),
  destination: z.enum(['document', 'script']),
});
const TabLoaded = z.object({ type: z.literal('tab-loaded'), tabId: id, title: z.string().max(LIMITS.titleLength) });
const PluginRequest = z.object({
  type: z.literal('plugin-request'),
  tabId: id,
  instanceId: id,
  mimeType: z.string().max(LIMITS.mimeTypeLength),
  size,
});
/** The instance's `<embed>` left its document (removed, replaced): the browser ends the instance. */
const PluginReleased = z.object({ type: z.literal('plugin-released'), tabId: id, instanceId: id });
const ConsoleMessage = z.object({
  type: z.literal('console'),
  tabId: id,
  level: z.enum(['log', 'info', 'warn', 'error']),
  message: shortText,
});
const TileReportReply = z.object({ type: z.literal('tile-report'), requestId: id, report: TileReport.nullable() });
/** The IO thread pings the main thread; this says how long the main thread has left a ping unanswered. */
const MainThreadHealth = z.object({
  type: z.literal('main-thread-health'),
  unansweredMs: z.number().int().nonnegative(),
});
/**
 * The IO thread says its main, compositor and raster threads have loaded their code and run: the
 * renderer is warm (what a spare waits for). `ms`: since the process started.
 */
const ThreadsStarted = z.object({ type: z.literal('threads-started'), ms: z.number().int().nonnegative() });
/**
 * A child's first frame on the connect-back channel (under Electron, where it gets no inherited
 * descriptor): the one-time token the browser put on its argv, which makes the connection its channel.
 */
export const ChannelToken = z.strictObject({
  type: z.literal('channel-token'),
  token: z.string().regex(/^[0-9a-f]{32}$/),
});
export type ChannelToken = z.infer<typeof ChannelToken>;
export const RendererToBrowser = z.discriminatedUnion('type', [
  ...common,
  ResourceRequest,
  TabLoaded,
  PluginRequest,
  PluginReleased,
  ConsoleMessage,
  TileReportReply,
  MainThreadHealth,
  ThreadsStarted,
]);
export type RendererToBrowser = z.infer<typeof RendererToBrowser>;

// GPU (or in-process display compositor) → browser
const DisplayReady = z.object({
  type: z.literal('display-ready'),
  frameSinkAddress: address,
  displayPort: z.number().int().positive(),
});
/** One frame sink client as the display compositor sees it: its tile pools and what it sent. */
export const FrameSinkClientStats = z.object({
  pid,
  pools: id,
  poolBytes: z.number().int().nonnegative(),
  /**
   * Messages (frames, pool hand-overs) and bytes the client sent on its socket; what it was sent
   * back (acks, grants).
   */
  received: z.object({ messages: id, bytes: z.number().int().nonnegative() }),
  sent: z.object({ messages: id, bytes: z.number().int().nonnegative() }),
});
export type FrameSinkClientStats = z.infer<typeof FrameSinkClientStats>;
const PresentationStats = z.object({
  type: z.literal('presentation-stats'),
  surfaces: z.array(z.object({ surfaceId, framesPresented: id })).max(LIMITS.surfacesPerStats),
  clients: z.array(FrameSinkClientStats).max(LIMITS.frameSinkClientsPerStats),
});
/** Sent as soon as a frame carrying input latency ids is composited. */
const InputPresented = z.object({
  type: z.literal('input-presented'),
  surfaceId,
  inputIds: z.array(id).max(LIMITS.inputIdsPerFrame),
});
export const GpuToBrowser = z.discriminatedUnion('type', [...common, DisplayReady, PresentationStats, InputPresented]);
export type GpuToBrowser = z.infer<typeof GpuToBrowser>;

export const PluginToBrowser = z.discriminatedUnion('type', [...common]);
export type PluginToBrowser = z.infer<typeof PluginToBrowser>;

// Network service → browser: one response streams as a head, body chunks, then done (or failed at any point).
const FetchHead = z.object({
  type: z.literal('fetch-head'),
  requestId: id,
  status: z.number().int().min(100).max(599),
  contentType: z.string().max(LIMITS.contentTypeLength),
});
/** Base64, so any bytes survive JSON; at most `networkChunkBytes` decoded. */
const FetchBody = z.object({
  type: z.literal('fetch-body'),
  requestId: id,
  data: z
    .string()
    .max(Math.ceil(LIMITS.networkChunkBytes / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
});
const FetchDone = z.object({ type: z.literal('fetch-done'), requestId: id });
const FetchFailed = z.object({ type: z.literal('fetch-failed'), requestId: id, error: shortText });
export const NetworkToBrowser = z.discriminatedUnion('type', [...common, FetchHead, FetchBody, FetchDone, FetchFailed]);
export type NetworkToBrowser = z.infer<typeof NetworkToBrowser>;

// ---------------------------------------------------------------------------------------------
// Browser → any child: end cleanly (exit code 0).
const Shutdown = z.object({ type: z.literal('shutdown') });
/**
 * Browser → any child: how often to report its threads. Every `liveMs` while someone looks (the
 * Task Manager, the architecture view) or while the child is busy; otherwise every `heartbeatMs`,
 * often enough for the hang monitor, rarely enough that an idle child costs nothing.
 */
export const ReportRate = z.object({
  type: z.literal('report-rate'),
  watched: z.boolean(),
  liveMs: z.number().int().min(50).max(60_000),
  heartbeatMs: z.number().int().min(50).max(60_000),
});
export type ReportRate = z.infer<typeof ReportRate>;
/** A thread busier than this since the last report (event-loop utilisation) makes its child busy. */
export const BUSY_LOAD = 0.02;

// Browser → renderer
export const RendererInit = z.object({
  type: z.literal('init'),
  /** The site it is launched for; null for a spare, locked by the browser when a site takes it. */
  site: z.string().nullable(),
  rasterThreads,
  gpu: channel.nullable(),
  overlays: RenderingOverlays,
});
const TabInput = z.object({ type: z.literal('input'), tabId: id, inputId: id, event: InputEvent });
const SetOverlays = z.object({ type: z.literal('overlays'), overlays: RenderingOverlays });
const TileReportRequest = z.object({ type: z.literal('tile-report-request'), requestId: id, tabId: id });
const GpuChannel = z.object({ type: z.literal('gpu-channel'), gpu: channel });
/** `visible`: shown in a window; a hidden (occluded) tab draws no frames and its timers wake at most once a second. */
const OpenTab = z.object({
  type: z.literal('open-tab'),
  tabId: id,
  url: z.string(),
  viewport: size,
  visible: z.boolean(),
});
const CloseTab = z.object({ type: z.literal('close-tab'), tabId: id });
/**
 * The tab's lifecycle: shown, hidden (no frames, timers once a second), or frozen (hidden, and no
 * page or worker task runs).
 */
const TabLifecycle = z.object({
  type: z.literal('tab-lifecycle'),
  tabId: id,
  lifecycle: z.enum(['visible', 'hidden', 'frozen']),
});
const ResourceResponse = z.object({
  type: z.literal('resource-response'),
  requestId: id,
  result: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), status: z.number().int(), contentType: z.string(), body: z.string() }),
    z.object({ ok: z.literal(false), error: z.string() }),
  ]),
});
const PluginAttached = z.object({ type: z.literal('plugin-attached'), tabId: id, instanceId: id, surfaceId });
const PluginGone = z.object({ type: z.literal('plugin-gone'), tabId: id, instanceId: id, reason: z.string() });
const CrashThread = z.object({
  type: z.literal('crash-thread'),
  threadId: z.string(),
  how: z.enum(['exception', 'segfault', 'oom']),
});
/** A debug URL the renderer handles itself (`minium://crash` …), as Chrome's HandleChromeDebugURL. */
const DebugUrl = z.object({
  type: z.literal('debug-url'),
  kind: z.enum(['crash', 'hang', 'shorthang', 'memory-exhaust', 'badmessage', 'sandbox-probe', 'memory-probe']),
  /** The tab whose address bar named it: a probe reports in its console. */
  tabId: id,
  /** The memory probe's aim: another renderer, and where it holds and maps a tile pool (null: none found). */
  target: z
    .object({
      pid: z.number().int().positive(),
      poolFd: z.number().int().nonnegative(),
      poolAddress: z.number().int().nonnegative(),
    })
    .nullable()
    .optional(),
});
export const BrowserToRenderer = z.discriminatedUnion('type', [
  RendererInit,
  GpuChannel,
  OpenTab,
  CloseTab,
  TabLifecycle,
  ResourceResponse,
  PluginAttached,
  PluginGone,
  CrashThread,
  DebugUrl,
  TabInput,
  SetOverlays,
  TileReportRequest,
  TraceStart,
  TraceStop,
  ReportRate,
  Shutdown,
]);
export type BrowserToRenderer = z.infer<typeof BrowserToRenderer>;

// Browser → GPU
/**
 * A client (process `pid`) may submit these surfaces, from tile pools it handed over on its own
 * connection, and show these other surfaces inside them (a tab's plugins): no renderer can show
 * another's plugin.
 */
const AuthorizeClient = z.object({
  type: z.literal('authorize-client'),
  token: channel.shape.token,
  pid,
  surfaces: z.array(surfaceId),
  embeds: z.array(surfaceId),
});
const RevokeClient = z.object({ type: z.literal('revoke-client'), token: channel.shape.token });
const DropSurface = z.object({ type: z.literal('drop-surface'), surfaceId });
const GpuInit = z.object({ type: z.literal('init'), displayToken: z.string() });
/** `minium://gpucrash`, `minium://gpuhang`: the GPU process faults on purpose. */
const GpuDebug = z.object({ type: z.literal('debug'), kind: z.enum(['gpucrash', 'gpuhang']) });
export const BrowserToGpu = z.discriminatedUnion('type', [
  GpuInit,
  GpuDebug,
  AuthorizeClient,
  RevokeClient,
  DropSurface,
  TraceStart,
  TraceStop,
  ReportRate,
  Shutdown,
]);
export type BrowserToGpu = z.infer<typeof BrowserToGpu>;

// Browser → plugin
const CreateInstance = z.object({
  type: z.literal('create-instance'),
  instanceId: id,
  surfaceId,
  size,
  gpu: channel.nullable(),
  /** Its tab is shown: a hidden tab's plugin instances draw nothing, as the tab itself. */
  visible: z.boolean(),
});
const DestroyInstance = z.object({ type: z.literal('destroy-instance'), instanceId: id });
const InstanceVisibility = z.object({ type: z.literal('instance-visibility'), instanceId: id, visible: z.boolean() });
export const BrowserToPlugin = z.discriminatedUnion('type', [
  CreateInstance,
  DestroyInstance,
  InstanceVisibility,
  GpuChannel,
  ReportRate,
  TraceStart,
  TraceStop,
  Shutdown,
]);
export type BrowserToPlugin = z.infer<typeof BrowserToPlugin>;

// Browser → network service: fetch one http(s) URL for a renderer (the browser already checked the site lock).
const NetworkFetch = z.object({
  type: z.literal('fetch'),
  requestId: id,
  url: z.string().max(LIMITS.urlLength),
  destination: z.enum(['document', 'script']),
});
export const BrowserToNetwork = z.discriminatedUnion('type', [NetworkFetch, ReportRate, Shutdown]);
export type BrowserToNetwork = z.infer<typeof BrowserToNetwork>;

// ---------------------------------------------------------------------------------------------
// Frame sink channel: renderer compositor thread or plugin → display compositor (direct, not
// through the browser). A quad is drawn back to front; tile pixels sit in the sender's pool,
// anonymous memory whose descriptor travels beside these messages, never a name.
/** Surface-space rectangle outside which a quad is not drawn (the viewport of a scroller). */
const clip = rect.optional();
export const TileQuad = z.object({
  kind: z.literal('tile'),
  slot: id,
  /** Bumped whenever the slot's pixels change, so the display compositor knows to re-upload. */
  version: id,
  /** The tile's rectangle in layer space; its pixels start at the slot's first row. */
  rect: rect,
  transform: matrix,
  opacity: z.number().min(0).max(1),
  clip,
});
export const SurfaceQuad = z.object({ kind: z.literal('surface'), surfaceId, rect, clip });
/** A plain colour, filled or (with stroke) outlined: debug borders and paint flashing. */
export const SolidQuad = z.object({
  kind: z.literal('solid'),
  rect,
  transform: matrix,
  color,
  stroke: z.number().positive().max(LIMITS.strokeWidth).optional(),
  clip,
});
export const Quad = z.discriminatedUnion('kind', [TileQuad, SurfaceQuad, SolidQuad]);
export type Quad = z.infer<typeof Quad>;

/** `fdChannel`: the key the client's descriptor channel was sent (src/viz/common/descriptorChannel.ts). */
const Hello = z.object({
  type: z.literal('hello'),
  token: channel.shape.token,
  fdChannel: z.string().regex(/^[0-9a-f]{32}$/),
});
/**
 * A tile pool of `slots` tiles: its memfd was passed on the descriptor channel just before. Its id
 * is the client's own, valid on this connection only (viz's DidAllocateSharedBitmap).
 */
const DidAllocatePool = z.object({
  type: z.literal('did-allocate-pool'),
  poolId: id,
  slots: z.number().int().positive().max(LIMITS.slotsPerPool),
});
const DidDeletePool = z.object({ type: z.literal('did-delete-pool'), poolId: id });
export const SubmitFrame = z.object({
  type: z.literal('submit-frame'),
  surfaceId,
  seq: id,
  size,
  /** A pool this client handed over on this connection. */
  poolId: id,
  background: color,
  quads: z.array(Quad).max(LIMITS.quadsPerFrame),
  /** Surface-space region that changed since the previous frame. */
  damage: rect,
  /** Input events this frame is the first to show (Chromium's LatencyInfo), for input-to-present latency. */
  latency: z.array(id).max(LIMITS.inputIdsPerFrame).optional(),
  /** While tracing: the frame's flow id, so the display compositor continues the sender's flow. */
  traceId: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
});
export type SubmitFrame = z.infer<typeof SubmitFrame>;
export const FrameSinkClientMessage = z.discriminatedUnion('type', [
  Hello,
  DidAllocatePool,
  DidDeletePool,
  SubmitFrame,
]);
export type FrameSinkClientMessage = z.infer<typeof FrameSinkClientMessage>;

// The display compositor's replies: their schema is written without zod, for the compositor thread.
export type { FrameSinkServerMessage } from './frameSinkServerMessages';

// ---------------------------------------------------------------------------------------------
// Display channel: display compositor → window (WebSocket). Text frames are JSON; binary frames
// are a damage update: a 4-byte big-endian header length, the JSON header, then RGBA rows.
export const ShowSurface = z.object({ type: z.literal('show'), surfaceId: surfaceId.nullable() });
export const WindowToDisplay = z.discriminatedUnion('type', [ShowSurface]);
export type WindowToDisplay = z.infer<typeof WindowToDisplay>;

export interface DamageHeader {
  surfaceId: string;
  seq: number;
  surface: { w: number; h: number };
  rect: { x: number; y: number; w: number; h: number };
}

/** Parses a message or returns why it is bad; never throws. */
export function parseMessage<T>(schema: z.ZodType<T>, raw: unknown): Parsed<T> {
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, reason: `${issue?.message ?? 'invalid message'}${where}` };
}
