# Sourced by the setup scripts: apt_install WHO PACKAGE... installs Debian packages unattended
# (CI=true, no stdin), as root or with passwordless sudo; WHO names the caller in messages.
apt_install() {
    local who="$1"; shift
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo="sudo -n"
        else
            echo "$who: need root (or passwordless sudo) to apt-get install $*" >&2
            exit 1
        fi
    fi
    command -v apt-get >/dev/null 2>&1 || { echo "$who: no apt-get; install $* by hand" >&2; exit 1; }
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" </dev/null >/dev/null
}
