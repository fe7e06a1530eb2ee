// SPDX-License-Identifier: GPL-2.0
/*
 * Rules between text and netlink (swctl_flow_text.h).  The tool only
 * translates: the module checks prerequisites, masks and ports.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mybridge.h>
#include "cli.h"
#include "genl.h"
#include "swctl.h"
#include "swctl_flow_text.h"

/* Shorthands: an Ethertype and, for some, an IP protocol. */
static const struct {
	const char *name;
	uint16_t dl_type;
	int nw_proto;			/* -1: none */
} shorthands[] = {
	{ "ip", 0x0800, -1 }, { "ipv6", 0x86dd, -1 }, { "arp", 0x0806, -1 },
	{ "tcp", 0x0800, 6 }, { "udp", 0x0800, 17 }, { "sctp", 0x0800, 132 },
	{ "icmp", 0x0800, 1 }, { "tcp6", 0x86dd, 6 }, { "udp6", 0x86dd, 17 },
	{ "sctp6", 0x86dd, 132 }, { "icmp6", 0x86dd, 58 },
};

#define N_SHORTHANDS ARRAY_SIZE(shorthands)

static int parse_error(const char *what, const char *text)
{
	fprintf(stderr, "swctl: bad %s '%s'\n", what, text);
	return -1;
}

static int parse_ulong(const char *s, unsigned long max, unsigned long *v)
{
	char *end;

	errno = 0;
	*v = strtoul(s, &end, 0);
	return errno || end == s || *end || *v > max || *s == '-' ? -1 : 0;
}

/* "MAC" or "MAC/MASK". */
static int put_mac(struct nlmsghdr *nlh, int type, char *val)
{
	char *slash = strchr(val, '/');
	uint8_t mac[6], mask[6];

	if (slash)
		*slash = '\0';
	if (rz_parse_mac(val, mac) < 0 ||
	    (slash && rz_parse_mac(slash + 1, mask) < 0))
		return -1;
	mnl_attr_put(nlh, type, 6, mac);
	if (slash)
		mnl_attr_put(nlh, type + 1, 6, mask);
	return 0;
}

/* "ADDR", "ADDR/PREFIX" or "ADDR/MASK", IPv4 or IPv6. */
static int put_addr(struct nlmsghdr *nlh, int type, char *val)
{
	char *slash = strchr(val, '/');
	uint8_t addr[16], mask[16];
	unsigned long prefix;
	int family = strchr(val, ':') ? AF_INET6 : AF_INET;
	int len = family == AF_INET6 ? 16 : 4, i;

	if (slash)
		*slash = '\0';
	if (inet_pton(family, val, addr) != 1)
		return -1;
	if (!slash) {
		mnl_attr_put(nlh, type, len, addr);
		return 0;
	}
	if (inet_pton(family, slash + 1, mask) != 1) {
		if (parse_ulong(slash + 1, len * 8, &prefix) < 0)
			return -1;
		for (i = 0; i < len; i++) {
			int bits = (int)prefix - 8 * i;

			mask[i] = bits >= 8 ? 0xff :
				  bits <= 0 ? 0 : (uint8_t)(0xff << (8 - bits));
		}
	}
	mnl_attr_put(nlh, type, len, addr);
	mnl_attr_put(nlh, type + 1, len, mask);
	return 0;
}

/* "N" or "N/MASK", 16 bits. */
static int put_port(struct nlmsghdr *nlh, int type, char *val)
{
	char *slash = strchr(val, '/');
	unsigned long v, m;

	if (slash)
		*slash = '\0';
	if (parse_ulong(val, 0xffff, &v) < 0 ||
	    (slash && parse_ulong(slash + 1, 0xffff, &m) < 0))
		return -1;
	mnl_attr_put_u16(nlh, type, (uint16_t)v);
	if (slash)
		mnl_attr_put_u16(nlh, type + 1, (uint16_t)m);
	return 0;
}

int swctl_match_parse(struct nlmsghdr *nlh, char *text, int *prio)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, MYBRIDGE_FLOW_MATCH);
	int dl_type = -1, nw_proto = -1;
	char *tok, *save, *val;
	unsigned long v;
	unsigned int i;
	int err;

	for (tok = strtok_r(text, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		val = strchr(tok, '=');
		if (!val) {
			for (i = 0; i < N_SHORTHANDS; i++)
				if (!strcmp(tok, shorthands[i].name))
					break;
			if (i == N_SHORTHANDS)
				return parse_error("match field", tok);
			dl_type = shorthands[i].dl_type;
			if (shorthands[i].nw_proto >= 0)
				nw_proto = shorthands[i].nw_proto;
			continue;
		}
		*val++ = '\0';
		err = 0;
		if (!strcmp(tok, "priority")) {
			err = parse_ulong(val, 0xffff, &v);
			*prio = (int)v;
		} else if (!strcmp(tok, "in_port")) {
			v = if_nametoindex(val);
			if (!v)
				return parse_error("in_port (no such device)", val);
			mnl_attr_put_u32(nlh, MYBRIDGE_MATCH_IN_PORT,
					 (uint32_t)v);
		} else if (!strcmp(tok, "dl_src")) {
			err = put_mac(nlh, MYBRIDGE_MATCH_DL_SRC, val);
		} else if (!strcmp(tok, "dl_dst")) {
			err = put_mac(nlh, MYBRIDGE_MATCH_DL_DST, val);
		} else if (!strcmp(tok, "dl_type")) {
			err = parse_ulong(val, 0xffff, &v);
			dl_type = (int)v;
		} else if (!strcmp(tok, "vlan") || !strcmp(tok, "dl_vlan")) {
			err = parse_ulong(val, 0xffff, &v);
			if (!err)
				mnl_attr_put_u16(nlh, MYBRIDGE_MATCH_VLAN,
						 (uint16_t)v);
		} else if (!strcmp(tok, "nw_src")) {
			err = put_addr(nlh, MYBRIDGE_MATCH_NW_SRC, val);
		} else if (!strcmp(tok, "nw_dst")) {
			err = put_addr(nlh, MYBRIDGE_MATCH_NW_DST, val);
		} else if (!strcmp(tok, "nw_proto")) {
			err = parse_ulong(val, 0xff, &v);
			nw_proto = (int)v;
		} else if (!strcmp(tok, "tp_src")) {
			err = put_port(nlh, MYBRIDGE_MATCH_TP_SRC, val);
		} else if (!strcmp(tok, "tp_dst")) {
			err = put_port(nlh, MYBRIDGE_MATCH_TP_DST, val);
		} else {
			return parse_error("match field", tok);
		}
		if (err)
			return parse_error(tok, val);
	}
	if (dl_type >= 0)
		mnl_attr_put_u16(nlh, MYBRIDGE_MATCH_DL_TYPE, (uint16_t)dl_type);
	if (nw_proto >= 0)
		mnl_attr_put_u8(nlh, MYBRIDGE_MATCH_NW_PROTO, (uint8_t)nw_proto);
	mnl_attr_nest_end(nlh, nest);
	return 0;
}

/* "NAME:PORT" actions naming a port. */
static int put_port_action(struct nlmsghdr *nlh, int type, const char *name)
{
	unsigned int idx = if_nametoindex(name);

	if (!idx)
		return parse_error("port (no such device)", name);
	mnl_attr_put_u32(nlh, type, idx);
	return 0;
}

int swctl_actions_parse(struct nlmsghdr *nlh, char *text)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, MYBRIDGE_FLOW_ACTIONS);
	char *tok, *save, *arg;
	unsigned long v;
	int n = 0;

	for (tok = strtok_r(text, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save), n++) {
		arg = strchr(tok, ':');
		if (arg)
			*arg++ = '\0';
		if (!strcmp(tok, "output") && arg) {
			if (put_port_action(nlh, MYBRIDGE_ACTION_OUTPUT, arg))
				return -1;
		} else if (!strcmp(tok, "mirror") && arg) {
			if (put_port_action(nlh, MYBRIDGE_ACTION_MIRROR, arg))
				return -1;
		} else if ((!strcmp(tok, "push_vlan") ||
			    !strcmp(tok, "set_vlan") ||
			    !strcmp(tok, "mod_vlan_vid")) && arg) {
			if (parse_ulong(arg, 0xffff, &v) < 0)
				return parse_error("VLAN ID", arg);
			mnl_attr_put_u16(nlh, strcmp(tok, "push_vlan") ?
					 MYBRIDGE_ACTION_SET_VLAN :
					 MYBRIDGE_ACTION_PUSH_VLAN, (uint16_t)v);
		} else if (!strcmp(tok, "controller")) {
			v = 0;
			if (arg && parse_ulong(arg, 0xffff, &v) < 0)
				return parse_error("controller length", arg);
			mnl_attr_put_u16(nlh, MYBRIDGE_ACTION_CONTROLLER,
					 (uint16_t)v);
		} else if (arg) {
			return parse_error("action", tok);
		} else if (!strcmp(tok, "normal")) {
			mnl_attr_put(nlh, MYBRIDGE_ACTION_NORMAL, 0, NULL);
		} else if (!strcmp(tok, "flood")) {
			mnl_attr_put(nlh, MYBRIDGE_ACTION_FLOOD, 0, NULL);
		} else if (!strcmp(tok, "drop")) {
			mnl_attr_put(nlh, MYBRIDGE_ACTION_DROP, 0, NULL);
		} else if (!strcmp(tok, "pop_vlan") ||
			   !strcmp(tok, "strip_vlan")) {
			mnl_attr_put(nlh, MYBRIDGE_ACTION_POP_VLAN, 0, NULL);
		} else {
			return parse_error("action", tok);
		}
	}
	if (!n) {
		fprintf(stderr, "swctl: a rule needs actions (actions=drop to drop)\n");
		return -1;
	}
	mnl_attr_nest_end(nlh, nest);
	return 0;
}

/* ",NAME=VALUE", or "NAME=VALUE" first. */
static void field(FILE *f, bool *first, const char *name, const char *val)
{
	fprintf(f, "%s%s%s%s", *first ? "" : ",", name, val ? "=" : "",
		val ? val : "");
	*first = false;
}

static void addr_str(const struct nlattr *a, const struct nlattr *m,
		     char *buf, size_t size)
{
	int len = (int)mnl_attr_get_payload_len(a), i, prefix = 0;
	int family = len == 16 ? AF_INET6 : AF_INET;
	const uint8_t *mask = m ? mnl_attr_get_payload(m) : NULL;
	char mbuf[INET6_ADDRSTRLEN];
	bool contiguous = true;

	inet_ntop(family, mnl_attr_get_payload(a), buf, (socklen_t)size);
	if (!mask)
		return;
	for (i = 0; i < len * 8; i++) {
		bool bit = mask[i / 8] & (0x80 >> (i % 8));

		if (bit && prefix != i)
			contiguous = false;
		if (bit)
			prefix++;
	}
	if (contiguous) {
		snprintf(buf + strlen(buf), size - strlen(buf), "/%d", prefix);
	} else {
		inet_ntop(family, mask, mbuf, sizeof(mbuf));
		snprintf(buf + strlen(buf), size - strlen(buf), "/%s", mbuf);
	}
}

static void masked_u16(char *buf, size_t size, const struct nlattr *v,
		       const struct nlattr *m)
{
	if (m)
		snprintf(buf, size, "0x%x/0x%x", mnl_attr_get_u16(v),
			 mnl_attr_get_u16(m));
	else
		snprintf(buf, size, "%u", mnl_attr_get_u16(v));
}

static void mac_field(FILE *f, bool *first, const char *name,
		      const struct nlattr *v, const struct nlattr *m)
{
	char buf[40], mask[18];

	swctl_mac_str(mnl_attr_get_payload(v), buf);
	if (m)
		snprintf(buf + 17, sizeof(buf) - 17, "/%s",
			 swctl_mac_str(mnl_attr_get_payload(m), mask));
	field(f, first, name, buf);
}

/* The shorthand for @dl_type and @nw_proto (-1: none), or -1. */
static int shorthand(int dl_type, int nw_proto)
{
	unsigned int i;

	for (i = 0; i < N_SHORTHANDS; i++)
		if (shorthands[i].dl_type == dl_type &&
		    shorthands[i].nw_proto == nw_proto)
			return (int)i;
	return -1;
}

void swctl_match_print(FILE *f, const struct nlattr *nest)
{
	const struct nlattr *tb[MYBRIDGE_MATCH_MAX + 1];
	char buf[128], name[IF_NAMESIZE];
	bool first = true, proto_done = false;
	int dl_type = -1, nw_proto = -1, i;

	rz_genl_parse_nested(nest, tb, MYBRIDGE_MATCH_MAX);
	if (tb[MYBRIDGE_MATCH_IN_PORT])
		field(f, &first, "in_port",
		      swctl_ifname(mnl_attr_get_u32(tb[MYBRIDGE_MATCH_IN_PORT]),
				   name));
	if (tb[MYBRIDGE_MATCH_DL_TYPE])
		dl_type = mnl_attr_get_u16(tb[MYBRIDGE_MATCH_DL_TYPE]);
	if (tb[MYBRIDGE_MATCH_NW_PROTO])
		nw_proto = mnl_attr_get_u8(tb[MYBRIDGE_MATCH_NW_PROTO]);
	i = shorthand(dl_type, nw_proto);
	if (i >= 0)
		proto_done = true;
	else
		i = shorthand(dl_type, -1);
	if (i >= 0) {
		field(f, &first, shorthands[i].name, NULL);
	} else if (dl_type >= 0) {
		snprintf(buf, sizeof(buf), "0x%04x", dl_type);
		field(f, &first, "dl_type", buf);
	}
	if (nw_proto >= 0 && !proto_done) {
		snprintf(buf, sizeof(buf), "%d", nw_proto);
		field(f, &first, "nw_proto", buf);
	}
	if (tb[MYBRIDGE_MATCH_DL_SRC])
		mac_field(f, &first, "dl_src", tb[MYBRIDGE_MATCH_DL_SRC],
			  tb[MYBRIDGE_MATCH_DL_SRC_MASK]);
	if (tb[MYBRIDGE_MATCH_DL_DST])
		mac_field(f, &first, "dl_dst", tb[MYBRIDGE_MATCH_DL_DST],
			  tb[MYBRIDGE_MATCH_DL_DST_MASK]);
	if (tb[MYBRIDGE_MATCH_VLAN]) {
		snprintf(buf, sizeof(buf), "%u",
			 mnl_attr_get_u16(tb[MYBRIDGE_MATCH_VLAN]));
		field(f, &first, "vlan", buf);
	}
	if (tb[MYBRIDGE_MATCH_NW_SRC]) {
		addr_str(tb[MYBRIDGE_MATCH_NW_SRC],
			 tb[MYBRIDGE_MATCH_NW_SRC_MASK], buf, sizeof(buf));
		field(f, &first, "nw_src", buf);
	}
	if (tb[MYBRIDGE_MATCH_NW_DST]) {
		addr_str(tb[MYBRIDGE_MATCH_NW_DST],
			 tb[MYBRIDGE_MATCH_NW_DST_MASK], buf, sizeof(buf));
		field(f, &first, "nw_dst", buf);
	}
	if (tb[MYBRIDGE_MATCH_TP_SRC]) {
		masked_u16(buf, sizeof(buf), tb[MYBRIDGE_MATCH_TP_SRC],
			   tb[MYBRIDGE_MATCH_TP_SRC_MASK]);
		field(f, &first, "tp_src", buf);
	}
	if (tb[MYBRIDGE_MATCH_TP_DST]) {
		masked_u16(buf, sizeof(buf), tb[MYBRIDGE_MATCH_TP_DST],
			   tb[MYBRIDGE_MATCH_TP_DST_MASK]);
		field(f, &first, "tp_dst", buf);
	}
}

void swctl_actions_print(FILE *f, const struct nlattr *nest)
{
	static const char *const names[MYBRIDGE_ACTION_MAX + 1] = {
		[MYBRIDGE_ACTION_OUTPUT]	= "output",
		[MYBRIDGE_ACTION_NORMAL]	= "normal",
		[MYBRIDGE_ACTION_FLOOD]		= "flood",
		[MYBRIDGE_ACTION_DROP]		= "drop",
		[MYBRIDGE_ACTION_PUSH_VLAN]	= "push_vlan",
		[MYBRIDGE_ACTION_SET_VLAN]	= "set_vlan",
		[MYBRIDGE_ACTION_POP_VLAN]	= "pop_vlan",
		[MYBRIDGE_ACTION_MIRROR]	= "mirror",
		[MYBRIDGE_ACTION_CONTROLLER]	= "controller",
	};
	const struct nlattr *a;
	char name[IF_NAMESIZE];
	bool first = true;
	uint16_t type;

	mnl_attr_for_each_nested(a, nest) {
		type = mnl_attr_get_type(a);
		if (type > MYBRIDGE_ACTION_MAX || !names[type])
			continue;
		fprintf(f, "%s%s", first ? "" : ",", names[type]);
		first = false;
		switch (type) {
		case MYBRIDGE_ACTION_OUTPUT:
		case MYBRIDGE_ACTION_MIRROR:
			fprintf(f, ":%s",
				swctl_ifname(mnl_attr_get_u32(a), name));
			break;
		case MYBRIDGE_ACTION_PUSH_VLAN:
		case MYBRIDGE_ACTION_SET_VLAN:
			fprintf(f, ":%u", mnl_attr_get_u16(a));
			break;
		case MYBRIDGE_ACTION_CONTROLLER:
			if (mnl_attr_get_u16(a))
				fprintf(f, ":%u", mnl_attr_get_u16(a));
			break;
		}
	}
}
