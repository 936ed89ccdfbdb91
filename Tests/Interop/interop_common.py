"""Shared part of the Tests/Interop/*_check.py client interop scripts.

The scenario constants, step tracking (begin/expect, Deviation), the TLS context
for --mode verify/anonymous/plain and main(), which parses the common command
line, runs a script's run(args) and turns any failure into "FAIL: ..." on
stderr and exit status 1 (bad arguments exit 2, via argparse).
"""
import argparse
import re
import ssl
import sys
from importlib.metadata import version

ADDRESS = "192.0.2.7"
ID_RE = re.compile(r"\*[0-9A-F]+")
STEP = "a"  # scenario step in progress, named in failure messages


class Deviation(Exception):
    pass


def begin(step):
    global STEP
    STEP = step


def expect(ok, message):
    if not ok:
        raise Deviation(message)


def ssl_context(args):
    """None for --mode plain, else the SSLContext for --mode verify or anonymous."""
    if args.mode == "plain":
        return None
    if args.mode == "verify":
        return ssl.create_default_context(cafile=args.cafile)  # CERT_REQUIRED, check_hostname
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.set_ciphers("ADH:@SECLEVEL=0")
    return ctx


def main(doc, dist, run):
    """Parses the command line (described by doc's first line), calls run(args) and
    reports the result for the PyPI distribution dist; returns the exit status."""
    p = argparse.ArgumentParser(description=doc.splitlines()[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--user", default="admin")
    p.add_argument("--password", default="")
    p.add_argument("--mode", choices=["verify", "anonymous", "plain"], default="plain")
    p.add_argument("--cafile", help="CA certificate (PEM) for --mode verify")
    args = p.parse_args()
    if args.mode == "verify" and not args.cafile:
        p.error("--mode verify needs --cafile")
    try:
        run(args)
    except Deviation as e:
        print(f"FAIL: {dist}: step {STEP}: {e}", file=sys.stderr)
        return 1
    except Exception as e:  # any library, socket or TLS error is a deviation too
        print(f"FAIL: {dist}: step {STEP}: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    print(f"{dist} {version(dist)} interop: all steps passed")
    return 0
