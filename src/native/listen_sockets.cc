// A listening socket made by one thread for another: the GPU process opens its display port
// before it locks itself down (the sandbox refuses new TCP sockets), then starts its
// VizCompositorThread, which inherits the sandbox and listens on this descriptor (Node's
// `server.listen({ fd })`). A Node server cannot hand its socket to another thread, hence this.
// (Its Unix sockets the thread opens itself: the sandbox allows those.) Linux only.
#include <node_api.h>
#include "exports.h"

#include "region.h"

#include <cerrno>
#include <cstring>
#include <string>

#ifdef __linux__
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace {

#ifdef __linux__

void Throw(napi_env env, const std::string& what) { napi_throw_error(env, "MINIUM_NATIVE", what.c_str()); }

constexpr int kBacklog = 64;

// Closes `fd` and throws `what` with the reason errno gives.
napi_value Fail(napi_env env, int fd, const std::string& what) {
  const int e = errno;
  if (fd >= 0) close(fd);
  Throw(env, what + " failed: " + std::strerror(e));
  return nullptr;
}

napi_value Fd(napi_env env, int fd, int port) {
  napi_value out, v;
  napi_create_object(env, &out);
  napi_create_int32(env, fd, &v);
  napi_set_named_property(env, out, "fd", v);
  napi_create_int32(env, port, &v);
  napi_set_named_property(env, out, "port", v);
  return out;
}

// listenLoopback() → { fd, port }: a listening TCP socket on 127.0.0.1, on a port the kernel picks.
napi_value ListenLoopback(napi_env env, napi_callback_info) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0) return Fail(env, fd, "socket(AF_INET)");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return Fail(env, fd, "bind to 127.0.0.1");
  if (listen(fd, kBacklog) != 0) return Fail(env, fd, "listen on 127.0.0.1");
  socklen_t size = sizeof addr;
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size) != 0) return Fail(env, fd, "getsockname");
  return Fd(env, fd, ntohs(addr.sin_port));
}

#endif

}  // namespace

namespace minium {

void InitListenSockets(napi_env env, napi_value exports) {
#ifdef __linux__
  DefineFunctions(env, exports, {
      {"listenLoopback", ListenLoopback},
  });
#else
  (void)env;
  (void)exports;
#endif
}

}  // namespace minium
