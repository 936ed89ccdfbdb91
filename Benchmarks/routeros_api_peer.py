#!/usr/bin/env python3
"""Peer measurement for rosplay-bench: RouterOS-api (PyPI `RouterOS-api`) adding address-list
entries pipelined, the fastest way that library offers.

  add --port P --count N [--window W]   /ip/firewall/address-list/add N times on the mock: W commands
                                        sent (call_async, tagged) before their replies are read, then
                                        the next W; prints `count=N seconds=S`

Raw adds only: no read of what the router holds, no plan, no verify. The window matches rosplay's
(1,000 unanswered commands): a client that sends without reading would otherwise stall once the
socket buffers fill, since MockRouter stops reading a session whose replies are not read.
"""
import argparse
import time

import routeros_api

parser = argparse.ArgumentParser()
parser.add_argument("mode", choices=["add"])
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--user", required=True)
parser.add_argument("--password", required=True)
parser.add_argument("--count", type=int, default=1000)
parser.add_argument("--window", type=int, default=1000)
args = parser.parse_args()

pool = routeros_api.RouterOsApiPool("127.0.0.1", username=args.user, password=args.password, port=args.port, plaintext_login=True)
api = pool.get_api()
resource = api.get_binary_resource("/ip/firewall/address-list")
start = time.perf_counter()
for first in range(0, args.count, args.window):
    promises = []
    for i in range(first, min(first + args.window, args.count)):
        address = f"10.{i // 65536 % 256}.{i // 256 % 256}.{i % 256}".encode()
        promises.append(resource.call_async("add", {"list": b"bench", "address": address}))
    for promise in promises:
        promise.get()
elapsed = time.perf_counter() - start
pool.disconnect()
print(f"count={args.count} seconds={elapsed:.6f}")
