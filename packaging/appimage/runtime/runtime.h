/* Socketeer's AppImage type-2 runtime: shared declarations.
 *
 * An AppImage is this runtime (a static ELF executable) with a squashfs image appended at the end of the
 * ELF. The runtime finds the image at the ELF's end (section header table = last thing in the file), mounts
 * it with squashfuse over FUSE (or extracts it when FUSE is unavailable) and executes its AppRun.
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#ifndef APPIMAGE_RUNTIME_VERSION
#define APPIMAGE_RUNTIME_VERSION "unknown"
#endif

/* Size of the ELF part of `path` (where the appended filesystem image starts), or -1 with a message on stderr. */
off_t appimage_elf_size(const char *path);

/* Copies ELF section `name` of `path` into buf (at most cap bytes, NUL-terminated).
 * Returns the section's size, or -1 when the file has no such section. */
ssize_t appimage_read_section(const char *path, const char *name, char *buf, size_t cap);

/* Extracts the image of `image` (squashfs at `offset`) into `dest`. With a pattern (fnmatch(3) on the path
 * relative to the root, e.g. "usr/share/icons" or "*.desktop"), only matching entries (and their parent directories).
 * Prints each extracted path to stdout when verbose. Returns 0 on success, 1 on error (message on stderr). */
int appimage_extract(const char *image, off_t offset, const char *dest, const char *pattern, bool verbose);

/* Mounts the image at a fresh mount point below $TMPDIR with FUSE. On success returns 0, stores the mount
 * point in mountpoint and the write end of the keep-alive pipe in *keepalive_fd: the mount lives until every
 * copy of that descriptor is closed (the app and everything it started has exited). On failure (no FUSE,
 * no fusermount3, no permission) returns -1 after printing why, and leaves nothing behind. */
int appimage_mount(const char *image, off_t offset, char *mountpoint, size_t cap, int *keepalive_fd);

/* True (with the reason on stderr) when the squashfs at offset cannot be used: not squashfs, truncated, or
 * LZO-compressed (the LZO decompressor is GPL-2 and left out). */
bool appimage_image_unusable(const char *image, off_t offset);

/* rm -rf path (no symlinks followed). Returns 0 on success. */
int appimage_remove_tree(const char *path);
