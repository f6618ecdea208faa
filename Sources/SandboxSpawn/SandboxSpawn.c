// Starts a sandbox's outer program (bubblewrap) the way posix_spawn starts a program, with what posix_spawn cannot
// do: limits, niceness, a user of its own and namespaces to enter, set in the child before it execs. Each of these
// once cost an exec of its own (nice, prlimit, setpriv, nsenter: ~1 ms apiece).
#define _GNU_SOURCE
#include "SandboxSpawn.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef CLONE_PIDFD
#define CLONE_PIDFD 0x00001000
#endif
#ifndef SYS_close_range
#define SYS_close_range 436
#endif

enum { max_namespaces = 8, child_stack_size = 64 * 1024 };

// The kernel's struct sigaction (glibc's differs in layout and size).
struct kernel_sigaction {
    void (*handler)(int);
    unsigned long flags;
    void (*restorer)(void);
    unsigned long mask;
};

typedef struct {
    const sandbox_spawn_request *request;
    // Written by the child before it gives up; read by the parent once the child has exec'd or ended.
    volatile int error;
    const char *volatile step;
} spawn_context;

static int give_up(spawn_context *context, const char *step) {
    context->error = errno ? errno : EINVAL;
    context->step = step;
    _exit(127);
}

// Runs in the child, on its own stack but in the parent's memory (CLONE_VM | CLONE_VFORK): system calls only, no
// allocation, no lock, and raw set*id calls (glibc's wrappers would ask every thread of the parent to change user).
static int spawn_child(void *argument) {
    spawn_context *context = argument;
    const sandbox_spawn_request *request = context->request;

    // Every signal at its default action: a handler of the parent must never run here, and an ignored SIGPIPE
    // would stay ignored through exec. The kernel's call, not glibc's, which refuses the signals it keeps for
    // itself (32 and 33).
    struct kernel_sigaction default_action;
    memset(&default_action, 0, sizeof default_action);
    default_action.handler = SIG_DFL;
    for (int signal_number = 1; signal_number < _NSIG; signal_number++) {
        if (signal_number != SIGKILL && signal_number != SIGSTOP)
            syscall(SYS_rt_sigaction, signal_number, &default_action, NULL, sizeof(default_action.mask));
    }
    if (setpgid(0, 0) != 0) return give_up(context, "setpgid");
    if (request->niceness != 0) {
        errno = 0;
        int current = getpriority(PRIO_PROCESS, 0);
        if (errno != 0 || setpriority(PRIO_PROCESS, 0, current + request->niceness) != 0)
            return give_up(context, "setpriority");
    }
    if (request->set_limits) {
        const struct {
            int resource;
            unsigned long long value;
        } limits[] = {
            {RLIMIT_NPROC, request->processes},   {RLIMIT_AS, request->memory_bytes}, {RLIMIT_CPU, request->cpu_seconds},
            {RLIMIT_FSIZE, request->file_bytes},  {RLIMIT_CORE, 0},
        };
        for (size_t index = 0; index < sizeof limits / sizeof limits[0]; index++) {
            struct rlimit limit = {limits[index].value, limits[index].value};
            if (setrlimit(limits[index].resource, &limit) != 0) return give_up(context, "setrlimit");
        }
    }
    if (request->change_identity) {
        if (syscall(SYS_setgroups, 0, NULL) != 0) return give_up(context, "setgroups");
        if (syscall(SYS_setresgid, request->gid, request->gid, request->gid) != 0) return give_up(context, "setresgid");
        if (syscall(SYS_setresuid, request->uid, request->uid, request->uid) != 0) return give_up(context, "setresuid");
    }
    if (request->namespace_count > max_namespaces) {
        errno = E2BIG;
        return give_up(context, "namespaces");
    }
    int namespaces[max_namespaces];
    for (int index = 0; index < request->namespace_count; index++) {
        namespaces[index] = open(request->namespaces[index], O_RDONLY | O_CLOEXEC);
        if (namespaces[index] < 0) return give_up(context, "open a namespace");
    }
    for (int index = 0; index < request->namespace_count; index++) {
        if (setns(namespaces[index], 0) != 0) return give_up(context, "setns");
        close(namespaces[index]);
    }
    // The three descriptors first out of the way (one of them may be 0, 1 or 2 already), then in place; the
    // copies dup2 makes are not close-on-exec, everything else is closed.
    int sources[3] = {request->stdin_fd, request->stdout_fd, request->stderr_fd};
    int moved[3];
    for (int index = 0; index < 3; index++) {
        moved[index] = fcntl(sources[index], F_DUPFD, 3);
        if (moved[index] < 0) return give_up(context, "fcntl");
    }
    for (int index = 0; index < 3; index++) {
        if (dup2(moved[index], index) < 0) return give_up(context, "dup2");
    }
    if (syscall(SYS_close_range, 3, ~0U, 0) != 0) {
        struct rlimit files;
        int top = getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < 1048576 ? (int)files.rlim_cur : 1048576;
        for (int descriptor = 3; descriptor < top; descriptor++) close(descriptor);
    }
    sigset_t none;
    sigemptyset(&none);
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &none, NULL, _NSIG / 8);
    execve(request->path, request->argv, request->envp);
    return give_up(context, "execve");
}

int sandbox_spawn(const sandbox_spawn_request *request, pid_t *pid, int *pidfd, const char **failed_step) {
    spawn_context context = {request, 0, NULL};
    void *stack = mmap(NULL, child_stack_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (stack == MAP_FAILED) {
        *failed_step = "mmap";
        return errno;
    }
    // The child's change of user marks the memory it shares with us not dumpable (the kernel does so on every
    // change of credentials): the engine would lose its core dumps and its /proc entries would become root's.
    int dumpable = prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
    // No signal may reach the child while it shares our memory and still has our handlers.
    sigset_t all, saved;
    sigfillset(&all);
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &all, &saved, _NSIG / 8);
    int descriptor = -1;
    char *top = (char *)stack + child_stack_size;
    int child = clone(spawn_child, top, CLONE_VM | CLONE_VFORK | CLONE_PIDFD | SIGCHLD, &context, &descriptor);
    if (child < 0 && errno == EINVAL) {
        // A kernel before 5.2: no pidfd.
        descriptor = -1;
        child = clone(spawn_child, top, CLONE_VM | CLONE_VFORK | SIGCHLD, &context);
    }
    int clone_error = errno;
    if (dumpable >= 0 && prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != dumpable) prctl(PR_SET_DUMPABLE, dumpable, 0, 0, 0);
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &saved, NULL, _NSIG / 8);
    munmap(stack, child_stack_size);
    if (child < 0) {
        *failed_step = "clone";
        return clone_error;
    }
    if (context.error != 0) {
        while (waitpid(child, NULL, 0) < 0 && errno == EINTR) {}
        if (descriptor >= 0) close(descriptor);
        *failed_step = context.step;
        return context.error;
    }
    *pid = child;
    *pidfd = descriptor;
    return 0;
}

int sandbox_pipe(int descriptors[2]) { return pipe2(descriptors, O_CLOEXEC) == 0 ? 0 : errno; }

int sandbox_wait_for_end(pid_t pid) {
    siginfo_t info;
    while (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOWAIT) != 0) {
        if (errno != EINTR) return errno;
    }
    return 0;
}

int sandbox_reap(pid_t pid, int *exit_code) {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return errno;
    }
    *exit_code = WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
    return 0;
}

int sandbox_dumpable(void) { return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0); }
