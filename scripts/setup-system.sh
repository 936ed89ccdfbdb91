#!/usr/bin/env bash
# Installs the system packages the build needs when they are missing: OpenSSL's headers
# (libssl-dev, found through pkg-config) for the COpenSSL module. Runs unattended
# (CI=true, no stdin); needs root or passwordless sudo only when something is missing.
set -euo pipefail

if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists openssl; then
    exit 0
fi
echo "setup-system: installing libssl-dev and pkg-config" >&2
. "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
apt_install setup-system libssl-dev pkg-config
pkg-config --exists openssl || { echo "setup-system: openssl still not found by pkg-config" >&2; exit 1; }
