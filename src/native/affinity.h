// Pinning the calling thread to CPUs (Linux sched_setaffinity with pid 0 applies to the calling
// thread only): the threads lab measures a context switch as lmbench's lat_ctx does, both sides
// on one CPU, and the wake-up across cores apart.
#pragma once

#include <node_api.h>

#include <cstddef>

namespace minium {

// Pins the calling thread to `cpus`: 0, EDOM for a CPU number out of range, or sched_setaffinity's
// errno. Allocates nothing, so a child forked from a threaded process may call it.
int PinCallingThread(const int* cpus, size_t count);

// The CPU the calling thread runs on now, or -1 where the OS cannot say.
int CurrentCpu();

// Whether a JavaScript number is a whole number small enough to be a CPU (casting a larger one is undefined).
inline bool IsCpuNumber(double x) { return x >= -1e6 && x <= 1e6 && static_cast<double>(static_cast<int>(x)) == x; }

// setAffinity, getAffinity and currentCpu for JavaScript; Linux only.
void InitAffinity(napi_env env, napi_value exports);

}  // namespace minium
