/* Mounting the image with FUSE: a child process becomes the squashfuse server (libsquashfuse's low-level
 * operations, libfuse3's session, both linked statically), the parent goes on to execute AppRun.
 * The child serves until the keep-alive pipe reports end-of-file, which happens when the last process holding
 * its write end (AppRun, the app, anything they started) has exited; then it unmounts and removes the mount
 * point. It ignores SIGINT/SIGHUP/SIGQUIT so a Ctrl-C in the terminal stops the app, not the file system
 * under it; SIGTERM makes it unmount (lazily) and leave.
 * SPDX-License-Identifier: MIT
 */
#define _GNU_SOURCE
/* squashfuse's config.h sets _POSIX_C_SOURCE: it goes before every system header. */
#include <squashfuse.h>

#include "runtime.h"
#include <ll.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t g_terminate = 0;

static void on_terminate(int sig)
{
    (void)sig;
    g_terminate = 1;
}

static void init_ops(struct fuse_lowlevel_ops *ops)
{
    memset(ops, 0, sizeof *ops);
    ops->getattr = sqfs_ll_op_getattr;
    ops->opendir = sqfs_ll_op_opendir;
    ops->releasedir = sqfs_ll_op_releasedir;
    ops->readdir = sqfs_ll_op_readdir;
    ops->lookup = sqfs_ll_op_lookup;
    ops->open = sqfs_ll_op_open;
    ops->create = sqfs_ll_op_create;
    ops->release = sqfs_ll_op_release;
    ops->read = sqfs_ll_op_read;
    ops->readlink = sqfs_ll_op_readlink;
    ops->listxattr = sqfs_ll_op_listxattr;
    ops->getxattr = sqfs_ll_op_getxattr;
    ops->forget = sqfs_ll_op_forget;
    ops->statfs = stfs_ll_op_statfs;
}

static void serve(struct fuse_session *se, int keepalive)
{
    struct pollfd fds[2] = {{.fd = fuse_session_fd(se), .events = POLLIN}, {.fd = keepalive, .events = POLLIN}};
    struct fuse_buf buf = {0};
    while (!g_terminate && !fuse_session_exited(se)) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (fds[1].revents != 0) /* end-of-file: the app and everything it started are gone */
            break;
        if (fds[0].revents & (POLLERR | POLLHUP | POLLNVAL)) /* unmounted from outside */
            break;
        int res = fuse_session_receive_buf(se, &buf);
        if (res == -EINTR || res == -EAGAIN)
            continue;
        if (res <= 0)
            break;
        fuse_session_process_buf(se, &buf);
    }
    free(buf.mem);
}

static void quiet_signals(void)
{
    signal(SIGINT, SIG_IGN);
    signal(SIGHUP, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    signal(SIGPIPE, SIG_IGN);
    struct sigaction sa = {.sa_handler = on_terminate};
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
}

static void detach_stdio(void)
{
    int null = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (null < 0)
        return;
    dup2(null, STDIN_FILENO);
    dup2(null, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    close(null);
}

/* The FUSE server: reports 'M' (mounted) or nothing on `status`, then serves until keep-alive EOF. */
static int run_server(const char *image, off_t offset, const char *mountpoint, int status, int keepalive)
{
    quiet_signals();
    sqfs_ll *ll = sqfs_ll_open(image, (size_t)offset);
    if (!ll)
        return 1;
    char *argv[] = {"appimage-runtime", "-o", "ro,nodev,nosuid,subtype=appimage", NULL};
    struct fuse_args args = FUSE_ARGS_INIT(3, argv);
    struct fuse_lowlevel_ops ops;
    init_ops(&ops);
    sqfs_ll_chan ch;
    if (sqfs_ll_mount(&ch, mountpoint, &args, &ops, sizeof ops, ll) != SQFS_OK) {
        sqfs_ll_destroy(ll);
        free(ll);
        return 1;
    }
    if (write(status, "M", 1) != 1)
        g_terminate = 1;
    close(status);
    detach_stdio();
    serve(ch.session, keepalive);
    sqfs_ll_unmount(&ch, mountpoint);
    sqfs_ll_destroy(ll);
    free(ll);
    rmdir(mountpoint);
    return 0;
}

static bool make_mountpoint(const char *image, char *mountpoint, size_t cap)
{
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp)
        tmp = "/tmp";
    char copy[4096];
    snprintf(copy, sizeof copy, "%s", image);
    const char *base = basename(copy);
    if (snprintf(mountpoint, cap, "%s/.mount_%.6sXXXXXX", tmp, base) >= (int)cap)
        return false;
    return mkdtemp(mountpoint) != NULL;
}

int appimage_mount(const char *image, off_t offset, char *mountpoint, size_t cap, int *keepalive_fd)
{
    if (!make_mountpoint(image, mountpoint, cap)) {
        fprintf(stderr, "appimage: cannot create a mount point: %s\n", strerror(errno));
        return -1;
    }
    int keepalive[2], status[2];
    if (pipe2(keepalive, O_CLOEXEC) != 0 || pipe2(status, O_CLOEXEC) != 0) {
        rmdir(mountpoint);
        return -1;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        close(keepalive[1]);
        close(status[0]);
        _exit(run_server(image, offset, mountpoint, status[1], keepalive[0]));
    }
    close(keepalive[0]);
    close(status[1]);
    char reply = 0;
    ssize_t n = pid > 0 ? read(status[0], &reply, 1) : -1;
    close(status[0]);
    if (n != 1 || reply != 'M') {
        if (pid > 0)
            waitpid(pid, NULL, 0);
        close(keepalive[1]);
        rmdir(mountpoint);
        return -1;
    }
    /* The write end must survive exec so that AppRun and the app hold the mount alive. */
    fcntl(keepalive[1], F_SETFD, 0);
    *keepalive_fd = keepalive[1];
    return 0;
}
