/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * myvxlan: the ringzero VXLAN netdev (link kind "myvxlan").
 *
 * rtnetlink
 * ---------
 * `ip link add NAME type myvxlan` creates a device in the caller's network
 * namespace; `ip link del NAME` removes it.  The device takes no
 * IFLA_INFO_DATA attributes yet.
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
 * Requests carrying unknown attributes are refused with EINVAL and an
 * extended ack message.
 */
#ifndef _UAPI_MYVXLAN_H
#define _UAPI_MYVXLAN_H

#include "ringzero.h"

#define MYVXLAN_GENL_NAME	"myvxlan"
#define MYVXLAN_GENL_VERSION	1
#define MYVXLAN_API_VERSION	1

enum myvxlan_cmd {
	MYVXLAN_CMD_UNSPEC,
	MYVXLAN_CMD_GET_VERSION = RINGZERO_CMD_GET_VERSION,
	__MYVXLAN_CMD_MAX
};

#define MYVXLAN_CMD_MAX (__MYVXLAN_CMD_MAX - 1)

enum myvxlan_attr {
	MYVXLAN_ATTR_UNSPEC,
	MYVXLAN_ATTR_VERSION = RINGZERO_ATTR_VERSION,
	MYVXLAN_ATTR_API_VERSION = RINGZERO_ATTR_API_VERSION,
	__MYVXLAN_ATTR_MAX
};

#define MYVXLAN_ATTR_MAX (__MYVXLAN_ATTR_MAX - 1)

#endif /* _UAPI_MYVXLAN_H */
