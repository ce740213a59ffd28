// A mapped shared-memory region, as handed to JavaScript (an external value).
#pragma once

#include <node_api.h>

#include <cstddef>

namespace minium {

struct Region {
  void* base = nullptr;
  size_t size = 0;
  // A region another process handed over is mapped read-only: a write would fault.
  bool writable = true;
};

// The region behind a handle, or nullptr with a JavaScript exception pending.
Region* GetRegion(napi_env env, napi_value v);

// A handle for a fresh mapping; the mapping is unmapped when the handle is collected or unmapped.
napi_value WrapRegion(napi_env env, void* base, size_t size, bool writable);

// The IPC lab's functions: rings in shared memory and the C baselines (lab_native.cc).
void InitLab(napi_env env, napi_value exports);

// POSIX message queues (mq_native.cc); Linux only.
void InitMq(napi_env env, napi_value exports);
// The OS sandbox a child applies to itself (src/native/sandbox.cc), Linux only.
void InitSandbox(napi_env env, napi_value exports);

// Anonymous shared memory (memfd) and its hand-over as file descriptors (anonymous_memory.cc).
void InitAnonymousMemory(napi_env env, napi_value exports);

// A listening TCP socket made before the sandbox for a thread started after it (listen_sockets.cc), Linux only.
void InitListenSockets(napi_env env, napi_value exports);

}  // namespace minium
