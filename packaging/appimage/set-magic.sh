#!/bin/sh
# Writes the AppImage type-2 magic "AI\002" at offset 8 of the given ELF file (e_ident[EI_ABIVERSION] and
# the padding after it, which the kernel does not read).
set -eu
printf 'AI\002' | dd of="$1" bs=1 seek=8 count=3 conv=notrunc status=none
