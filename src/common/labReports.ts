/**
 * What the labs report, as plain data: the CLI prints it, the Lab page draws it, --json writes
 * it. Types only, so the window's UI can import it too.
 */

export type Between = 'processes' | 'threads';

export interface IpcCell {
  mechanism: string;
  between: Between;
  size: number;
  /** Round-trip latency in microseconds; `spread`: the medians of consecutive batches of the samples. */
  rtt?: { median: number; p99: number; samples: number; spread: Estimate };
  /** One-way throughput in bytes per second; `spread`: over repeated streams. */
  throughput?: { bytesPerSecond: number; messages: number; spread: Estimate };
  error?: string;
}

/** What the hardware allows, measured in C in the same run: the floor under every JavaScript figure. */
export interface Reference {
  size: number;
  /** Round trip of the same shared-memory ring ping-pong between two fork()ed C processes, µs. */
  shmC?: { median: number; p99: number };
  /** Round trip over two anonymous pipes between two fork()ed C processes, µs. */
  pipeC?: { median: number; p99: number };
  /** memcpy of a buffer of this size, bytes per second. */
  memcpyBytesPerSecond: number;
}

/** CLAIMS.md SHM2: torn reads of a shared buffer rewritten by another process, without and with a sequence lock. */
export interface RaceResult {
  size: number;
  milliseconds: number;
  /** writerCpu: where the writer ran; the reader is pinned to another CPU where there are two. */
  unsynchronized: { reads: number; torn: number; retries: number; writerCpu?: number };
  seqlock: { reads: number; torn: number; retries: number; writerCpu?: number };
}

/** NPIPE1: several client processes served through one well-known FIFO. */
export interface FifoServerResult {
  clients: number;
  requests: number;
  answered: number;
  milliseconds: number;
}

/**
 * CLAIMS.md MQ2, frequent small I/O: bursts of small messages one way, each taken by the peer as it
 * comes, over a message queue and over shared memory in turn, burst by burst (src/lab/ipc/frequentIo.ts).
 */
export interface FrequentIo {
  size: number;
  /** Messages per burst. */
  messages: number;
  /** Messages per second over each, one burst per pair. */
  mq?: Estimate;
  shm?: Estimate;
  /** mq ÷ shm, pair by pair. */
  ratio?: Estimate;
  error?: string;
}

export interface IpcLabReport {
  lab: 'ipc';
  date: string;
  machine: Record<string, string | number>;
  options: { quick: boolean; sizes: number[] };
  mechanisms: { id: string; name: string; between: Between; claims: string[]; note: string }[];
  cells: IpcCell[];
  references: Reference[];
  race: RaceResult | null;
  /** PIPE1: what the kernel answers to using a pipe the wrong way round. */
  pipeDirection: { writeToReadEnd: string; readFromWriteEnd: string } | null;
  fifoServer: FifoServerResult | null;
  /** Null where the run measured not both mq and shm. */
  frequentIo: FrequentIo | null;
  verdicts: ClaimVerdict[];
}

/**
 * A figure measured several times: the median of the repetitions and a distribution-free
 * confidence interval of that median from order statistics (src/lab/stats.ts).
 */
export interface Estimate {
  median: number;
  low: number;
  high: number;
  /** How many repetitions. */
  n: number;
  /** The interval's coverage, e.g. 0.961: below 0.95 there were too few repetitions to judge by. */
  confidence: number;
}

/**
 * What a lab says of a claim (the rule is written once, in src/lab/verdict.ts): "inconclusive
 * here" when the intervals do not separate the two sides, nor show them the same.
 */
export type Verdict = 'holds' | 'holds in part' | 'does not hold here' | 'inconclusive here' | 'not measured';

export interface ClaimVerdict {
  id: string;
  verdict: Verdict;
  because: string;
  /** For a verdict that compares two figures: their ratio's interval (claimed larger ÷ claimed smaller). */
  ratio?: { median: number; low: number; high: number };
}

export interface Pair {
  /** What is measured, and its unit. */
  metric: string;
  unit: string;
  process: Estimate | null;
  thread: Estimate | null;
  /** process ÷ thread, repetition by repetition (the two are measured in turn). */
  ratio: Estimate | null;
  note?: string;
}

export interface BlastRadius {
  fault: string;
  outcome: string;
  /** Did the lab process, and the unit's siblings, carry on? */
  labSurvived: boolean;
  siblingsSurvived: boolean;
}

/** CLAIMS.md TB1 / MT1: what a unit can see of the lab's memory. */
export interface Visibility {
  kind: 'process' | 'thread';
  sawLabGlobal: boolean;
  sawSharedBuffer: boolean | null;
}

export interface ThreadsLabReport {
  lab: 'threads';
  date: string;
  machine: Record<string, string | number>;
  pairs: Pair[];
  blast: BlastRadius[];
  visibility: Visibility[];
  verdicts: ClaimVerdict[];
}

export type LabReport = IpcLabReport | ThreadsLabReport;
export type LabName = LabReport['lab'];
