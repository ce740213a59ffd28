// Tells the calling thread's V8 isolate that memory is critical, as Chromium's renderer does on
// memory pressure (RenderThreadImpl::OnMemoryPressure → v8::Isolate::MemoryPressureNotification).
// On the isolate's own thread V8 collects at once, reducing its footprint: it shrinks the young
// generation back to its smallest and returns freed pages. Node-API has no call for this, so this
// one file uses V8's own API; each worker_thread is an isolate of its own and calls it for itself.
#include "memory_pressure.h"

#include <v8.h>

namespace minium {

namespace {

napi_value ReduceIsolateMemory(napi_env env, napi_callback_info) {
  v8::Isolate* isolate = v8::Isolate::GetCurrent();
  if (isolate == nullptr) {
    napi_throw_error(env, "MINIUM_NATIVE", "reduceIsolateMemory: no V8 isolate on this thread");
    return nullptr;
  }
  isolate->MemoryPressureNotification(v8::MemoryPressureLevel::kCritical);
  return nullptr;
}

}  // namespace

void InitMemoryPressure(napi_env env, napi_value exports) {
  napi_property_descriptor prop = {"reduceIsolateMemory", nullptr, ReduceIsolateMemory, nullptr, nullptr,
                                   nullptr, napi_default, nullptr};
  napi_define_properties(env, exports, 1, &prop);
}

}  // namespace minium
