// Tells the calling thread's V8 isolate that memory is critical, as Chromium's renderer does on
// memory pressure (RenderThreadImpl::OnMemoryPressure → v8::Isolate::MemoryPressureNotification).
// On the isolate's own thread V8 collects at once, reducing its footprint: it shrinks the young
// generation back to its smallest and returns freed pages. Then glibc's malloc returns the free
// pages of every thread's arena (malloc_trim), which it otherwise keeps: what V8's compilers and
// Node's per-thread state freed there (~2 MB in a renderer). Node-API has no call for either, so
// this one file uses V8's own API; each worker_thread is an isolate of its own and calls it for itself.
#include "memory_pressure.h"
#include "exports.h"

#include <v8.h>

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#endif

namespace minium {

namespace {

napi_value ReduceIsolateMemory(napi_env env, napi_callback_info) {
  v8::Isolate* isolate = v8::Isolate::GetCurrent();
  if (isolate == nullptr) {
    napi_throw_error(env, "MINIUM_NATIVE", "reduceIsolateMemory: no V8 isolate on this thread");
    return nullptr;
  }
  isolate->MemoryPressureNotification(v8::MemoryPressureLevel::kCritical);
#if defined(__linux__) && defined(__GLIBC__)
  malloc_trim(0);
#endif
  return nullptr;
}

}  // namespace

void InitMemoryPressure(napi_env env, napi_value exports) {
  DefineFunctions(env, exports, {{"reduceIsolateMemory", ReduceIsolateMemory}});
}

}  // namespace minium
