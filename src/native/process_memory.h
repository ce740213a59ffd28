// Reaching into another process's memory the two ways the kernel offers, for the memory probe
// (minium://memory-probe): a sandboxed renderer tries them and reports what refused each (MP1).
#pragma once

#include <node_api.h>

namespace minium {

// readProcessMemory and takeDescriptor for JavaScript; Linux only.
void InitProcessMemory(napi_env env, napi_value exports);

}  // namespace minium
