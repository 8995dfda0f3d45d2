/* Where the appended filesystem image starts: the end of the ELF file proper.
 * For an executable linked the usual way the section header table is the last thing in the file, so the ELF
 * ends at e_shoff + e_shnum * e_shentsize. We take the maximum over the section header table, every section
 * and every program segment, so an unusual layout is measured right too.
 * SPDX-License-Identifier: MIT
 */
#define _GNU_SOURCE
#include "runtime.h"

#include <elf.h>
#include <endian.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A section or program header count beyond this is not an executable we made. */
enum { MaxHeaders = 4096 };

static bool read_exact(int fd, void *buf, size_t size, off_t at)
{
    return pread(fd, buf, size, at) == (ssize_t)size;
}

static uint64_t max_u64(uint64_t a, uint64_t b)
{
    return a > b ? a : b;
}

/* Reads the section headers of a 64-bit little-endian ELF into a malloc'ed array (caller frees). */
static Elf64_Shdr *read_section_headers(int fd, const Elf64_Ehdr *eh)
{
    if (eh->e_shnum == 0 || eh->e_shnum > MaxHeaders || eh->e_shentsize != sizeof(Elf64_Shdr))
        return NULL;
    Elf64_Shdr *sh = calloc(eh->e_shnum, sizeof *sh);
    if (sh && !read_exact(fd, sh, eh->e_shnum * sizeof *sh, (off_t)eh->e_shoff)) {
        free(sh);
        return NULL;
    }
    return sh;
}

static bool read_header(int fd, Elf64_Ehdr *eh)
{
    if (!read_exact(fd, eh, sizeof *eh, 0) || memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0)
        return false;
    /* This runtime is built for x86_64 (and other 64-bit little-endian targets) only. */
    return eh->e_ident[EI_CLASS] == ELFCLASS64 && eh->e_ident[EI_DATA] == ELFDATA2LSB;
}

off_t appimage_elf_size(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        fprintf(stderr, "appimage: cannot open %s: %s\n", path, strerror(errno));
        return -1;
    }
    Elf64_Ehdr eh;
    if (!read_header(fd, &eh)) {
        fprintf(stderr, "appimage: %s is not a 64-bit little-endian ELF file\n", path);
        close(fd);
        return -1;
    }
    uint64_t end = max_u64(sizeof eh, eh.e_shoff + (uint64_t)eh.e_shnum * eh.e_shentsize);
    end = max_u64(end, eh.e_phoff + (uint64_t)eh.e_phnum * eh.e_phentsize);

    Elf64_Shdr *sh = read_section_headers(fd, &eh);
    for (unsigned i = 0; sh && i < eh.e_shnum; ++i) {
        if (sh[i].sh_type != SHT_NOBITS)
            end = max_u64(end, sh[i].sh_offset + sh[i].sh_size);
    }
    free(sh);

    if (eh.e_phnum > 0 && eh.e_phnum <= MaxHeaders && eh.e_phentsize == sizeof(Elf64_Phdr)) {
        for (unsigned i = 0; i < eh.e_phnum; ++i) {
            Elf64_Phdr ph;
            if (read_exact(fd, &ph, sizeof ph, (off_t)(eh.e_phoff + i * sizeof ph)))
                end = max_u64(end, ph.p_offset + ph.p_filesz);
        }
    }
    close(fd);
    return (off_t)end;
}

ssize_t appimage_read_section(const char *path, const char *name, char *buf, size_t cap)
{
    ssize_t result = -1;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    Elf64_Ehdr eh;
    Elf64_Shdr *sh = read_header(fd, &eh) ? read_section_headers(fd, &eh) : NULL;
    if (!sh || eh.e_shstrndx >= eh.e_shnum) {
        free(sh);
        close(fd);
        return -1;
    }
    const Elf64_Shdr *strtab = &sh[eh.e_shstrndx];
    const size_t namelen = strlen(name);
    char candidate[64];
    for (unsigned i = 0; i < eh.e_shnum && result < 0; ++i) {
        if (sh[i].sh_name >= strtab->sh_size || namelen + 1 > sizeof candidate)
            continue;
        if (!read_exact(fd, candidate, namelen + 1, (off_t)(strtab->sh_offset + sh[i].sh_name))
            || memcmp(candidate, name, namelen + 1) != 0)
            continue;
        const size_t want = sh[i].sh_size < cap - 1 ? sh[i].sh_size : cap - 1;
        if (!read_exact(fd, buf, want, (off_t)sh[i].sh_offset))
            break;
        buf[want] = '\0';
        result = (ssize_t)sh[i].sh_size;
    }
    free(sh);
    close(fd);
    return result;
}
