#!/usr/bin/env bash
# Builds the base image of the platform's service images from Debian packages alone: a minimal Debian with the Java 17
# runtime and an unprivileged user, written as a Docker-archive tar that Jib takes as its base (tar://). Needs no
# container engine and no registry, only Debian's mirror and the Debian packages mmdebstrap, umoci and skopeo.
#
#   deploy/images/build-base-image.sh [output.tar]     (default deploy/images/target/java-runtime.tar)
#
# Skips the build when the output is newer than this script; FORCE=1 builds anyway. Production uses a base image
# pinned by digest instead (docs/operations.md, "Images").
set -euo pipefail
cd "$(dirname "$0")"
out=$(realpath -m "${1:-target/java-runtime.tar}")
suite=${DEBIAN_SUITE:-bookworm}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
tag=board-roadmaps/java-runtime:17
# the image's user; the services' Jib configuration runs as the same numeric id
uid=10001

if [ -z "${FORCE:-}" ] && [ -s "$out" ] && [ "$out" -nt "$0" ]; then
  echo "Base image $out is up to date (FORCE=1 rebuilds it)."
  exit 0
fi
for tool in mmdebstrap umoci skopeo; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install mmdebstrap umoci skopeo" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
arch=$(dpkg --print-architecture)
# file dates inside the image: the time of the last commit that changed this script (reproducible across machines)
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct -- build-base-image.sh 2>/dev/null || date +%s)}
[ -n "$SOURCE_DATE_EPOCH" ] || SOURCE_DATE_EPOCH=$(date +%s)

echo "Building $tag from Debian $suite ($arch) into $out"
# 'essential' has no apt: nothing in the image can install packages at run time. The copyright files stay (licences);
# man1 must exist though empty, or update-alternatives fails to register java.
mmdebstrap --variant=essential --arch="$arch" \
  --include=openjdk-17-jre-headless,ca-certificates,tzdata \
  --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --dpkgopt='path-exclude=/usr/share/info/*' \
  --setup-hook='mkdir -p "$1"/usr/share/man/man1' \
  --customize-hook="echo 'roadmaps:x:$uid:$uid:Board Roadmaps service:/app:/usr/sbin/nologin' >> \"\$1/etc/passwd\"" \
  --customize-hook="echo 'roadmaps:x:$uid:' >> \"\$1/etc/group\"" \
  --customize-hook='rm -rf "$1"/var/cache/* "$1"/var/log/* "$1"/var/lib/dpkg/*-old' \
  "$suite" "$work/rootfs.tar" "$mirror"

java_home=/usr/lib/jvm/java-17-openjdk-$arch
image="$work/oci:java-runtime"
umoci init --layout "$work/oci"
umoci new --image "$image"
umoci raw add-layer --image "$image" --history.created_by="mmdebstrap --variant=essential $suite openjdk-17-jre-headless" "$work/rootfs.tar"
umoci config --image "$image" --os=linux --architecture="$arch" \
  --config.user="$uid:$uid" --config.workingdir=/app \
  --config.env="PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --config.env="JAVA_HOME=$java_home" --config.env=LANG=C.UTF-8 --config.env=TZ=Europe/Amsterdam \
  --config.label="org.opencontainers.image.title=Java 17 runtime (Debian $suite)" \
  --config.label="org.opencontainers.image.description=Debian $suite essential with openjdk-17-jre-headless, user roadmaps ($uid)" \
  --config.label="org.opencontainers.image.base.name=debian:$suite" \
  --history.created_by="umoci config: user $uid, JAVA_HOME"

mkdir -p "$(dirname "$out")"
rm -f "$out.part"
skopeo copy --quiet "oci:$image" "docker-archive:$out.part:$tag"
mv "$out.part" "$out"
echo "Built $out ($(du -h "$out" | cut -f1))"
