/**
 * Options for the allocators of native modules, set before any of them loads: import this right
 * after `parentLifetime` in a child's entry. Environment variables set here reach the process's
 * C environment (the main thread's `process.env` is the real one), where an allocator reads them
 * once, when its library is loaded, whichever thread loads it first.
 *
 * Skia's binding (@napi-rs/canvas) allocates through mimalloc, which by default commits a 1 GiB
 * arena eagerly: in a renderer whose main, compositor and raster threads each load it, ~12 MB
 * more stayed resident than with segments committed as they are used (bench `memory`).
 */
process.env.MIMALLOC_ARENA_EAGER_COMMIT ??= '0';
