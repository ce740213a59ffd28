// Tile pools: anonymous shared memory (memfd) that reaches other processes only as a file
// descriptor passed over a Unix socket (SCM_RIGHTS), as Chromium hands shared-memory regions
// over Mojo. There is no name anyone could open, and nothing to clean up: the memory goes with
// its last descriptor and mapping, however the processes end.
//
// A pool is sealed against shrinking (and growing) before anyone else sees it, so its size is
// fixed for good and a receiver's mapping can never fault under it (SIGBUS past a truncation).
// A receiver checks that before mapping, read-only: it is exactly one memfd of the size announced.
//
// Linux only: memfd_create and file seals exist nowhere else. Elsewhere every call throws an
// error that names the platform.
#include <node_api.h>
#include "exports.h"

#include "region.h"

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#ifdef __linux__
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace {

using minium::WrapRegion;

void Throw(napi_env env, const std::string& what) { napi_throw_error(env, "MINIUM_NATIVE", what.c_str()); }

bool GetArgs(napi_env env, napi_callback_info info, size_t want, napi_value* argv) {
  size_t argc = want;
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  return argc == want;
}

bool GetCount(napi_env env, napi_value v, double* out) {
  return napi_get_value_double(env, v, out) == napi_ok && *out >= 0 && *out <= 9007199254740991.0 &&
         static_cast<double>(static_cast<uint64_t>(*out)) == *out;
}

napi_value Number(napi_env env, double value) {
  napi_value v;
  napi_create_double(env, value, &v);
  return v;
}

#ifdef __linux__

#ifndef MFD_NOEXEC_SEAL
#define MFD_NOEXEC_SEAL 0x0008U  // Linux 6.3: the memory can never be made executable
#endif

// Fixed size for good, and nobody may change the seals afterwards.
constexpr int kPoolSeals = F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL;
// At most this many descriptors are taken in at once; one is expected.
constexpr size_t kMaxDescriptors = 8;

std::string Errno(int e) { return std::strerror(e); }

// createAnonymous(label, size) → { handle, fd, inode }: a sealed memfd, mapped read-write.
napi_value CreateAnonymous(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  size_t label_len = 0;
  double size_d = 0;
  char label[64] = {0};
  if (!GetArgs(env, info, 2, argv) ||
      napi_get_value_string_utf8(env, argv[0], label, sizeof label, &label_len) != napi_ok ||
      !GetCount(env, argv[1], &size_d) || size_d == 0) {
    Throw(env, "createAnonymous(label: string, size: integer > 0) was called with bad arguments");
    return nullptr;
  }
  const size_t size = static_cast<size_t>(size_d);
  const std::string what = std::string("anonymous shared memory \"") + label + "\"";
  int fd = memfd_create(label, MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_NOEXEC_SEAL);
  if (fd < 0 && errno == EINVAL) fd = memfd_create(label, MFD_CLOEXEC | MFD_ALLOW_SEALING);  // before Linux 6.3
  if (fd < 0) {
    Throw(env, "memfd_create(" + what + ") failed: " + Errno(errno));
    return nullptr;
  }
  struct stat st;
  std::string failed;
  if (ftruncate(fd, static_cast<off_t>(size)) != 0) failed = "ftruncate";
  else if (fcntl(fd, F_ADD_SEALS, kPoolSeals) != 0) failed = "sealing (F_ADD_SEALS)";
  else if (fstat(fd, &st) != 0) failed = "fstat";
  void* base = failed.empty() ? mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) : MAP_FAILED;
  if (failed.empty() && base == MAP_FAILED) failed = "mmap";
  if (!failed.empty()) {
    const int e = errno;
    close(fd);
    Throw(env, failed + " of " + what + " failed: " + Errno(e));
    return nullptr;
  }
  napi_value result;
  napi_create_object(env, &result);
  napi_set_named_property(env, result, "handle", WrapRegion(env, base, size, true));
  napi_set_named_property(env, result, "fd", Number(env, fd));
  napi_set_named_property(env, result, "inode", Number(env, static_cast<double>(st.st_ino)));
  return result;
}

// mapSameProcess(fd, size, inode) → handle: another thread of the creating process maps the
// pool read-write. The descriptor is duplicated first and its inode compared, so a pool closed
// meanwhile (its number reused by another file) is refused instead of mapped.
napi_value MapSameProcess(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  double fd_d = 0, size_d = 0, inode_d = 0;
  if (!GetArgs(env, info, 3, argv) || !GetCount(env, argv[0], &fd_d) || !GetCount(env, argv[1], &size_d) ||
      size_d == 0 || !GetCount(env, argv[2], &inode_d)) {
    Throw(env, "mapSameProcess(fd, size, inode) was called with bad arguments");
    return nullptr;
  }
  const int fd = static_cast<int>(fd_d);
  const size_t size = static_cast<size_t>(size_d);
  const int own = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (own < 0) {
    Throw(env, "descriptor " + std::to_string(fd) + " of a tile pool is not open: " + Errno(errno));
    return nullptr;
  }
  struct stat st;
  std::string refused;
  if (fstat(own, &st) != 0) refused = "fstat failed: " + Errno(errno);
  else if (static_cast<double>(st.st_ino) != inode_d) refused = "it is no longer that pool (the pool was closed)";
  else if (static_cast<uint64_t>(st.st_size) < size) refused = "it is smaller than " + std::to_string(size) + " bytes";
  void* base = refused.empty() ? mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, own, 0) : MAP_FAILED;
  if (refused.empty() && base == MAP_FAILED) refused = "mmap failed: " + Errno(errno);
  close(own);  // the mapping keeps the memory alive
  if (!refused.empty()) {
    Throw(env, "descriptor " + std::to_string(fd) + " cannot be mapped: " + refused);
    return nullptr;
  }
  return WrapRegion(env, base, size, true);
}

// mapReceived(fd, size) → handle: memory another process handed over, mapped read-only once it
// is proven a memfd of exactly `size` bytes that can never shrink. Takes the descriptor: it is
// closed whatever the outcome.
napi_value MapReceived(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  double fd_d = 0, size_d = 0;
  if (!GetArgs(env, info, 2, argv) || !GetCount(env, argv[0], &fd_d) || !GetCount(env, argv[1], &size_d) ||
      size_d == 0) {
    Throw(env, "mapReceived(fd, size) was called with bad arguments");
    return nullptr;
  }
  const int fd = static_cast<int>(fd_d);
  const size_t size = static_cast<size_t>(size_d);
  struct stat st;
  std::string refused;
  int seals = -1;
  if (fstat(fd, &st) != 0) refused = "fstat failed: " + Errno(errno);
  else if (!S_ISREG(st.st_mode)) refused = "it is not memory (not a regular file: a pipe, socket or device)";
  else if ((seals = fcntl(fd, F_GET_SEALS)) < 0) refused = "it is not a memfd (it cannot carry seals)";
  else if (!(seals & F_SEAL_SHRINK))
    refused = "it is not sealed against shrinking (F_SEAL_SHRINK): its sender could truncate it under our mapping";
  else if (static_cast<uint64_t>(st.st_size) != size)
    refused = "it holds " + std::to_string(st.st_size) + " bytes, not the " + std::to_string(size) + " announced";
  void* base = refused.empty() ? mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0) : MAP_FAILED;
  if (refused.empty() && base == MAP_FAILED) refused = "mmap failed: " + Errno(errno);
  close(fd);
  if (!refused.empty()) {
    Throw(env, "the descriptor handed over was refused: " + refused);
    return nullptr;
  }
  return WrapRegion(env, base, size, false);
}

// sendDescriptor(socketFd, fd): one byte carrying one descriptor (SCM_RIGHTS). Never blocks: a
// receiver that lets its socket buffer fill up is not reading, and the sender is told so.
napi_value SendDescriptor(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  double sock_d = 0, fd_d = 0;
  if (!GetArgs(env, info, 2, argv) || !GetCount(env, argv[0], &sock_d) || !GetCount(env, argv[1], &fd_d)) {
    Throw(env, "sendDescriptor(socketFd, fd) was called with bad arguments");
    return nullptr;
  }
  const int fd = static_cast<int>(fd_d);
  char byte = 'P';
  iovec iov{&byte, 1};
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {0};
  msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  cmsghdr* cmsg = CMSG_FIRSTHDR(&msg);
  cmsg->cmsg_level = SOL_SOCKET;
  cmsg->cmsg_type = SCM_RIGHTS;
  cmsg->cmsg_len = CMSG_LEN(sizeof(int));
  std::memcpy(CMSG_DATA(cmsg), &fd, sizeof fd);
  ssize_t sent;
  do sent = sendmsg(static_cast<int>(sock_d), &msg, MSG_DONTWAIT | MSG_NOSIGNAL);
  while (sent < 0 && errno == EINTR);
  if (sent != 1) {
    const int e = errno;
    Throw(env, "passing descriptor " + std::to_string(fd) + " over the fd channel failed: " +
                   (e == EAGAIN || e == EWOULDBLOCK ? "the receiver is not reading it" : Errno(e)));
    return nullptr;
  }
  return nullptr;
}

// receiveDescriptor(socketFd) → fd: the next byte on the channel and the one descriptor it
// carries. Never blocks: the sender announces a descriptor only after passing it, so one must be
// waiting. Anything else (none, several, a closed channel) is an error, and every descriptor
// that did arrive is closed.
napi_value ReceiveDescriptor(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  double sock_d = 0;
  if (!GetArgs(env, info, 1, argv) || !GetCount(env, argv[0], &sock_d)) {
    Throw(env, "receiveDescriptor(socketFd) was called with bad arguments");
    return nullptr;
  }
  char byte;
  iovec iov{&byte, 1};
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * kMaxDescriptors)];
  msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  ssize_t got;
  do got = recvmsg(static_cast<int>(sock_d), &msg, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
  while (got < 0 && errno == EINTR);
  const int e = errno;
  std::vector<int> fds;
  if (got > 0) {
    for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
      if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
      const size_t n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
      for (size_t i = 0; i < n; i++) {
        int received;
        std::memcpy(&received, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
        fds.push_back(received);
      }
    }
  }
  std::string refused;
  if (got < 0)
    refused = e == EAGAIN || e == EWOULDBLOCK ? "no descriptor was waiting on the fd channel"
                                              : "recvmsg failed: " + Errno(e);
  else if (got == 0) refused = "the fd channel was closed";
  else if (msg.msg_flags & MSG_CTRUNC) refused = "more descriptors arrived at once than the one announced";
  else if (fds.size() != 1)
    refused = std::to_string(fds.size()) + " descriptors arrived where exactly one was announced";
  if (!refused.empty()) {
    for (int fd : fds) close(fd);
    Throw(env, refused);
    return nullptr;
  }
  return Number(env, fds[0]);
}

#else

napi_value Unsupported(napi_env env, napi_callback_info) {
  Throw(env,
        "tile pools need anonymous shared memory passed as file descriptors (memfd_create, file seals, "
        "SCM_RIGHTS): Linux has them, this platform does not yet");
  return nullptr;
}

const napi_callback CreateAnonymous = Unsupported, MapSameProcess = Unsupported, MapReceived = Unsupported,
                    SendDescriptor = Unsupported, ReceiveDescriptor = Unsupported;

#endif

}  // namespace

namespace minium {

void InitAnonymousMemory(napi_env env, napi_value exports) {
  DefineFunctions(env, exports, {
      {"createAnonymous", CreateAnonymous},
      {"mapSameProcess", MapSameProcess},
      {"mapReceived", MapReceived},
      {"sendDescriptor", SendDescriptor},
      {"receiveDescriptor", ReceiveDescriptor},
  });
}

}  // namespace minium
