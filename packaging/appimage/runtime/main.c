/* Socketeer's AppImage type-2 runtime (see runtime.h and docs/packaging.md).
 *
 * Usage: the AppImage itself. Without --appimage-* options it mounts its image with FUSE and executes AppRun
 * with APPIMAGE (this file), APPDIR (the mount point), ARGV0 (argv[0] as called) and OWD (the directory it
 * was started from) set. When FUSE cannot be used (no /dev/fuse, no fusermount3, a container) it falls back
 * to extracting into a temporary directory, runs AppRun from there and removes the directory afterwards.
 * SPDX-License-Identifier: MIT
 */
#define _GNU_SOURCE
#include "runtime.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* Spec sections: update information and signature, zero-filled until a tool writes them. `retain` keeps
 * them through --gc-sections although no code refers to them. */
__attribute__((section(".upd_info"), used, retain, aligned(1))) static const char update_information[1024] = {0};
__attribute__((section(".sha256_sig"), used, retain, aligned(1))) static const char signature[1024] = {0};

enum { SectionCapacity = 1024 + 1 };

struct context {
    char image[PATH_MAX];  /* absolute path of the AppImage */
    off_t offset;          /* where the squashfs image starts */
    char owd[PATH_MAX];    /* original working directory */
    const char *argv0;
};

static void print_help(const char *argv0)
{
    printf("AppImage options (Socketeer's AppImage runtime %s):\n\n"
           "  --appimage-extract [PATTERN]  Extract the content into ./squashfs-root (only paths matching the\n"
           "                                fnmatch(3) PATTERN and what is below them, when given)\n"
           "  --appimage-extract-and-run    Extract into a temporary directory, run the app, remove the directory\n"
           "                                (same as APPIMAGE_EXTRACT_AND_RUN=1; NO_CLEANUP=1 keeps it)\n"
           "  --appimage-help               Print this help\n"
           "  --appimage-mount              Mount the image, print the mount point, wait for Ctrl-C\n"
           "  --appimage-offset             Print the byte offset of the filesystem image in this file\n"
           "  --appimage-signature          Print the digital signature embedded in this AppImage\n"
           "  --appimage-updateinformation  Print the update information embedded in this AppImage\n"
           "  --appimage-version            Print the runtime's version\n\n"
           "Without FUSE (no /dev/fuse or fusermount3) the runtime extracts and runs by itself.\n"
           "The runtime's source is in Socketeer's repository under packaging/appimage/runtime (MIT);\n"
           "it links squashfuse (BSD-2-Clause) and libfuse3 (LGPL-2.1) statically.\n"
           "Usage: %s [--appimage-OPTION | app arguments...]\n",
           APPIMAGE_RUNTIME_VERSION, argv0);
}

static int print_section(const struct context *ctx, const char *name)
{
    char buf[SectionCapacity];
    if (appimage_read_section(ctx->image, name, buf, sizeof buf) < 0) {
        fprintf(stderr, "appimage: %s has no %s section\n", ctx->image, name);
        return 1;
    }
    printf("%s\n", buf);
    return 0;
}

static void export_environment(const struct context *ctx, const char *appdir)
{
    setenv("APPIMAGE", ctx->image, 1);
    setenv("APPDIR", appdir, 1);
    setenv("ARGV0", ctx->argv0, 1);
    setenv("OWD", ctx->owd, 1);
}

/* argv for AppRun: its own path, then the user's arguments (args[0..count)). */
static char **apprun_argv(const char *apprun, char **args, int count)
{
    char **argv = calloc((size_t)count + 2, sizeof *argv);
    if (!argv)
        return NULL;
    argv[0] = (char *)apprun;
    for (int i = 0; i < count; ++i)
        argv[i + 1] = args[i];
    return argv;
}

static int exec_apprun(const struct context *ctx, const char *appdir, char **args, int count)
{
    char apprun[PATH_MAX];
    snprintf(apprun, sizeof apprun, "%s/AppRun", appdir);
    export_environment(ctx, appdir);
    char **argv = apprun_argv(apprun, args, count);
    if (argv)
        execv(apprun, argv);
    fprintf(stderr, "appimage: cannot execute %s: %s\n", apprun, strerror(errno));
    return 127;
}

static pid_t g_child = -1;

static void forward_signal(int sig)
{
    if (g_child > 0)
        kill(g_child, sig);
}

static int extract_and_run(const struct context *ctx, char **args, int count)
{
    const char *tmp = getenv("TMPDIR");
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s/appimage_extracted_XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        fprintf(stderr, "appimage: cannot create a temporary directory: %s\n", strerror(errno));
        return 1;
    }
    if (appimage_extract(ctx->image, ctx->offset, dir, NULL, false) != 0) {
        appimage_remove_tree(dir);
        return 1;
    }
    fflush(NULL);
    g_child = fork();
    if (g_child == 0)
        _exit(exec_apprun(ctx, dir, args, count));
    struct sigaction sa = {.sa_handler = forward_signal};
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    int status = 0;
    while (g_child > 0 && waitpid(g_child, &status, 0) < 0 && errno == EINTR) {
    }
    const char *keep = getenv("NO_CLEANUP");
    if (keep && strcmp(keep, "1") == 0)
        fprintf(stderr, "appimage: NO_CLEANUP=1: leaving %s\n", dir);
    else
        appimage_remove_tree(dir);
    if (g_child < 0)
        return 1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static int mount_and_wait(const struct context *ctx)
{
    char mountpoint[PATH_MAX];
    int keepalive = -1;
    if (appimage_image_unusable(ctx->image, ctx->offset))
        return 1;
    if (appimage_mount(ctx->image, ctx->offset, mountpoint, sizeof mountpoint, &keepalive) != 0) {
        fprintf(stderr, "appimage: cannot mount the image (is FUSE available? try --appimage-extract)\n");
        return 1;
    }
    printf("%s\n", mountpoint);
    fflush(stdout);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigprocmask(SIG_BLOCK, &set, NULL);
    int sig = 0;
    sigwait(&set, &sig);
    close(keepalive); /* the server unmounts once nobody holds the pipe */
    return 0;
}

static int run(const struct context *ctx, char **args, int count)
{
    if (appimage_image_unusable(ctx->image, ctx->offset))
        return 1;
    const char *env = getenv("APPIMAGE_EXTRACT_AND_RUN");
    if (env && strcmp(env, "1") == 0)
        return extract_and_run(ctx, args, count);
    char mountpoint[PATH_MAX];
    int keepalive = -1;
    if (appimage_mount(ctx->image, ctx->offset, mountpoint, sizeof mountpoint, &keepalive) == 0)
        return exec_apprun(ctx, mountpoint, args, count);
    fprintf(stderr, "appimage: FUSE is not available here; extracting to a temporary directory instead "
                    "(APPIMAGE_EXTRACT_AND_RUN=1 skips the attempt)\n");
    return extract_and_run(ctx, args, count);
}

static bool locate_image(struct context *ctx)
{
    const char *target = getenv("TARGET_APPIMAGE");
    const char *self = target && *target ? target : "/proc/self/exe";
    if (!realpath(self, ctx->image)) {
        fprintf(stderr, "appimage: cannot find %s: %s\n", self, strerror(errno));
        return false;
    }
    ctx->offset = appimage_elf_size(ctx->image);
    return ctx->offset > 0;
}

int main(int argc, char **argv)
{
    struct context ctx = {.argv0 = argv[0]};
    if (!getcwd(ctx.owd, sizeof ctx.owd))
        ctx.owd[0] = '\0';
    if (!locate_image(&ctx))
        return 1;
    const char *option = argc > 1 && strncmp(argv[1], "--appimage-", 11) == 0 ? argv[1] : NULL;
    if (!option)
        return run(&ctx, argv + 1, argc - 1);
    if (strcmp(option, "--appimage-help") == 0) {
        print_help(argv[0]);
        return 0;
    }
    if (strcmp(option, "--appimage-version") == 0) {
        printf("Socketeer AppImage runtime %s (type 2)\n", APPIMAGE_RUNTIME_VERSION);
        return 0;
    }
    if (strcmp(option, "--appimage-offset") == 0) {
        printf("%lld\n", (long long)ctx.offset);
        return 0;
    }
    if (strcmp(option, "--appimage-extract") == 0)
        return appimage_extract(ctx.image, ctx.offset, "squashfs-root", argc > 2 ? argv[2] : NULL, true);
    if (strcmp(option, "--appimage-extract-and-run") == 0)
        return extract_and_run(&ctx, argv + 2, argc - 2);
    if (strcmp(option, "--appimage-mount") == 0)
        return mount_and_wait(&ctx);
    if (strcmp(option, "--appimage-updateinformation") == 0 || strcmp(option, "--appimage-updateinfo") == 0)
        return print_section(&ctx, ".upd_info");
    if (strcmp(option, "--appimage-signature") == 0)
        return print_section(&ctx, ".sha256_sig");
    fprintf(stderr, "appimage: unknown option %s (see --appimage-help)\n", option);
    return 2;
}
