#!/usr/bin/env python3
"""Interop check: the PyPI client librouteros 4.2.2 against a RouterOS v7 API server.

Walks this scenario through the library's public API, printing one line per
step; on the first deviation it prints "FAIL: ..." on stderr and exits 1.

  a. connect() and log in (post-6.43 plain login: /login =name= =password=)
  b. /ip/firewall/address-list add list=interop-librouteros address=192.0.2.7
     comment=first; add() must return the new .id (`*` + upper-case hex)
  c. print where list == interop-librouteros (select(...).where(Key == ...)):
     exactly that one row, only the selected keys
  d. update(.id=..., comment=second); print again: comment is second
  e. remove(.id); print again: zero rows (RouterOS 7.18+ answers !empty, !done)
  f. a second connection with a wrong password must raise TrapError whose
     message contains "invalid user name or password"

--mode verify:    TLS, server certificate checked against --cafile plus hostname
--mode anonymous: TLS with anonymous DH, as used against an api-ssl without
                  a certificate (ciphers ADH:@SECLEVEL=0, no hostname check)
--mode plain:     plain TCP (8728 style)
"""
import os
import sys
from functools import partial

import librouteros
from librouteros.exceptions import TrapError
from librouteros.query import Key

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from interop_common import ADDRESS, ID_RE, Deviation, begin, expect, main, ssl_context  # noqa: E402

LIST = "interop-librouteros"


def ssl_wrapper(args):
    """librouteros takes a callable socket -> socket (docs: ctx.wrap_socket)."""
    ctx = ssl_context(args)
    if ctx is None:
        return None
    if args.mode == "verify":
        # check_hostname needs server_hostname; the docs say to bind it with partial.
        return partial(ctx.wrap_socket, server_hostname=args.host)
    return ctx.wrap_socket


def connect(args, password):
    return librouteros.connect(
        host=args.host, port=args.port, username=args.user, password=password,
        ssl_wrapper=ssl_wrapper(args), timeout=10,
    )


def rows(path):
    id_, list_, address, comment = Key(".id"), Key("list"), Key("address"), Key("comment")
    return list(path.select(id_, list_, address, comment).where(list_ == LIST))


def run(args):
    api = connect(args, args.password)
    print(f"a. logged in as {args.user} ({args.mode})")
    try:
        path = api.path("ip", "firewall", "address-list")

        begin("b")
        new_id = path.add(list=LIST, address=ADDRESS, comment="first")
        expect(isinstance(new_id, str) and ID_RE.fullmatch(new_id),
               f"add returned {new_id!r}, expected '*' + hex (=ret= in !done)")
        print(f"b. added {ADDRESS} to {LIST}: .id={new_id}")

        begin("c")
        found = rows(path)
        expect(len(found) == 1, f"print ?=list={LIST}: expected 1 row, got {found!r}")
        row = found[0]
        expect(set(row) == {".id", "list", "address", "comment"},
               f"row keys {sorted(row)} do not match .proplist=.id,list,address,comment")
        expect(row[".id"] == new_id and row["address"] == ADDRESS and row["comment"] == "first"
               and row["list"] == LIST, f"unexpected row {row!r}")
        print(f"c. print: one row {row!r}")

        begin("d")
        path.update(**{".id": new_id, "comment": "second"})
        found = rows(path)
        expect(len(found) == 1 and found[0]["comment"] == "second",
               f"after set comment=second, print gave {found!r}")
        print("d. set comment=second: print shows comment=second")

        begin("e")
        path.remove(new_id)
        found = rows(path)
        expect(found == [], f"after remove, print gave {found!r}")
        print("e. removed; print returns zero rows (no crash on !empty)")
    finally:
        api.close()

    begin("f")
    try:
        bad = connect(args, "wrong-" + args.password)
    except TrapError as e:
        expect("invalid user name or password" in str(e), f"login trap had message {str(e)!r}")
        print(f"f. wrong password rejected: TrapError({e})")
    else:
        bad.close()
        raise Deviation("login with a wrong password succeeded")


if __name__ == "__main__":
    sys.exit(main(__doc__, "librouteros", run))
