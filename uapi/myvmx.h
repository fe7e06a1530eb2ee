/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * myvmx: the ringzero VMM's interfaces.
 *
 * Character device /dev/myvmx (mode 0600, root only)
 * --------------------------------------------------
 * Opening the device gives a handle for VM management ioctls.  All ioctls
 * use the magic MYVMX_IOC_MAGIC; an unknown ioctl fails with ENOTTY.
 *
 *   MYVMX_GET_API_VERSION   _IO, no argument.  Returns MYVMX_API_VERSION.
 *                           A program checks it before any other ioctl.
 *
 * Generic netlink family "myvmx" (MYVMX_GENL_NAME, version
 * MYVMX_GENL_VERSION)
 * ----------------------------------------------------------------------
 *   MYVMX_CMD_GET_VERSION   do; no attributes.  Reply: MYVMX_ATTR_VERSION
 *                           (NLA_NUL_STRING, RINGZERO_VERSION of the module)
 *                           and MYVMX_ATTR_API_VERSION (NLA_U32,
 *                           MYVMX_API_VERSION).  Unprivileged.
 *
 * Requests carrying unknown attributes are refused with EINVAL and an
 * extended ack message.
 */
#ifndef _UAPI_MYVMX_H
#define _UAPI_MYVMX_H

#include <linux/ioctl.h>
#include "ringzero.h"

#define MYVMX_GENL_NAME		"myvmx"
#define MYVMX_GENL_VERSION	1

/* Version of the /dev/myvmx ioctl API and of the genl family's content. */
#define MYVMX_API_VERSION	1

#define MYVMX_IOC_MAGIC		0xB7
#define MYVMX_GET_API_VERSION	_IO(MYVMX_IOC_MAGIC, 0x00)

enum myvmx_cmd {
	MYVMX_CMD_UNSPEC,
	MYVMX_CMD_GET_VERSION = RINGZERO_CMD_GET_VERSION,
	__MYVMX_CMD_MAX
};

#define MYVMX_CMD_MAX (__MYVMX_CMD_MAX - 1)

enum myvmx_attr {
	MYVMX_ATTR_UNSPEC,
	MYVMX_ATTR_VERSION = RINGZERO_ATTR_VERSION,
	MYVMX_ATTR_API_VERSION = RINGZERO_ATTR_API_VERSION,
	__MYVMX_ATTR_MAX
};

#define MYVMX_ATTR_MAX (__MYVMX_ATTR_MAX - 1)

#endif /* _UAPI_MYVMX_H */
