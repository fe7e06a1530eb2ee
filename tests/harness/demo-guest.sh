#!/bin/bash
# The QEMU part of `make demo` (see demo.sh): runs inside the test machine.
# usage: demo-guest.sh MODDIR
set -eu
moddir=$1
cd "$(dirname "$0")/../.."
export IP_LIB_DIR=$PWD/tools PATH=$PWD/tools:$PATH
set -x
modprobe -a udp_tunnel ip6_udp_tunnel vxlan
for m in myvxlan mybridge; do
	insmod "$moddir"/mod-*/$m.ko
done
swctl -j version

# A VXLAN tunnel between myvxlan and Linux's vxlan, over a veth underlay.
ip netns add demo-a
ip netns add demo-b
ip -n demo-a link add eth0 type veth peer name eth0 netns demo-b
ip -n demo-a addr add 10.0.0.1/24 dev eth0
ip -n demo-b addr add 10.0.0.2/24 dev eth0
ip -n demo-a link set eth0 up
ip -n demo-b link set eth0 up
ip -n demo-a link add vx0 type myvxlan id 42 local 10.0.0.1 remote 10.0.0.2 dstport 4789 dev eth0
ip -n demo-b link add vx0 type vxlan id 42 local 10.0.0.2 remote 10.0.0.1 dstport 4789 dev eth0
ip -n demo-a addr add 192.168.99.1/24 dev vx0
ip -n demo-b addr add 192.168.99.2/24 dev vx0
ip -n demo-a link set vx0 up
ip -n demo-b link set vx0 up
ip -n demo-a -d link show vx0
ip netns exec demo-a ping -n -c 3 192.168.99.2
bridge -n demo-a fdb show dev vx0
ip netns exec demo-a swctl vxlan show
ip netns exec demo-a ethtool -S vx0
ip netns del demo-a
ip netns del demo-b

ip link add br0 type mybridge
ip -d link show br0
ip link del br0
rmmod mybridge myvxlan
