// SPDX-License-Identifier: GPL-2.0
/*
 * swctl flow|flows|monitor: a mybridge switch's flow table.
 *
 *   swctl flow add BRIDGE [prio N] [MATCH] actions=ACTIONS [replace]
 *   swctl flow del BRIDGE [prio N] [MATCH]   (no match, no prio: all)
 *   swctl [-j] flows BRIDGE                  rules, counters, last use
 *   swctl [-j] monitor [BRIDGE] [count N]    frames sent to "controller"
 *
 * MATCH and ACTIONS are described in swctl_flow_text.h; the priority may
 * also be given as priority=N inside MATCH.
 */
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/genetlink.h>

#include <mybridge.h>
#include "cli.h"
#include "genl.h"
#include "swctl.h"
#include "swctl_flow_text.h"

static void flow_usage(void)
{
	fprintf(stderr,
		"usage: swctl flow add BRIDGE [prio N] [MATCH] actions=ACTION[,ACTION]... [replace]\n"
		"       swctl flow del BRIDGE [prio N] [MATCH]\n"
		"MATCH: FIELD=VALUE[,...] of in_port, dl_src, dl_dst, dl_type, vlan,\n"
		"       nw_src, nw_dst (ADDR[/PREFIX]), nw_proto, tp_src, tp_dst\n"
		"       (N[/MASK]); shorthands ip ipv6 arp tcp udp sctp icmp tcp6\n"
		"       udp6 sctp6 icmp6\n"
		"ACTION: output:PORT normal flood drop push_vlan:VID set_vlan:VID\n"
		"        pop_vlan mirror:PORT controller[:LEN]\n");
}

/*
 * Join @argv (after the bridge) into one string and split it into the
 * match and the actions; "prio N" and a trailing "replace" are taken out.
 */
static int flow_args(int argc, char **argv, char *match, size_t size,
		     char **actions, int *prio, bool *replace)
{
	char *p;
	int i;

	match[0] = '\0';
	for (i = 0; i < argc; i++) {
		if ((!strcmp(argv[i], "prio") || !strcmp(argv[i], "priority")) &&
		    i + 1 < argc) {
			char *end;

			errno = 0;
			*prio = (int)strtol(argv[++i], &end, 0);
			if (errno || *end || *prio < 0 || *prio > 0xffff) {
				fprintf(stderr, "swctl: bad priority '%s'\n",
					argv[i]);
				return -1;
			}
			continue;
		}
		if (replace && !strcmp(argv[i], "replace") && i == argc - 1) {
			*replace = true;
			continue;
		}
		if (strlen(match) + strlen(argv[i]) + 2 > size) {
			fprintf(stderr, "swctl: rule too long\n");
			return -1;
		}
		if (match[0])
			strcat(match, ",");
		strcat(match, argv[i]);
	}
	p = strstr(match, "actions=");
	*actions = NULL;
	if (p) {
		if (p != match && p[-1] != ',') {
			fprintf(stderr, "swctl: bad rule near '%s'\n", p);
			return -1;
		}
		*actions = p + strlen("actions=");
		if (p != match)
			p--;
		*p = '\0';
	}
	return 0;
}

static int flow_change(int argc, char **argv, bool add)
{
	char buf[MNL_SOCKET_BUFFER_SIZE], text[4096], *actions;
	bool replace = false, all;
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct rz_genl g;
	int prio = -1, ifindex, ret;

	if (argc < 1) {
		flow_usage();
		return 2;
	}
	if (flow_args(argc - 1, argv + 1, text, sizeof(text), &actions, &prio,
		      add ? &replace : NULL) < 0)
		return 2;
	all = !add && prio < 0 && !text[0];
	if (add && !actions) {
		fprintf(stderr, "swctl: a rule needs actions=...\n");
		flow_usage();
		return 2;
	}
	if (!add && actions) {
		fprintf(stderr, "swctl: flow del takes no actions\n");
		return 2;
	}
	ifindex = swctl_ifindex(argv[0]);
	if (!ifindex || rz_genl_open(&g, MYBRIDGE_GENL_NAME) < 0)
		return 1;
	nlh = rz_genl_request(&g, buf, add ? MYBRIDGE_CMD_ADD_FLOW :
			      MYBRIDGE_CMD_DEL_FLOW, 0);
	mnl_attr_put_u32(nlh, MYBRIDGE_ATTR_IFINDEX, (uint32_t)ifindex);
	if (replace)
		mnl_attr_put(nlh, MYBRIDGE_ATTR_REPLACE, 0, NULL);
	if (!all) {
		nest = mnl_attr_nest_start(nlh, MYBRIDGE_ATTR_FLOW);
		if (swctl_match_parse(nlh, text, &prio) < 0 ||
		    (add && swctl_actions_parse(nlh, actions) < 0)) {
			rz_genl_close(&g);
			return 2;
		}
		if (prio < 0)
			prio = 32768;	/* ovs-ofctl's default */
		mnl_attr_put_u16(nlh, MYBRIDGE_FLOW_PRIORITY, (uint16_t)prio);
		mnl_attr_nest_end(nlh, nest);
	}
	ret = rz_genl_talk(&g, nlh, NULL, NULL);
	rz_genl_close(&g);
	return ret < 0;
}

int cmd_bridge_flow(int argc, char **argv)
{
	if (argc >= 1 && !strcmp(argv[0], "add"))
		return flow_change(argc - 1, argv + 1, true);
	if (argc >= 1 && !strcmp(argv[0], "del"))
		return flow_change(argc - 1, argv + 1, false);
	flow_usage();
	return 2;
}

/* A rule in the text form, into @f. */
static void print_rule(FILE *f, const struct nlattr **fl)
{
	fprintf(f, "priority=%u", fl[MYBRIDGE_FLOW_PRIORITY] ?
		mnl_attr_get_u16(fl[MYBRIDGE_FLOW_PRIORITY]) : 0);
	if (fl[MYBRIDGE_FLOW_MATCH] &&
	    mnl_attr_get_payload_len(fl[MYBRIDGE_FLOW_MATCH])) {
		fputc(',', f);
		swctl_match_print(f, fl[MYBRIDGE_FLOW_MATCH]);
	}
	fputs(" actions=", f);
	if (fl[MYBRIDGE_FLOW_ACTIONS])
		swctl_actions_print(f, fl[MYBRIDGE_FLOW_ACTIONS]);
}

static int flow_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[MYBRIDGE_ATTR_MAX + 1];
	const struct nlattr *fl[MYBRIDGE_FLOW_MAX + 1];
	struct dump_state *st = data;
	char text[2048];
	FILE *f;

	rz_genl_parse(nlh, tb, MYBRIDGE_ATTR_MAX);
	if (!tb[MYBRIDGE_ATTR_FLOW])
		return MNL_CB_OK;
	rz_genl_parse_nested(tb[MYBRIDGE_ATTR_FLOW], fl, MYBRIDGE_FLOW_MAX);
	f = fmemopen(text, sizeof(text), "w");
	if (!f)
		return MNL_CB_ERROR;
	print_rule(f, fl);
	fclose(f);
	if (json) {
		printf("%s{\"rule\":", st->count ? "," : "");
		rz_json_string(text);
	} else {
		printf("%s", text);
	}
	if (fl[MYBRIDGE_FLOW_PACKETS])
		swctl_print_u("packets",
			      mnl_attr_get_u64(fl[MYBRIDGE_FLOW_PACKETS]));
	if (fl[MYBRIDGE_FLOW_BYTES])
		swctl_print_u("bytes", mnl_attr_get_u64(fl[MYBRIDGE_FLOW_BYTES]));
	if (fl[MYBRIDGE_FLOW_USED])
		swctl_print_u("used_ms",
			      mnl_attr_get_u32(fl[MYBRIDGE_FLOW_USED]));
	else if (!json)
		printf(" used never");
	if (fl[MYBRIDGE_FLOW_AGE])
		swctl_print_u("age", mnl_attr_get_u32(fl[MYBRIDGE_FLOW_AGE]));
	printf(json ? "}" : "\n");
	st->count++;
	return MNL_CB_OK;
}

int cmd_bridge_flows(int argc, char **argv)
{
	if (argc != 1) {
		fprintf(stderr, "usage: swctl [-j] flows BRIDGE\n");
		return 2;
	}
	return swctl_dump(MYBRIDGE_GENL_NAME, MYBRIDGE_CMD_GET_FLOW,
			  MYBRIDGE_ATTR_IFINDEX, argv[0], flow_cb,
			  MYBRIDGE_CMD_GET_BRIDGE, "mybridge");
}

struct monitor_state {
	unsigned int ifindex;		/* 0: every switch */
	long left;			/* frames still to print; <0: all */
};

/* A one-line summary of the frame: Ethernet and, for IPv4, addresses. */
static void print_frame(const unsigned char *p, unsigned int len)
{
	char src[18], dst[18];
	unsigned int type;

	if (len < 14)
		return;
	type = (unsigned int)p[12] << 8 | p[13];
	printf(" dl_src=%s dl_dst=%s dl_type=0x%04x", swctl_mac_str(p + 6, src),
	       swctl_mac_str(p, dst), type);
	if (type == 0x0800 && len >= 34)
		printf(" nw_src=%u.%u.%u.%u nw_dst=%u.%u.%u.%u nw_proto=%u",
		       p[26], p[27], p[28], p[29], p[30], p[31], p[32], p[33],
		       p[23]);
}

static int monitor_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[MYBRIDGE_ATTR_MAX + 1];
	struct monitor_state *ms = data;
	char br[IF_NAMESIZE], in[IF_NAMESIZE];
	const unsigned char *pkt;
	unsigned int i, n;

	rz_genl_parse(nlh, tb, MYBRIDGE_ATTR_MAX);
	if (!tb[MYBRIDGE_ATTR_IFINDEX] || !tb[MYBRIDGE_ATTR_IN_PORT] ||
	    !tb[MYBRIDGE_ATTR_PACKET] || !tb[MYBRIDGE_ATTR_PACKET_LEN])
		return MNL_CB_OK;
	if (ms->ifindex && mnl_attr_get_u32(tb[MYBRIDGE_ATTR_IFINDEX]) !=
	    ms->ifindex)
		return MNL_CB_OK;
	swctl_ifname(mnl_attr_get_u32(tb[MYBRIDGE_ATTR_IFINDEX]), br);
	swctl_ifname(mnl_attr_get_u32(tb[MYBRIDGE_ATTR_IN_PORT]), in);
	pkt = mnl_attr_get_payload(tb[MYBRIDGE_ATTR_PACKET]);
	n = mnl_attr_get_payload_len(tb[MYBRIDGE_ATTR_PACKET]);
	if (json) {
		printf("{\"bridge\":");
		rz_json_string(br);
		printf(",\"in_port\":");
		rz_json_string(in);
		printf(",\"vlan\":%u,\"len\":%u,\"data\":\"",
		       tb[MYBRIDGE_ATTR_VLAN] ?
		       mnl_attr_get_u16(tb[MYBRIDGE_ATTR_VLAN]) : 0,
		       mnl_attr_get_u32(tb[MYBRIDGE_ATTR_PACKET_LEN]));
		for (i = 0; i < n; i++)
			printf("%02x", pkt[i]);
		printf("\"}\n");
	} else {
		printf("packet_in %s in_port=%s vlan=%u len=%u captured=%u", br,
		       in, tb[MYBRIDGE_ATTR_VLAN] ?
		       mnl_attr_get_u16(tb[MYBRIDGE_ATTR_VLAN]) : 0,
		       mnl_attr_get_u32(tb[MYBRIDGE_ATTR_PACKET_LEN]), n);
		print_frame(pkt, n);
		printf("\n");
	}
	fflush(stdout);
	if (ms->left > 0 && --ms->left == 0)
		return MNL_CB_STOP;
	return MNL_CB_OK;
}

int cmd_bridge_monitor(int argc, char **argv)
{
	static char buf[1 << 17];	/* a whole 64 KiB frame fits */
	struct monitor_state ms = { .left = -1 };
	struct rz_genl g;
	ssize_t len;
	int i, ret;

	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "count") && i + 1 < argc) {
			ms.left = strtol(argv[++i], NULL, 10);
			if (ms.left <= 0)
				goto usage;
		} else if (!ms.ifindex) {
			ms.ifindex = (unsigned int)swctl_ifindex(argv[i]);
			if (!ms.ifindex)
				return 1;
		} else {
			goto usage;
		}
	}
	if (rz_genl_open(&g, MYBRIDGE_GENL_NAME) < 0 ||
	    rz_genl_join(&g, MYBRIDGE_GENL_NAME, MYBRIDGE_MCGRP_MONITOR) < 0)
		return 1;
	/* Tests start a monitor, then send: say when it listens. */
	fprintf(stderr, "swctl: monitoring\n");
	do {
		len = mnl_socket_recvfrom(g.nl, buf, sizeof(buf));
		if (len < 0) {
			if (errno == ENOBUFS) {
				fprintf(stderr, "swctl: frames lost (receive buffer full)\n");
				continue;
			}
			perror("swctl: receive");
			break;
		}
		ret = mnl_cb_run(buf, len, 0, 0, monitor_cb, &ms);
	} while (ret == MNL_CB_OK);
	rz_genl_close(&g);
	return ret == MNL_CB_STOP ? 0 : 1;
usage:
	fprintf(stderr, "usage: swctl [-j] monitor [BRIDGE] [count N]\n");
	return 2;
}
