/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * mybridge: the ringzero virtual switch netdev (link kind "mybridge").
 *
 * rtnetlink
 * ---------
 * `ip link add NAME type mybridge` creates a device in the caller's network
 * namespace; `ip link del NAME` removes it.  The device takes no
 * IFLA_INFO_DATA attributes yet.
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
 * Requests carrying unknown attributes are refused with EINVAL and an
 * extended ack message.
 */
#ifndef _UAPI_MYBRIDGE_H
#define _UAPI_MYBRIDGE_H

#include "ringzero.h"

#define MYBRIDGE_GENL_NAME	"mybridge"
#define MYBRIDGE_GENL_VERSION	1
#define MYBRIDGE_API_VERSION	1

enum mybridge_cmd {
	MYBRIDGE_CMD_UNSPEC,
	MYBRIDGE_CMD_GET_VERSION = RINGZERO_CMD_GET_VERSION,
	__MYBRIDGE_CMD_MAX
};

#define MYBRIDGE_CMD_MAX (__MYBRIDGE_CMD_MAX - 1)

enum mybridge_attr {
	MYBRIDGE_ATTR_UNSPEC,
	MYBRIDGE_ATTR_VERSION = RINGZERO_ATTR_VERSION,
	MYBRIDGE_ATTR_API_VERSION = RINGZERO_ATTR_API_VERSION,
	__MYBRIDGE_ATTR_MAX
};

#define MYBRIDGE_ATTR_MAX (__MYBRIDGE_ATTR_MAX - 1)

#endif /* _UAPI_MYBRIDGE_H */
