// SPDX-License-Identifier: GPL-2.0
/*
 * The VXLAN header (RFC 7348 section 5) and the UDP source port choice.
 *
 *    0                   1                   2                   3
 *   |R|R|R|R|I|R|R|R|            Reserved                           |
 *   |                VXLAN Network Identifier (VNI) |   Reserved    |
 *
 * The RFC asks receivers to ignore the reserved bits; like Linux's vxlan
 * without extensions, myvxlan drops such frames instead, since a set bit
 * means an extension (GBP, GPE, RCO) it would misread.
 */
#include <kunit/visibility.h>
#include <linux/kernel.h>

#include "header.h"

void myvxlan_hdr_build(struct vxlanhdr *h, u32 vni)
{
	h->vx_flags = VXLAN_HF_VNI;
	h->vx_vni = cpu_to_be32(vni << 8);
}
EXPORT_SYMBOL_IF_KUNIT(myvxlan_hdr_build);

int myvxlan_hdr_parse(const struct vxlanhdr *h, u32 *vni)
{
	if (!(h->vx_flags & VXLAN_HF_VNI))
		return MYVXLAN_DROP_RX_FLAGS;
	if ((h->vx_flags & ~VXLAN_HF_VNI) || (h->vx_vni & ~VXLAN_VNI_MASK))
		return MYVXLAN_DROP_RX_RESERVED;
	*vni = be32_to_cpu(h->vx_vni) >> 8;
	return -1;
}
EXPORT_SYMBOL_IF_KUNIT(myvxlan_hdr_parse);

u16 myvxlan_src_port(u32 hash, u16 min, u16 max)
{
	return min + reciprocal_scale(hash, (u32)max - min + 1);
}
EXPORT_SYMBOL_IF_KUNIT(myvxlan_src_port);
