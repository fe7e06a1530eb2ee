// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: mybridge's flow export encoders.  IPFIX (RFC 7011) and NetFlow
 * v5 messages are decoded byte by byte at offsets written out here from
 * the layouts (not from the encoder's tables): headers, the template set,
 * IPv4, IPv6 and Ethertype records, how many records fit a buffer and
 * that nothing is written past it.
 */
#include <kunit/test.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/unaligned.h>

#include "../../mod-bridge/export.h"

/* Output buffers: @size bytes, then a guard area; all filled with PATTERN. */

#define GUARD		512	/* more than any header written */
#define PATTERN		0xa5

static u8 *out_buf(struct kunit *test, unsigned int size)
{
	u8 *buf = kunit_kmalloc(test, size + GUARD, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	memset(buf, PATTERN, size + GUARD);
	return buf;
}

/* Nothing written past the message of @len bytes, nor past the buffer. */
static void expect_untouched(struct kunit *test, const u8 *buf,
			     unsigned int size, unsigned int len)
{
	unsigned int past = GUARD;

	while (past && buf[size + past - 1] == PATTERN)
		past--;
	KUNIT_EXPECT_EQ_MSG(test, past, 0,
			    "wrote %u bytes past a buffer of %u", past, size);
	KUNIT_EXPECT_LE_MSG(test, len, size, "length past a buffer of %u",
			    size);
	if (len < size)
		KUNIT_EXPECT_NULL(test, memchr_inv(buf + len, PATTERN,
						   size - len));
}

static u16 be16_at(const u8 *p, unsigned int off)
{
	return get_unaligned_be16(p + off);
}

static u32 be32_at(const u8 *p, unsigned int off)
{
	return get_unaligned_be32(p + off);
}

static u64 be64_at(const u8 *p, unsigned int off)
{
	return get_unaligned_be64(p + off);
}

/* Records. */

static const u8 mac_src[ETH_ALEN] = { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 };
static const u8 mac_dst[ETH_ALEN] = { 0x02, 0x66, 0x77, 0x88, 0x99, 0xaa };
static const u8 ip4_src[4] = { 10, 0, 0, 1 };
static const u8 ip4_dst[4] = { 192, 168, 1, 2 };
static const u8 ip6_src[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
static const u8 ip6_dst[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 1, [14] = 0xab, 2 };

#define IN_PORT		0x01020304u
#define OUT_PORT	0x0a0b0c0du
#define VLAN		0x0123
#define PACKETS		0x0000000123456789ull	/* above 2^32 */
#define BYTES		0x0102030405060708ull
#define FIRST_MS	1700000000123ull
#define LAST_MS		1700000004567ull

static void fill_common(struct mybridge_export_record *r, u16 ethertype)
{
	memset(r, 0, sizeof(*r));
	r->key.in_port = IN_PORT;
	r->key.vlan = VLAN;
	r->key.dl_type = htons(ethertype);
	memcpy(r->key.dl_src, mac_src, ETH_ALEN);
	memcpy(r->key.dl_dst, mac_dst, ETH_ALEN);
	r->out_port = OUT_PORT;
	r->packets = PACKETS;
	r->bytes = BYTES;
	r->first_ms = FIRST_MS;
	r->last_ms = LAST_MS;
	r->first_uptime = 1000;
	r->last_uptime = 5000;
}

static void rec_ipv4(struct mybridge_export_record *r, u8 proto, u16 sport,
		     u16 dport)
{
	fill_common(r, ETH_P_IP);
	r->key.nw_proto = proto;
	memcpy(&r->key.nw_src, ip4_src, 4);
	memcpy(&r->key.nw_dst, ip4_dst, 4);
	r->key.tp_src = htons(sport);
	r->key.tp_dst = htons(dport);
}

static void rec_ipv6(struct mybridge_export_record *r)
{
	fill_common(r, ETH_P_IPV6);
	r->key.nw_proto = IPPROTO_TCP;
	memcpy(&r->key.nw_src, ip6_src, 16);
	memcpy(&r->key.nw_dst, ip6_dst, 16);
	r->key.tp_src = htons(0xc001);
	r->key.tp_dst = htons(443);
}

static void rec_arp(struct mybridge_export_record *r)
{
	fill_common(r, ETH_P_ARP);
	r->key.nw_proto = 1;		/* request */
	memcpy(&r->key.nw_src, ip4_src, 4);
	memcpy(&r->key.nw_dst, ip4_dst, 4);
}

/* Template choice. */

static void ipfix_template_by_ethertype(struct kunit *test)
{
	struct mybridge_export_record r;

	rec_ipv4(&r, IPPROTO_UDP, 1, 2);
	KUNIT_EXPECT_EQ(test, mybridge_ipfix_template(&r), 256);
	rec_ipv6(&r);
	KUNIT_EXPECT_EQ(test, mybridge_ipfix_template(&r), 257);
	rec_arp(&r);
	KUNIT_EXPECT_EQ(test, mybridge_ipfix_template(&r), 258);
	fill_common(&r, 0x88cc);	/* LLDP */
	KUNIT_EXPECT_EQ(test, mybridge_ipfix_template(&r), 258);
	fill_common(&r, 0);
	KUNIT_EXPECT_EQ(test, mybridge_ipfix_template(&r), 258);
	/* Byte order: 0x0008 is not IPv4, 0xdd86 not IPv6. */
	fill_common(&r, 0x0008);
	KUNIT_EXPECT_EQ(test, mybridge_ipfix_template(&r), 258);
	fill_common(&r, 0xdd86);
	KUNIT_EXPECT_EQ(test, mybridge_ipfix_template(&r), 258);
}

/*
 * IPFIX layout.  Message header (16): version, length, export time,
 * sequence, observation domain.  Template set at 16: id 2, length, then
 * templates 256 at 20 (14 fields), 257 at 80 (14 fields), 258 at 140
 * (10 fields); each a 4-byte record header and 4 bytes a field.  The
 * data set's header at 184, its records from 188.
 */
#define IPFIX_TSET		16
#define IPFIX_TSET_LEN		168
#define IPFIX_DSET		184
#define IPFIX_HEAD		188
#define IPFIX_REC4		67
#define IPFIX_REC6		91
#define IPFIX_REC2		56

#define DOMAIN			0x0000abcdu
#define SEQUENCE		0x01020304u
#define EXPORT_TIME		0x65432100u

struct ie {
	u16 id;
	u16 len;
};

/* IANA IPFIX information elements, in the order the templates list them. */
static const struct ie tmpl_ipv4[] = {
	{ 8, 4 }, { 12, 4 }, { 7, 2 }, { 11, 2 }, { 4, 1 },
	{ 58, 2 }, { 10, 4 }, { 14, 4 }, { 2, 8 }, { 1, 8 },
	{ 152, 8 }, { 153, 8 }, { 56, 6 }, { 80, 6 },
};

static const struct ie tmpl_ipv6[] = {
	{ 27, 16 }, { 28, 16 }, { 7, 2 }, { 11, 2 }, { 4, 1 },
	{ 58, 2 }, { 10, 4 }, { 14, 4 }, { 2, 8 }, { 1, 8 },
	{ 152, 8 }, { 153, 8 }, { 56, 6 }, { 80, 6 },
};

static const struct ie tmpl_l2[] = {
	{ 256, 2 },
	{ 58, 2 }, { 10, 4 }, { 14, 4 }, { 2, 8 }, { 1, 8 },
	{ 152, 8 }, { 153, 8 }, { 56, 6 }, { 80, 6 },
};

static const struct {
	u16 id;
	unsigned int off;
	const struct ie *ies;
	unsigned int n;
	unsigned int rec_len;
} tmpls[] = {
	{ 256, 20, tmpl_ipv4, ARRAY_SIZE(tmpl_ipv4), IPFIX_REC4 },
	{ 257, 80, tmpl_ipv6, ARRAY_SIZE(tmpl_ipv6), IPFIX_REC6 },
	{ 258, 140, tmpl_l2, ARRAY_SIZE(tmpl_l2), IPFIX_REC2 },
};

/* The header and template set of a message of @len bytes. */
static void expect_ipfix_head(struct kunit *test, const u8 *m,
			      unsigned int len)
{
	unsigned int i, j, sum = 4, off;

	KUNIT_EXPECT_EQ(test, be16_at(m, 0), 10);
	KUNIT_EXPECT_EQ(test, be16_at(m, 2), len);
	KUNIT_EXPECT_EQ(test, be32_at(m, 4), EXPORT_TIME);
	KUNIT_EXPECT_EQ(test, be32_at(m, 8), SEQUENCE);
	KUNIT_EXPECT_EQ(test, be32_at(m, 12), DOMAIN);

	KUNIT_EXPECT_EQ(test, be16_at(m, IPFIX_TSET), 2);
	KUNIT_EXPECT_EQ(test, be16_at(m, IPFIX_TSET + 2), IPFIX_TSET_LEN);
	for (i = 0; i < ARRAY_SIZE(tmpls); i++) {
		unsigned int len = 0;

		off = tmpls[i].off;
		KUNIT_EXPECT_EQ(test, off, IPFIX_TSET + sum);
		KUNIT_EXPECT_EQ(test, be16_at(m, off), tmpls[i].id);
		KUNIT_ASSERT_EQ(test, be16_at(m, off + 2), tmpls[i].n);
		for (j = 0; j < tmpls[i].n; j++) {
			KUNIT_EXPECT_EQ_MSG(test, be16_at(m, off + 4 + 4 * j),
					    tmpls[i].ies[j].id,
					    "template %u field %u",
					    tmpls[i].id, j);
			KUNIT_EXPECT_EQ_MSG(test, be16_at(m, off + 6 + 4 * j),
					    tmpls[i].ies[j].len,
					    "template %u field %u",
					    tmpls[i].id, j);
			len += tmpls[i].ies[j].len;
		}
		KUNIT_EXPECT_EQ(test, len, tmpls[i].rec_len);
		sum += 4 + 4 * be16_at(m, off + 2);
	}
	KUNIT_EXPECT_EQ(test, sum, be16_at(m, IPFIX_TSET + 2));

	/* First and last fields, spelled out. */
	KUNIT_EXPECT_EQ(test, be32_at(m, 24), 8u << 16 | 4);	/* srcIPv4 */
	KUNIT_EXPECT_EQ(test, be32_at(m, 76), 80u << 16 | 6);	/* dstMac */
	KUNIT_EXPECT_EQ(test, be32_at(m, 84), 27u << 16 | 16);	/* srcIPv6 */
	KUNIT_EXPECT_EQ(test, be32_at(m, 136), 80u << 16 | 6);
	KUNIT_EXPECT_EQ(test, be32_at(m, 144), 256u << 16 | 2);	/* etherType */
	KUNIT_EXPECT_EQ(test, be32_at(m, 180), 80u << 16 | 6);
}

/* vlanId to destinationMacAddress, at @p: the same in every template. */
static void expect_ipfix_common(struct kunit *test, const u8 *p)
{
	KUNIT_EXPECT_EQ(test, be16_at(p, 0), VLAN);
	KUNIT_EXPECT_EQ(test, be32_at(p, 2), IN_PORT);
	KUNIT_EXPECT_EQ(test, be32_at(p, 6), OUT_PORT);
	KUNIT_EXPECT_EQ(test, be64_at(p, 10), PACKETS);
	KUNIT_EXPECT_EQ(test, be64_at(p, 18), BYTES);
	KUNIT_EXPECT_EQ(test, be64_at(p, 26), FIRST_MS);
	KUNIT_EXPECT_EQ(test, be64_at(p, 34), LAST_MS);
	KUNIT_EXPECT_EQ(test, memcmp(p + 42, mac_src, ETH_ALEN), 0);
	KUNIT_EXPECT_EQ(test, memcmp(p + 48, mac_dst, ETH_ALEN), 0);
}

static unsigned int ipfix_build(u8 *buf, unsigned int size,
				const struct mybridge_export_record *recs,
				unsigned int *n)
{
	return mybridge_ipfix_build(buf, size, DOMAIN, SEQUENCE, EXPORT_TIME,
				    recs, n);
}

static void ipfix_ipv4_message(struct kunit *test)
{
	static const u8 ipv4_rec[IPFIX_REC4] = {
		10, 0, 0, 1, 192, 168, 1, 2,		/* addresses */
		0xab, 0xcd, 0x00, 0x35,			/* ports */
		17,					/* UDP */
		0x01, 0x23,				/* vlanId */
		0x01, 0x02, 0x03, 0x04,			/* ingress */
		0x0a, 0x0b, 0x0c, 0x0d,			/* egress */
		0, 0, 0, 0x01, 0x23, 0x45, 0x67, 0x89,	/* packets */
		1, 2, 3, 4, 5, 6, 7, 8,			/* octets */
		0, 0, 0x01, 0x8b, 0xcf, 0xe5, 0x68, 0x7b, /* start */
		0, 0, 0x01, 0x8b, 0xcf, 0xe5, 0x79, 0xd7, /* end */
		0x02, 0x11, 0x22, 0x33, 0x44, 0x55,
		0x02, 0x66, 0x77, 0x88, 0x99, 0xaa,
	};
	struct mybridge_export_record recs[2];
	unsigned int size = 1400, n = 2, len;
	const u8 *r;
	u8 *buf;

	rec_ipv4(&recs[0], IPPROTO_UDP, 0xabcd, 53);
	rec_ipv4(&recs[1], IPPROTO_TCP, 0x1111, 0x2222);
	recs[1].packets = 3;
	buf = out_buf(test, size);
	len = ipfix_build(buf, size, recs, &n);
	KUNIT_EXPECT_EQ(test, n, 2);
	KUNIT_ASSERT_EQ(test, len, IPFIX_HEAD + 2 * IPFIX_REC4);
	expect_ipfix_head(test, buf, len);
	expect_untouched(test, buf, size, len);

	KUNIT_EXPECT_EQ(test, be16_at(buf, IPFIX_DSET), 256);
	KUNIT_EXPECT_EQ(test, be16_at(buf, IPFIX_DSET + 2),
			4 + 2 * IPFIX_REC4);

	/* The first record, field by field, then as a whole. */
	r = buf + IPFIX_HEAD;
	KUNIT_EXPECT_EQ(test, memcmp(r, ip4_src, 4), 0);
	KUNIT_EXPECT_EQ(test, memcmp(r + 4, ip4_dst, 4), 0);
	KUNIT_EXPECT_EQ(test, be16_at(r, 8), 0xabcd);
	KUNIT_EXPECT_EQ(test, be16_at(r, 10), 53);
	KUNIT_EXPECT_EQ(test, r[12], IPPROTO_UDP);
	expect_ipfix_common(test, r + 13);
	KUNIT_EXPECT_EQ(test, memcmp(r, ipv4_rec, IPFIX_REC4), 0);

	/* The second follows it directly. */
	r += IPFIX_REC4;
	KUNIT_EXPECT_EQ(test, memcmp(r, ip4_src, 4), 0);
	KUNIT_EXPECT_EQ(test, be16_at(r, 8), 0x1111);
	KUNIT_EXPECT_EQ(test, be16_at(r, 10), 0x2222);
	KUNIT_EXPECT_EQ(test, r[12], IPPROTO_TCP);
	KUNIT_EXPECT_EQ(test, be64_at(r, 23), 3);
	KUNIT_EXPECT_EQ(test, memcmp(r + 61, mac_dst, ETH_ALEN), 0);
}

static void ipfix_ipv6_message(struct kunit *test)
{
	struct mybridge_export_record rec;
	unsigned int size = 1400, n = 1, len;
	const u8 *r;
	u8 *buf;

	rec_ipv6(&rec);
	buf = out_buf(test, size);
	len = ipfix_build(buf, size, &rec, &n);
	KUNIT_EXPECT_EQ(test, n, 1);
	KUNIT_ASSERT_EQ(test, len, IPFIX_HEAD + IPFIX_REC6);
	expect_ipfix_head(test, buf, len);
	expect_untouched(test, buf, size, len);

	KUNIT_EXPECT_EQ(test, be16_at(buf, IPFIX_DSET), 257);
	KUNIT_EXPECT_EQ(test, be16_at(buf, IPFIX_DSET + 2), 4 + IPFIX_REC6);
	r = buf + IPFIX_HEAD;
	KUNIT_EXPECT_EQ(test, memcmp(r, ip6_src, 16), 0);
	KUNIT_EXPECT_EQ(test, memcmp(r + 16, ip6_dst, 16), 0);
	KUNIT_EXPECT_EQ(test, be16_at(r, 32), 0xc001);
	KUNIT_EXPECT_EQ(test, be16_at(r, 34), 443);
	KUNIT_EXPECT_EQ(test, r[36], IPPROTO_TCP);
	expect_ipfix_common(test, r + 37);
}

static void ipfix_l2_message(struct kunit *test)
{
	struct mybridge_export_record recs[3];
	unsigned int size = 1400, n = 3, len;
	const u8 *r;
	u8 *buf;

	rec_arp(&recs[0]);
	rec_arp(&recs[1]);
	fill_common(&recs[2], 0x88cc);
	buf = out_buf(test, size);
	len = ipfix_build(buf, size, recs, &n);
	KUNIT_EXPECT_EQ(test, n, 3);
	KUNIT_ASSERT_EQ(test, len, IPFIX_HEAD + 3 * IPFIX_REC2);
	expect_ipfix_head(test, buf, len);
	expect_untouched(test, buf, size, len);

	KUNIT_EXPECT_EQ(test, be16_at(buf, IPFIX_DSET), 258);
	KUNIT_EXPECT_EQ(test, be16_at(buf, IPFIX_DSET + 2),
			4 + 3 * IPFIX_REC2);
	r = buf + IPFIX_HEAD;
	KUNIT_EXPECT_EQ(test, be16_at(r, 0), ETH_P_ARP);
	expect_ipfix_common(test, r + 2);
	KUNIT_EXPECT_EQ(test, be16_at(r + 2 * IPFIX_REC2, 0), 0x88cc);
	expect_ipfix_common(test, r + 2 * IPFIX_REC2 + 2);
}

/* Only whole records that fit; the lengths agree with what was written. */
static void ipfix_fits_records_to_buffer(struct kunit *test)
{
	static const struct {
		unsigned int size, n_in, n_out;
	} cases[] = {
		{ IPFIX_HEAD + 2 * IPFIX_REC4 + IPFIX_REC4 - 1, 5, 2 },
		{ IPFIX_HEAD + 3 * IPFIX_REC4, 5, 3 },
		{ IPFIX_HEAD + 3 * IPFIX_REC4 + 1, 5, 3 },
		{ IPFIX_HEAD + IPFIX_REC4, 5, 1 },
		{ IPFIX_HEAD + IPFIX_REC4 - 1, 5, 0 },
		{ IPFIX_HEAD + 5 * IPFIX_REC4, 5, 5 },
		{ 4096, 5, 5 },
	};
	struct mybridge_export_record recs[5];
	unsigned int i, n, len;
	u8 *buf;

	for (i = 0; i < ARRAY_SIZE(recs); i++)
		rec_ipv4(&recs[i], IPPROTO_UDP, 1000 + i, 2000 + i);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		buf = out_buf(test, cases[i].size);
		n = cases[i].n_in;
		len = ipfix_build(buf, cases[i].size, recs, &n);
		KUNIT_EXPECT_EQ_MSG(test, n, cases[i].n_out, "size %u",
				    cases[i].size);
		KUNIT_EXPECT_EQ_MSG(test, len, IPFIX_HEAD + n * IPFIX_REC4,
				    "size %u", cases[i].size);
		KUNIT_EXPECT_EQ(test, be16_at(buf, 2), len);
		KUNIT_EXPECT_EQ(test, be16_at(buf, IPFIX_DSET), 256);
		KUNIT_EXPECT_EQ(test, be16_at(buf, IPFIX_DSET + 2),
				4 + n * IPFIX_REC4);
		if (n)
			KUNIT_EXPECT_EQ(test,
					be16_at(buf, len - IPFIX_REC4 + 8),
					1000 + n - 1);
		expect_untouched(test, buf, cases[i].size, len);
	}
}

/* Too small for the header and templates: nothing, and nothing past it. */
static void ipfix_buffer_too_small(struct kunit *test)
{
	static const unsigned int sizes[] = {
		0, 1, 15, 16, 100, IPFIX_HEAD - 4, IPFIX_HEAD - 1,
	};
	struct mybridge_export_record rec;
	unsigned int i, n, len;
	u8 *buf;

	rec_ipv4(&rec, IPPROTO_UDP, 1, 2);
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		buf = out_buf(test, sizes[i]);
		n = 1;
		len = ipfix_build(buf, sizes[i], &rec, &n);
		KUNIT_EXPECT_EQ_MSG(test, n, 0, "size %u", sizes[i]);
		expect_untouched(test, buf, sizes[i], len);
	}
}

/*
 * NetFlow v5 layout.  Header (24): version, count, sys_uptime,
 * unix_secs, unix_nsecs, flow_sequence, engine_type, engine_id,
 * sampling_interval.  Records (48): srcaddr 0, dstaddr 4, nexthop 8,
 * input 12, output 14, dPkts 16, dOctets 20, First 24, Last 28,
 * srcport 32, dstport 34, pad1 36, tcp_flags 37, prot 38, tos 39,
 * src_as 40, dst_as 42, src_mask 44, dst_mask 45, pad2 46.
 */
#define NF5_HDR		24
#define NF5_REC		48
#define NF5_UPTIME	0x11223344u
#define NF5_SECS	1700000000u
#define NF5_NSECS	123456789u
#define NF5_NOW		((u64)NF5_SECS * NSEC_PER_SEC + NF5_NSECS)

static unsigned int nf5_build(u8 *buf, unsigned int size,
			      const struct mybridge_export_record *recs,
			      unsigned int *n)
{
	return mybridge_netflow5_build(buf, size, SEQUENCE, NF5_UPTIME,
				       NF5_NOW, recs, n);
}

static void expect_nf5_header(struct kunit *test, const u8 *m,
			      unsigned int count)
{
	KUNIT_EXPECT_EQ(test, be16_at(m, 0), 5);
	KUNIT_EXPECT_EQ(test, be16_at(m, 2), count);
	KUNIT_EXPECT_EQ(test, be32_at(m, 4), NF5_UPTIME);
	KUNIT_EXPECT_EQ(test, be32_at(m, 8), NF5_SECS);
	KUNIT_EXPECT_EQ(test, be32_at(m, 12), NF5_NSECS);
	KUNIT_EXPECT_EQ(test, be32_at(m, 16), SEQUENCE);
	KUNIT_EXPECT_EQ(test, m[20], 0);	/* engine type */
	KUNIT_EXPECT_EQ(test, m[21], 0);	/* engine id */
	KUNIT_EXPECT_EQ(test, be16_at(m, 22), 0);
}

static void netflow5_message(struct kunit *test)
{
	static const u8 zero[8];
	struct mybridge_export_record recs[3];
	unsigned int size = 1400, n = 3, len;
	const u8 *r;
	u8 *buf;

	rec_ipv4(&recs[0], IPPROTO_UDP, 0xabcd, 53);
	recs[0].key.in_port = 3;
	recs[0].out_port = 5;
	recs[0].packets = 1000;
	recs[0].bytes = 150000;
	rec_ipv4(&recs[1], IPPROTO_ICMP, 3, 4);	/* port unreachable */
	recs[1].key.in_port = 0x1234;
	recs[1].out_port = 0;
	recs[1].packets = 0x100000000ull;	/* 2^32 */
	recs[1].bytes = 0xffffffffull;
	recs[1].first_uptime = 0x01020304;
	recs[1].last_uptime = 0x05060708;
	rec_ipv4(&recs[2], IPPROTO_TCP, 80, 0x8001);
	recs[2].key.in_port = 1;
	recs[2].out_port = 2;
	recs[2].packets = PACKETS;		/* above 2^32 */
	recs[2].bytes = BYTES;

	buf = out_buf(test, size);
	len = nf5_build(buf, size, recs, &n);
	KUNIT_EXPECT_EQ(test, n, 3);
	KUNIT_ASSERT_EQ(test, len, NF5_HDR + 3 * NF5_REC);
	expect_nf5_header(test, buf, 3);
	expect_untouched(test, buf, size, len);

	/* UDP */
	r = buf + NF5_HDR;
	KUNIT_EXPECT_EQ(test, memcmp(r, ip4_src, 4), 0);
	KUNIT_EXPECT_EQ(test, memcmp(r + 4, ip4_dst, 4), 0);
	KUNIT_EXPECT_EQ(test, be32_at(r, 8), 0);
	KUNIT_EXPECT_EQ(test, be16_at(r, 12), 3);
	KUNIT_EXPECT_EQ(test, be16_at(r, 14), 5);
	KUNIT_EXPECT_EQ(test, be32_at(r, 16), 1000);
	KUNIT_EXPECT_EQ(test, be32_at(r, 20), 150000);
	KUNIT_EXPECT_EQ(test, be32_at(r, 24), 1000);
	KUNIT_EXPECT_EQ(test, be32_at(r, 28), 5000);
	KUNIT_EXPECT_EQ(test, be16_at(r, 32), 0xabcd);
	KUNIT_EXPECT_EQ(test, be16_at(r, 34), 53);
	KUNIT_EXPECT_EQ(test, r[36], 0);
	KUNIT_EXPECT_EQ(test, r[37], 0);
	KUNIT_EXPECT_EQ(test, r[38], IPPROTO_UDP);
	KUNIT_EXPECT_EQ(test, r[39], 0);
	KUNIT_EXPECT_EQ(test, memcmp(r + 40, zero, 8), 0);

	/* ICMP: type << 8 | code in dstport; 2^32 packets clamp. */
	r += NF5_REC;
	KUNIT_EXPECT_EQ(test, memcmp(r, ip4_src, 4), 0);
	KUNIT_EXPECT_EQ(test, memcmp(r + 4, ip4_dst, 4), 0);
	KUNIT_EXPECT_EQ(test, be32_at(r, 8), 0);
	KUNIT_EXPECT_EQ(test, be16_at(r, 12), 0x1234);
	KUNIT_EXPECT_EQ(test, be16_at(r, 14), 0);
	KUNIT_EXPECT_EQ(test, be32_at(r, 16), 0xffffffffu);
	KUNIT_EXPECT_EQ(test, be32_at(r, 20), 0xffffffffu);
	KUNIT_EXPECT_EQ(test, be32_at(r, 24), 0x01020304);
	KUNIT_EXPECT_EQ(test, be32_at(r, 28), 0x05060708);
	KUNIT_EXPECT_EQ(test, be16_at(r, 32), 0);
	KUNIT_EXPECT_EQ(test, be16_at(r, 34), 0x0304);
	KUNIT_EXPECT_EQ(test, r[36], 0);
	KUNIT_EXPECT_EQ(test, r[37], 0);
	KUNIT_EXPECT_EQ(test, r[38], IPPROTO_ICMP);
	KUNIT_EXPECT_EQ(test, r[39], 0);
	KUNIT_EXPECT_EQ(test, memcmp(r + 40, zero, 8), 0);

	/* TCP, both counts above 2^32. */
	r += NF5_REC;
	KUNIT_EXPECT_EQ(test, be16_at(r, 12), 1);
	KUNIT_EXPECT_EQ(test, be16_at(r, 14), 2);
	KUNIT_EXPECT_EQ(test, be32_at(r, 16), 0xffffffffu);
	KUNIT_EXPECT_EQ(test, be32_at(r, 20), 0xffffffffu);
	KUNIT_EXPECT_EQ(test, be16_at(r, 32), 80);
	KUNIT_EXPECT_EQ(test, be16_at(r, 34), 0x8001);
	KUNIT_EXPECT_EQ(test, r[38], IPPROTO_TCP);
}

#define NF5_RECS	40

static void netflow5_fits_records(struct kunit *test)
{
	static const struct {
		unsigned int size, n_in, n_out;
	} cases[] = {
		{ NF5_HDR + 2 * NF5_REC + NF5_REC - 1, 5, 2 },
		{ NF5_HDR + 3 * NF5_REC, 5, 3 },
		{ NF5_HDR + NF5_REC - 1, 5, 0 },
		{ NF5_HDR, 5, 0 },
		/* At most 30 a message, however big the buffer. */
		{ NF5_HDR + 40 * NF5_REC, 40, 30 },
		{ 8192, 40, 30 },
		{ 8192, 30, 30 },
		{ NF5_HDR + 29 * NF5_REC, 40, 29 },
		{ 1400, 40, 28 },
	};
	struct mybridge_export_record *recs;
	unsigned int i, n, len;
	u8 *buf;

	recs = kunit_kcalloc(test, NF5_RECS, sizeof(*recs), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, recs);
	for (i = 0; i < NF5_RECS; i++)
		rec_ipv4(&recs[i], IPPROTO_UDP, 1000 + i, 2000 + i);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		buf = out_buf(test, cases[i].size);
		n = cases[i].n_in;
		len = nf5_build(buf, cases[i].size, recs, &n);
		KUNIT_EXPECT_EQ_MSG(test, n, cases[i].n_out, "size %u",
				    cases[i].size);
		KUNIT_EXPECT_EQ_MSG(test, len, NF5_HDR + n * NF5_REC,
				    "size %u", cases[i].size);
		expect_nf5_header(test, buf, n);
		if (n)
			KUNIT_EXPECT_EQ(test, be16_at(buf, len - NF5_REC + 32),
					1000 + n - 1);
		expect_untouched(test, buf, cases[i].size, len);
	}
}

static void netflow5_buffer_too_small(struct kunit *test)
{
	static const unsigned int sizes[] = { 0, 1, 4, 20, NF5_HDR - 1 };
	struct mybridge_export_record rec;
	unsigned int i, n, len;
	u8 *buf;

	rec_ipv4(&rec, IPPROTO_UDP, 1, 2);
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		buf = out_buf(test, sizes[i]);
		n = 1;
		len = nf5_build(buf, sizes[i], &rec, &n);
		KUNIT_EXPECT_EQ_MSG(test, n, 0, "size %u", sizes[i]);
		expect_untouched(test, buf, sizes[i], len);
	}
}

static struct kunit_case mybridge_export_test_cases[] = {
	KUNIT_CASE(ipfix_template_by_ethertype),
	KUNIT_CASE(ipfix_ipv4_message),
	KUNIT_CASE(ipfix_ipv6_message),
	KUNIT_CASE(ipfix_l2_message),
	KUNIT_CASE(ipfix_fits_records_to_buffer),
	KUNIT_CASE(ipfix_buffer_too_small),
	KUNIT_CASE(netflow5_message),
	KUNIT_CASE(netflow5_fits_records),
	KUNIT_CASE(netflow5_buffer_too_small),
	{}
};

static struct kunit_suite mybridge_export_test_suite = {
	.name = "mybridge_export",
	.test_cases = mybridge_export_test_cases,
};

kunit_test_suite(mybridge_export_test_suite);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit tests for mybridge's IPFIX and NetFlow v5 encoding");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
