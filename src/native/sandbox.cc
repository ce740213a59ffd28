// The OS sandbox a child process applies to itself (Linux): PR_SET_NO_NEW_PRIVS, then Landlock
// (file system, TCP and signal scope) on the calling thread, then one seccomp-bpf filter
// synchronised to every thread of the process. Threads created afterwards inherit both.
//
// Refusals return EPERM rather than killing, so Node surfaces an error a person can read and
// the hostile-renderer tests can see each refusal; only a foreign architecture kills, as in
// Chromium (a filter cannot reason about syscall numbers of another table).
#include <node_api.h>
#include "exports.h"

#include "region.h"

#ifdef __linux__
#include <dirent.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>
#endif

namespace minium {

#ifdef __linux__
namespace {

// Landlock's user API, declared here because distribution headers lag the running kernel's ABI.
// Values from the kernel's include/uapi/linux/landlock.h.
namespace ll {
constexpr uint32_t kCreateRulesetVersion = 1U << 0;
constexpr int kRulePathBeneath = 1;
constexpr uint64_t kExecute = 1ULL << 0, kWriteFile = 1ULL << 1, kReadFile = 1ULL << 2, kReadDir = 1ULL << 3,
                   kRemoveDir = 1ULL << 4, kRemoveFile = 1ULL << 5, kMakeChar = 1ULL << 6, kMakeDir = 1ULL << 7,
                   kMakeReg = 1ULL << 8, kMakeSock = 1ULL << 9, kMakeFifo = 1ULL << 10, kMakeBlock = 1ULL << 11,
                   kMakeSym = 1ULL << 12, kRefer = 1ULL << 13, kTruncate = 1ULL << 14, kIoctlDev = 1ULL << 15;
constexpr uint64_t kNetBindTcp = 1ULL << 0, kNetConnectTcp = 1ULL << 1;
constexpr uint64_t kScopeSignal = 1ULL << 1;
struct RulesetAttr {
  uint64_t handled_access_fs;
  uint64_t handled_access_net;
  uint64_t scoped;
};
struct __attribute__((packed)) PathBeneathAttr {
  uint64_t allowed_access;
  int32_t parent_fd;
};
constexpr long kSysCreateRuleset = 444, kSysAddRule = 445, kSysRestrictSelf = 446;  // same on every arch
}  // namespace ll

/** Every file-system right the running ABI knows: handled means denied unless a rule allows it. */
uint64_t HandledFs(int abi) {
  uint64_t rights = ll::kExecute | ll::kWriteFile | ll::kReadFile | ll::kReadDir | ll::kRemoveDir | ll::kRemoveFile |
                    ll::kMakeChar | ll::kMakeDir | ll::kMakeReg | ll::kMakeSock | ll::kMakeFifo | ll::kMakeBlock |
                    ll::kMakeSym;
  if (abi >= 2) rights |= ll::kRefer;
  if (abi >= 3) rights |= ll::kTruncate;
  if (abi >= 5) rights |= ll::kIoctlDev;
  return rights;
}

constexpr uint64_t kFileOnlyRights = ll::kExecute | ll::kWriteFile | ll::kReadFile | ll::kTruncate | ll::kIoctlDev;

int LandlockAbi() {
  long abi = syscall(ll::kSysCreateRuleset, nullptr, 0, ll::kCreateRulesetVersion);
  return abi < 0 ? 0 : static_cast<int>(abi);
}

std::string Reason(const std::string& what) { return what + ": " + std::strerror(errno); }

/** Allows reading files and listing directories beneath `path`; nothing else anywhere (no writes). */
bool AddReadRule(int ruleset, int abi, const std::string& path, std::string* error) {
  int fd = open(path.c_str(), O_PATH | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT) return true;  // e.g. /lib64 on aarch64: nothing there to allow
  if (fd < 0) {
    *error = Reason("cannot open " + path + " for a Landlock rule");
    return false;
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    *error = Reason("cannot stat " + path + " for a Landlock rule");
    close(fd);
    return false;
  }
  uint64_t allowed = ll::kReadFile | ll::kReadDir;
  if (!S_ISDIR(st.st_mode)) allowed &= kFileOnlyRights;
  ll::PathBeneathAttr attr{allowed & HandledFs(abi), fd};
  long rc = syscall(ll::kSysAddRule, ruleset, ll::kRulePathBeneath, &attr, 0);
  if (rc != 0) *error = Reason("Landlock refused the rule for " + path);
  close(fd);
  return rc == 0;
}

// Landlock restricts only the calling thread (and threads it creates later). libuv's thread pool
// runs file operations for JavaScript (fs.promises, fs.readFile), and it may already exist. So
// one task per pool thread is queued, and each waits until all have started (then every thread
// holds exactly one) before it restricts its own thread with the same ruleset. If the pool did
// not exist yet, queueing creates it from the already restricted main thread: a second, equal
// layer then, which changes nothing.
struct PoolBarrier {
  std::mutex mutex;
  std::condition_variable changed;
  int threads = 0;
  int arrived = 0;
  int restricted = 0;
  int finished = 0;  // completions run on the main thread: the last one frees the barrier
  int ruleset = -1;
  std::vector<napi_async_work> works;
};

constexpr auto kPoolWait = std::chrono::seconds(5);

/** libuv's own rule for the pool's size (deps/uv/src/threadpool.c). */
int ThreadPoolSize() {
  const char* env = getenv("UV_THREADPOOL_SIZE");
  long n = env ? std::strtol(env, nullptr, 10) : 4;
  return static_cast<int>(n < 1 ? 1 : n > 1024 ? 1024 : n);
}

void RestrictPoolThread(napi_env, void* data) {
  auto* b = static_cast<PoolBarrier*>(data);
  std::unique_lock<std::mutex> lock(b->mutex);
  b->arrived++;
  b->changed.notify_all();
  if (!b->changed.wait_for(lock, kPoolWait, [b] { return b->arrived >= b->threads; })) return;
  if (syscall(ll::kSysRestrictSelf, b->ruleset, 0) == 0) b->restricted++;
  b->changed.notify_all();
}

void PoolTaskDone(napi_env env, napi_status, void* data) {
  auto* b = static_cast<PoolBarrier*>(data);
  if (++b->finished < b->threads) return;
  for (napi_async_work work : b->works) napi_delete_async_work(env, work);
  close(b->ruleset);
  delete b;
}

bool RestrictThreadPool(napi_env env, int ruleset, std::string* error) {
  auto* b = new PoolBarrier();
  b->threads = ThreadPoolSize();
  b->ruleset = dup(ruleset);
  napi_value name;
  napi_create_string_utf8(env, "minium-sandbox-pool", NAPI_AUTO_LENGTH, &name);
  for (int i = 0; i < b->threads; i++) {
    napi_async_work work;
    napi_create_async_work(env, nullptr, name, RestrictPoolThread, PoolTaskDone, b, &work);
    b->works.push_back(work);
  }
  for (napi_async_work work : b->works) napi_queue_async_work(env, work);
  std::unique_lock<std::mutex> lock(b->mutex);
  bool all = b->changed.wait_for(lock, kPoolWait, [b] { return b->restricted >= b->threads; });
  if (!all)
    *error = "only " + std::to_string(b->restricted) + " of libuv's " + std::to_string(b->threads) +
             " pool threads could be restricted within 5 s (is one busy?)";
  return all;  // the last completion frees the barrier, however late its task ran
}

/** Restricts every thread that can run JavaScript's file operations. Returns the ABI used, 0 if none. */
int ApplyLandlock(napi_env env, const std::vector<std::string>& readable, bool allow_inet, std::string* error) {
  int abi = LandlockAbi();
  if (abi == 0) return 0;
  ll::RulesetAttr attr{HandledFs(abi), 0, 0};
  // Without rules for ports, handling TCP bind and connect denies both (a second layer under seccomp's socket rule).
  if (abi >= 4 && !allow_inet) attr.handled_access_net = ll::kNetBindTcp | ll::kNetConnectTcp;
  // Signals only within this domain, i.e. to this process: a second layer under seccomp's kill rules. The
  // abstract-socket scope stays off: renderers connect to the GPU process's abstract frame-sink socket.
  if (abi >= 6) attr.scoped = ll::kScopeSignal;
  int ruleset = static_cast<int>(syscall(ll::kSysCreateRuleset, &attr, sizeof attr, 0));
  if (ruleset < 0) {
    *error = Reason("landlock_create_ruleset failed");
    return -1;
  }
  bool ok = true;
  for (const auto& path : readable) ok = ok && AddReadRule(ruleset, abi, path, error);
  if (ok && syscall(ll::kSysRestrictSelf, ruleset, 0) != 0) {
    *error = Reason("landlock_restrict_self failed");
    ok = false;
  }
  ok = ok && RestrictThreadPool(env, ruleset, error);
  close(ruleset);
  return ok ? abi : -1;
}

// ---------------------------------------------------------------------------------------------
// The seccomp-bpf filter.

#if defined(__x86_64__)
constexpr uint32_t kArch = AUDIT_ARCH_X86_64;
constexpr uint32_t kX32Bit = 0x40000000;
#elif defined(__aarch64__)
constexpr uint32_t kArch = AUDIT_ARCH_AARCH64;
#else
#error "Minium's seccomp filter knows x86_64 and aarch64 only"
#endif

constexpr uint32_t kAllow = SECCOMP_RET_ALLOW;
constexpr uint32_t kDenyEperm = SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA);
constexpr uint32_t kDenyEnosys = SECCOMP_RET_ERRNO | (ENOSYS & SECCOMP_RET_DATA);
constexpr uint32_t kArgLow(int i) { return offsetof(struct seccomp_data, args) + 8 * i; }  // little-endian

class FilterBuilder {
 public:
  std::vector<sock_filter> code;

  void Stmt(uint16_t op, uint32_t k) { code.push_back(BPF_STMT(op, k)); }
  void Jump(uint16_t op, uint32_t k, uint8_t jt, uint8_t jf) { code.push_back(BPF_JUMP(op, k, jt, jf)); }
  void LoadNr() { Stmt(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)); }
  void LoadArg(int i) { Stmt(BPF_LD | BPF_W | BPF_ABS, kArgLow(i)); }

  /** `nr` returns `action`. */
  void Return(long nr, uint32_t action) {
    LoadNr();
    Jump(BPF_JMP | BPF_JEQ | BPF_K, static_cast<uint32_t>(nr), 0, 1);
    Stmt(BPF_RET | BPF_K, action);
  }

  /** `nr` is allowed when argument `arg` carries `flag`, refused (EPERM) otherwise. */
  void AllowIfFlag(long nr, int arg, uint32_t flag) {
    LoadNr();
    Jump(BPF_JMP | BPF_JEQ | BPF_K, static_cast<uint32_t>(nr), 0, 4);
    LoadArg(arg);
    Jump(BPF_JMP | BPF_JSET | BPF_K, flag, 1, 0);
    Stmt(BPF_RET | BPF_K, kDenyEperm);
    Stmt(BPF_RET | BPF_K, kAllow);
  }

  /** `nr` is allowed when argument `arg` (an int) is one of `values` , refused otherwise. */
  void AllowArgIn(long nr, int arg, std::vector<uint32_t> values) {
    LoadNr();
    Jump(BPF_JMP | BPF_JEQ | BPF_K, static_cast<uint32_t>(nr), 0, static_cast<uint8_t>(3 + values.size()));
    LoadArg(arg);
    for (size_t i = 0; i < values.size(); i++)
      Jump(BPF_JMP | BPF_JEQ | BPF_K, values[i], static_cast<uint8_t>(values.size() - i), 0);
    Stmt(BPF_RET | BPF_K, kDenyEperm);
    Stmt(BPF_RET | BPF_K, kAllow);
  }
};

constexpr unsigned kMfdNoexecSeal = 0x0008U;  // MFD_NOEXEC_SEAL, newer than some libc headers

bool MemfdNoexecSupported() {
  int fd = memfd_create("minium-probe", MFD_CLOEXEC | kMfdNoexecSeal);
  if (fd < 0) return false;
  close(fd);
  return true;
}

/**
 * The filter for a child whose own pid is `pid`. `allow_inet` lets a role (the future network
 * service) create AF_INET/AF_INET6 sockets; every other role gets AF_UNIX only.
 */
std::vector<sock_filter> BuildFilter(uint32_t pid, bool allow_inet) {
  FilterBuilder f;
  // A syscall from another architecture's table (e.g. int 0x80 on x86_64) cannot be judged: kill.
  f.Stmt(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
  f.Jump(BPF_JMP | BPF_JEQ | BPF_K, kArch, 1, 0);
  f.Stmt(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS);
#ifdef __x86_64__
  f.LoadNr();  // x32 ABI numbers alias the x86_64 table with a high bit: refuse them all
  f.Jump(BPF_JMP | BPF_JSET | BPF_K, kX32Bit, 0, 1);
  f.Stmt(BPF_RET | BPF_K, kDenyEperm);
#endif

  // No new programs and no new processes. Threads only: clone must carry CLONE_THREAD.
  f.Return(__NR_execve, kDenyEperm);
  f.Return(__NR_execveat, kDenyEperm);
#ifdef __NR_fork
  f.Return(__NR_fork, kDenyEperm);
  f.Return(__NR_vfork, kDenyEperm);
#endif
  f.AllowIfFlag(__NR_clone, 0, CLONE_THREAD);
  // clone3 passes its flags in memory a filter cannot read: ENOSYS makes libc fall back to clone (as Chromium).
  f.Return(__NR_clone3, kDenyEnosys);

  // Signals only to this process. kill(pid, 0) only asks whether a process exists (the parent
  // watchdog asks about the browser); Landlock's signal scope answers EPERM for a live one.
  f.LoadNr();
  f.Jump(BPF_JMP | BPF_JEQ | BPF_K, __NR_kill, 0, 6);
  f.LoadArg(0);
  f.Jump(BPF_JMP | BPF_JEQ | BPF_K, pid, 3, 0);
  f.LoadArg(1);
  f.Jump(BPF_JMP | BPF_JEQ | BPF_K, 0, 1, 0);
  f.Stmt(BPF_RET | BPF_K, kDenyEperm);
  f.Stmt(BPF_RET | BPF_K, kAllow);
  f.AllowArgIn(__NR_tgkill, 0, {pid});
  f.AllowArgIn(__NR_rt_sigqueueinfo, 0, {pid});
  f.AllowArgIn(__NR_rt_tgsigqueueinfo, 0, {pid});
  f.Return(__NR_tkill, kDenyEperm);  // takes a bare thread id that could be anyone's; glibc uses tgkill
  f.Return(__NR_pidfd_send_signal, kDenyEperm);
  f.Return(__NR_pidfd_open, kDenyEperm);
  f.Return(__NR_pidfd_getfd, kDenyEperm);

  // No network sockets: Unix sockets only (the renderer's frame sink is an abstract Unix socket).
  if (allow_inet)
    f.AllowArgIn(__NR_socket, 0, {AF_UNIX, AF_INET, AF_INET6});
  else
    f.AllowArgIn(__NR_socket, 0, {AF_UNIX});
  f.AllowArgIn(__NR_socketpair, 0, {AF_UNIX});

  // Reaching into other processes, the kernel's attack surface, and the machine's state.
  for (long nr : {
           static_cast<long>(__NR_ptrace), static_cast<long>(__NR_process_vm_readv),
           static_cast<long>(__NR_process_vm_writev), static_cast<long>(__NR_kcmp),
           static_cast<long>(__NR_process_madvise), static_cast<long>(__NR_bpf),
           static_cast<long>(__NR_perf_event_open), static_cast<long>(__NR_userfaultfd),
           static_cast<long>(__NR_io_uring_setup), static_cast<long>(__NR_io_uring_enter),
           static_cast<long>(__NR_io_uring_register), static_cast<long>(__NR_mount), static_cast<long>(__NR_umount2),
           static_cast<long>(__NR_pivot_root), static_cast<long>(__NR_chroot), static_cast<long>(__NR_unshare),
           static_cast<long>(__NR_setns), static_cast<long>(__NR_open_tree), static_cast<long>(__NR_move_mount),
           static_cast<long>(__NR_fsopen), static_cast<long>(__NR_fsconfig), static_cast<long>(__NR_fsmount),
           static_cast<long>(__NR_fspick), static_cast<long>(__NR_mount_setattr),
           static_cast<long>(__NR_name_to_handle_at), static_cast<long>(__NR_open_by_handle_at),
           static_cast<long>(__NR_fanotify_init), static_cast<long>(__NR_keyctl), static_cast<long>(__NR_add_key),
           static_cast<long>(__NR_request_key), static_cast<long>(__NR_init_module),
           static_cast<long>(__NR_finit_module), static_cast<long>(__NR_delete_module),
           static_cast<long>(__NR_kexec_load), static_cast<long>(__NR_kexec_file_load),
           static_cast<long>(__NR_reboot), static_cast<long>(__NR_swapon), static_cast<long>(__NR_swapoff),
           static_cast<long>(__NR_acct), static_cast<long>(__NR_quotactl), static_cast<long>(__NR_syslog),
           static_cast<long>(__NR_personality), static_cast<long>(__NR_settimeofday),
           static_cast<long>(__NR_clock_settime), static_cast<long>(__NR_clock_adjtime),
           static_cast<long>(__NR_adjtimex), static_cast<long>(__NR_sethostname),
           static_cast<long>(__NR_setdomainname), static_cast<long>(__NR_vhangup),
#ifdef __x86_64__
           static_cast<long>(__NR_iopl), static_cast<long>(__NR_ioperm), static_cast<long>(__NR_modify_ldt),
           static_cast<long>(__NR_uselib),
#endif
       })
    f.Return(nr, kDenyEperm);

  // An anonymous file must not become code: where the kernel can seal memfds against execution
  // (6.3+), memfd_create must ask for MFD_NOEXEC_SEAL, so nothing written into one can be dlopen()ed.
  if (MemfdNoexecSupported()) f.AllowIfFlag(__NR_memfd_create, 1, kMfdNoexecSeal);

  // TIOCSTI pushes keystrokes into a terminal the child inherited.
  f.LoadNr();
  f.Jump(BPF_JMP | BPF_JEQ | BPF_K, __NR_ioctl, 0, 3);
  f.LoadArg(1);
  f.Jump(BPF_JMP | BPF_JEQ | BPF_K, TIOCSTI, 0, 1);
  f.Stmt(BPF_RET | BPF_K, kDenyEperm);

  f.Stmt(BPF_RET | BPF_K, kAllow);
  return f.code;
}

bool ApplySeccomp(uint32_t pid, bool allow_inet, std::string* error) {
  std::vector<sock_filter> code = BuildFilter(pid, allow_inet);
  sock_fprog prog{static_cast<unsigned short>(code.size()), code.data()};
  // TSYNC: the filter goes onto every existing thread (V8's platform threads, libuv's pool) at once.
  long rc = syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, &prog);
  if (rc == 0) return true;
  *error = rc > 0 ? "seccomp could not synchronise thread " + std::to_string(rc) + " to the filter"
                  : Reason("seccomp(SECCOMP_SET_MODE_FILTER) failed");
  return false;
}

// ---------------------------------------------------------------------------------------------
// JavaScript bindings.

bool GetBool(napi_env env, napi_value obj, const char* key) {
  napi_value v;
  bool b = false;
  if (napi_get_named_property(env, obj, key, &v) == napi_ok) napi_get_value_bool(env, v, &b);
  return b;
}

bool GetPaths(napi_env env, napi_value obj, const char* key, std::vector<std::string>* out) {
  napi_value list;
  uint32_t n = 0;
  if (napi_get_named_property(env, obj, key, &list) != napi_ok || napi_get_array_length(env, list, &n) != napi_ok) {
    napi_throw_type_error(env, "MINIUM_SANDBOX", (std::string("sandbox option ") + key + " must be an array").c_str());
    return false;
  }
  for (uint32_t i = 0; i < n; i++) {
    napi_value item;
    char buf[4096];
    size_t len = 0;
    napi_get_element(env, list, i, &item);
    if (napi_get_value_string_utf8(env, item, buf, sizeof buf, &len) != napi_ok) {
      napi_throw_type_error(env, "MINIUM_SANDBOX",
                            (std::string("sandbox option ") + key + " holds a non-string").c_str());
      return false;
    }
    out->push_back(std::string(buf, len));
  }
  return true;
}

// sandboxApply({ readBeneath: string[], allowInet: boolean }) → Landlock ABI used (0: none).
napi_value SandboxApply(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  std::vector<std::string> readable;
  if (argc < 1 || !GetPaths(env, argv[0], "readBeneath", &readable)) return nullptr;
  bool allow_inet = GetBool(env, argv[0], "allowInet");
  std::string error;
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) error = Reason("prctl(PR_SET_NO_NEW_PRIVS) failed");
  int abi = error.empty() ? ApplyLandlock(env, readable, allow_inet, &error) : -1;
  if (abi >= 0) ApplySeccomp(static_cast<uint32_t>(getpid()), allow_inet, &error);
  if (!error.empty()) {
    napi_throw_error(env, "MINIUM_SANDBOX", error.c_str());
    return nullptr;
  }
  napi_value result;
  napi_create_int32(env, abi, &result);
  return result;
}

/** The value of a "Key:\tvalue" line of /proc/self/status, or -1. */
long StatusField(const std::string& status, const std::string& key) {
  size_t at = status.find("\n" + key + ":");
  if (at == std::string::npos) return -1;
  return std::strtol(status.c_str() + at + key.size() + 2, nullptr, 10);
}

std::string ReadSmallFile(const std::string& path) {
  std::string out;
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return out;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  close(fd);
  return out;
}

void SetNumber(napi_env env, napi_value obj, const char* key, double value) {
  napi_value v;
  napi_create_double(env, value, &v);
  napi_set_named_property(env, obj, key, v);
}

// sandboxReadBack() → what the kernel says this process runs under, and its threads' names. Read
// natively because Node's permission model (a second layer) forbids JS to read /proc.
napi_value SandboxReadBack(napi_env env, napi_callback_info) {
  std::string status = "\n" + ReadSmallFile("/proc/self/status");
  napi_value result, names;
  napi_create_object(env, &result);
  SetNumber(env, result, "seccomp", static_cast<double>(StatusField(status, "Seccomp")));
  SetNumber(env, result, "seccompFilters", static_cast<double>(StatusField(status, "Seccomp_filters")));
  SetNumber(env, result, "noNewPrivs", static_cast<double>(StatusField(status, "NoNewPrivs")));
  napi_create_array(env, &names);
  DIR* dir = opendir("/proc/self/task");
  uint32_t i = 0;
  for (dirent* e = dir ? readdir(dir) : nullptr; e; e = readdir(dir)) {
    if (e->d_name[0] == '.') continue;
    std::string comm = ReadSmallFile(std::string("/proc/self/task/") + e->d_name + "/comm");
    if (!comm.empty() && comm.back() == '\n') comm.pop_back();
    napi_value name;
    napi_create_string_utf8(env, comm.c_str(), comm.size(), &name);
    napi_set_element(env, names, i++, name);
  }
  if (dir) closedir(dir);
  napi_set_named_property(env, result, "threads", names);
  return result;
}

napi_value SandboxLandlockAbi(napi_env env, napi_callback_info) {
  napi_value result;
  napi_create_int32(env, LandlockAbi(), &result);
  return result;
}

// A test-neutral primitive: an anonymous file (memfd) the caller writes with fs.writeSync.
napi_value MemfdCreate(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  char name[64];
  size_t len = 0;
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  if (argc < 1 || napi_get_value_string_utf8(env, argv[0], name, sizeof name, &len) != napi_ok) {
    napi_throw_type_error(env, "MINIUM_NATIVE", "memfdCreate(name) needs a name");
    return nullptr;
  }
  int fd = memfd_create(name, MFD_CLOEXEC);
  if (fd < 0) {
    napi_throw_error(env, "MINIUM_NATIVE", Reason(std::string("memfd_create(") + name + ") failed").c_str());
    return nullptr;
  }
  napi_value result;
  napi_create_int32(env, fd, &result);
  return result;
}

}  // namespace
#endif

void InitSandbox(napi_env env, napi_value exports) {
#ifdef __linux__
  DefineFunctions(env, exports, {
      {"sandboxApply", SandboxApply},
      {"sandboxReadBack", SandboxReadBack},
      {"sandboxLandlockAbi", SandboxLandlockAbi},
      {"memfdCreate", MemfdCreate},
  });
#else
  (void)env;
  (void)exports;
#endif
}

}  // namespace minium
