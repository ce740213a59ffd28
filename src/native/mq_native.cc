// POSIX message queues for the IPC lab: a kernel-managed queue of whole messages, opened by name
// from any process. Linux only (macOS has no mq_*); elsewhere the functions say so.
#include <node_api.h>
#include "exports.h"

#include <cerrno>
#include <cstring>
#include <string>

#ifdef __linux__
#include <fcntl.h>
#include <mqueue.h>
#include <time.h>
#endif

#include "region.h"

namespace minium {
namespace {

void Throw(napi_env env, const std::string& what) { napi_throw_error(env, "MINIUM_NATIVE", what.c_str()); }

#ifdef __linux__
struct Queue {
  mqd_t fd = -1;
  long msgsize = 0;
};

void Finalize(napi_env, void* data, void*) {
  auto* q = static_cast<Queue*>(data);
  if (q->fd != -1) mq_close(q->fd);
  delete q;
}

Queue* GetQueue(napi_env env, napi_value v) {
  void* data = nullptr;
  if (napi_get_value_external(env, v, &data) != napi_ok || !data || static_cast<Queue*>(data)->fd == -1) {
    Throw(env, "expected an open message queue");
    return nullptr;
  }
  return static_cast<Queue*>(data);
}

struct timespec Deadline(double ms) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  long long ns = ts.tv_nsec + static_cast<long long>(ms * 1e6);
  ts.tv_sec += ns / 1000000000;
  ts.tv_nsec = ns % 1000000000;
  return ts;
}

// mqOpen(name, create, maxMessages, messageSize) → handle
napi_value MqOpen(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  size_t len = 0;
  char name[256];
  bool create = false;
  double maxmsg = 0, msgsize = 0;
  if (argc != 4 || napi_get_value_string_utf8(env, argv[0], name, sizeof name, &len) != napi_ok ||
      napi_get_value_bool(env, argv[1], &create) != napi_ok ||
      napi_get_value_double(env, argv[2], &maxmsg) != napi_ok ||
      napi_get_value_double(env, argv[3], &msgsize) != napi_ok) {
    Throw(env, "mqOpen(name, create, maxMessages, messageSize)");
    return nullptr;
  }
  struct mq_attr attr;
  std::memset(&attr, 0, sizeof attr);
  attr.mq_maxmsg = static_cast<long>(maxmsg);
  attr.mq_msgsize = static_cast<long>(msgsize);
  mqd_t fd = create ? mq_open(name, O_RDWR | O_CREAT | O_EXCL, 0600, &attr) : mq_open(name, O_RDWR);
  if (fd == static_cast<mqd_t>(-1)) {
    Throw(env, std::string("mq_open(") + name + ") failed: " + std::strerror(errno));
    return nullptr;
  }
  mq_getattr(fd, &attr);
  auto* q = new Queue{fd, attr.mq_msgsize};
  napi_value handle;
  napi_create_external(env, q, Finalize, nullptr, &handle);
  return handle;
}

// mqSend(handle, bytes, timeoutMs) → false on timeout
napi_value MqSend(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  Queue* q = argc == 3 ? GetQueue(env, argv[0]) : nullptr;
  if (!q) return nullptr;
  napi_typedarray_type type;
  size_t length, offset;
  void* data;
  napi_value ab;
  double timeout = 0;
  if (napi_get_typedarray_info(env, argv[1], &type, &length, &data, &ab, &offset) != napi_ok ||
      type != napi_uint8_array || napi_get_value_double(env, argv[2], &timeout) != napi_ok) {
    Throw(env, "mqSend(handle, bytes: Uint8Array, timeoutMs)");
    return nullptr;
  }
  if (static_cast<long>(length) > q->msgsize) {
    Throw(env, "the message is larger than the queue's message size");
    return nullptr;
  }
  struct timespec ts = Deadline(timeout);
  int r = mq_timedsend(q->fd, static_cast<const char*>(data), length, 0, &ts);
  if (r != 0 && errno != ETIMEDOUT) {
    Throw(env, std::string("mq_timedsend failed: ") + std::strerror(errno));
    return nullptr;
  }
  napi_value ok;
  napi_get_boolean(env, r == 0, &ok);
  return ok;
}

// mqReceive(handle, timeoutMs) → Buffer, or null on timeout
napi_value MqReceive(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  Queue* q = argc == 2 ? GetQueue(env, argv[0]) : nullptr;
  double timeout = 0;
  if (!q) return nullptr;
  napi_get_value_double(env, argv[1], &timeout);
  static thread_local std::string scratch;
  scratch.resize(static_cast<size_t>(q->msgsize));
  struct timespec ts = Deadline(timeout);
  ssize_t n = mq_timedreceive(q->fd, &scratch[0], scratch.size(), nullptr, &ts);
  napi_value result;
  if (n < 0) {
    if (errno != ETIMEDOUT) {
      Throw(env, std::string("mq_timedreceive failed: ") + std::strerror(errno));
      return nullptr;
    }
    napi_get_null(env, &result);
    return result;
  }
  void* out;
  napi_create_buffer_copy(env, static_cast<size_t>(n), scratch.data(), &out, &result);
  return result;
}

napi_value MqUnlink(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  char name[256];
  size_t len = 0;
  if (argc != 1 || napi_get_value_string_utf8(env, argv[0], name, sizeof name, &len) != napi_ok) {
    Throw(env, "mqUnlink(name)");
    return nullptr;
  }
  napi_value removed;
  napi_get_boolean(env, mq_unlink(name) == 0, &removed);
  return removed;
}
#endif

}  // namespace

void InitMq(napi_env env, napi_value exports) {
#ifdef __linux__
  DefineFunctions(env, exports, {
      {"mqOpen", MqOpen},
      {"mqSend", MqSend},
      {"mqReceive", MqReceive},
      {"mqUnlink", MqUnlink},
  });
#else
  (void)env;
  (void)exports;
#endif
}

}  // namespace minium
