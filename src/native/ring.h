// A single-producer, single-consumer ring of length-prefixed messages in shared memory, safe
// across processes: positions are monotonic byte counters published with release/acquire
// ordering. A side that must wait spins briefly (50 µs), then sleeps on a futex word that the
// other side bumps (where there is no futex, it yields instead). It spins only while the other
// side was last seen on another CPU: on the same CPU a spin keeps the other side from running.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace minium {

struct alignas(64) RingHeader {
  alignas(64) std::atomic<uint64_t> head;  // bytes ever written (producer)
  alignas(64) std::atomic<uint64_t> tail;  // bytes ever read (consumer)
  alignas(64) std::atomic<uint32_t> data_seq;   // bumped after each write; the consumer waits on it
  std::atomic<uint32_t> consumer_waiting;
  std::atomic<int32_t> producer_cpu;  // the CPU the producer last wrote from; -1: not yet
  alignas(64) std::atomic<uint32_t> space_seq;  // bumped after each read; the producer waits on it
  std::atomic<uint32_t> producer_waiting;
  std::atomic<int32_t> consumer_cpu;  // the CPU the consumer last read on; -1: not yet
  alignas(64) uint64_t capacity;
};

inline size_t RingBytes(uint64_t capacity) { return sizeof(RingHeader) + capacity; }

void RingInit(void* at, uint64_t capacity);
// Blocks until the message fits; false if timeout_ms passed first (the peer may be gone).
bool RingWrite(void* ring, const uint8_t* bytes, uint32_t len, int timeout_ms);
// Blocks until a message arrives; returns its length (copied into out, up to out_cap), or -1
// on timeout, or -2 if the message is larger than out_cap (it is left in the ring).
int64_t RingRead(void* ring, uint8_t* out, uint64_t out_cap, int timeout_ms);
// The length of the next message without consuming it, waiting up to timeout_ms; -1 on timeout.
int64_t RingPeekLength(void* ring, int timeout_ms);

}  // namespace minium
