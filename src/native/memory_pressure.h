// Memory pressure for the calling thread's V8 isolate, as Chromium's renderer signals it.
#pragma once

#include <node_api.h>

namespace minium {

// reduceIsolateMemory for JavaScript.
void InitMemoryPressure(napi_env env, napi_value exports);

}  // namespace minium
