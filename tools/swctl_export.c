// SPDX-License-Identifier: GPL-2.0
/*
 * swctl export: flow records of a mybridge switch to a collector
 * (MYBRIDGE_CMD_SET_EXPORT).
 *
 *   swctl export BRIDGE ipfix|netflow ADDR:PORT [active SECONDS] [idle SECONDS]
 *   swctl export BRIDGE off
 *
 * ADDR is IPv4, or IPv6 in brackets ([fd00::1]:4739); "netflow" is
 * NetFlow v5 (also accepted: netflow5, "netflow v5").
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/genetlink.h>

#include <mybridge.h>
#include "genl.h"
#include "swctl.h"

struct export_req {
	uint8_t format;
	uint8_t addr[16];
	int addr_len;
	uint16_t port;
	uint32_t active, idle;
	bool set_active, set_idle;
};

/* "A.B.C.D:PORT" or "[V6]:PORT". */
static int parse_collector(char *s, struct export_req *r)
{
	char *colon = strrchr(s, ':'), *host = s, *end;
	unsigned long port;

	if (!colon)
		return -1;
	*colon = '\0';
	errno = 0;
	port = strtoul(colon + 1, &end, 10);
	if (errno || *end || !port || port > 65535 || colon[1] == '-')
		return -1;
	r->port = (uint16_t)port;
	if (*host == '[') {
		host++;
		if (colon[-1] != ']')
			return -1;
		colon[-1] = '\0';
		r->addr_len = 16;
		return inet_pton(AF_INET6, host, r->addr) == 1 ? 0 : -1;
	}
	r->addr_len = 4;
	return inet_pton(AF_INET, host, r->addr) == 1 ? 0 : -1;
}

static int parse_seconds(const char *s, uint32_t *v)
{
	char *end;
	unsigned long n;

	errno = 0;
	n = strtoul(s, &end, 10);
	if (errno || *end || end == s || *s == '-' || n > UINT32_MAX)
		return -1;
	*v = (uint32_t)n;
	return 0;
}

int cmd_bridge_export(int argc, char **argv)
{
	struct export_req r = { 0 };
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct rz_genl g;
	int i = 2, ifindex, ret;

	if (argc == 2 && !strcmp(argv[1], "off")) {
		r.format = MYBRIDGE_EXPORT_OFF;
	} else if (argc >= 3) {
		if (!strcmp(argv[1], "ipfix"))
			r.format = MYBRIDGE_EXPORT_IPFIX;
		else if (!strcmp(argv[1], "netflow") ||
			 !strcmp(argv[1], "netflow5"))
			r.format = MYBRIDGE_EXPORT_NETFLOW5;
		else
			goto usage;
		if (r.format == MYBRIDGE_EXPORT_NETFLOW5 &&
		    !strcmp(argv[i], "v5"))
			i++;
		if (i >= argc || parse_collector(argv[i++], &r) < 0) {
			fprintf(stderr, "swctl: bad collector (ADDR:PORT or [ADDR6]:PORT)\n");
			return 2;
		}
		for (; i + 1 < argc; i += 2) {
			bool active = !strcmp(argv[i], "active");
			uint32_t *v = active ? &r.active :
				      !strcmp(argv[i], "idle") ? &r.idle : NULL;

			if (!v)
				goto usage;
			if (active)
				r.set_active = true;
			else
				r.set_idle = true;
			if (parse_seconds(argv[i + 1], v) < 0) {
				fprintf(stderr, "swctl: bad %s timeout '%s'\n",
					argv[i], argv[i + 1]);
				return 2;
			}
		}
		if (i != argc)
			goto usage;
	} else {
		goto usage;
	}
	ifindex = swctl_ifindex(argv[0]);
	if (!ifindex || rz_genl_open(&g, MYBRIDGE_GENL_NAME) < 0)
		return 1;
	nlh = rz_genl_request(&g, buf, MYBRIDGE_CMD_SET_EXPORT, 0);
	mnl_attr_put_u32(nlh, MYBRIDGE_ATTR_IFINDEX, (uint32_t)ifindex);
	nest = mnl_attr_nest_start(nlh, MYBRIDGE_ATTR_EXPORT);
	mnl_attr_put_u8(nlh, MYBRIDGE_EXPORT_FORMAT, r.format);
	if (r.format != MYBRIDGE_EXPORT_OFF) {
		mnl_attr_put(nlh, MYBRIDGE_EXPORT_ADDR, r.addr_len, r.addr);
		mnl_attr_put_u16(nlh, MYBRIDGE_EXPORT_PORT, r.port);
		if (r.set_active)
			mnl_attr_put_u32(nlh, MYBRIDGE_EXPORT_ACTIVE, r.active);
		if (r.set_idle)
			mnl_attr_put_u32(nlh, MYBRIDGE_EXPORT_IDLE, r.idle);
	}
	mnl_attr_nest_end(nlh, nest);
	ret = rz_genl_talk(&g, nlh, NULL, NULL);
	rz_genl_close(&g);
	return ret < 0;
usage:
	fprintf(stderr,
		"usage: swctl export BRIDGE ipfix|netflow ADDR:PORT [active SECONDS] [idle SECONDS]\n"
		"       swctl export BRIDGE off\n");
	return 2;
}
