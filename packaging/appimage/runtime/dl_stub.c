/* libfuse3 can load filesystem modules with dlopen ("-o modules=..."); the runtime never asks for one. A static
 * executable cannot load shared objects safely anyway, and glibc says so with a link-time warning on every
 * reference to dlopen. The link wraps dlopen (-Wl,--wrap=dlopen): libfuse's one reference lands here, nothing is
 * ever loaded, and the build stays warning-free.
 * SPDX-License-Identifier: MIT
 */
#include <stddef.h>

void *__wrap_dlopen(const char *file, int mode);

void *__wrap_dlopen(const char *file, int mode)
{
    (void)file;
    (void)mode;
    return NULL;
}
