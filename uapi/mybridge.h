/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * mybridge: the ringzero virtual switch netdev (link kind "mybridge").
 *
 * rtnetlink
 * ---------
 * `ip link add NAME type mybridge` creates a switch in the caller's network
 * namespace; `ip link del NAME` removes it.  Its parameters, in
 * IFLA_INFO_DATA, may be given at creation and changed later (`ip link set
 * NAME type mybridge ...` through a plugin, or raw netlink):
 *
 *   IFLA_MYBRIDGE_AGEING       u32  seconds a learned FDB entry lives
 *                                   without traffic (default 300, at most
 *                                   1000000; 0: learned entries never age)
 *   IFLA_MYBRIDGE_FDB_MAX_LEARNED u32 most learned entries (0, the
 *                                   default: no limit); static ones are
 *                                   not counted
 *
 * Ports: `ip link set DEV master NAME` makes any Ethernet device of the
 * namespace a port (a veth, a tap, a VM's vNIC, a myvxlan device);
 * `ip link set DEV nomaster` releases it, and so does deleting DEV.  A
 * device that is already a port, the switch itself, a loopback or a
 * non-Ethernet device is refused with an extended ack.
 *
 * Forwarding is that of a learning Ethernet switch: source MACs are
 * learned per port (a MAC seen on another port moves there), known
 * unicast goes to its port, broadcast, multicast and unknown unicast are
 * flooded to every other port, and frames for the switch's own address
 * (or broadcast and multicast) reach the host through the switch device.
 * Frames to 01:80:c2:00:00:0X (STP, LLDP, pause) stay on the port they
 * arrived on.
 *
 * Static entries: `bridge fdb add MAC dev NAME self static via PORT` (the
 * switch device, NDA_IFINDEX naming the port), `bridge fdb del MAC dev
 * NAME self`, listed by `bridge fdb show dev NAME`.  (`bridge fdb add ...
 * dev PORT master` cannot be offered: the kernel routes it only to ports
 * flagged IFF_BRIDGE_PORT, a flag Linux's own bridge module takes to mean
 * its own port structure.)
 *
 * Generic netlink family "mybridge" (MYBRIDGE_GENL_NAME, version
 * MYBRIDGE_GENL_VERSION)
 * ----------------------------------------------------------------------
 *   MYBRIDGE_CMD_GET_VERSION   do; no attributes.  Reply:
 *                             MYBRIDGE_ATTR_VERSION (NLA_NUL_STRING,
 *                             RINGZERO_VERSION of the module) and
 *                             MYBRIDGE_ATTR_API_VERSION (NLA_U32,
 *                             MYBRIDGE_API_VERSION).  Unprivileged.
 *
 *   MYBRIDGE_CMD_GET_BRIDGE    dump; optional MYBRIDGE_ATTR_IFINDEX selects
 *                             one switch.  One message per switch of the
 *                             caller's namespace:
 *                               MYBRIDGE_ATTR_IFINDEX, MYBRIDGE_ATTR_IFNAME
 *                               MYBRIDGE_ATTR_AGEING         u32 seconds
 *                               MYBRIDGE_ATTR_FDB_MAX_LEARNED u32
 *                               MYBRIDGE_ATTR_FDB_COUNT      u32 entries
 *                               MYBRIDGE_ATTR_STATS  nested: type C + 1
 *                                 holds the u64 counter C (enum
 *                                 mybridge_counter) of the switch
 *                               MYBRIDGE_ATTR_PORTS  nested list of
 *                                 MYBRIDGE_ATTR_PORT, each nested:
 *                                 MYBRIDGE_PORT_IFINDEX, _IFNAME and
 *                                 MYBRIDGE_PORT_STATS (as above, of the
 *                                 port)
 *                             Unprivileged.
 *
 *   MYBRIDGE_CMD_GET_FDB       dump; MYBRIDGE_ATTR_IFINDEX (the switch)
 *                             required.  One message per entry:
 *                               MYBRIDGE_ATTR_IFINDEX  u32
 *                               MYBRIDGE_ATTR_FDB      nested
 *                                                      MYBRIDGE_FDB_*
 *                             Unprivileged.
 *
 *   MYBRIDGE_CMD_FLUSH_FDB     do; MYBRIDGE_ATTR_IFINDEX required; flag
 *                             MYBRIDGE_ATTR_FLUSH_DYNAMIC keeps static
 *                             entries.  CAP_NET_ADMIN.
 *
 *   MYBRIDGE_CMD_SET_PORT      do; MYBRIDGE_ATTR_IFINDEX (the switch) and
 *                             MYBRIDGE_ATTR_PORT nested, holding
 *                             MYBRIDGE_PORT_IFINDEX (the port) and what
 *                             changes; the rest of the port's set-up
 *                             stays.  CAP_NET_ADMIN.
 *                               VLANs: MYBRIDGE_PORT_VLAN_MODE (u8, enum
 *                                 mybridge_vlan_mode) with, for an access
 *                                 port, MYBRIDGE_PORT_PVID (u16, 1-4094)
 *                                 and for a trunk MYBRIDGE_PORT_TRUNK
 *                                 (binary: an array of u16 VLAN IDs,
 *                                 1-4094, at least one)
 *                               policing: MYBRIDGE_PORT_POLICE_RATE (u64
 *                                 bytes per second; 0 turns it off) and
 *                                 MYBRIDGE_PORT_POLICE_BURST (u32 bytes,
 *                                 at least one full frame: 1514)
 *                               mirroring: MYBRIDGE_PORT_MIRROR_RX and/or
 *                                 MYBRIDGE_PORT_MIRROR_TX (u32 ifindex of
 *                                 another port, 0: none)
 *                             GET_BRIDGE reports the same attributes
 *                             in each port's nest.
 *
 *   MYBRIDGE_CMD_ADD_FLOW      do; MYBRIDGE_ATTR_IFINDEX and
 *                             MYBRIDGE_ATTR_FLOW nested: MYBRIDGE_FLOW_
 *                             PRIORITY (u16, required), MYBRIDGE_FLOW_
 *                             MATCH (nested MYBRIDGE_MATCH_*, may be
 *                             empty: matches everything) and
 *                             MYBRIDGE_FLOW_ACTIONS (nested MYBRIDGE_
 *                             ACTION_*, in the order they run, 1 to
 *                             MYBRIDGE_MAX_ACTIONS).  A rule with the
 *                             same match and priority is refused (EEXIST)
 *                             unless the flag MYBRIDGE_ATTR_REPLACE is
 *                             given: its actions are then replaced and
 *                             its counters kept.
 *                             CAP_NET_ADMIN.
 *   MYBRIDGE_CMD_DEL_FLOW      do; the rule of that match and priority
 *                             (ENOENT when none); without MYBRIDGE_ATTR_
 *                             FLOW every rule of the switch.
 *                             CAP_NET_ADMIN.
 *   MYBRIDGE_CMD_GET_FLOW      dump; MYBRIDGE_ATTR_IFINDEX required.  One
 *                             message per rule, in priority order:
 *                             MYBRIDGE_ATTR_FLOW with PRIORITY, MATCH,
 *                             ACTIONS and its counters MYBRIDGE_FLOW_
 *                             PACKETS, _BYTES (u64), MYBRIDGE_FLOW_USED
 *                             (u32 ms since a frame last matched; absent:
 *                             never) and MYBRIDGE_FLOW_AGE (u32 seconds
 *                             since it was added).  Unprivileged.
 *
 * The flow table.  Every frame entering the switch through a port is
 * matched against the rules; the matching rule of highest priority runs
 * its actions (among equal priorities, which one wins is not defined).
 * A frame that matches no rule, and every frame when the table is empty,
 * is switched normally (the "normal" action).  Match fields (MYBRIDGE_
 * MATCH_*; each absent field is a wildcard; a value may come with a mask
 * of the same size, bits outside the mask must be zero; no mask: exact):
 *   IN_PORT   u32 ifindex of a port
 *   DL_SRC, DL_DST   6 bytes, masks allowed
 *   DL_TYPE   u16 Ethertype (host order), of the frame after its VLAN tag
 *   VLAN      u16 VLAN ID the frame belongs to in the switch (after the
 *             port's VLAN rules); 0: no VLAN
 *   NW_SRC, NW_DST   4 bytes (DL_TYPE 0x0800 IPv4, 0x0806 ARP sender and
 *             target address) or 16 bytes (0x86dd IPv6), masks allowed
 *   NW_PROTO  u8 IP protocol (IPv4/IPv6) or ARP opcode (ARP)
 *   TP_SRC, TP_DST   u16 ports (NW_PROTO 6 TCP, 17 UDP, 132 SCTP) or
 *             ICMP type and code (1 ICMP, 58 ICMPv6), masks allowed
 * A field whose prerequisite is missing (NW_* without DL_TYPE IPv4, ARP
 * or IPv6; TP_* without NW_PROTO) is refused, as are bad masks and
 * addresses of the wrong size.  Fragments after the first and truncated
 * headers leave the fields they lack at zero.
 * Actions (MYBRIDGE_ACTION_*):
 *   OUTPUT u32 ifindex   send the frame as it is now to that port
 *   NORMAL, FLOOD flags  switch it normally (learning, FDB, the ports'
 *             VLAN rules) / send it to every other port as it is
 *   DROP flag            drop it (counted as drop_flow); alone only
 *   PUSH_VLAN u16 VID    tag an untagged frame (a tagged one keeps its tag)
 *   SET_VLAN u16 VID     set the VLAN ID (tags an untagged frame)
 *   POP_VLAN flag        remove the tag
 *   MIRROR u32 ifindex   a copy of the frame as it entered, to that port
 *   CONTROLLER u16 LEN   send the first LEN bytes (0: all) to userspace
 *             on the "monitor" multicast group as MYBRIDGE_CMD_PACKET_IN
 * Rules that name a port (IN_PORT, OUTPUT, MIRROR) are deleted with it.
 * Lookups go through a per-CPU cache of recent exact flows in front of a
 * tuple-space classifier (one hash table per distinct mask); any change
 * to the rules invalidates the cache.
 *
 *   MYBRIDGE_CMD_SET_EXPORT    do; MYBRIDGE_ATTR_IFINDEX and
 *                             MYBRIDGE_ATTR_EXPORT nested:
 *                             MYBRIDGE_EXPORT_FORMAT (u8, enum
 *                             mybridge_export_format; MYBRIDGE_EXPORT_OFF
 *                             stops exporting, the rest is then not
 *                             needed), MYBRIDGE_EXPORT_ADDR (4 or 16
 *                             bytes: the collector, IPv4 or IPv6),
 *                             MYBRIDGE_EXPORT_PORT (u16 UDP port),
 *                             MYBRIDGE_EXPORT_ACTIVE (u32 seconds, 1 to
 *                             3600, default 60) and MYBRIDGE_EXPORT_IDLE
 *                             (u32 seconds, 1 to 3600, default 15).
 *                             GET_BRIDGE reports the same nest (absent
 *                             when off) with the counters
 *                             MYBRIDGE_EXPORT_RECORDS (u64 records sent),
 *                             _MESSAGES (u64 UDP messages sent) and
 *                             _DROPPED (u64 frames not accounted, the
 *                             table being full, plus records lost to
 *                             send errors).
 *                             CAP_NET_ADMIN.
 *
 * Flow export.  With a format set, every frame entering through a port
 * is accounted to a flow record keyed like the flow table (ingress port,
 * VLAN, MACs, Ethertype, addresses, protocol, ports), holding packets,
 * bytes, first and last seen and the egress port (the port the FDB
 * sends the destination MAC to; 0 when flooded or for the host).  A
 * record is exported when it has been idle for the idle timeout (and
 * then forgotten), or has been active for the active timeout (then its
 * counts start again: records carry deltas), and when export stops.
 * Records go over UDP from the switch's network namespace:
 *   MYBRIDGE_EXPORT_IPFIX      IPFIX (RFC 7011), templates 256 (IPv4),
 *                              257 (IPv6) and 258 (other Ethertypes),
 *                              sent in every message; observation domain
 *                              the switch's ifindex
 *   MYBRIDGE_EXPORT_NETFLOW5   NetFlow v5; IPv4 flows only, interfaces as
 *                              16-bit ifindex
 * At most MYBRIDGE_EXPORT_MAX_FLOWS records are tracked at once.
 *
 * Multicast group "monitor" (MYBRIDGE_MCGRP_MONITOR): MYBRIDGE_CMD_
 * PACKET_IN messages with MYBRIDGE_ATTR_IFINDEX (the switch),
 * MYBRIDGE_ATTR_IN_PORT (u32 ifindex), MYBRIDGE_ATTR_VLAN (u16),
 * MYBRIDGE_ATTR_PACKET_LEN (u32, the frame's length) and
 * MYBRIDGE_ATTR_PACKET (its first bytes).  Joining needs CAP_NET_ADMIN.
 *
 * VLANs.  A port's mode (MYBRIDGE_PORT_VLAN_MODE):
 *   MYBRIDGE_VLAN_NONE (default) every VLAN: untagged frames are VLAN 0,
 *             tagged ones their VID; frames leave tagged with their
 *             VLAN, untagged in VLAN 0 (Open vSwitch's default)
 *   MYBRIDGE_VLAN_ACCESS  untagged frames join the PVID; tagged ones are
 *             dropped (drop_vlan); frames of the PVID leave untagged
 *   MYBRIDGE_VLAN_TRUNK   tagged frames of the allowed VLANs only;
 *             untagged ones are dropped; frames leave tagged
 * Learning and flooding are per VLAN.  Priority tags (VID 0) count as
 * untagged; 802.1ad (QinQ outer) tags are not VLANs here: such frames
 * are dropped (drop_vlan).  The switch device itself is like a
 * MYBRIDGE_VLAN_NONE port.
 *
 * Mirroring: a port with MIRROR_RX copies every frame it receives (as
 * received), one with MIRROR_TX every frame it sends (as sent), to the
 * mirror port.  A port that is a mirror's destination takes no part in
 * switching: nothing is flooded or forwarded to it, and frames it
 * receives are dropped (drop_mirror_port).
 *
 * Policing: a token bucket on a port's ingress, filled at the rate up to
 * the burst; a frame that finds fewer tokens than its length is dropped
 * (drop_police).
 *
 * Requests carrying unknown attributes are refused with EINVAL and an
 * extended ack message; an ifindex that is not a mybridge device of the
 * namespace gets ENODEV, one that is not its port ENODEV as well.
 */
#ifndef _UAPI_MYBRIDGE_H
#define _UAPI_MYBRIDGE_H

#include <linux/types.h>
#include "ringzero.h"

#define MYBRIDGE_GENL_NAME	"mybridge"
#define MYBRIDGE_GENL_VERSION	1
#define MYBRIDGE_API_VERSION	1
#define MYBRIDGE_MCGRP_MONITOR	"monitor"
#define MYBRIDGE_MAX_ACTIONS	32

enum mybridge_cmd {
	MYBRIDGE_CMD_UNSPEC,
	MYBRIDGE_CMD_GET_VERSION = RINGZERO_CMD_GET_VERSION,
	MYBRIDGE_CMD_GET_BRIDGE,
	MYBRIDGE_CMD_GET_FDB,
	MYBRIDGE_CMD_FLUSH_FDB,
	MYBRIDGE_CMD_SET_PORT,
	MYBRIDGE_CMD_ADD_FLOW,
	MYBRIDGE_CMD_DEL_FLOW,
	MYBRIDGE_CMD_GET_FLOW,
	MYBRIDGE_CMD_PACKET_IN,
	MYBRIDGE_CMD_SET_EXPORT,
	__MYBRIDGE_CMD_MAX
};

#define MYBRIDGE_CMD_MAX (__MYBRIDGE_CMD_MAX - 1)

enum mybridge_attr {
	MYBRIDGE_ATTR_UNSPEC,
	MYBRIDGE_ATTR_VERSION = RINGZERO_ATTR_VERSION,
	MYBRIDGE_ATTR_API_VERSION = RINGZERO_ATTR_API_VERSION,
	MYBRIDGE_ATTR_IFINDEX,
	MYBRIDGE_ATTR_IFNAME,
	MYBRIDGE_ATTR_AGEING,
	MYBRIDGE_ATTR_FDB_MAX_LEARNED,
	MYBRIDGE_ATTR_FDB_COUNT,
	MYBRIDGE_ATTR_STATS,
	MYBRIDGE_ATTR_PORTS,
	MYBRIDGE_ATTR_PORT,
	MYBRIDGE_ATTR_FDB,
	MYBRIDGE_ATTR_FLUSH_DYNAMIC,
	MYBRIDGE_ATTR_PAD,
	MYBRIDGE_ATTR_FLOW,
	MYBRIDGE_ATTR_IN_PORT,
	MYBRIDGE_ATTR_VLAN,
	MYBRIDGE_ATTR_PACKET_LEN,
	MYBRIDGE_ATTR_PACKET,
	MYBRIDGE_ATTR_REPLACE,
	MYBRIDGE_ATTR_EXPORT,
	__MYBRIDGE_ATTR_MAX
};

#define MYBRIDGE_ATTR_MAX (__MYBRIDGE_ATTR_MAX - 1)

/* A port (MYBRIDGE_ATTR_PORT). */
enum mybridge_port_attr {
	MYBRIDGE_PORT_UNSPEC,
	MYBRIDGE_PORT_IFINDEX,		/* u32 */
	MYBRIDGE_PORT_IFNAME,		/* string */
	MYBRIDGE_PORT_STATS,		/* nested counters */
	MYBRIDGE_PORT_VLAN_MODE,	/* u8, enum mybridge_vlan_mode */
	MYBRIDGE_PORT_PVID,		/* u16 */
	MYBRIDGE_PORT_TRUNK,		/* u16 array */
	MYBRIDGE_PORT_POLICE_RATE,	/* u64 bytes per second */
	MYBRIDGE_PORT_POLICE_BURST,	/* u32 bytes */
	MYBRIDGE_PORT_MIRROR_RX,	/* u32 ifindex */
	MYBRIDGE_PORT_MIRROR_TX,	/* u32 ifindex */
	MYBRIDGE_PORT_PAD,
	__MYBRIDGE_PORT_MAX
};

#define MYBRIDGE_PORT_MAX (__MYBRIDGE_PORT_MAX - 1)

enum mybridge_vlan_mode {
	MYBRIDGE_VLAN_NONE,
	MYBRIDGE_VLAN_ACCESS,
	MYBRIDGE_VLAN_TRUNK,
	__MYBRIDGE_VLAN_MODE_MAX
};

#define MYBRIDGE_VLAN_MODE_MAX (__MYBRIDGE_VLAN_MODE_MAX - 1)
#define MYBRIDGE_POLICE_BURST_MIN	1514

/* A rule (MYBRIDGE_ATTR_FLOW). */
enum mybridge_flow_attr {
	MYBRIDGE_FLOW_UNSPEC,
	MYBRIDGE_FLOW_PRIORITY,		/* u16 */
	MYBRIDGE_FLOW_MATCH,		/* nested MYBRIDGE_MATCH_* */
	MYBRIDGE_FLOW_ACTIONS,		/* nested MYBRIDGE_ACTION_* */
	MYBRIDGE_FLOW_PACKETS,		/* u64 */
	MYBRIDGE_FLOW_BYTES,		/* u64 */
	MYBRIDGE_FLOW_USED,		/* u32 ms */
	MYBRIDGE_FLOW_AGE,		/* u32 s */
	MYBRIDGE_FLOW_PAD,
	__MYBRIDGE_FLOW_MAX
};

#define MYBRIDGE_FLOW_MAX (__MYBRIDGE_FLOW_MAX - 1)

enum mybridge_match_attr {
	MYBRIDGE_MATCH_UNSPEC,
	MYBRIDGE_MATCH_IN_PORT,		/* u32 ifindex */
	MYBRIDGE_MATCH_DL_SRC,		/* 6 bytes */
	MYBRIDGE_MATCH_DL_SRC_MASK,
	MYBRIDGE_MATCH_DL_DST,
	MYBRIDGE_MATCH_DL_DST_MASK,
	MYBRIDGE_MATCH_DL_TYPE,		/* u16 */
	MYBRIDGE_MATCH_VLAN,		/* u16 */
	MYBRIDGE_MATCH_NW_SRC,		/* 4 or 16 bytes */
	MYBRIDGE_MATCH_NW_SRC_MASK,
	MYBRIDGE_MATCH_NW_DST,
	MYBRIDGE_MATCH_NW_DST_MASK,
	MYBRIDGE_MATCH_NW_PROTO,	/* u8 */
	MYBRIDGE_MATCH_TP_SRC,		/* u16 */
	MYBRIDGE_MATCH_TP_SRC_MASK,
	MYBRIDGE_MATCH_TP_DST,
	MYBRIDGE_MATCH_TP_DST_MASK,
	__MYBRIDGE_MATCH_MAX
};

#define MYBRIDGE_MATCH_MAX (__MYBRIDGE_MATCH_MAX - 1)

enum mybridge_export_attr {
	MYBRIDGE_EXPORT_UNSPEC,
	MYBRIDGE_EXPORT_FORMAT,		/* u8 */
	MYBRIDGE_EXPORT_ADDR,		/* 4 or 16 bytes */
	MYBRIDGE_EXPORT_PORT,		/* u16 */
	MYBRIDGE_EXPORT_ACTIVE,		/* u32 s */
	MYBRIDGE_EXPORT_IDLE,		/* u32 s */
	MYBRIDGE_EXPORT_RECORDS,	/* u64 */
	MYBRIDGE_EXPORT_MESSAGES,	/* u64 */
	MYBRIDGE_EXPORT_DROPPED,	/* u64 */
	MYBRIDGE_EXPORT_PAD,
	__MYBRIDGE_EXPORT_MAX
};

#define MYBRIDGE_EXPORT_MAX (__MYBRIDGE_EXPORT_MAX - 1)

enum mybridge_export_format {
	MYBRIDGE_EXPORT_OFF,
	MYBRIDGE_EXPORT_IPFIX,
	MYBRIDGE_EXPORT_NETFLOW5,
	__MYBRIDGE_EXPORT_FORMAT_MAX
};

#define MYBRIDGE_EXPORT_FORMAT_MAX (__MYBRIDGE_EXPORT_FORMAT_MAX - 1)
#define MYBRIDGE_EXPORT_MAX_FLOWS	65536
#define MYBRIDGE_EXPORT_ACTIVE_DEFAULT	60
#define MYBRIDGE_EXPORT_IDLE_DEFAULT	15
#define MYBRIDGE_EXPORT_TIMEOUT_MAX	3600

enum mybridge_action_attr {
	MYBRIDGE_ACTION_UNSPEC,
	MYBRIDGE_ACTION_OUTPUT,		/* u32 ifindex */
	MYBRIDGE_ACTION_NORMAL,		/* flag */
	MYBRIDGE_ACTION_FLOOD,		/* flag */
	MYBRIDGE_ACTION_DROP,		/* flag */
	MYBRIDGE_ACTION_PUSH_VLAN,	/* u16 VID */
	MYBRIDGE_ACTION_SET_VLAN,	/* u16 VID */
	MYBRIDGE_ACTION_POP_VLAN,	/* flag */
	MYBRIDGE_ACTION_MIRROR,		/* u32 ifindex */
	MYBRIDGE_ACTION_CONTROLLER,	/* u16 bytes, 0: all */
	__MYBRIDGE_ACTION_MAX
};

#define MYBRIDGE_ACTION_MAX (__MYBRIDGE_ACTION_MAX - 1)

/* An FDB entry (MYBRIDGE_ATTR_FDB). */
enum mybridge_fdb_attr {
	MYBRIDGE_FDB_UNSPEC,
	MYBRIDGE_FDB_MAC,		/* 6 bytes */
	MYBRIDGE_FDB_VLAN,		/* u16, 0: untagged */
	MYBRIDGE_FDB_PORT,		/* u32 ifindex; absent: the switch */
	MYBRIDGE_FDB_STATIC,		/* flag */
	MYBRIDGE_FDB_AGE,		/* u32 seconds since last seen */
	__MYBRIDGE_FDB_MAX
};

#define MYBRIDGE_FDB_MAX (__MYBRIDGE_FDB_MAX - 1)

/*
 * Counters of a switch and of each port.  Packets: rx on a port's ingress,
 * tx on its egress; for the switch, what it handled as a whole.  Also in
 * `ethtool -S SWITCH`: the switch's, then each port's as PORT.NAME.
 */
enum mybridge_counter {
	MYBRIDGE_CNT_RX_PACKETS,	/* rx_packets: entered the switch */
	MYBRIDGE_CNT_RX_BYTES,		/* rx_bytes */
	MYBRIDGE_CNT_TX_PACKETS,	/* tx_packets: left through a port */
	MYBRIDGE_CNT_TX_BYTES,		/* tx_bytes */
	MYBRIDGE_CNT_FLOODED,		/* flooded: sent to every other port */
	MYBRIDGE_CNT_LOCAL,		/* local: delivered to the host */
	MYBRIDGE_CNT_LEARNED,		/* learned: FDB entries created */
	MYBRIDGE_CNT_MOVED,		/* moved: MACs seen on a new port */
	MYBRIDGE_CNT_DROP_SAME_PORT,	/* drop_same_port: destination is
					 * behind the port it came in on
					 */
	MYBRIDGE_CNT_DROP_BAD_SRC,	/* drop_bad_source: multicast or zero
					 * source MAC
					 */
	MYBRIDGE_CNT_DROP_LEARN_LIMIT,	/* learn_limit: not learned, full */
	MYBRIDGE_CNT_DROP_NOMEM,	/* drop_nomem */
	MYBRIDGE_CNT_DROP_VLAN,		/* drop_vlan: not allowed in on the
					 * port (VLAN mode, QinQ)
					 */
	MYBRIDGE_CNT_DROP_POLICE,	/* drop_police: over the port's rate */
	MYBRIDGE_CNT_DROP_FLOW,		/* drop_flow: a rule's drop action */
	MYBRIDGE_CNT_DROP_MIRROR_PORT,	/* drop_mirror_port: received on a
					 * mirror destination
					 */
	MYBRIDGE_CNT_MIRRORED,		/* mirrored: copies sent to a mirror
					 * port
					 */
	MYBRIDGE_CNT_CONTROLLER,	/* controller: sent to userspace */
	MYBRIDGE_CNT_FLOW_HIT,		/* flow_cache_hit: looked up in the
					 * exact-match cache
					 */
	MYBRIDGE_CNT_FLOW_MISS,		/* flow_cache_miss: classified */
	MYBRIDGE_CNT_MAX
};

#define MYBRIDGE_COUNTER_NAMES {					\
	[MYBRIDGE_CNT_RX_PACKETS]	= "rx_packets",			\
	[MYBRIDGE_CNT_RX_BYTES]		= "rx_bytes",			\
	[MYBRIDGE_CNT_TX_PACKETS]	= "tx_packets",			\
	[MYBRIDGE_CNT_TX_BYTES]		= "tx_bytes",			\
	[MYBRIDGE_CNT_FLOODED]		= "flooded",			\
	[MYBRIDGE_CNT_LOCAL]		= "local",			\
	[MYBRIDGE_CNT_LEARNED]		= "learned",			\
	[MYBRIDGE_CNT_MOVED]		= "moved",			\
	[MYBRIDGE_CNT_DROP_SAME_PORT]	= "drop_same_port",		\
	[MYBRIDGE_CNT_DROP_BAD_SRC]	= "drop_bad_source",		\
	[MYBRIDGE_CNT_DROP_LEARN_LIMIT]	= "learn_limit",		\
	[MYBRIDGE_CNT_DROP_NOMEM]	= "drop_nomem",			\
	[MYBRIDGE_CNT_DROP_VLAN]	= "drop_vlan",			\
	[MYBRIDGE_CNT_DROP_POLICE]	= "drop_police",		\
	[MYBRIDGE_CNT_DROP_FLOW]	= "drop_flow",			\
	[MYBRIDGE_CNT_DROP_MIRROR_PORT]	= "drop_mirror_port",		\
	[MYBRIDGE_CNT_MIRRORED]		= "mirrored",			\
	[MYBRIDGE_CNT_CONTROLLER]	= "controller",			\
	[MYBRIDGE_CNT_FLOW_HIT]		= "flow_cache_hit",		\
	[MYBRIDGE_CNT_FLOW_MISS]	= "flow_cache_miss",		\
}

#define MYBRIDGE_AGEING_DEFAULT	300
#define MYBRIDGE_AGEING_MAX	1000000

enum {
	IFLA_MYBRIDGE_UNSPEC,
	IFLA_MYBRIDGE_AGEING,
	IFLA_MYBRIDGE_FDB_MAX_LEARNED,
	__IFLA_MYBRIDGE_MAX
};

#define IFLA_MYBRIDGE_MAX (__IFLA_MYBRIDGE_MAX - 1)

#endif /* _UAPI_MYBRIDGE_H */
