/* Debian's libsquashfuse.a is built with LZO support and so references lzo1x_decompress_safe. liblzo2 is
 * GPL-2.0; linking it statically would put the whole runtime (and so every AppImage carrying it) under the
 * GPL. This stand-in takes LZO's place: it refuses every block, and the runtime checks the image's
 * compression up front and says plainly that LZO images are not supported. Socketeer's images use zstd.
 * SPDX-License-Identifier: MIT
 */
#include <stddef.h>

/* LZO_E_ERROR from <lzo/lzoconf.h>. */
enum { LzoErrorUnsupported = -1 };

int lzo1x_decompress_safe(const unsigned char *src, size_t src_len, unsigned char *dst, size_t *dst_len, void *wrkmem);

int lzo1x_decompress_safe(const unsigned char *src, size_t src_len, unsigned char *dst, size_t *dst_len, void *wrkmem)
{
    (void)src;
    (void)src_len;
    (void)dst;
    (void)wrkmem;
    if (dst_len)
        *dst_len = 0;
    return LzoErrorUnsupported;
}
