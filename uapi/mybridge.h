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
 * Requests carrying unknown attributes are refused with EINVAL and an
 * extended ack message; an ifindex that is not a mybridge device of the
 * namespace gets ENODEV.
 */
#ifndef _UAPI_MYBRIDGE_H
#define _UAPI_MYBRIDGE_H

#include <linux/types.h>
#include "ringzero.h"

#define MYBRIDGE_GENL_NAME	"mybridge"
#define MYBRIDGE_GENL_VERSION	1
#define MYBRIDGE_API_VERSION	1

enum mybridge_cmd {
	MYBRIDGE_CMD_UNSPEC,
	MYBRIDGE_CMD_GET_VERSION = RINGZERO_CMD_GET_VERSION,
	MYBRIDGE_CMD_GET_BRIDGE,
	MYBRIDGE_CMD_GET_FDB,
	MYBRIDGE_CMD_FLUSH_FDB,
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
	__MYBRIDGE_ATTR_MAX
};

#define MYBRIDGE_ATTR_MAX (__MYBRIDGE_ATTR_MAX - 1)

/* A port (MYBRIDGE_ATTR_PORT). */
enum mybridge_port_attr {
	MYBRIDGE_PORT_UNSPEC,
	MYBRIDGE_PORT_IFINDEX,		/* u32 */
	MYBRIDGE_PORT_IFNAME,		/* string */
	MYBRIDGE_PORT_STATS,		/* nested counters */
	__MYBRIDGE_PORT_MAX
};

#define MYBRIDGE_PORT_MAX (__MYBRIDGE_PORT_MAX - 1)

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
 * tx on its egress; for the switch, what it handled as a whole.
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
