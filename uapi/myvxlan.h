/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * myvxlan: the ringzero VXLAN netdev (link kind "myvxlan").
 *
 * rtnetlink: link kind "myvxlan"
 * ------------------------------
 * `ip link add NAME type myvxlan id VNI ...` creates a VXLAN device in the
 * caller's network namespace.  Its parameters travel in IFLA_INFO_DATA as
 * the IFLA_MYVXLAN_* attributes below, with the meaning Linux's vxlan
 * gives the option of the same name.  They are fixed at creation: a
 * change request (`ip link set ... type myvxlan ...`) is refused with
 * EOPNOTSUPP.  Invalid values are refused with EINVAL and an extended ack
 * naming the attribute; nothing is created then.
 *
 *   IFLA_MYVXLAN_ID          u32   VXLAN network identifier, 0..16777215.
 *                                  Required when any attribute is given;
 *                                  a request with none at all (`ip link
 *                                  add NAME type myvxlan` without the
 *                                  plugin) gets VNI 0 and every default.
 *   IFLA_MYVXLAN_REMOTE      be32  unicast IPv4 remote VTEP (`remote`)
 *   IFLA_MYVXLAN_REMOTE6     16 B  unicast IPv6 remote VTEP
 *   IFLA_MYVXLAN_GROUP       be32  IPv4 multicast group (`group`)
 *   IFLA_MYVXLAN_GROUP6      16 B  IPv6 multicast group
 *                                  At most one of the four; the device
 *                                  then floods broadcast, unknown unicast
 *                                  and multicast (BUM) frames there.  A
 *                                  group needs IFLA_MYVXLAN_LINK.
 *   IFLA_MYVXLAN_LOCAL       be32  IPv4 source address (`local`)
 *   IFLA_MYVXLAN_LOCAL6      16 B  IPv6 source address
 *                                  The underlay family is that of the
 *                                  remote, group or local address given
 *                                  (IPv4 when none is); they must agree.
 *   IFLA_MYVXLAN_LINK        u32   ifindex of the underlay device (`dev`)
 *   IFLA_MYVXLAN_PORT        be16  destination UDP port (`dstport`),
 *                                  default 4789; also the port received on
 *   IFLA_MYVXLAN_PORT_RANGE  struct myvxlan_port_range, be16 low and high
 *                                  (`srcport MIN MAX`): the UDP source port
 *                                  is taken from a hash of the inner flow
 *                                  within [low, high]; default: the
 *                                  kernel's local port range
 *   IFLA_MYVXLAN_TTL         u8    outer TTL / hop limit (`ttl`); 0, the
 *                                  default, uses the route's (64 when
 *                                  multicast)
 *   IFLA_MYVXLAN_TTL_INHERIT flag  copy the inner TTL (`ttl inherit`)
 *   IFLA_MYVXLAN_TOS         u8    outer TOS (`tos`); 1 means copy the
 *                                  inner TOS (`tos inherit`)
 *   IFLA_MYVXLAN_DF          u8    enum myvxlan_df (`df unset|set|inherit`)
 *   IFLA_MYVXLAN_LEARNING    u8    learn remote MACs from received frames
 *                                  (default 1; `nolearning` sends 0)
 *   IFLA_MYVXLAN_AGEING      u32   seconds before a learned entry expires
 *                                  (`ageing`, default 300, at most
 *                                  1000000; 0: entries never expire)
 *   IFLA_MYVXLAN_LIMIT       u32   most FDB entries (`maxaddress`; 0, the
 *                                  default, is no limit)
 *   IFLA_MYVXLAN_UDP_CSUM    u8    compute the outer UDP checksum over IPv4
 *                                  (`udpcsum`, default 0)
 *   IFLA_MYVXLAN_UDP_ZERO_CSUM6_TX u8  send IPv6 packets with a zero UDP
 *                                  checksum (`udp6zerocsumtx`)
 *   IFLA_MYVXLAN_UDP_ZERO_CSUM6_RX u8  accept them (`udp6zerocsumrx`)
 *   IFLA_MYVXLAN_PROXY       u8    ARP and neighbour discovery
 *                                  suppression (`proxy`): ARP requests and
 *                                  IPv6 neighbour solicitations sent into
 *                                  the device are answered locally from
 *                                  the device's neighbour table (`ip neigh
 *                                  add IP lladdr MAC dev VXLAN`), whose
 *                                  MACs the FDB maps to remote VTEPs.  As
 *                                  with Linux vxlan, no ARP frame and no
 *                                  neighbour solicitation crosses the
 *                                  tunnel then: a control plane fills the
 *                                  table (see l3miss).
 *   IFLA_MYVXLAN_L2MISS      u8    notify RTNLGRP_NEIGH (RTM_GETNEIGH,
 *                                  AF_BRIDGE, NDA_LLADDR: `ip monitor
 *                                  neigh` prints "miss") when a unicast
 *                                  destination MAC has no FDB entry and
 *                                  there is no replication list
 *   IFLA_MYVXLAN_L3MISS      u8    notify RTNLGRP_NEIGH (RTM_GETNEIGH,
 *                                  NDA_DST) when `proxy` finds no
 *                                  neighbour entry for an address asked
 *                                  for
 *
 * The MTU of a new device is that of the underlay device (1500 without
 * one) less the encapsulation: 50 bytes over IPv4, 70 over IPv6.
 *
 * Generic netlink family "myvxlan" (MYVXLAN_GENL_NAME, version
 * MYVXLAN_GENL_VERSION)
 * ----------------------------------------------------------------------
 *   MYVXLAN_CMD_GET_VERSION   do; no attributes.  Reply:
 *                             MYVXLAN_ATTR_VERSION (NLA_NUL_STRING,
 *                             RINGZERO_VERSION of the module) and
 *                             MYVXLAN_ATTR_API_VERSION (NLA_U32,
 *                             MYVXLAN_API_VERSION).  Unprivileged.
 *
 *   MYVXLAN_CMD_GET_DEVICE    dump; optional MYVXLAN_ATTR_IFINDEX selects
 *                             one device.  One message per myvxlan device
 *                             of the caller's namespace:
 *                               MYVXLAN_ATTR_IFINDEX  u32
 *                               MYVXLAN_ATTR_IFNAME   string
 *                               MYVXLAN_ATTR_CONFIG   nested IFLA_MYVXLAN_*
 *                                                     (as rtnetlink dumps)
 *                               MYVXLAN_ATTR_STATS    nested
 *                                                     MYVXLAN_STATS_*, u64
 *                               MYVXLAN_ATTR_DROPS    nested: attribute
 *                                                     type R + 1 holds the
 *                                                     u64 count of drop
 *                                                     reason R (enum
 *                                                     myvxlan_drop_reason)
 *                             Unprivileged.
 *
 *   MYVXLAN_CMD_GET_FDB       dump; MYVXLAN_ATTR_IFINDEX required.  One
 *                             message per (MAC, remote) pair:
 *                               MYVXLAN_ATTR_IFINDEX  u32
 *                               MYVXLAN_ATTR_FDB      nested
 *                                                     MYVXLAN_FDB_*
 *                             Unprivileged.
 *
 *   MYVXLAN_CMD_FLUSH_FDB     do; MYVXLAN_ATTR_IFINDEX required, flag
 *                             MYVXLAN_ATTR_FLUSH_DYNAMIC to keep static
 *                             entries.  CAP_NET_ADMIN.
 *
 * Requests carrying unknown attributes are refused with EINVAL and an
 * extended ack message; an ifindex that is not a myvxlan device of the
 * namespace gets ENODEV.
 */
#ifndef _UAPI_MYVXLAN_H
#define _UAPI_MYVXLAN_H

#include <linux/types.h>
#include "ringzero.h"

#define MYVXLAN_GENL_NAME	"myvxlan"
#define MYVXLAN_GENL_VERSION	1
#define MYVXLAN_API_VERSION	1

enum myvxlan_cmd {
	MYVXLAN_CMD_UNSPEC,
	MYVXLAN_CMD_GET_VERSION = RINGZERO_CMD_GET_VERSION,
	MYVXLAN_CMD_GET_DEVICE,
	MYVXLAN_CMD_GET_FDB,
	MYVXLAN_CMD_FLUSH_FDB,
	__MYVXLAN_CMD_MAX
};

#define MYVXLAN_CMD_MAX (__MYVXLAN_CMD_MAX - 1)

enum myvxlan_attr {
	MYVXLAN_ATTR_UNSPEC,
	MYVXLAN_ATTR_VERSION = RINGZERO_ATTR_VERSION,
	MYVXLAN_ATTR_API_VERSION = RINGZERO_ATTR_API_VERSION,
	MYVXLAN_ATTR_IFINDEX,
	MYVXLAN_ATTR_IFNAME,
	MYVXLAN_ATTR_CONFIG,
	MYVXLAN_ATTR_STATS,
	MYVXLAN_ATTR_DROPS,
	MYVXLAN_ATTR_FDB,
	MYVXLAN_ATTR_FLUSH_DYNAMIC,
	MYVXLAN_ATTR_PAD,
	__MYVXLAN_ATTR_MAX
};

#define MYVXLAN_ATTR_MAX (__MYVXLAN_ATTR_MAX - 1)

/* Counters of a device (MYVXLAN_ATTR_STATS), all u64. */
enum myvxlan_stats_attr {
	MYVXLAN_STATS_UNSPEC,
	MYVXLAN_STATS_RX_PACKETS,
	MYVXLAN_STATS_RX_BYTES,
	MYVXLAN_STATS_TX_PACKETS,
	MYVXLAN_STATS_TX_BYTES,
	MYVXLAN_STATS_LEARNED,		/* entries learned so far */
	MYVXLAN_STATS_FDB_ENTRIES,	/* entries now */
	MYVXLAN_STATS_PAD,
	MYVXLAN_STATS_PROXY_REPLIES,	/* ARP/NA answers made by `proxy` */
	MYVXLAN_STATS_L2MISSES,		/* l2miss notifications sent */
	MYVXLAN_STATS_L3MISSES,		/* l3miss notifications sent */
	__MYVXLAN_STATS_MAX
};

#define MYVXLAN_STATS_MAX (__MYVXLAN_STATS_MAX - 1)

/*
 * Why frames were dropped (MYVXLAN_ATTR_DROPS; ethtool -S names).  The
 * receive reasons come first, then, from MYVXLAN_DROP_TX_NO_REMOTE, the
 * transmit ones.
 */
enum myvxlan_drop_reason {
	MYVXLAN_DROP_RX_TRUNCATED,	/* rx_drop_truncated: inner frame cut */
	MYVXLAN_DROP_RX_FLAGS,		/* rx_drop_flags: I flag clear */
	MYVXLAN_DROP_RX_RESERVED,	/* rx_drop_reserved: reserved bits set */
	MYVXLAN_DROP_RX_BAD_INNER,	/* rx_drop_bad_inner: inner frame bad */
	MYVXLAN_DROP_RX_CSUM,		/* rx_drop_zero_csum: refused */
	MYVXLAN_DROP_TX_NO_REMOTE,	/* tx_drop_no_remote: nowhere to send */
	MYVXLAN_DROP_TX_NO_ROUTE,	/* tx_drop_no_route */
	MYVXLAN_DROP_TX_LOOP,		/* tx_drop_loop: route via itself */
	MYVXLAN_DROP_TX_NOMEM,		/* tx_drop_nomem */
	MYVXLAN_DROP_TX_DOWN,		/* tx_drop_down: no socket (stopping) */
	MYVXLAN_DROP_TX_RUNT,		/* tx_drop_runt: no Ethernet header */
	MYVXLAN_DROP_MAX
};

/* Their names, as ethtool -S and swctl print them. */
#define MYVXLAN_DROP_REASON_NAMES {					\
	[MYVXLAN_DROP_RX_TRUNCATED]	= "rx_drop_truncated",		\
	[MYVXLAN_DROP_RX_FLAGS]		= "rx_drop_flags",		\
	[MYVXLAN_DROP_RX_RESERVED]	= "rx_drop_reserved",		\
	[MYVXLAN_DROP_RX_BAD_INNER]	= "rx_drop_bad_inner",		\
	[MYVXLAN_DROP_RX_CSUM]		= "rx_drop_zero_csum",		\
	[MYVXLAN_DROP_TX_NO_REMOTE]	= "tx_drop_no_remote",		\
	[MYVXLAN_DROP_TX_NO_ROUTE]	= "tx_drop_no_route",		\
	[MYVXLAN_DROP_TX_LOOP]		= "tx_drop_loop",		\
	[MYVXLAN_DROP_TX_NOMEM]		= "tx_drop_nomem",		\
	[MYVXLAN_DROP_TX_DOWN]		= "tx_drop_down",		\
	[MYVXLAN_DROP_TX_RUNT]		= "tx_drop_runt",		\
}

/* An FDB entry (MYVXLAN_ATTR_FDB). */
enum myvxlan_fdb_attr {
	MYVXLAN_FDB_UNSPEC,
	MYVXLAN_FDB_MAC,		/* 6 bytes; all zeros: replication list */
	MYVXLAN_FDB_REMOTE,		/* 4 or 16 bytes, network order */
	MYVXLAN_FDB_STATE,		/* u16 NUD_PERMANENT, NUD_NOARP (static)
					 * or NUD_REACHABLE (dynamic, ages)
					 */
	MYVXLAN_FDB_LEARNED,		/* flag: learned from traffic */
	MYVXLAN_FDB_AGE,		/* u32 seconds since last refreshed */
	__MYVXLAN_FDB_MAX
};

#define MYVXLAN_FDB_MAX (__MYVXLAN_FDB_MAX - 1)

#define MYVXLAN_VNI_MAX		0xffffff
#define MYVXLAN_DEFAULT_PORT	4789

enum {
	IFLA_MYVXLAN_UNSPEC,
	IFLA_MYVXLAN_ID,
	IFLA_MYVXLAN_REMOTE,
	IFLA_MYVXLAN_REMOTE6,
	IFLA_MYVXLAN_GROUP,
	IFLA_MYVXLAN_GROUP6,
	IFLA_MYVXLAN_LOCAL,
	IFLA_MYVXLAN_LOCAL6,
	IFLA_MYVXLAN_LINK,
	IFLA_MYVXLAN_PORT,
	IFLA_MYVXLAN_PORT_RANGE,
	IFLA_MYVXLAN_TTL,
	IFLA_MYVXLAN_TTL_INHERIT,
	IFLA_MYVXLAN_TOS,
	IFLA_MYVXLAN_DF,
	IFLA_MYVXLAN_LEARNING,
	IFLA_MYVXLAN_AGEING,
	IFLA_MYVXLAN_LIMIT,
	IFLA_MYVXLAN_UDP_CSUM,
	IFLA_MYVXLAN_UDP_ZERO_CSUM6_TX,
	IFLA_MYVXLAN_UDP_ZERO_CSUM6_RX,
	IFLA_MYVXLAN_PROXY,
	IFLA_MYVXLAN_L2MISS,
	IFLA_MYVXLAN_L3MISS,
	__IFLA_MYVXLAN_MAX
};

#define IFLA_MYVXLAN_MAX (__IFLA_MYVXLAN_MAX - 1)

struct myvxlan_port_range {
	__be16 low;
	__be16 high;
};

enum myvxlan_df {
	MYVXLAN_DF_UNSET,	/* DF clear */
	MYVXLAN_DF_SET,		/* DF set */
	MYVXLAN_DF_INHERIT,	/* DF copied from the inner IPv4 header */
	__MYVXLAN_DF_MAX
};

#define MYVXLAN_DF_MAX (__MYVXLAN_DF_MAX - 1)

#endif /* _UAPI_MYVXLAN_H */
