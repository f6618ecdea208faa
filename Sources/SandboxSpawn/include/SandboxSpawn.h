#ifndef SANDBOX_SPAWN_H
#define SANDBOX_SPAWN_H

#include <sys/types.h>

/// What `sandbox_spawn` starts and how.
typedef struct {
    /// The program (an absolute path: no search).
    const char *path;
    /// Its arguments and environment, each ending with NULL.
    char *const *argv;
    char *const *envp;
    /// Become standard input, output and error (any descriptors; every other descriptor is closed in the child).
    int stdin_fd;
    int stdout_fd;
    int stderr_fd;
    /// The scheduling niceness (added to the parent's).
    int niceness;
    /// When `set_limits` is nonzero, these limits (soft and hard alike) and no core files, set while still
    /// privileged: CPU seconds, address space, processes of the user, size of a written file.
    int set_limits;
    unsigned long long cpu_seconds;
    unsigned long long memory_bytes;
    unsigned long long processes;
    unsigned long long file_bytes;
    /// When `change_identity` is nonzero: no supplementary groups, then real, effective and saved group and user
    /// ids `gid` and `uid` (every capability goes with root).
    int change_identity;
    uid_t uid;
    gid_t gid;
    /// Namespace files (`/proc/PID/ns/user`, `/proc/PID/ns/net`) entered in this order, after the identity change.
    const char *const *namespaces;
    int namespace_count;
} sandbox_spawn_request;

/// Starts `request->path` in a process of its own process group, with every signal at its default action and none
/// blocked, no descriptor but the three standard ones, its niceness, limits, identity and namespaces set, without
/// any other program in between. The child shares the parent's memory until it execs (like `posix_spawn`), and
/// does nothing in between but system calls.
///
/// Returns 0 and sets `*pid` (and `*pidfd`, a descriptor of the process that can be polled for its end and
/// signalled without the risk of a reused pid, or -1 where the kernel has none); otherwise the `errno` of the
/// step that failed, named in `*failed_step` (a static string).
int sandbox_spawn(const sandbox_spawn_request *request, pid_t *pid, int *pidfd, const char **failed_step);

/// Makes a pipe whose two ends are close-on-exec (so no child started elsewhere meanwhile inherits them);
/// returns 0 or an `errno`.
int sandbox_pipe(int descriptors[2]);

/// Blocks until process `pid` (a child) has ended, without reaping it (so its pid cannot be reused meanwhile);
/// returns 0 or an `errno`.
int sandbox_wait_for_end(pid_t pid);

/// Reaps child `pid` (blocking until it ends) and sets `*exit_code`: its exit status, or 128 + the signal that
/// killed it; returns 0 or an `errno`.
int sandbox_reap(pid_t pid, int *exit_code);

/// This process's dumpable flag (`PR_GET_DUMPABLE`), which `sandbox_spawn` keeps as it was.
int sandbox_dumpable(void);

#endif
