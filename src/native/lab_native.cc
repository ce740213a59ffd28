// The IPC lab's native half: message rings in shared memory for JavaScript, and the same
// ping-pong written in C between two forked processes (and over pipes), plus memory-copy
// bandwidth, so that every JavaScript figure can be read against what the machine allows.
#include <node_api.h>
#include "exports.h"

#include <algorithm>
#include <cerrno>
#include <atomic>
#include <new>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#ifndef _WIN32
#include <pthread.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

#include "affinity.h"
#include "region.h"
#include "ring.h"

namespace minium {
namespace {

void Throw(napi_env env, const std::string& what) { napi_throw_error(env, "MINIUM_NATIVE", what.c_str()); }

bool Number(napi_env env, napi_value v, double* out) { return napi_get_value_double(env, v, out) == napi_ok; }

// (handle, offset, …) → the ring at that offset, checked to lie inside the region.
void* RingAt(napi_env env, napi_value handle, napi_value offset_v) {
  Region* r = GetRegion(env, handle);
  double offset = -1;
  if (!r) return nullptr;
  if (!Number(env, offset_v, &offset) || offset < 0 || offset + sizeof(RingHeader) > r->size) {
    Throw(env, "ring offset lies outside the region");
    return nullptr;
  }
  auto* ring = static_cast<uint8_t*>(r->base) + static_cast<size_t>(offset);
  uint64_t cap = reinterpret_cast<RingHeader*>(ring)->capacity;
  if (cap != 0 && offset + RingBytes(cap) > r->size) {
    Throw(env, "ring capacity runs past the end of the region");
    return nullptr;
  }
  return ring;
}

napi_value Bool(napi_env env, bool b) {
  napi_value v;
  napi_get_boolean(env, b, &v);
  return v;
}

// ringInit(handle, offset, capacity)
napi_value JsRingInit(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  Region* r = argc == 3 ? GetRegion(env, argv[0]) : nullptr;
  double offset = -1, cap = 0;
  if (!r) return nullptr;
  if (!Number(env, argv[1], &offset) || !Number(env, argv[2], &cap) || offset < 0 || cap < 64 ||
      offset + RingBytes(static_cast<uint64_t>(cap)) > r->size) {
    Throw(env, "ringInit(handle, offset, capacity): the ring does not fit in the region");
    return nullptr;
  }
  RingInit(static_cast<uint8_t*>(r->base) + static_cast<size_t>(offset), static_cast<uint64_t>(cap));
  return nullptr;
}

// ringWrite(handle, offset, bytes, timeoutMs) → false on timeout
napi_value JsRingWrite(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  void* ring = argc == 4 ? RingAt(env, argv[0], argv[1]) : nullptr;
  if (!ring) return nullptr;
  napi_typedarray_type type;
  size_t length;
  void* data;
  napi_value ab;
  size_t byte_offset;
  double timeout = 0;
  if (napi_get_typedarray_info(env, argv[2], &type, &length, &data, &ab, &byte_offset) != napi_ok ||
      type != napi_uint8_array || !Number(env, argv[3], &timeout)) {
    Throw(env, "ringWrite(handle, offset, bytes: Uint8Array, timeoutMs)");
    return nullptr;
  }
  if (length + 4 > reinterpret_cast<RingHeader*>(ring)->capacity) {
    Throw(env, "the message is larger than the ring");
    return nullptr;
  }
  return Bool(env,
              RingWrite(ring, static_cast<uint8_t*>(data), static_cast<uint32_t>(length), static_cast<int>(timeout)));
}

// ringRead(handle, offset, timeoutMs) → Buffer, or null on timeout
napi_value JsRingRead(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  void* ring = argc == 3 ? RingAt(env, argv[0], argv[1]) : nullptr;
  double timeout = 0;
  if (!ring) return nullptr;
  if (!Number(env, argv[2], &timeout)) {
    Throw(env, "ringRead(handle, offset, timeoutMs)");
    return nullptr;
  }
  int64_t len = RingPeekLength(ring, static_cast<int>(timeout));
  napi_value result;
  if (len < 0) {
    napi_get_null(env, &result);
    return result;
  }
  void* out;
  napi_create_buffer(env, static_cast<size_t>(len), &out, &result);
  RingRead(ring, static_cast<uint8_t*>(out), static_cast<uint64_t>(len), 0);
  return result;
}

napi_value Stats(napi_env env, std::vector<double>& us) {
  std::sort(us.begin(), us.end());
  napi_value obj, median, p99;
  napi_create_object(env, &obj);
  napi_create_double(env, us[(us.size() - 1) / 2], &median);
  napi_create_double(env, us[std::min(us.size() - 1, static_cast<size_t>(us.size() * 0.99))], &p99);
  napi_set_named_property(env, obj, "median", median);
  napi_set_named_property(env, obj, "p99", p99);
  return obj;
}

bool SizeAndCount(napi_env env, napi_callback_info info, uint32_t* size, uint32_t* count) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  double s = 0, c = 0;
  if (argc < 2 || !Number(env, argv[0], &s) || !Number(env, argv[1], &c) || s < 1 || s > (64 << 20) || c < 1 ||
      c > 1e6) {
    Throw(env, "(size: 1..64 MiB, iterations: 1..1e6)");
    return false;
  }
  *size = static_cast<uint32_t>(s);
  *count = static_cast<uint32_t>(c);
  return true;
}

#ifndef _WIN32
using Clock = std::chrono::steady_clock;
constexpr uint32_t kWarmUp = 10;

// Times `count` round trips after a warm-up; stops early (false) if one fails.
template <typename RoundTrip>
bool TimeRoundTrips(uint32_t count, std::vector<double>& us, RoundTrip round_trip) {
  for (uint32_t i = 0; i < count + kWarmUp; i++) {
    auto t0 = Clock::now();
    if (!round_trip()) return false;
    if (i >= kWarmUp) us[i - kWarmUp] = std::chrono::duration<double, std::micro>(Clock::now() - t0).count();
  }
  return true;
}

// The same ring ping-pong as the JavaScript mechanism, all in C, between fork()ed processes.
// The child touches only memory prepared before fork and makes only syscalls.
napi_value ShmPingPongC(napi_env env, napi_callback_info info) {
  uint32_t size, count;
  if (!SizeAndCount(env, info, &size, &count)) return nullptr;
  uint64_t cap = std::max<uint64_t>(4ull * size + 64, 1 << 16);
  size_t ring_bytes = RingBytes(cap);
  void* mem = mmap(nullptr, 2 * ring_bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (mem == MAP_FAILED) {
    Throw(env, "mmap failed");
    return nullptr;
  }
  void* to_child = mem;
  void* to_parent = static_cast<uint8_t*>(mem) + ring_bytes;
  RingInit(to_child, cap);
  RingInit(to_parent, cap);
  std::vector<uint8_t> msg(size, 0x5a), back(size), child_buf(size);
  std::vector<double> us(count);
  pid_t pid = fork();
  if (pid == 0) {
    for (uint32_t i = 0; i < count + kWarmUp; i++) {
      int64_t n = RingRead(to_child, child_buf.data(), size, 5000);
      if (n < 0 || !RingWrite(to_parent, child_buf.data(), static_cast<uint32_t>(n), 5000)) _exit(1);
    }
    _exit(0);
  }
  bool ok = pid > 0 && TimeRoundTrips(count, us, [&] {
              return RingWrite(to_child, msg.data(), size, 5000) &&
                     RingRead(to_parent, back.data(), size, 5000) == size;
            });
  if (pid > 0) waitpid(pid, nullptr, 0);
  munmap(mem, 2 * ring_bytes);
  if (!ok) {
    Throw(env, "the C shared-memory ping-pong failed (fork or a 5 s timeout)");
    return nullptr;
  }
  return Stats(env, us);
}

bool WriteAll(int fd, const uint8_t* p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w <= 0) return false;
    p += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

bool ReadAll(int fd, uint8_t* p, size_t n) {
  while (n > 0) {
    ssize_t r = read(fd, p, n);
    if (r <= 0) return false;
    p += r;
    n -= static_cast<size_t>(r);
  }
  return true;
}

// Two pipes, one each way; false with a JavaScript exception pending.
bool MakePipes(napi_env env, int down[2], int up[2]) {
  if (pipe(down) == 0 && pipe(up) == 0) return true;
  Throw(env, std::string("pipe() failed: ") + std::strerror(errno));
  return false;
}

// PIPE1's "one-way": what the kernel says to writing into a pipe's read end and reading from
// its write end. A pipe has no name either: only a process that inherits an end can use it.
napi_value PipeDirection(napi_env env, napi_callback_info) {
  int fds[2];
  if (pipe(fds) != 0) {
    Throw(env, "pipe() failed");
    return nullptr;
  }
  uint8_t byte = 1;
  std::string write_read_end = write(fds[0], &byte, 1) < 0 ? std::strerror(errno) : "allowed";
  std::string read_write_end = read(fds[1], &byte, 1) < 0 ? std::strerror(errno) : "allowed";
  close(fds[0]);
  close(fds[1]);
  napi_value out, a, b;
  napi_create_object(env, &out);
  napi_create_string_utf8(env, write_read_end.c_str(), NAPI_AUTO_LENGTH, &a);
  napi_create_string_utf8(env, read_write_end.c_str(), NAPI_AUTO_LENGTH, &b);
  napi_set_named_property(env, out, "writeToReadEnd", a);
  napi_set_named_property(env, out, "readFromWriteEnd", b);
  return out;
}

// The anonymous-pipe ping-pong in C: the floor under the JavaScript pipe figures.
napi_value PipePingPongC(napi_env env, napi_callback_info info) {
  uint32_t size, count;
  if (!SizeAndCount(env, info, &size, &count)) return nullptr;
  int down[2], up[2];
  if (!MakePipes(env, down, up)) return nullptr;
  std::vector<uint8_t> msg(size, 0x5a), back(size), child_buf(size);
  std::vector<double> us(count);
  pid_t pid = fork();
  if (pid == 0) {
    close(down[1]);
    close(up[0]);
    for (uint32_t i = 0; i < count + kWarmUp; i++)
      if (!ReadAll(down[0], child_buf.data(), size) || !WriteAll(up[1], child_buf.data(), size)) _exit(1);
    _exit(0);
  }
  close(down[0]);
  close(up[1]);
  bool ok = pid > 0 && TimeRoundTrips(count, us, [&] {
              return WriteAll(down[1], msg.data(), size) && ReadAll(up[0], back.data(), size);
            });
  close(down[1]);
  close(up[0]);
  if (pid > 0) waitpid(pid, nullptr, 0);
  if (!ok) {
    Throw(env, "the C pipe ping-pong failed");
    return nullptr;
  }
  return Stats(env, us);
}
// The pipe ping-pong again, but between two threads of this process: the same system calls, so
// the difference to pipePingPongC is what switching between processes costs over threads.
struct PipeEcho {
  int in, out;
  uint32_t size, count;
  bool ok;
};

void* EchoThread(void* arg) {
  auto* e = static_cast<PipeEcho*>(arg);
  std::vector<uint8_t> buf(e->size);
  e->ok = true;
  for (uint32_t i = 0; i < e->count + kWarmUp; i++)
    if (!ReadAll(e->in, buf.data(), e->size) || !WriteAll(e->out, buf.data(), e->size)) {
      e->ok = false;
      break;
    }
  return nullptr;
}

napi_value PipePingPongThreadsC(napi_env env, napi_callback_info info) {
  uint32_t size, count;
  if (!SizeAndCount(env, info, &size, &count)) return nullptr;
  int down[2], up[2];
  if (!MakePipes(env, down, up)) return nullptr;
  PipeEcho echo{down[0], up[1], size, count, false};
  pthread_t t;
  bool ok = pthread_create(&t, nullptr, EchoThread, &echo) == 0;
  std::vector<uint8_t> msg(size, 0x5a), back(size);
  std::vector<double> us(count);
  ok = ok && TimeRoundTrips(count, us, [&] {
         return WriteAll(down[1], msg.data(), size) && ReadAll(up[0], back.data(), size);
       });
  close(down[1]);
  close(up[0]);
  pthread_join(t, nullptr);
  close(down[0]);
  close(up[1]);
  if (!ok) {
    Throw(env, "the C thread pipe ping-pong failed");
    return nullptr;
  }
  return Stats(env, us);
}

// switchCostC(iterations, threads, peerCpu): a context switch measured as lmbench's lat_ctx does.
// A token (one byte) goes back and forth through two pipes between the calling thread and a
// peer: a forked process, or a thread of this process. The caller pins itself first
// (setAffinity); the peer pins itself to peerCpu. On the same CPU every hand-off is a real switch
// (the writer blocks in its next read and the CPU passes to the reader); on another CPU it is a
// wake-up across cores instead. The cost of the pipe calls themselves (a write and a read of one
// byte in one thread, caches hot) is measured in the same call and subtracted, as lat_ctx does.
struct SwitchPeer {
  int in, out;
  uint32_t count;
  int cpu;
  bool ok;
};

// The peer's side: pin, say which CPU it runs on, then pass the token back `count` times.
// Only system calls and memory prepared before fork: safe in a child of a threaded process.
bool PassTokens(SwitchPeer* p) {
  int error = PinCallingThread(&p->cpu, 1);
  int32_t cpu = error == 0 ? CurrentCpu() : -1 - error;
  if (!WriteAll(p->out, reinterpret_cast<const uint8_t*>(&cpu), sizeof cpu)) return false;
  uint8_t token;
  for (uint32_t i = 0; i < p->count + kWarmUp; i++)
    if (!ReadAll(p->in, &token, 1) || !WriteAll(p->out, &token, 1)) return false;
  return true;
}

void* PassTokensThread(void* arg) {
  auto* p = static_cast<SwitchPeer*>(arg);
  p->ok = PassTokens(p);
  return nullptr;
}

// Median cost of writing one byte into a pipe and reading it back in the same thread, µs.
double PipeCallOverhead(uint32_t count) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  std::vector<double> us(count);
  uint8_t token = 1;
  bool ok = TimeRoundTrips(count, us, [&] { return WriteAll(fds[1], &token, 1) && ReadAll(fds[0], &token, 1); });
  close(fds[0]);
  close(fds[1]);
  if (!ok) return -1;
  std::sort(us.begin(), us.end());
  return us[(us.size() - 1) / 2];
}

napi_value SwitchCostC(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  double count_d = 0, cpu_d = -1;
  bool threads = false;
  if (argc != 3 || !Number(env, argv[0], &count_d) || count_d < 1 || count_d > 1e6 ||
      napi_get_value_bool(env, argv[1], &threads) != napi_ok || !Number(env, argv[2], &cpu_d) || cpu_d < 0 ||
      !IsCpuNumber(cpu_d)) {
    Throw(env, "switchCostC(iterations: 1..1e6, threads: boolean, peerCpu: a CPU number)");
    return nullptr;
  }
  auto count = static_cast<uint32_t>(count_d);
  double overhead = PipeCallOverhead(count);
  int down[2], up[2];
  if (overhead < 0 || !MakePipes(env, down, up)) {
    if (overhead < 0) Throw(env, "switchCostC: measuring the pipe calls alone failed");
    return nullptr;
  }
  SwitchPeer peer{down[0], up[1], count, static_cast<int>(cpu_d), false};
  pid_t pid = -1;
  pthread_t thread;
  bool started;
  if (threads) {
    started = pthread_create(&thread, nullptr, PassTokensThread, &peer) == 0;
  } else {
    pid = fork();
    if (pid == 0) {
      close(down[1]);
      close(up[0]);
      _exit(PassTokens(&peer) ? 0 : 1);
    }
    started = pid > 0;
  }
  int32_t peer_cpu = -1;
  int my_cpu = CurrentCpu();
  std::vector<double> us(count);
  uint8_t token = 1;
  bool ok = started && ReadAll(up[0], reinterpret_cast<uint8_t*>(&peer_cpu), sizeof peer_cpu) && peer_cpu >= 0 &&
            TimeRoundTrips(count, us, [&] { return WriteAll(down[1], &token, 1) && ReadAll(up[0], &token, 1); });
  close(down[1]);
  close(up[0]);
  if (threads && started) pthread_join(thread, nullptr);
  if (pid > 0) waitpid(pid, nullptr, 0);
  close(down[0]);
  close(up[1]);
  if (!ok) {
    Throw(env, peer_cpu < -1 ? std::string("switchCostC: the peer could not pin itself to CPU ") +
                                   std::to_string(peer.cpu) + ": " + std::strerror(-1 - peer_cpu)
                             : std::string("switchCostC: the ") + (threads ? "thread" : "process") +
                                   " ping-pong failed (pthread_create, fork or a pipe)");
    return nullptr;
  }
  std::sort(us.begin(), us.end());
  double hand_off = us[(us.size() - 1) / 2] / 2;
  napi_value out, v;
  napi_create_object(env, &out);
  const std::pair<const char*, double> fields[] = {
      {"handOff", hand_off}, {"overhead", overhead}, {"cpu", my_cpu}, {"peerCpu", peer_cpu}};
  for (const auto& [name, value] : fields) {
    napi_create_double(env, value, &v);
    napi_set_named_property(env, out, name, v);
  }
  return out;
}

void* Nothing(void*) { return nullptr; }

// spawnCostC(count, 'process' | 'thread' as 0/1): fork()+_exit+waitpid against pthread_create+join,
// in microseconds each (median).
napi_value SpawnCostC(napi_env env, napi_callback_info info) {
  uint32_t threads, count;
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  double c = 0;
  bool use_threads = false;
  if (argc != 2 || !Number(env, argv[0], &c) || c < 1 || c > 10000 ||
      napi_get_value_bool(env, argv[1], &use_threads) != napi_ok) {
    Throw(env, "spawnCostC(count: 1..10000, threads: boolean)");
    return nullptr;
  }
  count = static_cast<uint32_t>(c);
  threads = use_threads;
  std::vector<double> us(count);
  for (uint32_t i = 0; i < count; i++) {
    auto t0 = Clock::now();
    if (threads) {
      pthread_t t;
      if (pthread_create(&t, nullptr, Nothing, nullptr) != 0) {
        Throw(env, "pthread_create failed");
        return nullptr;
      }
      pthread_join(t, nullptr);
    } else {
      pid_t pid = fork();
      if (pid == 0) _exit(0);
      if (pid < 0) {
        Throw(env, "fork failed");
        return nullptr;
      }
      waitpid(pid, nullptr, 0);
    }
    us[i] = std::chrono::duration<double, std::micro>(Clock::now() - t0).count();
  }
  return Stats(env, us);
}

// shmRace(size, milliseconds, writerCpu?): CLAIMS.md SHM2. A child process rewrites one shared
// buffer over and over, each time filled with a single new byte value; the parent reads it and
// counts the reads that mix two values (torn). First with no synchronization, then with a sequence
// lock (the writer makes a counter odd while writing; the reader retries if it saw it odd or
// changed). A race needs both running at once: the writer pins itself to writerCpu (the caller
// pins itself elsewhere), and the clock starts only once it writes.
napi_value ShmRace(napi_env env, napi_callback_info info) {
  uint32_t size, ms;
  if (!SizeAndCount(env, info, &size, &ms)) return nullptr;
  size_t argc = 3;
  napi_value argv[3];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  double writer_cpu_d = -1;
  if (argc >= 3 && (!Number(env, argv[2], &writer_cpu_d) || !IsCpuNumber(writer_cpu_d))) {
    Throw(env, "shmRace(size, milliseconds, writerCpu?: a CPU number)");
    return nullptr;
  }
  int writer_cpu = static_cast<int>(writer_cpu_d);
  struct Shared {
    std::atomic<uint32_t> seq;
    std::atomic<uint32_t> stop;
    std::atomic<int32_t> writing;  // the writer's CPU once it writes; -1 before
  };
  size_t bytes = sizeof(Shared) + size;
  void* mem = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (mem == MAP_FAILED) {
    Throw(env, "mmap failed");
    return nullptr;
  }
  auto* shared = new (mem) Shared();
  volatile uint8_t* buf = static_cast<uint8_t*>(mem) + sizeof(Shared);
  std::vector<uint8_t> copy(size);
  double results[2][3] = {};  // [mode][reads, torn, retries]
  int writer_cpus[2] = {-1, -1};
  for (int locked = 0; locked < 2; locked++) {
    shared->stop.store(0);
    shared->seq.store(0);
    shared->writing.store(-1);
    pid_t pid = fork();
    if (pid == 0) {
      if (writer_cpu >= 0 && PinCallingThread(&writer_cpu, 1) != 0) _exit(2);
      shared->writing.store(CurrentCpu());
      for (uint8_t v = 1; !shared->stop.load(std::memory_order_relaxed); v++) {
        if (locked) shared->seq.fetch_add(1, std::memory_order_acq_rel);  // odd: writing
        for (uint32_t i = 0; i < size; i++) buf[i] = v;
        if (locked) shared->seq.fetch_add(1, std::memory_order_acq_rel);  // even: done
      }
      _exit(0);
    }
    // Until the writer runs there is nothing to race with (or it could not pin itself and ended).
    auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (pid > 0 && shared->writing.load() < 0 && std::chrono::steady_clock::now() < give_up &&
           waitpid(pid, nullptr, WNOHANG) == 0)
      sched_yield();
    writer_cpus[locked] = shared->writing.load();
    if (writer_cpus[locked] < 0) {
      shared->stop.store(1);
      if (pid > 0) waitpid(pid, nullptr, 0);
      munmap(mem, bytes);
      Throw(env, pid < 0 ? std::string("shmRace: fork failed: ") + std::strerror(errno)
                         : "shmRace: the writer did not start within 5 s, or could not pin itself to CPU " +
                               std::to_string(writer_cpu));
      return nullptr;
    }
    auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    double reads = 0, torn = 0, retries = 0;
    while (std::chrono::steady_clock::now() < until) {
      for (;;) {
        uint32_t before = locked ? shared->seq.load(std::memory_order_acquire) : 0;
        for (uint32_t i = 0; i < size; i++) copy[i] = buf[i];
        std::atomic_thread_fence(std::memory_order_acquire);
        uint32_t after = locked ? shared->seq.load(std::memory_order_acquire) : 0;
        if (locked && ((before & 1) || before != after)) {
          retries++;
          continue;
        }
        break;
      }
      reads++;
      for (uint32_t i = 1; i < size; i++) {
        if (copy[i] != copy[0]) {
          torn++;
          break;
        }
      }
    }
    shared->stop.store(1);
    if (pid > 0) waitpid(pid, nullptr, 0);
    results[locked][0] = reads;
    results[locked][1] = torn;
    results[locked][2] = retries;
  }
  munmap(mem, bytes);
  napi_value out;
  napi_create_object(env, &out);
  const char* modes[2] = {"unsynchronized", "seqlock"};
  for (int m = 0; m < 2; m++) {
    napi_value o, reads, torn, retries, cpu;
    napi_create_object(env, &o);
    napi_create_double(env, results[m][0], &reads);
    napi_create_double(env, results[m][1], &torn);
    napi_create_double(env, results[m][2], &retries);
    napi_create_int32(env, writer_cpus[m], &cpu);
    napi_set_named_property(env, o, "reads", reads);
    napi_set_named_property(env, o, "torn", torn);
    napi_set_named_property(env, o, "retries", retries);
    napi_set_named_property(env, o, "writerCpu", cpu);
    napi_set_named_property(env, out, modes[m], o);
  }
  return out;
}
#endif

// memcpyBandwidth(bytes, iterations) → bytes per second: the physical reference for copies.
napi_value MemcpyBandwidth(napi_env env, napi_callback_info info) {
  uint32_t size, count;
  if (!SizeAndCount(env, info, &size, &count)) return nullptr;
  std::vector<uint8_t> a(size, 1), b(size, 2);
  auto t0 = std::chrono::steady_clock::now();
  for (uint32_t i = 0; i < count; i++) {
    std::memcpy(b.data(), a.data(), size);
    a[i % size] = b[(i * 7) % size];  // keeps the copies from being optimized away
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  napi_value v;
  napi_create_double(env, static_cast<double>(size) * count / seconds, &v);
  return v;
}

}  // namespace

void InitLab(napi_env env, napi_value exports) {
  DefineFunctions(env, exports, {
      {"ringInit", JsRingInit},
      {"ringWrite", JsRingWrite},
      {"ringRead", JsRingRead},
      {"memcpyBandwidth", MemcpyBandwidth},
#ifndef _WIN32
      {"shmPingPongC", ShmPingPongC},
      {"pipePingPongC", PipePingPongC},
      {"shmRace", ShmRace},
      {"pipeDirection", PipeDirection},
      {"pipePingPongThreadsC", PipePingPongThreadsC},
      {"spawnCostC", SpawnCostC},
      {"switchCostC", SwitchCostC},
#endif
  });
  napi_value header;
  napi_create_uint32(env, static_cast<uint32_t>(sizeof(RingHeader)), &header);
  napi_set_named_property(env, exports, "ringHeaderBytes", header);
}

}  // namespace minium
