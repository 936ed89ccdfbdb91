#!/usr/bin/env python3
"""Interop check: the PyPI client RouterOS-api 0.21.0 against a RouterOS v7 API server.

Walks this scenario through the library's public API, printing one line per
step; on the first deviation it prints "FAIL: ..." on stderr and exits 1.

  a. RouterOsApiPool(..., plaintext_login=True).get_api() logs in
     (post-6.43 plain login: /login =name= =password= .tag=1)
  b. get_resource('/ip/firewall/address-list').add(list=interop-routeros-api,
     address=192.0.2.7, comment=first); the new .id (`*` + upper-case hex)
     comes back as done_message['ret'] (=ret= in the !done)
  c. get(list=...) (a `?list=` query): exactly that one row (.id is 'id' here)
  d. set(id=..., comment=second); get again: comment is second
  e. remove(id=...); get again: zero rows (RouterOS 7.18+ answers !empty, !done)
  f. a second pool with a wrong password must raise
     RouterOsApiCommunicationError with "invalid user name or password"

--mode verify:    TLS, server certificate checked against --cafile plus hostname
                  (ssl_context, since ssl_verify=True alone only trusts the
                  system CA store)
--mode anonymous: TLS with anonymous DH, as used against an api-ssl without
                  a certificate (ciphers ADH:@SECLEVEL=0, no hostname check)
--mode plain:     plain TCP (8728 style)
"""
import os
import sys

import routeros_api
from routeros_api.exceptions import RouterOsApiCommunicationError

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from interop_common import ADDRESS, ID_RE, Deviation, begin, expect, main, ssl_context  # noqa: E402

LIST = "interop-routeros-api"


def pool(args, password):
    # A given ssl_context overrides use_ssl/ssl_verify/ssl_verify_hostname; the
    # library wraps with server_hostname=host, so verify mode checks the name.
    return routeros_api.RouterOsApiPool(
        args.host, username=args.user, password=password, port=args.port,
        plaintext_login=True, use_ssl=args.mode != "plain", ssl_context=ssl_context(args),
    )


def run(args):
    conn = pool(args, args.password)
    try:
        api = conn.get_api()
        print(f"a. logged in as {args.user} ({args.mode})")
        res = api.get_resource("/ip/firewall/address-list")

        begin("b")
        reply = res.add(list=LIST, address=ADDRESS, comment="first")
        new_id = reply.done_message.get("ret")
        expect(isinstance(new_id, str) and ID_RE.fullmatch(new_id),
               f"add: done_message {reply.done_message!r}, expected ret='*' + hex")
        print(f"b. added {ADDRESS} to {LIST}: .id={new_id}")

        begin("c")
        found = res.get(list=LIST)
        expect(len(found) == 1, f"print ?list={LIST}: expected 1 row, got {list(found)!r}")
        row = found[0]
        expect(row.get("id") == new_id and row.get("address") == ADDRESS
               and row.get("comment") == "first" and row.get("list") == LIST,
               f"unexpected row {row!r}")
        print(f"c. print: one row id={row['id']} address={row['address']} comment={row['comment']}")

        begin("d")
        res.set(id=new_id, comment="second")
        found = res.get(list=LIST)
        expect(len(found) == 1 and found[0].get("comment") == "second",
               f"after set comment=second, print gave {list(found)!r}")
        print("d. set comment=second: print shows comment=second")

        begin("e")
        res.remove(id=new_id)
        found = res.get(list=LIST)
        expect(len(found) == 0, f"after remove, print gave {list(found)!r}")
        print("e. removed; print returns zero rows (no crash on !empty)")
    finally:
        conn.disconnect()

    begin("f")
    bad = pool(args, "wrong-" + args.password)
    try:
        bad.get_api()
    except RouterOsApiCommunicationError as e:
        message = e.original_message.decode("utf-8", "replace")
        expect("invalid user name or password" in message, f"login trap had message {message!r}")
        print(f"f. wrong password rejected: RouterOsApiCommunicationError({message!r})")
    else:
        raise Deviation("login with a wrong password succeeded")
    finally:
        bad.disconnect()  # a failed get_api() leaves the socket open


if __name__ == "__main__":
    sys.exit(main(__doc__, "RouterOS-api", run))
