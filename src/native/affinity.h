// Pinning the calling thread to CPUs (Linux sched_setaffinity with pid 0 applies to the calling
// thread only): the threads lab measures a context switch as lmbench's lat_ctx does, both sides
// on one CPU, and the wake-up across cores apart.
#pragma once

#include <cstddef>

namespace minium {

// Pins the calling thread to `cpus`: 0, EDOM for a CPU number out of range, or sched_setaffinity's
// errno. Allocates nothing, so a child forked from a threaded process may call it.
int PinCallingThread(const int* cpus, size_t count);

// The CPU the calling thread runs on now, or -1 where the OS cannot say.
int CurrentCpu();

}  // namespace minium
