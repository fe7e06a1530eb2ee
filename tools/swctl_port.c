// SPDX-License-Identifier: GPL-2.0
/*
 * swctl port|mirror|police: the set-up of a mybridge port
 * (MYBRIDGE_CMD_SET_PORT).
 *
 *   swctl port BRIDGE PORT vlan access VID | trunk VID[,VID|-VID...] | none
 *   swctl mirror add BRIDGE src PORT dst PORT [ingress|egress]
 *   swctl mirror del BRIDGE src PORT [ingress|egress]
 *   swctl police BRIDGE PORT rate RATE burst SIZE | off
 *
 * RATE is in bits per second with tc's units (bit, kbit, mbit, gbit; bps,
 * kbps, mbps, gbps for bytes); SIZE in bytes with k, m, g (powers of 2).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <linux/genetlink.h>

#include <mybridge.h>
#include "genl.h"
#include "swctl.h"

/* Send SET_PORT for @port of @bridge with the attributes @fill adds. */
static int set_port(const char *bridge, const char *port,
		    void (*fill)(struct nlmsghdr *nlh, void *arg), void *arg)
{
	char buf[16384];		/* a full trunk is 8 KiB */
	int br_index, port_index, ret;
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct rz_genl g;

	br_index = swctl_ifindex(bridge);
	port_index = br_index ? swctl_ifindex(port) : 0;
	if (!port_index)
		return 1;
	if (rz_genl_open(&g, MYBRIDGE_GENL_NAME) < 0)
		return 1;
	nlh = rz_genl_request(&g, buf, MYBRIDGE_CMD_SET_PORT, NLM_F_ACK);
	mnl_attr_put_u32(nlh, MYBRIDGE_ATTR_IFINDEX, br_index);
	nest = mnl_attr_nest_start(nlh, MYBRIDGE_ATTR_PORT);
	mnl_attr_put_u32(nlh, MYBRIDGE_PORT_IFINDEX, port_index);
	fill(nlh, arg);
	mnl_attr_nest_end(nlh, nest);
	ret = rz_genl_talk(&g, nlh, NULL, NULL);
	rz_genl_close(&g);
	return ret < 0;
}

struct vlan_req {
	uint8_t mode;
	uint16_t pvid;
	uint16_t vids[4094];
	unsigned int n;
};

static void fill_vlan(struct nlmsghdr *nlh, void *arg)
{
	struct vlan_req *v = arg;

	mnl_attr_put_u8(nlh, MYBRIDGE_PORT_VLAN_MODE, v->mode);
	if (v->mode == MYBRIDGE_VLAN_ACCESS)
		mnl_attr_put_u16(nlh, MYBRIDGE_PORT_PVID, v->pvid);
	if (v->mode == MYBRIDGE_VLAN_TRUNK)
		mnl_attr_put(nlh, MYBRIDGE_PORT_TRUNK,
			     v->n * sizeof(uint16_t), v->vids);
}

/* A VLAN ID, 1-4094; -1 after a message. */
static int parse_vid(const char *s)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 1 || v > 4094) {
		fprintf(stderr, "swctl: bad VLAN ID '%s' (1-4094)\n", s);
		return -1;
	}
	return (int)v;
}

/* "10,20,30-40" into @v->vids. */
static int parse_trunk(char *list, struct vlan_req *v)
{
	char seen[4095] = { 0 };
	char *tok, *save, *dash;
	int lo, hi, i;

	for (tok = strtok_r(list, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		dash = strchr(tok, '-');
		if (dash)
			*dash = '\0';
		lo = parse_vid(tok);
		hi = dash ? parse_vid(dash + 1) : lo;
		if (lo < 0 || hi < 0)
			return -1;
		if (hi < lo) {
			fprintf(stderr, "swctl: empty VLAN range %d-%d\n", lo,
				hi);
			return -1;
		}
		for (i = lo; i <= hi; i++) {
			if (!seen[i])
				v->vids[v->n++] = (uint16_t)i;
			seen[i] = 1;
		}
	}
	if (!v->n) {
		fprintf(stderr, "swctl: a trunk needs at least one VLAN\n");
		return -1;
	}
	return 0;
}

int cmd_bridge_port(int argc, char **argv)
{
	static struct vlan_req v;
	int vid;

	memset(&v, 0, sizeof(v));
	if (argc >= 4 && !strcmp(argv[2], "vlan")) {
		if (argc == 5 && !strcmp(argv[3], "access")) {
			vid = parse_vid(argv[4]);
			if (vid < 0)
				return 2;
			v.mode = MYBRIDGE_VLAN_ACCESS;
			v.pvid = (uint16_t)vid;
			return set_port(argv[0], argv[1], fill_vlan, &v);
		}
		if (argc == 5 && !strcmp(argv[3], "trunk")) {
			if (parse_trunk(argv[4], &v) < 0)
				return 2;
			v.mode = MYBRIDGE_VLAN_TRUNK;
			return set_port(argv[0], argv[1], fill_vlan, &v);
		}
		if (argc == 4 && !strcmp(argv[3], "none")) {
			v.mode = MYBRIDGE_VLAN_NONE;
			return set_port(argv[0], argv[1], fill_vlan, &v);
		}
	}
	fprintf(stderr,
		"usage: swctl port BRIDGE PORT vlan access VID | trunk VID[,VID|-VID]... | none\n");
	return 2;
}

struct mirror_req {
	uint32_t dst;
	bool rx, tx;
};

static void fill_mirror(struct nlmsghdr *nlh, void *arg)
{
	struct mirror_req *m = arg;

	if (m->rx)
		mnl_attr_put_u32(nlh, MYBRIDGE_PORT_MIRROR_RX, m->dst);
	if (m->tx)
		mnl_attr_put_u32(nlh, MYBRIDGE_PORT_MIRROR_TX, m->dst);
}

int cmd_bridge_mirror(int argc, char **argv)
{
	struct mirror_req m = { .rx = true, .tx = true };
	bool add = argc >= 1 && !strcmp(argv[0], "add");
	int n = add ? 6 : 4;

	if (argc < 1 || (!add && strcmp(argv[0], "del")))
		goto usage;
	if ((argc != n && argc != n + 1) || strcmp(argv[2], "src") ||
	    (add && strcmp(argv[4], "dst")))
		goto usage;
	if (argc == n + 1) {
		if (!strcmp(argv[n], "ingress"))
			m.tx = false;
		else if (!strcmp(argv[n], "egress"))
			m.rx = false;
		else
			goto usage;
	}
	if (add) {
		m.dst = (uint32_t)swctl_ifindex(argv[5]);
		if (!m.dst)
			return 1;
	}
	return set_port(argv[1], argv[3], fill_mirror, &m);
usage:
	fprintf(stderr,
		"usage: swctl mirror add BRIDGE src PORT dst PORT [ingress|egress]\n"
		"       swctl mirror del BRIDGE src PORT [ingress|egress]\n");
	return 2;
}

/*
 * @s with a unit from @units (suffix, multiplier) into *@out; a bare
 * number takes @bare.  -1 when it is not such a number.
 */
struct unit {
	const char *suffix;
	double mult;
};

static int parse_units(const char *s, const struct unit *units, double bare,
		       uint64_t *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || v < 0)
		return -1;
	if (!*end) {
		*out = (uint64_t)(v * bare);
		return 0;
	}
	for (; units->suffix; units++) {
		if (!strcasecmp(end, units->suffix)) {
			*out = (uint64_t)(v * units->mult);
			return 0;
		}
	}
	return -1;
}

/* tc's rate units: bits per second, or bytes with "bps". */
static const struct unit rate_units[] = {
	{ "bit", 1.0 / 8 }, { "kbit", 1e3 / 8 }, { "mbit", 1e6 / 8 },
	{ "gbit", 1e9 / 8 }, { "bps", 1 }, { "kbps", 1e3 }, { "mbps", 1e6 },
	{ "gbps", 1e9 }, { NULL, 0 },
};

static const struct unit size_units[] = {
	{ "b", 1 }, { "k", 1024 }, { "kb", 1024 }, { "m", 1 << 20 },
	{ "mb", 1 << 20 }, { "g", 1 << 30 }, { "gb", 1 << 30 }, { NULL, 0 },
};

struct police_req {
	uint64_t rate;			/* bytes per second */
	uint64_t burst;
};

static void fill_police(struct nlmsghdr *nlh, void *arg)
{
	struct police_req *p = arg;

	mnl_attr_put_u64(nlh, MYBRIDGE_PORT_POLICE_RATE, p->rate);
	if (p->rate)
		mnl_attr_put_u32(nlh, MYBRIDGE_PORT_POLICE_BURST,
				 (uint32_t)p->burst);
}

int cmd_bridge_police(int argc, char **argv)
{
	struct police_req p = { 0 };

	if (argc == 3 && !strcmp(argv[2], "off"))
		return set_port(argv[0], argv[1], fill_police, &p);
	if (argc != 6 || strcmp(argv[2], "rate") || strcmp(argv[4], "burst"))
		goto usage;
	if (parse_units(argv[3], rate_units, 1.0 / 8, &p.rate) < 0 ||
	    !p.rate) {
		fprintf(stderr, "swctl: bad rate '%s' (e.g. 10mbit)\n",
			argv[3]);
		return 2;
	}
	if (parse_units(argv[5], size_units, 1, &p.burst) < 0 ||
	    p.burst > UINT32_MAX) {
		fprintf(stderr, "swctl: bad burst '%s' (e.g. 64k)\n", argv[5]);
		return 2;
	}
	if (p.burst < MYBRIDGE_POLICE_BURST_MIN) {
		fprintf(stderr,
			"swctl: the burst must hold a full frame: at least %d bytes\n",
			MYBRIDGE_POLICE_BURST_MIN);
		return 2;
	}
	return set_port(argv[0], argv[1], fill_police, &p);
usage:
	fprintf(stderr,
		"usage: swctl police BRIDGE PORT rate RATE burst SIZE | off\n");
	return 2;
}
