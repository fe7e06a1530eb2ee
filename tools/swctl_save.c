// SPDX-License-Identifier: GPL-2.0
/*
 * swctl save|restore: a mybridge switch's configuration as swctl commands.
 *
 *   swctl save BRIDGE > FILE     print the configuration
 *   swctl restore [FILE]         replay it (default: standard input)
 *
 * The file is text, one command a line: the words of an swctl command
 * line (without "swctl"), split at white space.  Blank lines and lines
 * starting with '#' are ignored, and so is the rest of a line from a word
 * that starts with '#'.  `swctl save` writes, in this order:
 *
 *   # a comment naming the switch
 *   bridge add BRIDGE ageing N fdb_max_learned N
 *   bridge port BRIDGE PORT                 every port, in port order
 *   port BRIDGE PORT vlan access VID | vlan trunk VID[,VID|-VID]...
 *                                           ports not in the default mode
 *   police BRIDGE PORT rate Nbps burst N    policed ports (bytes/s, bytes)
 *   mirror add BRIDGE src PORT dst PORT [ingress|egress]
 *                                           no direction: both, same port
 *   fdb add BRIDGE MAC vlan VID port PORT|self
 *                                           static FDB entries (self: the
 *                                           switch's own), by VLAN and MAC
 *   flow add BRIDGE priority=P[,MATCH] actions=ACTIONS
 *                                           every rule, highest priority
 *                                           first (swctl_flow_text.h)
 *   export BRIDGE ipfix|netflow ADDR:PORT active S idle S
 *                                           when exporting ([ADDR] for
 *                                           IPv6)
 *
 * `swctl restore` runs the lines in order and stops at the first that
 * fails ("swctl: FILE:LINE: ..." and exit status 1).  Three commands exist
 * in files only, run here over rtnetlink:
 *
 *   bridge add BRIDGE [ageing N] [fdb_max_learned N]
 *       creates the switch (up) when there is no such device, sets the
 *       parameters of an existing mybridge, refuses any other device
 *   bridge port BRIDGE PORT
 *       makes the existing device PORT a port of BRIDGE (if it is not)
 *   fdb add BRIDGE MAC [vlan VID] [port PORT|self]
 *       adds or replaces a static FDB entry
 *
 * The others (port, police, mirror, flow, export) are swctl's own
 * commands; "flow add" gets "replace" appended, so that replaying a file
 * twice gives the same configuration.  The devices of the ports (veths,
 * taps, ...) are not the switch's: they must exist before the restore.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/genetlink.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include <mybridge.h>
#include "cli.h"
#include "genl.h"
#include "swctl.h"
#include "swctl_flow_text.h"

#define MYBRIDGE_KIND	"mybridge"

/* --- save --- */

/* The GET_BRIDGE reply of the switch, copied. */
struct bridge_msg {
	struct nlmsghdr *nlh;
};

static int bridge_msg_cb(const struct nlmsghdr *nlh, void *data)
{
	struct bridge_msg *m = data;

	if (m->nlh)
		return MNL_CB_OK;
	m->nlh = malloc(nlh->nlmsg_len);
	if (!m->nlh)
		return MNL_CB_ERROR;
	memcpy(m->nlh, nlh, nlh->nlmsg_len);
	return MNL_CB_OK;
}

/* Call @fn for every port nest of the switch, in port order. */
static void save_ports(const struct nlattr *ports, const char *br,
		       void (*fn)(const char *br, const struct nlattr **tb))
{
	const struct nlattr *tb[MYBRIDGE_PORT_MAX + 1];
	const struct nlattr *port;

	if (!ports)
		return;
	mnl_attr_for_each_nested(port, ports) {
		if (mnl_attr_get_type(port) != MYBRIDGE_ATTR_PORT)
			continue;
		rz_genl_parse_nested(port, tb, MYBRIDGE_PORT_MAX);
		if (tb[MYBRIDGE_PORT_IFNAME])
			fn(br, tb);
	}
}

static const char *port_name(const struct nlattr **tb)
{
	return mnl_attr_get_str(tb[MYBRIDGE_PORT_IFNAME]);
}

static void save_port(const char *br, const struct nlattr **tb)
{
	printf("bridge port %s %s\n", br, port_name(tb));
}

/* "10,20-30": a sorted VLAN list, runs of three or more as ranges. */
static void print_trunk(const struct nlattr *trunk)
{
	const uint16_t *vids = mnl_attr_get_payload(trunk);
	unsigned int i, j, n = mnl_attr_get_payload_len(trunk) / 2;

	for (i = 0; i < n; i = j + 1) {
		for (j = i; j + 1 < n && vids[j + 1] == vids[j] + 1; j++)
			;
		printf("%s%u", i ? "," : "", vids[i]);
		if (j >= i + 2)
			printf("-%u", vids[j]);
		else
			j = i;
	}
}

static void save_vlan(const char *br, const struct nlattr **tb)
{
	uint8_t mode = MYBRIDGE_VLAN_NONE;

	if (tb[MYBRIDGE_PORT_VLAN_MODE])
		mode = mnl_attr_get_u8(tb[MYBRIDGE_PORT_VLAN_MODE]);
	if (mode == MYBRIDGE_VLAN_ACCESS && tb[MYBRIDGE_PORT_PVID]) {
		printf("port %s %s vlan access %u\n", br, port_name(tb),
		       mnl_attr_get_u16(tb[MYBRIDGE_PORT_PVID]));
	} else if (mode == MYBRIDGE_VLAN_TRUNK && tb[MYBRIDGE_PORT_TRUNK] &&
		   mnl_attr_get_payload_len(tb[MYBRIDGE_PORT_TRUNK]) >= 2) {
		printf("port %s %s vlan trunk ", br, port_name(tb));
		print_trunk(tb[MYBRIDGE_PORT_TRUNK]);
		printf("\n");
	}
}

static void save_police(const char *br, const struct nlattr **tb)
{
	const struct nlattr *rate = tb[MYBRIDGE_PORT_POLICE_RATE];
	const struct nlattr *burst = tb[MYBRIDGE_PORT_POLICE_BURST];

	if (!rate || !mnl_attr_get_u64(rate) || !burst)
		return;
	printf("police %s %s rate %llubps burst %u\n", br, port_name(tb),
	       (unsigned long long)mnl_attr_get_u64(rate),
	       mnl_attr_get_u32(burst));
}

static void save_mirror(const char *br, const struct nlattr **tb)
{
	const struct nlattr *rx = tb[MYBRIDGE_PORT_MIRROR_RX];
	const struct nlattr *tx = tb[MYBRIDGE_PORT_MIRROR_TX];
	uint32_t rx_dst = rx ? mnl_attr_get_u32(rx) : 0;
	uint32_t tx_dst = tx ? mnl_attr_get_u32(tx) : 0;
	char name[IF_NAMESIZE];

	if (rx_dst && rx_dst == tx_dst) {
		printf("mirror add %s src %s dst %s\n", br, port_name(tb),
		       swctl_ifname(rx_dst, name));
		return;
	}
	if (rx_dst)
		printf("mirror add %s src %s dst %s ingress\n", br,
		       port_name(tb), swctl_ifname(rx_dst, name));
	if (tx_dst)
		printf("mirror add %s src %s dst %s egress\n", br,
		       port_name(tb), swctl_ifname(tx_dst, name));
}

struct fdb_entry {
	uint8_t mac[6];
	uint16_t vlan;
	uint32_t port;			/* 0: the switch */
};

struct fdb_list {
	struct fdb_entry *e;
	size_t n, size;
};

static int fdb_static_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[MYBRIDGE_ATTR_MAX + 1];
	const struct nlattr *fdb[MYBRIDGE_FDB_MAX + 1];
	struct fdb_list *l = data;
	struct fdb_entry *e;

	rz_genl_parse(nlh, tb, MYBRIDGE_ATTR_MAX);
	rz_genl_parse_nested(tb[MYBRIDGE_ATTR_FDB], fdb, MYBRIDGE_FDB_MAX);
	if (!fdb[MYBRIDGE_FDB_STATIC] || !fdb[MYBRIDGE_FDB_MAC] ||
	    mnl_attr_get_payload_len(fdb[MYBRIDGE_FDB_MAC]) != 6)
		return MNL_CB_OK;
	if (l->n == l->size) {
		l->size = l->size ? 2 * l->size : 64;
		e = realloc(l->e, l->size * sizeof(*e));
		if (!e)
			return MNL_CB_ERROR;
		l->e = e;
	}
	e = &l->e[l->n++];
	memcpy(e->mac, mnl_attr_get_payload(fdb[MYBRIDGE_FDB_MAC]), 6);
	e->vlan = fdb[MYBRIDGE_FDB_VLAN] ?
		  mnl_attr_get_u16(fdb[MYBRIDGE_FDB_VLAN]) : 0;
	e->port = fdb[MYBRIDGE_FDB_PORT] ?
		  mnl_attr_get_u32(fdb[MYBRIDGE_FDB_PORT]) : 0;
	return MNL_CB_OK;
}

/* By VLAN, then MAC: the FDB's hash order changes from switch to switch. */
static int fdb_cmp(const void *a, const void *b)
{
	const struct fdb_entry *x = a, *y = b;

	if (x->vlan != y->vlan)
		return x->vlan < y->vlan ? -1 : 1;
	return memcmp(x->mac, y->mac, 6);
}

static int save_fdb(const char *br, int ifindex)
{
	struct fdb_list l = { 0 };
	char mac[18], port[IF_NAMESIZE];
	size_t i;

	if (rz_genl_call(MYBRIDGE_GENL_NAME, MYBRIDGE_CMD_GET_FDB, NLM_F_DUMP,
			 MYBRIDGE_ATTR_IFINDEX, (uint32_t)ifindex, 0,
			 fdb_static_cb, &l) < 0) {
		free(l.e);
		return -1;
	}
	if (l.n)
		qsort(l.e, l.n, sizeof(*l.e), fdb_cmp);
	for (i = 0; i < l.n; i++)
		printf("fdb add %s %s vlan %u port %s\n", br,
		       swctl_mac_str(l.e[i].mac, mac), l.e[i].vlan,
		       l.e[i].port ? swctl_ifname(l.e[i].port, port) : "self");
	free(l.e);
	return 0;
}

static int flow_save_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[MYBRIDGE_ATTR_MAX + 1];
	const struct nlattr *fl[MYBRIDGE_FLOW_MAX + 1];
	const char *br = data;

	rz_genl_parse(nlh, tb, MYBRIDGE_ATTR_MAX);
	if (!tb[MYBRIDGE_ATTR_FLOW])
		return MNL_CB_OK;
	rz_genl_parse_nested(tb[MYBRIDGE_ATTR_FLOW], fl, MYBRIDGE_FLOW_MAX);
	printf("flow add %s priority=%u", br, fl[MYBRIDGE_FLOW_PRIORITY] ?
	       mnl_attr_get_u16(fl[MYBRIDGE_FLOW_PRIORITY]) : 0);
	if (fl[MYBRIDGE_FLOW_MATCH] &&
	    mnl_attr_get_payload_len(fl[MYBRIDGE_FLOW_MATCH])) {
		putchar(',');
		swctl_match_print(stdout, fl[MYBRIDGE_FLOW_MATCH]);
	}
	printf(" actions=");
	if (fl[MYBRIDGE_FLOW_ACTIONS])
		swctl_actions_print(stdout, fl[MYBRIDGE_FLOW_ACTIONS]);
	printf("\n");
	return MNL_CB_OK;
}

static void save_export(const char *br, const struct nlattr *nest)
{
	const struct nlattr *tb[MYBRIDGE_EXPORT_MAX + 1];
	char addr[INET6_ADDRSTRLEN];
	const char *format;
	unsigned int len;

	rz_genl_parse_nested(nest, tb, MYBRIDGE_EXPORT_MAX);
	if (!tb[MYBRIDGE_EXPORT_FORMAT] || !tb[MYBRIDGE_EXPORT_ADDR] ||
	    !tb[MYBRIDGE_EXPORT_PORT])
		return;
	switch (mnl_attr_get_u8(tb[MYBRIDGE_EXPORT_FORMAT])) {
	case MYBRIDGE_EXPORT_IPFIX:
		format = "ipfix";
		break;
	case MYBRIDGE_EXPORT_NETFLOW5:
		format = "netflow";
		break;
	default:
		return;
	}
	len = mnl_attr_get_payload_len(tb[MYBRIDGE_EXPORT_ADDR]);
	if ((len != 4 && len != 16) ||
	    !inet_ntop(len == 4 ? AF_INET : AF_INET6,
		       mnl_attr_get_payload(tb[MYBRIDGE_EXPORT_ADDR]), addr,
		       sizeof(addr)))
		return;
	printf(len == 4 ? "export %s %s %s:%u" : "export %s %s [%s]:%u", br,
	       format, addr, mnl_attr_get_u16(tb[MYBRIDGE_EXPORT_PORT]));
	if (tb[MYBRIDGE_EXPORT_ACTIVE])
		printf(" active %u", mnl_attr_get_u32(tb[MYBRIDGE_EXPORT_ACTIVE]));
	if (tb[MYBRIDGE_EXPORT_IDLE])
		printf(" idle %u", mnl_attr_get_u32(tb[MYBRIDGE_EXPORT_IDLE]));
	printf("\n");
}

int cmd_bridge_save(int argc, char **argv)
{
	const struct nlattr *tb[MYBRIDGE_ATTR_MAX + 1];
	struct bridge_msg m = { NULL };
	const char *br;
	int ifindex, ret = 1;

	if (argc != 1) {
		fprintf(stderr, "usage: swctl save BRIDGE > FILE\n");
		return 2;
	}
	br = argv[0];
	ifindex = swctl_ifindex(br);
	if (!ifindex)
		return 1;
	if (rz_genl_call(MYBRIDGE_GENL_NAME, MYBRIDGE_CMD_GET_BRIDGE,
			 NLM_F_DUMP, MYBRIDGE_ATTR_IFINDEX, (uint32_t)ifindex,
			 0, bridge_msg_cb, &m) < 0)
		goto out;
	if (!m.nlh) {
		fprintf(stderr, "swctl: %s is not a mybridge device\n", br);
		goto out;
	}
	rz_genl_parse(m.nlh, tb, MYBRIDGE_ATTR_MAX);
	printf("# mybridge %s: swctl save, for swctl restore\n", br);
	printf("bridge add %s ageing %u fdb_max_learned %u\n", br,
	       tb[MYBRIDGE_ATTR_AGEING] ?
	       mnl_attr_get_u32(tb[MYBRIDGE_ATTR_AGEING]) :
	       MYBRIDGE_AGEING_DEFAULT,
	       tb[MYBRIDGE_ATTR_FDB_MAX_LEARNED] ?
	       mnl_attr_get_u32(tb[MYBRIDGE_ATTR_FDB_MAX_LEARNED]) : 0);
	save_ports(tb[MYBRIDGE_ATTR_PORTS], br, save_port);
	save_ports(tb[MYBRIDGE_ATTR_PORTS], br, save_vlan);
	save_ports(tb[MYBRIDGE_ATTR_PORTS], br, save_police);
	save_ports(tb[MYBRIDGE_ATTR_PORTS], br, save_mirror);
	if (save_fdb(br, ifindex) < 0)
		goto out;
	if (rz_genl_call(MYBRIDGE_GENL_NAME, MYBRIDGE_CMD_GET_FLOW, NLM_F_DUMP,
			 MYBRIDGE_ATTR_IFINDEX, (uint32_t)ifindex, 0,
			 flow_save_cb, (void *)br) < 0)
		goto out;
	if (tb[MYBRIDGE_ATTR_EXPORT])
		save_export(br, tb[MYBRIDGE_ATTR_EXPORT]);
	ret = 0;
out:
	free(m.nlh);
	if (fflush(stdout) || ferror(stdout)) {
		perror("swctl: writing the configuration");
		ret = 1;
	}
	return ret;
}

/* --- restore: rtnetlink --- */

/* What the restore needs to know of a device. */
struct link_info {
	unsigned int ifindex;
	unsigned int master;		/* 0: none */
	char kind[32];			/* IFLA_INFO_KIND, or "" */
};

static int link_info_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct ifinfomsg *ifi = mnl_nlmsg_get_payload(nlh);
	struct link_info *li = data;
	const struct nlattr *a, *info;

	if (nlh->nlmsg_type != RTM_NEWLINK)
		return MNL_CB_OK;
	li->ifindex = (unsigned int)ifi->ifi_index;
	mnl_attr_for_each(a, nlh, sizeof(*ifi)) {
		if (mnl_attr_get_type(a) == IFLA_MASTER &&
		    mnl_attr_validate(a, MNL_TYPE_U32) == 0)
			li->master = mnl_attr_get_u32(a);
		if (mnl_attr_get_type(a) != IFLA_LINKINFO)
			continue;
		mnl_attr_for_each_nested(info, a)
			if (mnl_attr_get_type(info) == IFLA_INFO_KIND &&
			    mnl_attr_validate(info, MNL_TYPE_STRING) == 0)
				snprintf(li->kind, sizeof(li->kind), "%.*s",
					 (int)mnl_attr_get_payload_len(info),
					 (const char *)mnl_attr_get_payload(info));
	}
	return MNL_CB_OK;
}

/* Device @name: 1 with *@li filled, 0 when there is none, -1 on error. */
static int link_get(struct rz_genl *r, const char *name, struct link_info *li)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;
	struct ifinfomsg *ifi;
	int ret;

	memset(li, 0, sizeof(*li));
	if (strlen(name) >= IF_NAMESIZE) {
		fprintf(stderr, "swctl: device name '%s' is too long\n", name);
		return -1;
	}
	nlh = rz_rtnl_request(r, buf, RTM_GETLINK, 0);
	ifi = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifi));
	ifi->ifi_family = AF_UNSPEC;
	mnl_attr_put_strz(nlh, IFLA_IFNAME, name);
	rz_genl_quiet = true;		/* ENODEV is an answer */
	ret = rz_genl_talk(r, nlh, link_info_cb, li);
	rz_genl_quiet = false;
	if (ret < 0 && errno == ENODEV)
		return 0;
	if (ret < 0) {
		fprintf(stderr, "swctl: device %s: %s\n", name, strerror(errno));
		return -1;
	}
	return li->ifindex ? 1 : 0;
}

/* A decimal u32 into *@v; -1 after a message. */
static int parse_u32(const char *what, const char *s, uint32_t *v)
{
	unsigned long long x;
	char *end;

	errno = 0;
	x = strtoull(s, &end, 10);
	if (errno || end == s || *end || *s == '-' || x > UINT32_MAX) {
		fprintf(stderr, "swctl: bad %s '%s'\n", what, s);
		return -1;
	}
	*v = (uint32_t)x;
	return 0;
}

/* The mybridge @name: 0 after a message when it is none. */
static unsigned int bridge_ifindex(struct rz_genl *r, const char *name)
{
	struct link_info li;
	int found = link_get(r, name, &li);

	if (found < 0)
		return 0;
	if (!found) {
		fprintf(stderr, "swctl: %s: no such device\n", name);
		return 0;
	}
	if (strcmp(li.kind, MYBRIDGE_KIND)) {
		fprintf(stderr, "swctl: %s is not a mybridge device\n", name);
		return 0;
	}
	return li.ifindex;
}

/* bridge add BRIDGE [ageing N] [fdb_max_learned N] */
static int restore_bridge_add(struct rz_genl *r, int argc, char **argv)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	bool has_ageing = false, has_max = false;
	struct nlattr *linkinfo, *data;
	uint32_t ageing = 0, max = 0;
	struct ifinfomsg *ifi;
	struct nlmsghdr *nlh;
	struct link_info li;
	int i, found;

	if (argc < 1 || argc % 2 == 0)
		goto usage;
	for (i = 1; i < argc; i += 2) {
		if (!strcmp(argv[i], "ageing")) {
			if (parse_u32("ageing", argv[i + 1], &ageing) < 0)
				return 2;
			has_ageing = true;
		} else if (!strcmp(argv[i], "fdb_max_learned")) {
			if (parse_u32("fdb_max_learned", argv[i + 1], &max) < 0)
				return 2;
			has_max = true;
		} else {
			goto usage;
		}
	}
	found = link_get(r, argv[0], &li);
	if (found < 0)
		return 1;
	if (found && strcmp(li.kind, MYBRIDGE_KIND)) {
		fprintf(stderr, "swctl: %s exists and is not a mybridge device\n",
			argv[0]);
		return 1;
	}
	nlh = rz_rtnl_request(r, buf, RTM_NEWLINK,
			      found ? 0 : NLM_F_CREATE | NLM_F_EXCL);
	ifi = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifi));
	ifi->ifi_family = AF_UNSPEC;
	if (found) {
		ifi->ifi_index = (int)li.ifindex;
	} else {
		ifi->ifi_flags = IFF_UP;
		ifi->ifi_change = IFF_UP;
		mnl_attr_put_strz(nlh, IFLA_IFNAME, argv[0]);
	}
	linkinfo = mnl_attr_nest_start(nlh, IFLA_LINKINFO);
	mnl_attr_put_strz(nlh, IFLA_INFO_KIND, MYBRIDGE_KIND);
	data = mnl_attr_nest_start(nlh, IFLA_INFO_DATA);
	if (has_ageing)
		mnl_attr_put_u32(nlh, IFLA_MYBRIDGE_AGEING, ageing);
	if (has_max)
		mnl_attr_put_u32(nlh, IFLA_MYBRIDGE_FDB_MAX_LEARNED, max);
	mnl_attr_nest_end(nlh, data);
	mnl_attr_nest_end(nlh, linkinfo);
	return rz_genl_talk(r, nlh, NULL, NULL) < 0;
usage:
	fprintf(stderr,
		"usage: bridge add BRIDGE [ageing N] [fdb_max_learned N]\n");
	return 2;
}

/* bridge port BRIDGE PORT */
static int restore_bridge_port(struct rz_genl *r, int argc, char **argv)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct ifinfomsg *ifi;
	struct nlmsghdr *nlh;
	struct link_info li;
	unsigned int br;
	int found;

	if (argc != 2) {
		fprintf(stderr, "usage: bridge port BRIDGE PORT\n");
		return 2;
	}
	br = bridge_ifindex(r, argv[0]);
	if (!br)
		return 1;
	found = link_get(r, argv[1], &li);
	if (found < 0)
		return 1;
	if (!found) {
		fprintf(stderr,
			"swctl: %s: no such device (a port's device must exist before the restore)\n",
			argv[1]);
		return 1;
	}
	if (li.master == br)
		return 0;
	nlh = rz_rtnl_request(r, buf, RTM_NEWLINK, 0);
	ifi = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifi));
	ifi->ifi_family = AF_UNSPEC;
	ifi->ifi_index = (int)li.ifindex;
	mnl_attr_put_u32(nlh, IFLA_MASTER, br);
	return rz_genl_talk(r, nlh, NULL, NULL) < 0;
}

/* fdb add BRIDGE MAC [vlan VID] [port PORT|self] */
static int restore_fdb_add(struct rz_genl *r, int argc, char **argv)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	uint32_t vid = 0, port = 0;
	struct nlmsghdr *nlh;
	struct ndmsg *ndm;
	unsigned int br;
	uint8_t mac[6];
	int i;

	if (argc < 2 || argc % 2)
		goto usage;
	if (rz_parse_mac(argv[1], mac) < 0) {
		fprintf(stderr, "swctl: bad MAC address '%s'\n", argv[1]);
		return 2;
	}
	for (i = 2; i < argc; i += 2) {
		if (!strcmp(argv[i], "vlan")) {
			if (parse_u32("VLAN ID", argv[i + 1], &vid) < 0)
				return 2;
			if (vid > 4094) {
				fprintf(stderr, "swctl: bad VLAN ID '%s' (0-4094)\n",
					argv[i + 1]);
				return 2;
			}
		} else if (!strcmp(argv[i], "port")) {
			port = 0;
			if (strcmp(argv[i + 1], "self")) {
				port = (uint32_t)swctl_ifindex(argv[i + 1]);
				if (!port)
					return 1;
			}
		} else {
			goto usage;
		}
	}
	br = bridge_ifindex(r, argv[0]);
	if (!br)
		return 1;
	nlh = rz_rtnl_request(r, buf, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE);
	ndm = mnl_nlmsg_put_extra_header(nlh, sizeof(*ndm));
	ndm->ndm_family = AF_BRIDGE;
	ndm->ndm_ifindex = (int)br;
	ndm->ndm_state = NUD_NOARP;
	ndm->ndm_flags = NTF_SELF;
	mnl_attr_put(nlh, NDA_LLADDR, sizeof(mac), mac);
	if (vid)
		mnl_attr_put_u16(nlh, NDA_VLAN, (uint16_t)vid);
	if (port)
		mnl_attr_put_u32(nlh, NDA_IFINDEX, port);
	return rz_genl_talk(r, nlh, NULL, NULL) < 0;
usage:
	fprintf(stderr,
		"usage: fdb add BRIDGE MAC [vlan VID] [port PORT|self]\n");
	return 2;
}

/* --- restore: the file --- */

/* swctl's commands that a file may hold. */
static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
} restore_cmds[] = {
	{ "port", cmd_bridge_port },
	{ "police", cmd_bridge_police },
	{ "mirror", cmd_bridge_mirror },
	{ "flow", cmd_bridge_flow },
	{ "export", cmd_bridge_export },
};

/*
 * Split @line into words in *@words (grown as needed, with room for one
 * more word and a NULL); the count.  A word starting with '#' ends it.
 */
static int split_words(char *line, char ***words, size_t *size)
{
	char *tok, *save, **w;
	size_t n = 0;

	for (tok = strtok_r(line, " \t\r\n\v\f", &save); tok && *tok != '#';
	     tok = strtok_r(NULL, " \t\r\n\v\f", &save)) {
		if (n + 2 >= *size) {
			*size = *size ? 2 * *size : 16;
			w = realloc(*words, *size * sizeof(*w));
			if (!w) {
				perror("swctl");
				return -1;
			}
			*words = w;
		}
		(*words)[n++] = tok;
	}
	if (*words)
		(*words)[n] = NULL;
	return (int)n;
}

/*
 * Run the command of @argc words @argv (room for one more); its status.
 * Unknown commands get a message naming @where.
 */
static int restore_line(struct rz_genl *r, int argc, char **argv,
			const char *where)
{
	unsigned int i;

	if (!strcmp(argv[0], "bridge") && argc >= 2) {
		if (!strcmp(argv[1], "add"))
			return restore_bridge_add(r, argc - 2, argv + 2);
		if (!strcmp(argv[1], "port"))
			return restore_bridge_port(r, argc - 2, argv + 2);
	}
	if (!strcmp(argv[0], "fdb") && argc >= 2 && !strcmp(argv[1], "add"))
		return restore_fdb_add(r, argc - 2, argv + 2);
	/* Replaying a rule that is there already replaces its actions. */
	if (!strcmp(argv[0], "flow") && argc >= 2 && !strcmp(argv[1], "add") &&
	    strcmp(argv[argc - 1], "replace")) {
		argv[argc++] = "replace";
		argv[argc] = NULL;
	}
	for (i = 0; i < ARRAY_SIZE(restore_cmds); i++)
		if (!strcmp(argv[0], restore_cmds[i].name))
			return restore_cmds[i].run(argc - 1, argv + 1);
	fprintf(stderr, "swctl: %s: unknown command '%s%s%s'\n", where,
		argv[0], argc >= 2 ? " " : "", argc >= 2 ? argv[1] : "");
	return -1;
}

int cmd_bridge_restore(int argc, char **argv)
{
	const char *path = argc ? argv[0] : "-", *name;
	char *line = NULL, *copy = NULL, **words = NULL, where[4200];
	size_t line_size = 0, words_size = 0;
	unsigned long lineno = 0;
	struct rz_genl r;
	ssize_t len;
	int n, ret = 0;
	FILE *f;

	if (argc > 1) {
		fprintf(stderr, "usage: swctl restore [FILE]\n");
		return 2;
	}
	if (strcmp(path, "-")) {
		f = fopen(path, "r");
		if (!f) {
			fprintf(stderr, "swctl: %s: %s\n", path, strerror(errno));
			return 1;
		}
		name = path;
	} else {
		f = stdin;
		name = "<stdin>";
	}
	if (rz_rtnl_open(&r) < 0) {
		ret = 1;
		goto out;
	}
	while ((len = getline(&line, &line_size, f)) >= 0) {
		lineno++;
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		free(copy);
		copy = strdup(line);
		if (!copy) {
			perror("swctl");
			ret = 1;
			break;
		}
		n = split_words(line, &words, &words_size);
		if (n < 0) {
			ret = 1;
			break;
		}
		if (!n)
			continue;
		snprintf(where, sizeof(where), "%.4096s:%lu", name, lineno);
		n = restore_line(&r, n, words, where);
		if (n > 0)
			fprintf(stderr, "swctl: %s: failed: %s\n", where, copy);
		if (n) {
			ret = 1;
			break;
		}
	}
	if (!ret && ferror(f)) {
		fprintf(stderr, "swctl: %s: %s\n", name, strerror(errno));
		ret = 1;
	}
	rz_genl_close(&r);
out:
	free(line);
	free(copy);
	free(words);
	if (f != stdin)
		fclose(f);
	return ret;
}
