/* --appimage-extract and the extract half of --appimage-extract-and-run: walks the squashfs image with
 * libsquashfuse's traversal API and recreates it below a destination directory (directories, regular files
 * with their modes, hard links, symbolic links, FIFOs). Entries whose path has a ".." component or would be
 * written through a symbolic link extracted earlier are refused, so a crafted image cannot write outside the
 * destination.
 * SPDX-License-Identifier: MIT
 */
#define _GNU_SOURCE
/* squashfuse's config.h sets _POSIX_C_SOURCE: it goes before every system header. */
#include <squashfuse.h>

#include "runtime.h"

#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { CopyChunk = 128 * 1024 };

/* Regular files with several links: the first path extracted for each inode number. */
struct link_table {
    struct link_entry {
        sqfs_inode_num inode;
        char *path;
    } *entries;
    size_t count, capacity;
};

static const char *link_table_find(const struct link_table *t, sqfs_inode_num inode)
{
    for (size_t i = 0; i < t->count; ++i) {
        if (t->entries[i].inode == inode)
            return t->entries[i].path;
    }
    return NULL;
}

static void link_table_add(struct link_table *t, sqfs_inode_num inode, const char *path)
{
    if (t->count == t->capacity) {
        size_t capacity = t->capacity ? t->capacity * 2 : 16;
        struct link_entry *grown = realloc(t->entries, capacity * sizeof *grown);
        if (!grown)
            return; /* out of memory: the next link becomes a copy, which is still correct */
        t->entries = grown;
        t->capacity = capacity;
    }
    char *copy = strdup(path);
    if (copy)
        t->entries[t->count++] = (struct link_entry){inode, copy};
}

static void link_table_free(struct link_table *t)
{
    for (size_t i = 0; i < t->count; ++i)
        free(t->entries[i].path);
    free(t->entries);
}

/* A relative path without empty, "." or ".." components. */
static bool path_is_clean(const char *rel)
{
    if (rel[0] == '\0' || rel[0] == '/')
        return false;
    for (const char *p = rel; *p;) {
        const char *slash = strchr(p, '/');
        size_t len = slash ? (size_t)(slash - p) : strlen(p);
        if (len == 0 || (len == 1 && p[0] == '.') || (len == 2 && p[0] == '.' && p[1] == '.'))
            return false;
        p += len + (slash ? 1 : 0);
    }
    return true;
}

/* mkdir -p for the parents of dest/rel; refuses to go through a symbolic link. */
static int make_parents(const char *dest, const char *rel)
{
    char path[PATH_MAX];
    size_t destlen = strlen(dest);
    if (snprintf(path, sizeof path, "%s/%s", dest, rel) >= (int)sizeof path)
        return -1;
    for (char *p = path + destlen + 1; (p = strchr(p, '/')) != NULL; ++p) {
        *p = '\0';
        struct stat st;
        if (lstat(path, &st) == 0) {
            if (!S_ISDIR(st.st_mode)) {
                fprintf(stderr, "appimage: refusing to extract through %s (not a directory)\n", path);
                return -1;
            }
        } else if (mkdir(path, 0755) != 0) {
            fprintf(stderr, "appimage: cannot create %s: %s\n", path, strerror(errno));
            return -1;
        }
        *p = '/';
    }
    return 0;
}

static int write_file(sqfs *fs, sqfs_inode *inode, const char *out, mode_t mode)
{
    int fd = open(out, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        fprintf(stderr, "appimage: cannot create %s: %s\n", out, strerror(errno));
        return -1;
    }
    static char buf[CopyChunk];
    int rc = 0;
    for (sqfs_off_t pos = 0; pos < (sqfs_off_t)inode->xtra.reg.file_size && rc == 0;) {
        sqfs_off_t size = CopyChunk;
        if (sqfs_read_range(fs, inode, pos, &size, buf) != SQFS_OK || size <= 0) {
            fprintf(stderr, "appimage: cannot read %s from the image\n", out);
            rc = -1;
            break;
        }
        for (sqfs_off_t done = 0; done < size;) {
            ssize_t n = write(fd, buf + done, (size_t)(size - done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                fprintf(stderr, "appimage: cannot write %s: %s\n", out, strerror(errno));
                rc = -1;
                break;
            }
            done += n;
        }
        pos += size;
    }
    if (rc == 0 && fchmod(fd, mode) != 0)
        rc = -1;
    if (close(fd) != 0)
        rc = -1;
    return rc;
}

static int write_symlink(sqfs *fs, sqfs_inode *inode, const char *out)
{
    size_t size = inode->xtra.symlink_size + 1;
    char *target = malloc(size);
    int rc = -1;
    if (target && sqfs_readlink(fs, inode, target, &size) == SQFS_OK) {
        rc = symlink(target, out);
        if (rc != 0)
            fprintf(stderr, "appimage: cannot create link %s: %s\n", out, strerror(errno));
    }
    free(target);
    return rc;
}

static int extract_entry(sqfs *fs, const sqfs_dir_entry *entry, const char *out, struct link_table *links)
{
    sqfs_inode inode;
    if (sqfs_inode_get(fs, &inode, entry->inode) != SQFS_OK)
        return -1;
    const mode_t mode = inode.base.mode & 07777;
    struct stat st;
    if (lstat(out, &st) == 0 && !(S_ISDIR(st.st_mode) && S_ISDIR(sqfs_mode(inode.base.inode_type)))) {
        if (remove(out) != 0) {
            fprintf(stderr, "appimage: cannot replace %s: %s\n", out, strerror(errno));
            return -1;
        }
    }
    switch (inode.base.inode_type) {
    case SQUASHFS_DIR_TYPE:
    case SQUASHFS_LDIR_TYPE:
        if (mkdir(out, mode | S_IRWXU) != 0 && errno != EEXIST)
            return -1;
        return 0;
    case SQUASHFS_REG_TYPE:
    case SQUASHFS_LREG_TYPE: {
        const char *first = inode.nlink > 1 ? link_table_find(links, entry->inode_number) : NULL;
        if (first)
            return link(first, out);
        if (write_file(fs, &inode, out, mode) != 0)
            return -1;
        if (inode.nlink > 1)
            link_table_add(links, entry->inode_number, out);
        return 0;
    }
    case SQUASHFS_SYMLINK_TYPE:
    case SQUASHFS_LSYMLINK_TYPE:
        return write_symlink(fs, &inode, out);
    case SQUASHFS_FIFO_TYPE:
    case SQUASHFS_LFIFO_TYPE:
        return mkfifo(out, mode);
    default: /* devices and sockets have no place in an AppDir */
        fprintf(stderr, "appimage: skipping special file %s\n", out);
        return 0;
    }
}

bool appimage_image_unusable(const char *image, off_t offset)
{
    sqfs fs;
    if (sqfs_open_image(&fs, image, (size_t)offset) != SQFS_OK)
        return true;
    bool unusable = false;
    struct stat st;
    if (sqfs_compression(&fs) == LZO_COMPRESSION) {
        fprintf(stderr, "appimage: this image is LZO-compressed; this runtime reads zstd, xz, lzma, lz4 and gzip "
                        "images only\n");
        unusable = true;
    } else if (fstat(fs.fd, &st) != 0 || (uint64_t)offset + fs.sb.bytes_used > (uint64_t)st.st_size) {
        fprintf(stderr, "appimage: %s is truncated: the image needs %llu bytes after offset %lld\n", image,
                (unsigned long long)fs.sb.bytes_used, (long long)offset);
        unusable = true;
    }
    sqfs_destroy(&fs);
    return unusable;
}

int appimage_extract(const char *image, off_t offset, const char *dest, const char *pattern, bool verbose)
{
    if (appimage_image_unusable(image, offset))
        return 1;
    sqfs fs;
    if (sqfs_open_image(&fs, image, (size_t)offset) != SQFS_OK)
        return 1;
    if (mkdir(dest, 0755) != 0 && errno != EEXIST) {
        fprintf(stderr, "appimage: cannot create %s: %s\n", dest, strerror(errno));
        sqfs_destroy(&fs);
        return 1;
    }
    sqfs_traverse trv;
    sqfs_err err = sqfs_traverse_open(&trv, &fs, sqfs_inode_root(&fs));
    struct link_table links = {0};
    int failures = 0;
    while (err == SQFS_OK && sqfs_traverse_next(&trv, &err)) {
        if (trv.dir_end)
            continue;
        if (pattern && fnmatch(pattern, trv.path, FNM_FILE_NAME | FNM_LEADING_DIR) != 0)
            continue;
        char out[PATH_MAX];
        if (!path_is_clean(trv.path) || snprintf(out, sizeof out, "%s/%s", dest, trv.path) >= (int)sizeof out) {
            fprintf(stderr, "appimage: refusing unsafe path in image: %s\n", trv.path);
            ++failures;
            continue;
        }
        if (make_parents(dest, trv.path) != 0 || extract_entry(&fs, &trv.entry, out, &links) != 0) {
            ++failures;
            continue;
        }
        if (verbose)
            printf("%s\n", out);
    }
    if (err != SQFS_OK) {
        fprintf(stderr, "appimage: the image is damaged (traversal failed)\n");
        ++failures;
    }
    sqfs_traverse_close(&trv);
    link_table_free(&links);
    sqfs_destroy(&fs);
    return failures == 0 ? 0 : 1;
}

static int remove_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    (void)type;
    (void)ftw;
    if (remove(path) != 0 && errno != ENOENT)
        fprintf(stderr, "appimage: cannot remove %s: %s\n", path, strerror(errno));
    return 0;
}

int appimage_remove_tree(const char *path)
{
    return nftw(path, remove_one, 32, FTW_DEPTH | FTW_PHYS);
}
