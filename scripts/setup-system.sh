#!/usr/bin/env bash
# Installs the system packages the build needs when they are missing: OpenSSL's headers
# (libssl-dev, found through pkg-config) for the COpenSSL module. Runs unattended
# (CI=true, no stdin); needs root or passwordless sudo only when something is missing.
set -euo pipefail

if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists openssl; then
    exit 0
fi
echo "setup-system: installing libssl-dev and pkg-config" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo="sudo -n"
    else
        echo "setup-system: need root (or passwordless sudo) to apt-get install libssl-dev pkg-config" >&2
        exit 1
    fi
fi
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libssl-dev pkg-config </dev/null >/dev/null
pkg-config --exists openssl || { echo "setup-system: openssl still not found by pkg-config" >&2; exit 1; }
