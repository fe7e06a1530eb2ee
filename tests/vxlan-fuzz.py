#!/usr/bin/python3
"""Send a seeded stream of malformed and odd VXLAN packets to a VTEP.

Usage: vxlan-fuzz.py DST_IP VNI OWN_MAC COUNT SEED

Every packet is a UDP datagram to DST_IP:4789 whose payload is a VXLAN
header and an inner frame, built from one of several recipes: random
headers, random or truncated inner frames, inner frames fuzzed by scapy,
loops (the receiver's own MAC as source), unknown VNIs.  The script then
prints, for the device with VNI (whose MAC is OWN_MAC), what each packet
must become according to uapi/myvxlan.h: "name count" lines for
rx_drop_flags, rx_drop_reserved, rx_drop_truncated, rx_drop_bad_inner
and rx_packets (frames that must be delivered).
"""
import random
import socket
import struct
import sys
import time

from scapy.all import (ARP, Dot1Q, Ether, ICMPv6ND_NS, IP, IPv6, TCP, UDP,
                       fuzz)

I_FLAG = 0x08


def header(flags, vni, low=0, rsvd=0):
    """A VXLAN header: flags byte, 24 reserved bits, VNI, reserved byte."""
    return struct.pack("!B3sI", flags, rsvd.to_bytes(3, "big"),
                       (vni << 8) | low)


def rand_mac(rng, unicast=True):
    mac = bytearray(rng.randbytes(6))
    if unicast:
        mac[0] &= 0xfe
    return bytes(mac)


def scapy_inner(rng):
    """A frame from scapy with most fields fuzzed."""
    # dst given: scapy would resolve it by ARP on the host otherwise.
    eth = Ether(src=rand_mac(rng), dst=rng.choice([rand_mac(rng),
                                                   "ff:ff:ff:ff:ff:ff"]))
    kind = rng.randrange(4)
    if kind == 0:
        pkt = eth / fuzz(IP() / UDP())
    elif kind == 1:
        pkt = eth / fuzz(IP() / TCP())
    elif kind == 2:
        pkt = eth / fuzz(ARP())
    else:
        pkt = eth / Dot1Q(vlan=rng.randrange(4096)) / \
            fuzz(IPv6() / ICMPv6ND_NS())
    return bytes(pkt)


def main():
    dst, vni, own, count, seed = sys.argv[1:6]
    vni, count = int(vni), int(count)
    own = bytes.fromhex(own.replace(":", ""))
    rng = random.Random(int(seed))
    expect = {"rx_drop_flags": 0, "rx_drop_reserved": 0,
              "rx_drop_truncated": 0, "rx_drop_bad_inner": 0,
              "rx_packets": 0}
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)

    for i in range(count):
        recipe = rng.randrange(8)
        flags, low, rsvd, this_vni = I_FLAG, 0, 0, vni
        if recipe == 0:            # random header bits
            flags = rng.randrange(256)
            low = rng.choice([0, 0, rng.randrange(256)])
            rsvd = rng.choice([0, 0, rng.randrange(1 << 24)])
            inner = rand_mac(rng) + rand_mac(rng) + rng.randbytes(32)
        elif recipe == 1:          # random bytes, any length
            inner = rng.randbytes(rng.randrange(0, 80))
        elif recipe == 2:          # cut short inside the header
            payload = header(flags, vni)[:rng.randrange(8)]
            sock.sendto(payload, (dst, 4789))
            continue
        elif recipe == 3:          # our own MAC as source: a loop
            inner = rand_mac(rng) + own + rng.randbytes(40)
        elif recipe == 4:          # unknown VNI: no device to count it
            this_vni = vni + 1 + rng.randrange(1000)
            inner = rng.randbytes(60)
        elif recipe == 5:          # multicast or zero source MAC
            src = rng.choice([b"\0" * 6, rand_mac(rng, unicast=False)])
            if src != bytes(6):
                src = bytes([src[0] | 1]) + src[1:]
            inner = rand_mac(rng) + src + rng.randbytes(rng.randrange(2, 60))
        else:                      # scapy's fuzzed frames
            inner = scapy_inner(rng)

        sock.sendto(header(flags, this_vni, low, rsvd) + inner, (dst, 4789))
        if this_vni != vni:
            continue
        if not flags & I_FLAG:
            expect["rx_drop_flags"] += 1
        elif flags & ~I_FLAG or low or rsvd:
            expect["rx_drop_reserved"] += 1
        elif len(inner) < 14:
            expect["rx_drop_truncated"] += 1
        elif inner[6] & 1 or inner[6:12] == bytes(6) or inner[6:12] == own:
            expect["rx_drop_bad_inner"] += 1
        else:
            expect["rx_packets"] += 1
        # Let the receiver keep up: the veth backlog is finite.
        if i % 50 == 49:
            time.sleep(0.02)

    for name, n in expect.items():
        print(name, n)


if __name__ == "__main__":
    main()
