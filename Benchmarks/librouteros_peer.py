#!/usr/bin/env python3
"""Peer measurements for rosplay-bench: librouteros (PyPI) doing the same work as rosplay.

Modes (each prints one line, `count=N seconds=S`):
  identity --port P --count N   /system/identity/print N times, one at a time, on the mock
  add      --port P --count N   /ip/firewall/address-list/add N times, one at a time, on the mock
  print    --port P --count N   one /ip/firewall/address-list/print, checking it returns N rows
  decode   --file F --rounds R  parse the reply bytes in F (a print) R times into reply dicts
  encode   --file F --rounds R  encode the sentences of F R times

librouteros sends one command and waits for its !done before the next (it does not pipeline),
so the network modes give the rate a typical client reaches on one connection. decode and
encode use librouteros's own framing (ApiProtocol over an in-memory transport) and word parsing.
"""
import argparse
import time

import librouteros
from librouteros.api import Api
from librouteros.protocol import ApiProtocol, encode_sentence

parser = argparse.ArgumentParser()
parser.add_argument("mode", choices=["identity", "add", "print", "decode", "encode"])
parser.add_argument("--port", type=int)
parser.add_argument("--file")
parser.add_argument("--user", required=True)
parser.add_argument("--password", required=True)
parser.add_argument("--count", type=int, default=2000)
parser.add_argument("--rounds", type=int, default=1)
args = parser.parse_args()


class BytesTransport:
    """The part of SocketTransport that ApiProtocol uses, over bytes in memory."""

    def __init__(self, data: bytes) -> None:
        self.data = memoryview(data)
        self.offset = 0

    def read(self, length: int) -> bytes:
        chunk = self.data[self.offset : self.offset + length].tobytes()
        self.offset += length
        return chunk

    def close(self) -> None:
        pass


def sentences_in(data: bytes) -> list:
    protocol = ApiProtocol(BytesTransport(data), "utf-8")
    sentences = []
    while protocol.transport.offset < len(data):
        reply, words = protocol.readSentence()
        sentences.append((reply, *words))
    return sentences


if args.mode in ("identity", "add", "print"):
    api = librouteros.connect(host="127.0.0.1", port=args.port, username=args.user, password=args.password)
    start = time.perf_counter()
    if args.mode == "identity":
        path = api.path("system", "identity")
        for _ in range(args.count):
            rows = list(path)
            assert len(rows) == 1
    elif args.mode == "print":
        rows = list(api.path("ip", "firewall", "address-list"))
        assert len(rows) >= args.count, f"{len(rows)} rows, expected {args.count}"
    else:
        path = api.path("ip", "firewall", "address-list")
        for i in range(args.count):
            path.add(list="bench", address=f"10.{i // 65536 % 256}.{i // 256 % 256}.{i % 256}")
    elapsed = time.perf_counter() - start
    api.close()
    print(f"count={args.count} seconds={elapsed:.6f}")
else:
    with open(args.file, "rb") as f:
        data = f.read()
    sentences = sentences_in(data)
    start = time.perf_counter()
    for _ in range(args.rounds):
        if args.mode == "decode":
            api = Api(ApiProtocol(BytesTransport(data), "utf-8"))
            rows = api.readResponse()
            assert len(rows) == len(sentences) - 1
        else:
            encoded = b"".join(encode_sentence(*sentence, encoding="utf-8") for sentence in sentences)
            assert len(encoded) == len(data)
    elapsed = time.perf_counter() - start
    print(f"count={len(sentences) * args.rounds} seconds={elapsed:.6f}")
