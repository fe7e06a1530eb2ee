// SPDX-License-Identifier: GPL-2.0
/*
 * swctl show|fdb|flush: mybridge switches over the "mybridge" genl family.
 *
 *   swctl [-j] show [BRIDGE]          ports, ageing, FDB size, counters
 *   swctl [-j] fdb BRIDGE             learned and static entries, with age
 *   swctl flush BRIDGE [dynamic]      empty the FDB (or its learned part)
 */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <linux/genetlink.h>

#include <mybridge.h>
#include "cli.h"
#include "genl.h"
#include "swctl.h"

static const char *const counter_names[MYBRIDGE_CNT_MAX] =
	MYBRIDGE_COUNTER_NAMES;

static void print_port_mirror(const char *key, const struct nlattr *attr)
{
	char name[IF_NAMESIZE];

	if (!attr)
		return;
	swctl_ifname(mnl_attr_get_u32(attr), name);
	if (json) {
		printf(",\"%s\":", key);
		rz_json_string(name);
	} else {
		printf(" %s %s", key, name);
	}
}

/* "vlan access 10", "vlan trunk 10,20", nothing for the default. */
static void print_port_vlan(const struct nlattr **tb)
{
	const struct nlattr *trunk = tb[MYBRIDGE_PORT_TRUNK];
	const uint16_t *vids = trunk ? mnl_attr_get_payload(trunk) : NULL;
	unsigned int i, n = trunk ? mnl_attr_get_payload_len(trunk) / 2 : 0;
	uint8_t mode = MYBRIDGE_VLAN_NONE;

	if (tb[MYBRIDGE_PORT_VLAN_MODE])
		mode = mnl_attr_get_u8(tb[MYBRIDGE_PORT_VLAN_MODE]);
	if (mode == MYBRIDGE_VLAN_ACCESS && tb[MYBRIDGE_PORT_PVID]) {
		if (json)
			printf(",\"vlan_mode\":\"access\",\"pvid\":%u",
			       mnl_attr_get_u16(tb[MYBRIDGE_PORT_PVID]));
		else
			printf(" vlan access %u",
			       mnl_attr_get_u16(tb[MYBRIDGE_PORT_PVID]));
		return;
	}
	if (mode != MYBRIDGE_VLAN_TRUNK) {
		if (json)
			printf(",\"vlan_mode\":\"none\"");
		return;
	}
	printf(json ? ",\"vlan_mode\":\"trunk\",\"trunk\":[" : " vlan trunk ");
	for (i = 0; i < n; i++)
		printf("%s%u", i ? "," : "", vids[i]);
	if (json)
		printf("]");
}

static void print_port(const struct nlattr *nest, int index)
{
	const struct nlattr *tb[MYBRIDGE_PORT_MAX + 1];

	rz_genl_parse_nested(nest, tb, MYBRIDGE_PORT_MAX);
	if (!tb[MYBRIDGE_PORT_IFNAME])
		return;
	if (json) {
		printf("%s{\"ifname\":", index ? "," : "");
		rz_json_string(mnl_attr_get_str(tb[MYBRIDGE_PORT_IFNAME]));
	} else {
		printf("\n  port %s:", mnl_attr_get_str(tb[MYBRIDGE_PORT_IFNAME]));
	}
	if (tb[MYBRIDGE_PORT_IFINDEX])
		swctl_print_u("ifindex",
			      mnl_attr_get_u32(tb[MYBRIDGE_PORT_IFINDEX]));
	print_port_vlan(tb);
	if (tb[MYBRIDGE_PORT_POLICE_RATE]) {
		swctl_print_u("police_rate",
			      mnl_attr_get_u64(tb[MYBRIDGE_PORT_POLICE_RATE]));
		if (tb[MYBRIDGE_PORT_POLICE_BURST])
			swctl_print_u("police_burst",
				      mnl_attr_get_u32(tb[MYBRIDGE_PORT_POLICE_BURST]));
	}
	print_port_mirror("mirror_ingress", tb[MYBRIDGE_PORT_MIRROR_RX]);
	print_port_mirror("mirror_egress", tb[MYBRIDGE_PORT_MIRROR_TX]);
	swctl_print_counters("stats", tb[MYBRIDGE_PORT_STATS], counter_names,
			     MYBRIDGE_CNT_MAX, 1);
	if (json)
		printf("}");
}

/* "export ipfix 127.0.0.1:4739 active 60 idle 15 records N ..." */
static void print_export(const struct nlattr *nest)
{
	const struct nlattr *tb[MYBRIDGE_EXPORT_MAX + 1];
	char addr[INET6_ADDRSTRLEN + 8];
	const char *format;
	int len;

	if (!nest)
		return;
	rz_genl_parse_nested(nest, tb, MYBRIDGE_EXPORT_MAX);
	if (!tb[MYBRIDGE_EXPORT_FORMAT] || !tb[MYBRIDGE_EXPORT_ADDR] ||
	    !tb[MYBRIDGE_EXPORT_PORT])
		return;
	format = mnl_attr_get_u8(tb[MYBRIDGE_EXPORT_FORMAT]) ==
		 MYBRIDGE_EXPORT_IPFIX ? "ipfix" : "netflow";
	len = (int)mnl_attr_get_payload_len(tb[MYBRIDGE_EXPORT_ADDR]);
	addr[0] = '[';
	inet_ntop(len == 16 ? AF_INET6 : AF_INET,
		  mnl_attr_get_payload(tb[MYBRIDGE_EXPORT_ADDR]), addr + 1,
		  INET6_ADDRSTRLEN);
	if (len == 16)
		strcat(addr, "]");
	if (json) {
		printf(",\"export\":{\"format\":\"%s\",\"collector\":\"%s:%u\"",
		       format, len == 16 ? addr : addr + 1,
		       mnl_attr_get_u16(tb[MYBRIDGE_EXPORT_PORT]));
	} else {
		printf("\n  export %s %s:%u", format, len == 16 ? addr : addr + 1,
		       mnl_attr_get_u16(tb[MYBRIDGE_EXPORT_PORT]));
	}
	if (tb[MYBRIDGE_EXPORT_ACTIVE])
		swctl_print_u("active", mnl_attr_get_u32(tb[MYBRIDGE_EXPORT_ACTIVE]));
	if (tb[MYBRIDGE_EXPORT_IDLE])
		swctl_print_u("idle", mnl_attr_get_u32(tb[MYBRIDGE_EXPORT_IDLE]));
	if (tb[MYBRIDGE_EXPORT_RECORDS])
		swctl_print_u("records",
			      mnl_attr_get_u64(tb[MYBRIDGE_EXPORT_RECORDS]));
	if (tb[MYBRIDGE_EXPORT_MESSAGES])
		swctl_print_u("messages",
			      mnl_attr_get_u64(tb[MYBRIDGE_EXPORT_MESSAGES]));
	if (tb[MYBRIDGE_EXPORT_DROPPED])
		swctl_print_u("dropped",
			      mnl_attr_get_u64(tb[MYBRIDGE_EXPORT_DROPPED]));
	if (json)
		printf("}");
}

static int bridge_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[MYBRIDGE_ATTR_MAX + 1];
	struct dump_state *st = data;
	const struct nlattr *port;
	int n = 0;

	rz_genl_parse(nlh, tb, MYBRIDGE_ATTR_MAX);
	if (!tb[MYBRIDGE_ATTR_IFNAME] || !tb[MYBRIDGE_ATTR_IFINDEX])
		return MNL_CB_OK;
	if (json) {
		printf("%s{\"ifname\":", st->count ? "," : "");
		rz_json_string(mnl_attr_get_str(tb[MYBRIDGE_ATTR_IFNAME]));
		printf(",\"ifindex\":%u",
		       mnl_attr_get_u32(tb[MYBRIDGE_ATTR_IFINDEX]));
	} else {
		printf("%s:", mnl_attr_get_str(tb[MYBRIDGE_ATTR_IFNAME]));
	}
	if (tb[MYBRIDGE_ATTR_AGEING])
		swctl_print_u("ageing", mnl_attr_get_u32(tb[MYBRIDGE_ATTR_AGEING]));
	if (tb[MYBRIDGE_ATTR_FDB_MAX_LEARNED])
		swctl_print_u("fdb_max_learned",
			      mnl_attr_get_u32(tb[MYBRIDGE_ATTR_FDB_MAX_LEARNED]));
	if (tb[MYBRIDGE_ATTR_FDB_COUNT])
		swctl_print_u("fdb_entries",
			      mnl_attr_get_u32(tb[MYBRIDGE_ATTR_FDB_COUNT]));
	swctl_print_counters("stats", tb[MYBRIDGE_ATTR_STATS], counter_names,
			     MYBRIDGE_CNT_MAX, 1);
	print_export(tb[MYBRIDGE_ATTR_EXPORT]);
	if (json)
		printf(",\"ports\":[");
	if (tb[MYBRIDGE_ATTR_PORTS])
		mnl_attr_for_each_nested(port, tb[MYBRIDGE_ATTR_PORTS])
			if (mnl_attr_get_type(port) == MYBRIDGE_ATTR_PORT)
				print_port(port, n++);
	printf(json ? "]}" : "\n");
	st->count++;
	return MNL_CB_OK;
}

static int fdb_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[MYBRIDGE_ATTR_MAX + 1];
	const struct nlattr *fdb[MYBRIDGE_FDB_MAX + 1];
	struct dump_state *st = data;
	char mac[18], port[IF_NAMESIZE] = "self";
	const char *kind;
	unsigned int vlan = 0;

	rz_genl_parse(nlh, tb, MYBRIDGE_ATTR_MAX);
	rz_genl_parse_nested(tb[MYBRIDGE_ATTR_FDB], fdb, MYBRIDGE_FDB_MAX);
	if (!fdb[MYBRIDGE_FDB_MAC] ||
	    mnl_attr_get_payload_len(fdb[MYBRIDGE_FDB_MAC]) != 6)
		return MNL_CB_OK;
	swctl_mac_str(mnl_attr_get_payload(fdb[MYBRIDGE_FDB_MAC]), mac);
	if (fdb[MYBRIDGE_FDB_PORT])
		swctl_ifname(mnl_attr_get_u32(fdb[MYBRIDGE_FDB_PORT]), port);
	if (fdb[MYBRIDGE_FDB_VLAN])
		vlan = mnl_attr_get_u16(fdb[MYBRIDGE_FDB_VLAN]);
	kind = fdb[MYBRIDGE_FDB_STATIC] ? "static" : "learned";
	if (json) {
		printf("%s{\"mac\":\"%s\",\"vlan\":%u,\"port\":", st->count ?
		       "," : "", mac, vlan);
		rz_json_string(port);
		printf(",\"type\":\"%s\"", kind);
		if (fdb[MYBRIDGE_FDB_AGE])
			printf(",\"age\":%u",
			       mnl_attr_get_u32(fdb[MYBRIDGE_FDB_AGE]));
		printf("}");
	} else {
		printf("%s vlan %u port %s %s", mac, vlan, port, kind);
		if (fdb[MYBRIDGE_FDB_AGE])
			printf(" age %us", mnl_attr_get_u32(fdb[MYBRIDGE_FDB_AGE]));
		printf("\n");
	}
	st->count++;
	return MNL_CB_OK;
}

static int bridge_dump(uint8_t cmd, const char *dev, mnl_cb_t cb)
{
	return swctl_dump(MYBRIDGE_GENL_NAME, cmd, MYBRIDGE_ATTR_IFINDEX, dev, cb,
			  MYBRIDGE_CMD_GET_BRIDGE, "mybridge");
}

int cmd_bridge_show(int argc, char **argv)
{
	if (argc > 1) {
		fprintf(stderr, "usage: swctl [-j] show [BRIDGE]\n");
		return 2;
	}
	return bridge_dump(MYBRIDGE_CMD_GET_BRIDGE, argc ? argv[0] : NULL,
			   bridge_cb);
}

int cmd_bridge_fdb(int argc, char **argv)
{
	if (argc != 1) {
		fprintf(stderr, "usage: swctl [-j] fdb BRIDGE\n");
		return 2;
	}
	return bridge_dump(MYBRIDGE_CMD_GET_FDB, argv[0], fdb_cb);
}

int cmd_bridge_flush(int argc, char **argv)
{
	int ifindex;

	if (argc < 1 || argc > 2 || (argc == 2 && strcmp(argv[1], "dynamic"))) {
		fprintf(stderr, "usage: swctl flush BRIDGE [dynamic]\n");
		return 2;
	}
	ifindex = swctl_ifindex(argv[0]);
	if (!ifindex ||
	    rz_genl_call(MYBRIDGE_GENL_NAME, MYBRIDGE_CMD_FLUSH_FDB, 0,
			 MYBRIDGE_ATTR_IFINDEX, ifindex,
			 argc == 2 ? MYBRIDGE_ATTR_FLUSH_DYNAMIC : 0, NULL,
			 NULL))
		return 1;
	return 0;
}
