/**
 * The claims of CLAIMS.md (the seed's explanation of multi-process and multi-thread design), by
 * their stable ids, in words, and whether Minium answers each by showing or by measuring. The
 * claims tour lists them; their verdicts come from labs and demonstrations, never from here.
 */
export interface Claim {
  id: string;
  claim: string;
  answer: 'show' | 'measure';
  /** Measured by this benchmark (`minium bench NAME`) rather than by a lab. */
  bench?: string;
}

const c = (id: string, answer: Claim['answer'], claim: string, bench?: string): Claim => ({
  id,
  claim,
  answer,
  ...(bench ? { bench } : {}),
});

export const CLAIMS: readonly Claim[] = [
  c('MP1', 'show', 'Each process has its own memory space; processes share no memory.'),
  c('MP2', 'show', 'A failure in one process does not affect other processes.'),
  c('MP3', 'measure', 'Processes use relatively more memory.'),
  c('MP4', 'measure', 'Running processes needs context switches, which are costly.'),
  c('MP5', 'measure', 'Processes talk through IPC: sockets, pipes, shared memory, …'),
  c(
    'BR1',
    'show',
    'Browser process: address bar, bookmarks, back/forward; privileged work such as network requests and file access.',
  ),
  c('BR2', 'show', 'Renderer process: everything visible inside a tab.'),
  c('BR3', 'show', 'Plugin process: the plugins a site uses.'),
  c('BR4', 'show', 'GPU process: drawing to the screen with the GPU.'),
  c('IPC1', 'show', 'IPC lets processes exchange data and manage shared data; client/server is one shape of it.'),
  c('IPC2', 'measure', 'Kinds: shared memory, file, socket, anonymous pipe, named pipe, message queue.'),
  c('IPC3', 'measure', 'IPC is slower than threads, whose memory is fully shared.'),
  c('SHM1', 'measure', 'Shared memory: several processes map one block; no copying, so it is the fastest IPC.'),
  c('SHM2', 'show', 'Shared memory needs synchronization.'),
  c('FILE1', 'measure', 'Files on disk or a file server can carry data between processes.'),
  c('SOCK1', 'measure', 'Sockets reach processes on the same machine or across the network; TCP and UDP.'),
  c('PIPE1', 'measure', 'Anonymous pipe: FIFO, one-way, parent–child only, not across a network.'),
  c('NPIPE1', 'measure', 'Named pipe: server and one or more clients, one- or two-way, usable across a network.'),
  c('MQ1', 'measure', 'Message queue: kernel-managed queue of messages, simple to use.'),
  c('MQ2', 'measure', 'Under frequent I/O, a message queue beats shared memory because synchronization gets hard.'),
  c('MT1', 'show', 'Threads share code, data and heap; each has its own stack.'),
  c('MT2', 'show', 'One blocked thread does not stop the others.'),
  c('MT3', 'show', 'A problem in one thread can bring down the whole process.'),
  c('MT4', 'measure', 'Threads are cheaper to create and end than processes.'),
  c('MT5', 'measure', 'Context switches between threads are cheaper.'),
  c('MT6', 'measure', 'Threads communicate through shared memory.'),
  c('RT1', 'show', 'Main thread: HTML parsing, DOM and CSSOM, JavaScript — most of the work.'),
  c('RT2', 'show', 'Compositor thread: combines layers into the final frame.'),
  c('RT3', 'show', "Raster threads: turn the compositor's information into pixels."),
  c('RT4', 'show', 'Worker threads: web and service workers run JavaScript off the main thread.'),
  c('RT5', 'measure', 'Parallel rendering speeds up page loading.', 'raster'),
  c('RT6', 'show', "One thread's problem does not affect the others (contradicts MT3)."),
  c('RT7', 'measure', 'Scrolling and animation stay smooth.', 'blocked-main'),
  c('TB1', 'show', 'Memory space: separate per process, shared between threads.'),
  c('TB2', 'show', 'Stability: high for processes, low for threads.'),
  c('TB3', 'measure', 'Resource use: relatively more for processes, less for threads.'),
  c('TB4', 'measure', 'Communication: processes need IPC; threads talk directly through shared memory.'),
  c('TB5', 'measure', 'Context-switch cost: high for processes, low for threads.'),
  c('TB6', 'show', 'Development complexity: relatively low for processes, high for threads (synchronization).'),
];
