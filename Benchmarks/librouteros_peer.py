#!/usr/bin/env python3
"""Peer measurement for rosplay-bench: librouteros (PyPI) doing the same work over the same mock.

librouteros sends one command and waits for its !done before the next (it does not pipeline),
so this is the rate a typical client reaches on one connection. Prints one line:
`commands=N seconds=S`.
"""
import argparse
import time

import librouteros

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--user", required=True)
parser.add_argument("--password", required=True)
parser.add_argument("--count", type=int, default=2000)
args = parser.parse_args()

api = librouteros.connect(host="127.0.0.1", port=args.port, username=args.user, password=args.password)
path = api.path("system", "identity")
start = time.perf_counter()
for _ in range(args.count):
    rows = list(path)
    assert len(rows) == 1
elapsed = time.perf_counter() - start
api.close()
print(f"commands={args.count} seconds={elapsed:.6f}")
