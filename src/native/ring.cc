#include "ring.h"

#include "affinity.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <new>
#include <thread>

#ifdef __linux__
#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#endif

namespace minium {
namespace {

using Clock = std::chrono::steady_clock;

// Sleeps while *word == expected, at most until the deadline. Not FUTEX_PRIVATE: the word
// lives in memory that other processes map.
void WaitWhile(std::atomic<uint32_t>* word, uint32_t expected, Clock::time_point deadline) {
#ifdef __linux__
  auto left = deadline - Clock::now();
  if (left <= Clock::duration::zero()) return;
  auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(left).count();
  struct timespec ts{static_cast<time_t>(ns / 1000000000), static_cast<long>(ns % 1000000000)};
  syscall(SYS_futex, reinterpret_cast<uint32_t*>(word), FUTEX_WAIT, expected, &ts, nullptr, 0);
#else
  // No futex here: yield until the word changes or time runs out.
  while (word->load(std::memory_order_acquire) == expected && Clock::now() < deadline) std::this_thread::yield();
#endif
}

void Wake(std::atomic<uint32_t>* word) {
#ifdef __linux__
  syscall(SYS_futex, reinterpret_cast<uint32_t*>(word), FUTEX_WAKE, 1, nullptr, nullptr, 0);
#else
  (void)word;
#endif
}

// Spin policy: before sleeping, poll for up to this long. A wake-up through the kernel costs tens
// of microseconds; a peer that answers within the spin never pays it. But a spin only helps while
// the peer runs on another CPU: on the same CPU it holds the CPU the peer needs, and every wait
// costs the whole spin (measured: a 1 µs round trip became 103 µs, two spins, whenever the
// scheduler put both processes on one CPU). So each side records the CPU it last ran on, and a
// waiter spins only when the peer was last seen elsewhere; where that is unknown, when there is
// more than one CPU.
constexpr auto kSpin = std::chrono::microseconds(50);
const bool kManyCpus = std::thread::hardware_concurrency() > 1;

// Written only when it changes: the line is shared with the other side.
void Record(std::atomic<int32_t>& where, int32_t cpu) {
  if (where.load(std::memory_order_relaxed) != cpu) where.store(cpu, std::memory_order_relaxed);
}

bool WorthSpinning(int32_t peer_cpu, int32_t my_cpu) {
  return peer_cpu < 0 || my_cpu < 0 ? kManyCpus : peer_cpu != my_cpu;
}

template <typename Ready>
bool SpinFor(const std::atomic<int32_t>& peer_cpu, int32_t my_cpu, Ready ready) {
  if (!WorthSpinning(peer_cpu.load(std::memory_order_relaxed), my_cpu)) return ready();
  auto until = Clock::now() + kSpin;
  do {
    if (ready()) return true;
  } while (Clock::now() < until);
  return ready();
}

RingHeader* Header(void* ring) { return static_cast<RingHeader*>(ring); }
uint8_t* Data(void* ring) { return static_cast<uint8_t*>(ring) + sizeof(RingHeader); }

void CopyIn(void* ring, uint64_t pos, const uint8_t* src, uint64_t len) {
  uint64_t cap = Header(ring)->capacity;
  uint64_t at = pos % cap;
  uint64_t first = len < cap - at ? len : cap - at;
  std::memcpy(Data(ring) + at, src, first);
  std::memcpy(Data(ring), src + first, len - first);
}

void CopyOut(void* ring, uint64_t pos, uint8_t* dst, uint64_t len) {
  uint64_t cap = Header(ring)->capacity;
  uint64_t at = pos % cap;
  uint64_t first = len < cap - at ? len : cap - at;
  std::memcpy(dst, Data(ring) + at, first);
  std::memcpy(dst + first, Data(ring), len - first);
}

// Waits until at least 4 bytes (a length) are readable; returns the tail position, or false.
bool AwaitData(RingHeader* h, uint64_t* tail, int timeout_ms) {
  auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  uint64_t t0 = h->tail.load(std::memory_order_relaxed);
  int32_t cpu = CurrentCpu();
  Record(h->consumer_cpu, cpu);
  SpinFor(h->producer_cpu, cpu, [&] { return h->head.load(std::memory_order_acquire) - t0 >= 4; });
  for (;;) {
    uint64_t t = h->tail.load(std::memory_order_relaxed);
    if (h->head.load(std::memory_order_acquire) - t >= 4) {
      *tail = t;
      return true;
    }
    uint32_t seq = h->data_seq.load(std::memory_order_seq_cst);
    h->consumer_waiting.store(1, std::memory_order_seq_cst);
    if (h->head.load(std::memory_order_seq_cst) - t < 4) WaitWhile(&h->data_seq, seq, deadline);
    h->consumer_waiting.store(0, std::memory_order_relaxed);
    if (Clock::now() >= deadline && h->head.load(std::memory_order_acquire) - t < 4) return false;
  }
}

}  // namespace

void RingInit(void* at, uint64_t capacity) {
  std::memset(at, 0, sizeof(RingHeader));
  new (at) RingHeader();
  Header(at)->capacity = capacity;
  Header(at)->producer_cpu.store(-1, std::memory_order_relaxed);
  Header(at)->consumer_cpu.store(-1, std::memory_order_relaxed);
}

bool RingWrite(void* ring, const uint8_t* bytes, uint32_t len, int timeout_ms) {
  RingHeader* h = Header(ring);
  uint64_t need = 4ull + len;
  auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  uint64_t head = h->head.load(std::memory_order_relaxed);
  int32_t cpu = CurrentCpu();
  Record(h->producer_cpu, cpu);
  SpinFor(h->consumer_cpu, cpu, [&] { return h->capacity - (head - h->tail.load(std::memory_order_acquire)) >= need; });
  for (;;) {
    if (h->capacity - (head - h->tail.load(std::memory_order_acquire)) >= need) break;
    uint32_t seq = h->space_seq.load(std::memory_order_seq_cst);
    h->producer_waiting.store(1, std::memory_order_seq_cst);
    if (h->capacity - (head - h->tail.load(std::memory_order_seq_cst)) < need) WaitWhile(&h->space_seq, seq, deadline);
    h->producer_waiting.store(0, std::memory_order_relaxed);
    if (Clock::now() >= deadline && h->capacity - (head - h->tail.load(std::memory_order_acquire)) < need) return false;
  }
  CopyIn(ring, head, reinterpret_cast<const uint8_t*>(&len), 4);
  CopyIn(ring, head + 4, bytes, len);
  h->head.store(head + need, std::memory_order_release);  // publishes the whole message at once
  h->data_seq.fetch_add(1, std::memory_order_seq_cst);
  if (h->consumer_waiting.load(std::memory_order_seq_cst)) Wake(&h->data_seq);
  return true;
}

int64_t RingPeekLength(void* ring, int timeout_ms) {
  uint64_t tail;
  if (!AwaitData(Header(ring), &tail, timeout_ms)) return -1;
  uint32_t len;
  CopyOut(ring, tail, reinterpret_cast<uint8_t*>(&len), 4);
  return len;
}

int64_t RingRead(void* ring, uint8_t* out, uint64_t out_cap, int timeout_ms) {
  RingHeader* h = Header(ring);
  uint64_t tail;
  if (!AwaitData(h, &tail, timeout_ms)) return -1;
  uint32_t len;
  CopyOut(ring, tail, reinterpret_cast<uint8_t*>(&len), 4);
  if (len > out_cap) return -2;
  CopyOut(ring, tail + 4, out, len);
  h->tail.store(tail + 4 + len, std::memory_order_release);
  h->space_seq.fetch_add(1, std::memory_order_seq_cst);
  if (h->producer_waiting.load(std::memory_order_seq_cst)) Wake(&h->space_seq);
  return len;
}

}  // namespace minium
