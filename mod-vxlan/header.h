/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The VXLAN header (RFC 7348 section 5) and the UDP source port choice.
 */
#ifndef _MYVXLAN_HEADER_H
#define _MYVXLAN_HEADER_H

#include <linux/types.h>
#include <net/vxlan.h>

#include "device.h"

/* Outer headers added to a frame: IPv4 or IPv6, UDP, VXLAN. */
#define MYVXLAN_OVERHEAD4	(20 + 8 + 8 + 14)	/* 50 */
#define MYVXLAN_OVERHEAD6	(40 + 8 + 8 + 14)	/* 70 */

void myvxlan_hdr_build(struct vxlanhdr *h, u32 vni);

/*
 * Check a received header.  Returns -1 when it is valid (and sets *vni),
 * else the drop reason.
 */
int myvxlan_hdr_parse(const struct vxlanhdr *h, u32 *vni);

/* Map a flow hash onto [min, max] (both host order, min <= max). */
u16 myvxlan_src_port(u32 hash, u16 min, u16 max);

#endif /* _MYVXLAN_HEADER_H */
