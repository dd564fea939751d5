#!/usr/bin/env bash
# The image's final stage (Dockerfile): installs the zapros .deb into debian:12-slim, its runtime
# libraries through the package's Depends, and leaves no apt lists, caches or the .deb behind.
# packaging/test-image-tree.sh runs this same script in a chroot, so the two cannot drift.
#   image-install.sh /tmp/zapros_VERSION_amd64.deb
set -euo pipefail
deb=$1
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "$deb"
apt-get clean
rm -rf /var/lib/apt/lists/* "$deb" "$0"
zapros --version
