#!/usr/bin/env bash
# Clean room: a minimal Debian made with debootstrap (minbase + exactly the excludelist's packages: no Qt, no
# OpenSSL, no FUSE device) runs the AppImage's --selftest with QT_QPA_PLATFORM=offscreen. There is no
# /dev/fuse in the chroot, so the runtime must fall back to extract-and-run by itself, and clean up after.
# The debootstrapped tree is cached in CACHE_DIR (keyed by the package list), so later runs take seconds.
# Debootstrap uses the Debian mirror this machine's apt is configured with (and apt's HTTP proxy). Exit 77
# (skipped, with the reason on stderr) when this machine cannot debootstrap: not root, no debootstrap, no
# private mount namespace (an unprivileged container), or the mirror cannot be reached. A debootstrap that fails for another reason is a failure.
# Usage: test_cleanroom.sh APPIMAGE EXCLUDELIST CACHE_DIR
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/lib.sh"
image=$(readlink -f "${1:?usage: test_cleanroom.sh APPIMAGE EXCLUDELIST CACHE_DIR}")
excludelist=${2:?}
cache=${3:?}
skip() { echo "SKIPPED: $*" >&2; exit 77; }

[ "$(id -u)" = 0 ] || skip "debootstrap and chroot need root"
for tool in debootstrap unshare chroot python3; do
    command -v "$tool" >/dev/null || skip "$tool is not installed (apt-get install debootstrap util-linux coreutils)"
done
# The chroot gets its own /proc in a private mount namespace: an unprivileged container cannot do that.
probe=$(mktemp -d)
if ! unshare --mount --fork sh -c 'mount -t proc proc "$1"' sh "$probe" 2>"$probe.err"; then
    reason=$(cat "$probe.err")
    rm -rf "$probe" "$probe.err"
    skip "cannot mount /proc in a private mount namespace here (${reason:-no reason given}): a container without CAP_SYS_ADMIN?"
fi
rm -rf "$probe" "$probe.err"
# shellcheck disable=SC1091
codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
[ -n "$codename" ] || skip "cannot tell this system's Debian release from /etc/os-release"

# The first configured mirror that serves "<codename> main" (one-line or deb822 sources).
mirror=$(python3 - "$codename" <<'PY'
import glob, re, sys
codename = sys.argv[1]
files = glob.glob("/etc/apt/sources.list") + sorted(glob.glob("/etc/apt/sources.list.d/*"))
for path in files:
    try:
        text = open(path, encoding="utf-8").read()
    except OSError:
        continue
    if path.endswith(".sources"):
        for block in re.split(r"\n\s*\n", text):
            fields = {}
            for line in block.splitlines():
                if line.startswith("#") or ":" not in line:
                    continue
                key, _, value = line.partition(":")
                fields[key.strip().lower()] = value.split()
            if "deb" in fields.get("types", []) and codename in fields.get("suites", []) \
                    and "main" in fields.get("components", []) and fields.get("uris"):
                print(fields["uris"][0]); sys.exit(0)
    elif path.endswith(".list"):
        for line in text.splitlines():
            words = re.sub(r"\[[^]]*\]", "", line.split("#")[0]).split()
            if len(words) >= 4 and words[0] == "deb" and words[2] == codename and "main" in words[3:]:
                print(words[1]); sys.exit(0)
sys.exit(1)
PY
) || skip "no apt source for '$codename main' in /etc/apt/sources.list*"

# debootstrap fetches with wget, which reads http_proxy but not apt's configuration: pass apt's proxy on.
if [ -z "${http_proxy:-}" ] && command -v apt-config >/dev/null; then
    apt_proxy=$(apt-config dump Acquire::http::Proxy 2>/dev/null | sed -n 's/^Acquire::http::Proxy "\(.*\)";$/\1/p')
    [ -z "$apt_proxy" ] || export http_proxy=$apt_proxy
fi

packages=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$excludelist" | awk '{ print $2 }' | sort -u | paste -sd, -)
key=$(echo "$codename $mirror $packages" | sha256sum | cut -c1-16)
root="$cache/rootfs"
if [ "$(cat "$cache/stamp" 2>/dev/null || true)" != "$key" ]; then
    # Can the mirror be reached at all? If not, this machine is offline: skip, saying so.
    release="${mirror%/}/dists/$codename/Release"
    python3 - "$release" <<'PY' || skip "the Debian mirror cannot be reached ($release): no clean room without it"
import sys, urllib.request
try:
    with urllib.request.urlopen(sys.argv[1], timeout=20) as reply:
        sys.exit(0 if reply.status == 200 else 1)
except Exception as error:
    print(f"cannot fetch {sys.argv[1]}: {error}", file=sys.stderr)
    sys.exit(1)
PY
    echo "debootstrap $codename from $mirror with: $packages" >&2
    rm -rf "$cache"
    mkdir -p "$cache"
    if ! debootstrap --variant=minbase --include="$packages" "$codename" "$root" "$mirror" >"$cache/debootstrap.log" 2>&1; then
        tail -n 20 "$cache/debootstrap.log" >&2
        rm -rf "$root"
        # The network went away half-way: still a skip. Anything else (a package missing from the
        # excludelist's names, a broken mirror) is a failure the excludelist's owner must see.
        if grep -qE "Couldn't download|Failed getting release|Temporary failure|Connection (refused|timed out)" \
            "$cache/debootstrap.log"; then
            skip "debootstrap could not download from $mirror (see above)"
        fi
        echo "FAIL: debootstrap failed (log above, full log in $cache/debootstrap.log)" >&2
        exit 1
    fi
    echo "$key" > "$cache/stamp"
else
    echo "reusing the clean room in $root" >&2
fi

# The clean room really is clean: no Qt, no OpenSSL library, no FUSE device.
check "no Qt in the clean room" test -z "$(find "$root/usr" -name 'libQt6*' -print -quit)"
check "no libssl in the clean room" test -z "$(find "$root/usr" -name 'libssl.so*' -print -quit)"
check "no /dev/fuse in the clean room" test ! -e "$root/dev/fuse"

install -m 755 "$image" "$root/opt/Socketeer.AppImage"
rm -rf "${root:?}/tmp/"* "$root/tmp/".[!.]* 2>/dev/null || true
set +e
unshare --mount --fork sh -c 'mount -t proc proc "$1/proc" && exec chroot "$1" /usr/bin/env -i PATH=/usr/bin:/bin \
    HOME=/root LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen /opt/Socketeer.AppImage --selftest' sh "$root" \
    >"$cache/out" 2>"$cache/err"
rc=$?
set -e
cat "$cache/out"
check "--selftest in the clean room exits 0 (got $rc; stderr below)" test "$rc" = 0
[ "$rc" = 0 ] || tail -n 30 "$cache/err" >&2
check "--selftest passed" grep -q '^selftest passed' "$cache/out"
check "TLS works with the bundled OpenSSL" grep -q '^ok.*TLS' "$cache/out"
check "zh_CN loads" grep -q '^ok.*zh_CN' "$cache/out"
check "the runtime fell back to extract-and-run by itself" grep -q 'FUSE is not available' "$cache/err"
check "the extraction was cleaned up" test -z "$(find "$root/tmp" -mindepth 1 -maxdepth 1 -name 'appimage_extracted_*')"
rm -f "$root/opt/Socketeer.AppImage"
summary
