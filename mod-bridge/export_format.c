// SPDX-License-Identifier: GPL-2.0
/*
 * Flow records on the wire: IPFIX (RFC 7011, information elements from
 * IANA's registry) and NetFlow v5.  Pure encoding, no state.
 */
#include <kunit/visibility.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <asm/unaligned.h>

#include "export.h"

#define IPFIX_VERSION		10
#define IPFIX_HDR_LEN		16
#define IPFIX_SET_TEMPLATE	2
#define IPFIX_TMPL_IPV4		256
#define IPFIX_TMPL_IPV6		257
#define IPFIX_TMPL_L2		258

#define NF5_VERSION		5
#define NF5_HDR_LEN		24
#define NF5_REC_LEN		48
#define NF5_MAX_RECORDS		30

struct ipfix_field {
	u16 id;				/* IANA information element */
	u16 len;
};

/* The first fields of each template: addresses, or the Ethertype. */
static const struct ipfix_field ipfix_ipv4[] = {
	{ 8, 4 },	/* sourceIPv4Address */
	{ 12, 4 },	/* destinationIPv4Address */
	{ 7, 2 },	/* sourceTransportPort (ICMP: type) */
	{ 11, 2 },	/* destinationTransportPort (ICMP: code) */
	{ 4, 1 },	/* protocolIdentifier */
};

static const struct ipfix_field ipfix_ipv6[] = {
	{ 27, 16 },	/* sourceIPv6Address */
	{ 28, 16 },	/* destinationIPv6Address */
	{ 7, 2 },
	{ 11, 2 },
	{ 4, 1 },
};

static const struct ipfix_field ipfix_l2[] = {
	{ 256, 2 },	/* ethernetType */
};

/* Then these, in every template. */
static const struct ipfix_field ipfix_common[] = {
	{ 58, 2 },	/* vlanId */
	{ 10, 4 },	/* ingressInterface */
	{ 14, 4 },	/* egressInterface */
	{ 2, 8 },	/* packetDeltaCount */
	{ 1, 8 },	/* octetDeltaCount */
	{ 152, 8 },	/* flowStartMilliseconds */
	{ 153, 8 },	/* flowEndMilliseconds */
	{ 56, 6 },	/* sourceMacAddress */
	{ 80, 6 },	/* destinationMacAddress */
};

static const struct {
	u16 id;
	const struct ipfix_field *fields;
	unsigned int n;
} ipfix_templates[] = {
	{ IPFIX_TMPL_IPV4, ipfix_ipv4, ARRAY_SIZE(ipfix_ipv4) },
	{ IPFIX_TMPL_IPV6, ipfix_ipv6, ARRAY_SIZE(ipfix_ipv6) },
	{ IPFIX_TMPL_L2, ipfix_l2, ARRAY_SIZE(ipfix_l2) },
};

static unsigned int ipfix_fields_len(const struct ipfix_field *f,
				     unsigned int n)
{
	unsigned int len = 0;

	while (n--)
		len += f++->len;
	return len;
}

/* A cursor writing big-endian fields. */
struct wbuf {
	u8 *p;
};

static void put8(struct wbuf *w, u8 v)
{
	*w->p++ = v;
}

static void put16(struct wbuf *w, u16 v)
{
	put_unaligned_be16(v, w->p);
	w->p += 2;
}

static void put32(struct wbuf *w, u32 v)
{
	put_unaligned_be32(v, w->p);
	w->p += 4;
}

static void put64(struct wbuf *w, u64 v)
{
	put_unaligned_be64(v, w->p);
	w->p += 8;
}

static void put_bytes(struct wbuf *w, const void *p, unsigned int len)
{
	memcpy(w->p, p, len);
	w->p += len;
}

u16 mybridge_ipfix_template(const struct mybridge_export_record *rec)
{
	switch (ntohs(rec->key.dl_type)) {
	case ETH_P_IP:
		return IPFIX_TMPL_IPV4;
	case ETH_P_IPV6:
		return IPFIX_TMPL_IPV6;
	}
	return IPFIX_TMPL_L2;
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_ipfix_template);

static unsigned int ipfix_record_len(u16 tmpl)
{
	unsigned int i, len = ipfix_fields_len(ipfix_common,
					       ARRAY_SIZE(ipfix_common));

	for (i = 0; i < ARRAY_SIZE(ipfix_templates); i++)
		if (ipfix_templates[i].id == tmpl)
			len += ipfix_fields_len(ipfix_templates[i].fields,
						ipfix_templates[i].n);
	return len;
}

static unsigned int ipfix_template_set_len(void)
{
	unsigned int i, len = 4;

	for (i = 0; i < ARRAY_SIZE(ipfix_templates); i++)
		len += 4 + 4 * (ipfix_templates[i].n + ARRAY_SIZE(ipfix_common));
	return len;
}

static void ipfix_put_fields(struct wbuf *w, const struct ipfix_field *f,
			     unsigned int n)
{
	while (n--) {
		put16(w, f->id);
		put16(w, f->len);
		f++;
	}
}

static void ipfix_put_templates(struct wbuf *w)
{
	unsigned int i;

	put16(w, IPFIX_SET_TEMPLATE);
	put16(w, ipfix_template_set_len());
	for (i = 0; i < ARRAY_SIZE(ipfix_templates); i++) {
		put16(w, ipfix_templates[i].id);
		put16(w, ipfix_templates[i].n + ARRAY_SIZE(ipfix_common));
		ipfix_put_fields(w, ipfix_templates[i].fields,
				 ipfix_templates[i].n);
		ipfix_put_fields(w, ipfix_common, ARRAY_SIZE(ipfix_common));
	}
}

static void ipfix_put_record(struct wbuf *w, u16 tmpl,
			     const struct mybridge_export_record *r)
{
	const struct mybridge_flow_key *k = &r->key;

	switch (tmpl) {
	case IPFIX_TMPL_IPV4:
	case IPFIX_TMPL_IPV6:
		put_bytes(w, &k->nw_src, tmpl == IPFIX_TMPL_IPV4 ? 4 : 16);
		put_bytes(w, &k->nw_dst, tmpl == IPFIX_TMPL_IPV4 ? 4 : 16);
		put16(w, ntohs(k->tp_src));
		put16(w, ntohs(k->tp_dst));
		put8(w, k->nw_proto);
		break;
	default:
		put16(w, ntohs(k->dl_type));
	}
	put16(w, k->vlan);
	put32(w, k->in_port);
	put32(w, r->out_port);
	put64(w, r->packets);
	put64(w, r->bytes);
	put64(w, r->first_ms);
	put64(w, r->last_ms);
	put_bytes(w, k->dl_src, ETH_ALEN);
	put_bytes(w, k->dl_dst, ETH_ALEN);
}

unsigned int mybridge_ipfix_build(u8 *buf, unsigned int size, u32 domain,
				  u32 sequence, u32 export_time,
				  const struct mybridge_export_record *recs,
				  unsigned int *n)
{
	u16 tmpl = *n ? mybridge_ipfix_template(&recs[0]) : IPFIX_TMPL_L2;
	unsigned int rec_len = ipfix_record_len(tmpl), fit, i;
	unsigned int head = IPFIX_HDR_LEN + ipfix_template_set_len() + 4;
	struct wbuf w = { .p = buf };

	if (size < head) {
		*n = 0;
		return 0;
	}
	fit = (size - head) / rec_len;
	*n = min(*n, fit);
	put16(&w, IPFIX_VERSION);
	put16(&w, head + *n * rec_len);
	put32(&w, export_time);
	put32(&w, sequence);
	put32(&w, domain);
	ipfix_put_templates(&w);
	put16(&w, tmpl);
	put16(&w, 4 + *n * rec_len);
	for (i = 0; i < *n; i++)
		ipfix_put_record(&w, tmpl, &recs[i]);
	return w.p - buf;
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_ipfix_build);

unsigned int mybridge_netflow5_build(u8 *buf, unsigned int size,
				     u32 sequence, u32 uptime, u64 now_ns,
				     const struct mybridge_export_record *recs,
				     unsigned int *n)
{
	struct wbuf w = { .p = buf };
	unsigned int i, fit;
	u32 rem;

	if (size < NF5_HDR_LEN) {
		*n = 0;
		return 0;
	}
	fit = (size - NF5_HDR_LEN) / NF5_REC_LEN;
	*n = min3(*n, fit, (unsigned int)NF5_MAX_RECORDS);
	put16(&w, NF5_VERSION);
	put16(&w, *n);
	put32(&w, uptime);
	put32(&w, div_u64_rem(now_ns, NSEC_PER_SEC, &rem));
	put32(&w, rem);
	put32(&w, sequence);
	put8(&w, 0);			/* engine type */
	put8(&w, 0);			/* engine id */
	put16(&w, 0);			/* not sampled */
	for (i = 0; i < *n; i++) {
		const struct mybridge_flow_key *k = &recs[i].key;
		bool icmp = k->nw_proto == IPPROTO_ICMP;

		put_bytes(&w, &k->nw_src, 4);
		put_bytes(&w, &k->nw_dst, 4);
		put32(&w, 0);		/* next hop: switched, not routed */
		put16(&w, k->in_port);
		put16(&w, recs[i].out_port);
		put32(&w, min_t(u64, recs[i].packets, U32_MAX));
		put32(&w, min_t(u64, recs[i].bytes, U32_MAX));
		put32(&w, recs[i].first_uptime);
		put32(&w, recs[i].last_uptime);
		/* ICMP: type and code in the destination port, as is usual. */
		put16(&w, icmp ? 0 : ntohs(k->tp_src));
		put16(&w, icmp ? ntohs(k->tp_src) << 8 | ntohs(k->tp_dst) :
		      ntohs(k->tp_dst));
		put8(&w, 0);		/* pad */
		put8(&w, 0);		/* TCP flags: not kept */
		put8(&w, k->nw_proto);
		put8(&w, 0);		/* ToS */
		put32(&w, 0);		/* source and destination AS */
		put32(&w, 0);		/* masks, pad */
	}
	return w.p - buf;
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_netflow5_build);
