#!/usr/bin/env bash
# Set up the Python side of the MockRouter interop tests.
#
# Creates a virtualenv at $REPO/.build-venv (git-ignored via `.build*/`) and
# installs the pinned third-party RouterOS API clients that
# Tests/Interop/*_check.py drive against MockRouter. Idempotent: a venv that
# already has both libraries at the pinned versions is left untouched.
# Runs unattended (CI=true, no stdin); on a Debian machine without a usable
# `python3 -m venv` it installs python3-venv with apt-get (as root or sudo -n).
set -euo pipefail

LIBROUTEROS_VERSION=4.2.2
ROUTEROS_API_VERSION=0.21.0

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$REPO/.build-venv"
PY="$VENV/bin/python"
# shellcheck source=apt-install.sh
. "$REPO/scripts/apt-install.sh"

have_venv_support() {
    command -v python3 >/dev/null 2>&1 && python3 -c 'import venv, ensurepip' >/dev/null 2>&1
}

ensure_python() {
    have_venv_support && return 0
    echo "setup-interop: python3 with venv support not found; installing python3-venv" >&2
    apt_install setup-interop python3 python3-venv
    have_venv_support || { echo "setup-interop: python3 venv support still unavailable" >&2; exit 1; }
}

libs_ready() {
    "$PY" - "$LIBROUTEROS_VERSION" "$ROUTEROS_API_VERSION" >/dev/null 2>&1 <<'EOF'
import sys
from importlib.metadata import version
import librouteros, routeros_api  # noqa: F401  (must be importable, not just listed)
sys.exit(0 if (version("librouteros"), version("RouterOS-api")) == tuple(sys.argv[1:3]) else 1)
EOF
}

# A venv whose interpreter no longer runs (interrupted creation, removed base
# Python) is rebuilt from scratch.
if [ -e "$VENV" ] && ! "$PY" -c 'import sys' >/dev/null 2>&1; then
    echo "setup-interop: removing broken venv at $VENV" >&2
    rm -rf "$VENV"
fi

if [ ! -x "$PY" ]; then
    ensure_python
    python3 -m venv "$VENV"
fi

if ! libs_ready; then
    PIP_NO_INPUT=1 PIP_DISABLE_PIP_VERSION_CHECK=1 "$PY" -m pip install --quiet \
        "librouteros==$LIBROUTEROS_VERSION" "RouterOS-api==$ROUTEROS_API_VERSION" </dev/null
    libs_ready || { echo "setup-interop: pinned libraries not importable after pip install" >&2; exit 1; }
fi

echo "interop venv ready: interpreter at $PY"
