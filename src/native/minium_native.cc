// Minium's native addon: cross-process shared memory and a real memory fault for crash
// demonstrations. Tile pools are anonymous (anonymous_memory.cc); the named POSIX segments here
// (shm_open + mmap) serve the IPC lab, which measures them on purpose. Nothing maintained on npm
// offers shared memory that several processes and threads can map, so the project owns this.
//
// The mapping stays on the native side and JS copies in and out with read/write: Electron's
// V8 memory cage forbids external ArrayBuffers, and a copy API works in Node and Electron alike.
#include <node_api.h>
#include "exports.h"

#include "affinity.h"
#include "process_memory.h"
#include "memory_pressure.h"
#include "region.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

#ifndef _WIN32
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#endif
#ifdef __linux__
#include <csignal>
#include <sys/prctl.h>
#endif

namespace minium {

namespace {

void FinalizeRegion(napi_env, void* data, void*) {
  auto* r = static_cast<Region*>(data);
#ifndef _WIN32
  if (r->base) munmap(r->base, r->size);
#endif
  delete r;
}

}  // namespace

napi_value WrapRegion(napi_env env, void* base, size_t size, bool writable) {
  auto* r = new Region{base, size, writable};
  napi_value handle;
  napi_create_external(env, r, FinalizeRegion, nullptr, &handle);
  return handle;
}

Region* GetRegion(napi_env env, napi_value v) {
  void* data = nullptr;
  if (napi_get_value_external(env, v, &data) != napi_ok || !data) {
    napi_throw_error(env, "MINIUM_NATIVE", "expected a shared memory handle");
    return nullptr;
  }
  auto* r = static_cast<Region*>(data);
  if (!r->base) {
    napi_throw_error(env, "MINIUM_NATIVE", "the shared memory handle was already unmapped");
    return nullptr;
  }
  return r;
}

}  // namespace minium

namespace {

using minium::GetRegion;
using minium::Region;
using minium::WrapRegion;

void Throw(napi_env env, const std::string& what) {
  napi_throw_error(env, "MINIUM_NATIVE", what.c_str());
}

bool GetString(napi_env env, napi_value v, std::string* out) {
  size_t len = 0;
  if (napi_get_value_string_utf8(env, v, nullptr, 0, &len) != napi_ok) return false;
  out->resize(len);
  return napi_get_value_string_utf8(env, v, &(*out)[0], len + 1, &len) == napi_ok;
}

// map(name, size, create) -> external handle. create=true fails if the name exists.
napi_value Map(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  std::string name;
  double size_d = 0;
  bool create = false;
  if (argc < 3 || !GetString(env, argv[0], &name) || napi_get_value_double(env, argv[1], &size_d) != napi_ok ||
      napi_get_value_bool(env, argv[2], &create) != napi_ok || size_d <= 0) {
    Throw(env, "map(name: string, size: number > 0, create: boolean) was called with bad arguments");
    return nullptr;
  }
#ifdef _WIN32
  Throw(env, "shared memory is not implemented on Windows yet");
  return nullptr;
#else
  size_t size = static_cast<size_t>(size_d);
  int fd = shm_open(name.c_str(), create ? (O_CREAT | O_EXCL | O_RDWR) : O_RDWR, 0600);
  if (fd < 0) {
    Throw(env, "shm_open(" + name + ") failed: " + std::strerror(errno));
    return nullptr;
  }
  if (create && ftruncate(fd, static_cast<off_t>(size)) != 0) {
    int e = errno;
    close(fd);
    shm_unlink(name.c_str());
    Throw(env, "ftruncate(" + name + ") failed: " + std::strerror(e));
    return nullptr;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || static_cast<size_t>(st.st_size) < size) {
    close(fd);
    Throw(env, "shared memory " + name + " is smaller than the " + std::to_string(size) + " bytes asked for");
    return nullptr;
  }
  void* base = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  int e = errno;
  close(fd);  // the mapping keeps the memory alive
  if (base == MAP_FAILED) {
    Throw(env, "mmap(" + name + ") failed: " + std::strerror(e));
    return nullptr;
  }
  return WrapRegion(env, base, size, true);
#endif
}

// Resolves (handle, offset, typedArray) and checks that the range lies inside the region.
bool Range(napi_env env, napi_callback_info info, Region** r, size_t* offset, uint8_t** bytes, size_t* len) {
  size_t argc = 3;
  napi_value argv[3];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  double off_d = -1;
  if (argc < 3 || !(*r = GetRegion(env, argv[0]))) return false;
  if (napi_get_value_double(env, argv[1], &off_d) != napi_ok || off_d < 0) {
    Throw(env, "offset must be a number >= 0");
    return false;
  }
  napi_typedarray_type type;
  size_t length = 0, byte_offset = 0;
  napi_value ab;
  void* data = nullptr;
  if (napi_get_typedarray_info(env, argv[2], &type, &length, &data, &ab, &byte_offset) != napi_ok ||
      (type != napi_uint8_array && type != napi_uint8_clamped_array)) {
    Throw(env, "expected a Uint8Array or Uint8ClampedArray");
    return false;
  }
  *offset = static_cast<size_t>(off_d);
  if (*offset > (*r)->size || length > (*r)->size - *offset) {
    Throw(env, "range " + std::to_string(*offset) + "+" + std::to_string(length) + " lies outside the region of " +
                   std::to_string((*r)->size) + " bytes");
    return false;
  }
  *bytes = static_cast<uint8_t*>(data);
  *len = length;
  return true;
}

napi_value Write(napi_env env, napi_callback_info info) {
  Region* r;
  size_t offset, len;
  uint8_t* bytes;
  if (!Range(env, info, &r, &offset, &bytes, &len)) return nullptr;
  if (!r->writable) {
    Throw(env, "this shared memory was handed over read-only: it cannot be written");
    return nullptr;
  }
  std::memcpy(static_cast<uint8_t*>(r->base) + offset, bytes, len);
  return nullptr;
}

napi_value Read(napi_env env, napi_callback_info info) {
  Region* r;
  size_t offset, len;
  uint8_t* bytes;
  if (!Range(env, info, &r, &offset, &bytes, &len)) return nullptr;
  std::memcpy(bytes, static_cast<uint8_t*>(r->base) + offset, len);
  return nullptr;
}

napi_value Unmap(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  Region* r = argc == 1 ? GetRegion(env, argv[0]) : nullptr;
  if (!r) return nullptr;
#ifndef _WIN32
  munmap(r->base, r->size);
#endif
  r->base = nullptr;
  return nullptr;
}

napi_value Unlink(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  std::string name;
  if (argc != 1 || !GetString(env, argv[0], &name)) {
    Throw(env, "unlink(name: string) was called with bad arguments");
    return nullptr;
  }
  bool removed = false;
#ifndef _WIN32
  removed = shm_unlink(name.c_str()) == 0;
#endif
  napi_value result;
  napi_get_boolean(env, removed, &result);
  return result;
}

// A genuine invalid memory access on the calling thread: the kernel delivers SIGSEGV and the
// whole process dies, whichever thread faulted. That is the point being demonstrated.
napi_value Fault(napi_env, napi_callback_info) {
  volatile int* nowhere = nullptr;
  *nowhere = 1;
  return nullptr;
}

// limitDataSegment(bytes): RLIMIT_DATA on the calling process, soft and hard, so it can never be
// raised again. Past it, memory that is committed (mmap'd writable, brk) is refused: an
// ArrayBuffer allocation throws, V8 dies of OOM. Reservations kept PROT_NONE do not count.
napi_value LimitDataSegment(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  double bytes = 0;
  if (argc < 1 || napi_get_value_double(env, argv[0], &bytes) != napi_ok || bytes <= 0) {
    napi_throw_error(env, "MINIUM_NATIVE", "limitDataSegment(bytes): bytes must be a positive number");
    return nullptr;
  }
#ifdef _WIN32
  napi_throw_error(env, "MINIUM_NATIVE", "limitDataSegment: there is no RLIMIT_DATA on Windows");
#else
  struct rlimit limit;
  limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(bytes);
  if (setrlimit(RLIMIT_DATA, &limit) != 0) {
    std::string why = std::string("setrlimit(RLIMIT_DATA) failed: ") + std::strerror(errno);
    napi_throw_error(env, "MINIUM_NATIVE", why.c_str());
  }
#endif
  return nullptr;
}

// bindToParentLifetime(parentPid): on Linux, asks the kernel to SIGKILL this process the moment
// the thread that started it ends (PR_SET_PDEATHSIG), then reads the parent back: false if it is
// no longer parentPid (it died before the request, and the caller must end itself). Elsewhere
// null: there is no such request, and the caller's watchdog is all there is.
napi_value BindToParentLifetime(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  int32_t parent = 0;
  if (argc < 1 || napi_get_value_int32(env, argv[0], &parent) != napi_ok || parent <= 0) {
    napi_throw_error(env, "MINIUM_NATIVE", "bindToParentLifetime(parentPid): parentPid must be a positive number");
    return nullptr;
  }
  napi_value result;
#ifdef __linux__
  if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) {
    std::string why = std::string("prctl(PR_SET_PDEATHSIG) failed: ") + std::strerror(errno);
    napi_throw_error(env, "MINIUM_NATIVE", why.c_str());
    return nullptr;
  }
  napi_get_boolean(env, getppid() == parent, &result);
#else
  napi_get_null(env, &result);
#endif
  return result;
}

// parentDeathSignal(): the signal the kernel sends this process when its parent ends (0: none).
napi_value ParentDeathSignal(napi_env env, napi_callback_info) {
  int signo = 0;
#ifdef __linux__
  prctl(PR_GET_PDEATHSIG, &signo);
#endif
  napi_value result;
  napi_create_int32(env, signo, &result);
  return result;
}


napi_value Init(napi_env env, napi_value exports) {
  minium::DefineFunctions(env, exports, {
      {"map", Map},
      {"write", Write},
      {"read", Read},
      {"unmap", Unmap},
      {"unlink", Unlink},
      {"fault", Fault},
      {"limitDataSegment", LimitDataSegment},
      {"bindToParentLifetime", BindToParentLifetime},
      {"parentDeathSignal", ParentDeathSignal},
  });
  minium::InitLab(env, exports);
  minium::InitAffinity(env, exports);
  minium::InitMq(env, exports);
  minium::InitAnonymousMemory(env, exports);
  minium::InitSandbox(env, exports);
  minium::InitProcessMemory(env, exports);
  minium::InitMemoryPressure(env, exports);
  minium::InitListenSockets(env, exports);
  return exports;
}

}  // namespace

NAPI_MODULE_INIT() { return Init(env, exports); }
