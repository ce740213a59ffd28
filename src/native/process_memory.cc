// Reaching into another process: see process_memory.h. Each call does the real system call and
// throws with the errno's name as the error's code, so the caller can say what refused it
// (seccomp-bpf answers EPERM; the kernel's ptrace access check answers EPERM or ESRCH).
#include "process_memory.h"
#include "exports.h"

#include <node_api.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#ifdef __linux__
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#endif

namespace minium {

#ifdef __linux__
namespace {

constexpr size_t kMaxRead = 4096;

const char* ErrnoName(int e) {
  switch (e) {
    case EPERM: return "EPERM";
    case EACCES: return "EACCES";
    case ESRCH: return "ESRCH";
    case EFAULT: return "EFAULT";
    case EINVAL: return "EINVAL";
    case EBADF: return "EBADF";
    case ENOSYS: return "ENOSYS";
    default: return "EIO";
  }
}

napi_value ThrowErrno(napi_env env, const std::string& what, int e) {
  std::string message = what + " failed: " + std::strerror(e);
  napi_throw_error(env, ErrnoName(e), message.c_str());
  return nullptr;
}

bool WholeNumbers(napi_env env, napi_callback_info info, size_t count, std::vector<int64_t>* out) {
  size_t argc = count;
  std::vector<napi_value> argv(count);
  napi_get_cb_info(env, info, &argc, argv.data(), nullptr, nullptr);
  if (argc < count) return false;
  for (size_t i = 0; i < count; i++) {
    double v = 0;
    if (napi_get_value_double(env, argv[i], &v) != napi_ok || v < 0 || v > 9007199254740991.0 ||
        static_cast<double>(static_cast<int64_t>(v)) != v)
      return false;
    out->push_back(static_cast<int64_t>(v));
  }
  return true;
}

// readProcessMemory(pid, address, length) → Buffer: process_vm_readv from another process.
napi_value ReadProcessMemory(napi_env env, napi_callback_info info) {
  std::vector<int64_t> a;
  if (!WholeNumbers(env, info, 3, &a) || a[2] == 0 || a[2] > static_cast<int64_t>(kMaxRead)) {
    napi_throw_type_error(env, "MINIUM_NATIVE", "readProcessMemory(pid, address, length): length 1..4096");
    return nullptr;
  }
  std::vector<char> bytes(static_cast<size_t>(a[2]));
  iovec local{bytes.data(), bytes.size()};
  iovec remote{reinterpret_cast<void*>(static_cast<uintptr_t>(a[1])), bytes.size()};
  ssize_t n = process_vm_readv(static_cast<pid_t>(a[0]), &local, 1, &remote, 1, 0);
  if (n < 0) return ThrowErrno(env, "process_vm_readv(" + std::to_string(a[0]) + ")", errno);
  napi_value result;
  napi_create_buffer_copy(env, static_cast<size_t>(n), bytes.data(), nullptr, &result);
  return result;
}

// takeDescriptor(pid, fd) → fd: pidfd_open, then pidfd_getfd (a copy of another process's descriptor).
napi_value TakeDescriptor(napi_env env, napi_callback_info info) {
  std::vector<int64_t> a;
  if (!WholeNumbers(env, info, 2, &a)) {
    napi_throw_type_error(env, "MINIUM_NATIVE", "takeDescriptor(pid, fd): two whole numbers");
    return nullptr;
  }
  long pidfd = syscall(SYS_pidfd_open, static_cast<pid_t>(a[0]), 0);
  if (pidfd < 0) return ThrowErrno(env, "pidfd_open(" + std::to_string(a[0]) + ")", errno);
  long fd = syscall(SYS_pidfd_getfd, static_cast<int>(pidfd), static_cast<int>(a[1]), 0);
  int e = errno;
  close(static_cast<int>(pidfd));
  if (fd < 0) return ThrowErrno(env, "pidfd_getfd(" + std::to_string(a[1]) + ")", e);
  napi_value result;
  napi_create_int64(env, fd, &result);
  return result;
}

}  // namespace
#endif

void InitProcessMemory(napi_env env, napi_value exports) {
#ifdef __linux__
  DefineFunctions(env, exports, {
      {"readProcessMemory", ReadProcessMemory},
      {"takeDescriptor", TakeDescriptor},
  });
#else
  (void)env;
  (void)exports;
#endif
}

}  // namespace minium
