/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * ringzero: what every ringzero interface shares.
 *
 * RINGZERO_VERSION is the release of the modules and tools; each module
 * reports it in the reply to its family's version command, so a tool can
 * tell that it talks to the modules it was built with.
 *
 * Every ringzero generic netlink family (myvmx, myvxlan, mybridge) answers
 * the same version command, RINGZERO_CMD_GET_VERSION (command number 1 in
 * each family), with no request attributes and a reply carrying:
 *
 *   RINGZERO_ATTR_VERSION      NLA_NUL_STRING  RINGZERO_VERSION of the module
 *   RINGZERO_ATTR_API_VERSION  NLA_U32         the family's own API version
 *
 * Those two attribute numbers are reserved in every family; each family's
 * header numbers its own commands and attributes after them.
 */
#ifndef _UAPI_RINGZERO_H
#define _UAPI_RINGZERO_H

#define RINGZERO_VERSION "0.1.0"

#define RINGZERO_CMD_GET_VERSION	1

#define RINGZERO_ATTR_VERSION		1
#define RINGZERO_ATTR_API_VERSION	2

#endif /* _UAPI_RINGZERO_H */
