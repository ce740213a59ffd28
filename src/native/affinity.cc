// Pinning the calling thread to CPUs, for the labs: see affinity.h.
#include "affinity.h"
#include "exports.h"

#include <node_api.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#ifdef __linux__
#include <sched.h>
#endif

namespace minium {

int PinCallingThread(const int* cpus, size_t count) {
#ifdef __linux__
  cpu_set_t set;
  CPU_ZERO(&set);
  for (size_t i = 0; i < count; i++) {
    if (cpus[i] < 0 || cpus[i] >= CPU_SETSIZE) return EDOM;
    CPU_SET(cpus[i], &set);
  }
  // pid 0: the calling thread alone, not its whole process (Linux's affinity is per thread).
  return sched_setaffinity(0, sizeof(set), &set) == 0 ? 0 : errno;
#else
  (void)cpus;
  (void)count;
  return ENOSYS;
#endif
}

int CurrentCpu() {
#ifdef __linux__
  return sched_getcpu();
#else
  return -1;
#endif
}

namespace {

#ifdef __linux__
// setAffinity(cpus: number[]): pins the calling thread (a worker_thread pins itself; a process
// its main thread). Threads created afterwards, and processes forked, inherit the mask.
napi_value SetAffinity(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  const char* usage = "setAffinity(cpus): cpus must be a non-empty array of CPU numbers (integers from 0)";
  bool is_array = false;
  uint32_t length = 0;
  if (argc < 1 || napi_is_array(env, argv[0], &is_array) != napi_ok || !is_array ||
      napi_get_array_length(env, argv[0], &length) != napi_ok || length == 0 || length > CPU_SETSIZE) {
    napi_throw_type_error(env, "MINIUM_NATIVE", usage);
    return nullptr;
  }
  std::vector<int> cpus;
  for (uint32_t i = 0; i < length; i++) {
    napi_value item;
    double cpu = -1;
    if (napi_get_element(env, argv[0], i, &item) != napi_ok || napi_get_value_double(env, item, &cpu) != napi_ok ||
        !IsCpuNumber(cpu)) {
      napi_throw_type_error(env, "MINIUM_NATIVE",
                            (std::string(usage) + "; item " + std::to_string(i) + " is not").c_str());
      return nullptr;
    }
    cpus.push_back(static_cast<int>(cpu));
  }
  int error = PinCallingThread(cpus.data(), cpus.size());
  if (error != 0) {
    std::string why = error == EDOM ? "a CPU number is outside 0.." + std::to_string(CPU_SETSIZE - 1)
                                    : std::string("sched_setaffinity failed: ") + std::strerror(error) +
                                          (error == EINVAL ? " (none of those CPUs is online and allowed here)" : "");
    napi_throw_range_error(env, "MINIUM_NATIVE", ("setAffinity: " + why).c_str());
    return nullptr;
  }
  return nullptr;
}

// getAffinity(): the CPUs the calling thread may run on, ascending.
napi_value GetAffinity(napi_env env, napi_callback_info) {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof(set), &set) != 0) {
    napi_throw_error(env, "MINIUM_NATIVE", (std::string("sched_getaffinity failed: ") + std::strerror(errno)).c_str());
    return nullptr;
  }
  napi_value out;
  napi_create_array(env, &out);
  uint32_t n = 0;
  for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
    if (!CPU_ISSET(cpu, &set)) continue;
    napi_value v;
    napi_create_int32(env, cpu, &v);
    napi_set_element(env, out, n++, v);
  }
  return out;
}

// currentCpu(): the CPU the calling thread runs on at this moment.
napi_value JsCurrentCpu(napi_env env, napi_callback_info) {
  napi_value v;
  napi_create_int32(env, CurrentCpu(), &v);
  return v;
}
#endif

}  // namespace

void InitAffinity(napi_env env, napi_value exports) {
#ifdef __linux__
  DefineFunctions(env, exports, {
      {"setAffinity", SetAffinity},
      {"getAffinity", GetAffinity},
      {"currentCpu", JsCurrentCpu},
  });
#else
  (void)env;
  (void)exports;
#endif
}

}  // namespace minium
