// SPDX-License-Identifier: GPL-2.0
/*
 * swctl vxlan: myvxlan devices over the "myvxlan" genl family.
 *
 *   swctl [-j] vxlan show [DEV]         parameters and counters
 *   swctl [-j] vxlan fdb DEV            forwarding database
 *   swctl vxlan flush DEV [dynamic]     empty the FDB (or its dynamic part)
 */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <linux/genetlink.h>

#include <myvxlan.h>
#include "cli.h"
#include "genl.h"
#include "swctl.h"

static const char *const drop_names[MYVXLAN_DROP_MAX] =
	MYVXLAN_DROP_REASON_NAMES;

static const char *const stat_names[MYVXLAN_STATS_MAX + 1] = {
	[MYVXLAN_STATS_RX_PACKETS]	= "rx_packets",
	[MYVXLAN_STATS_RX_BYTES]	= "rx_bytes",
	[MYVXLAN_STATS_TX_PACKETS]	= "tx_packets",
	[MYVXLAN_STATS_TX_BYTES]	= "tx_bytes",
	[MYVXLAN_STATS_LEARNED]		= "fdb_learned",
	[MYVXLAN_STATS_FDB_ENTRIES]	= "fdb_entries",
	[MYVXLAN_STATS_PROXY_REPLIES]	= "proxy_replies",
	[MYVXLAN_STATS_L2MISSES]	= "l2misses",
	[MYVXLAN_STATS_L3MISSES]	= "l3misses",
};

static const char *addr_str(const struct nlattr *attr, char *buf,
			    size_t len)
{
	int family = mnl_attr_get_payload_len(attr) == 16 ? AF_INET6 : AF_INET;

	if (!inet_ntop(family, mnl_attr_get_payload(attr), buf, len))
		snprintf(buf, len, "?");
	return buf;
}

static void print_addr(const char *key, const struct nlattr *attr)
{
	char buf[INET6_ADDRSTRLEN];

	if (!attr)
		return;
	addr_str(attr, buf, sizeof(buf));
	if (json) {
		printf(",\"%s\":", key);
		rz_json_string(buf);
	} else {
		printf(" %s %s", key, buf);
	}
}

static void print_config(const struct nlattr *nest)
{
	const struct nlattr *tb[IFLA_MYVXLAN_MAX + 1];
	char ifname[IF_NAMESIZE];

	rz_genl_parse_nested(nest, tb, IFLA_MYVXLAN_MAX);
	if (tb[IFLA_MYVXLAN_ID])
		swctl_print_u("vni", mnl_attr_get_u32(tb[IFLA_MYVXLAN_ID]));
	print_addr("remote", tb[IFLA_MYVXLAN_REMOTE] ?: tb[IFLA_MYVXLAN_REMOTE6]);
	print_addr("group", tb[IFLA_MYVXLAN_GROUP] ?: tb[IFLA_MYVXLAN_GROUP6]);
	print_addr("local", tb[IFLA_MYVXLAN_LOCAL] ?: tb[IFLA_MYVXLAN_LOCAL6]);
	if (tb[IFLA_MYVXLAN_LINK] &&
	    if_indextoname(mnl_attr_get_u32(tb[IFLA_MYVXLAN_LINK]), ifname)) {
		if (json) {
			printf(",\"dev\":");
			rz_json_string(ifname);
		} else {
			printf(" dev %s", ifname);
		}
	}
	if (tb[IFLA_MYVXLAN_PORT])
		swctl_print_u("dstport",
			      ntohs(mnl_attr_get_u16(tb[IFLA_MYVXLAN_PORT])));
	if (tb[IFLA_MYVXLAN_LEARNING])
		swctl_print_u("learning",
			      mnl_attr_get_u8(tb[IFLA_MYVXLAN_LEARNING]));
	if (tb[IFLA_MYVXLAN_AGEING])
		swctl_print_u("ageing", mnl_attr_get_u32(tb[IFLA_MYVXLAN_AGEING]));
	if (tb[IFLA_MYVXLAN_LIMIT])
		swctl_print_u("maxaddress",
			      mnl_attr_get_u32(tb[IFLA_MYVXLAN_LIMIT]));
}

static int device_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[MYVXLAN_ATTR_MAX + 1];
	struct dump_state *st = data;

	rz_genl_parse(nlh, tb, MYVXLAN_ATTR_MAX);
	if (!tb[MYVXLAN_ATTR_IFNAME] || !tb[MYVXLAN_ATTR_IFINDEX])
		return MNL_CB_OK;
	if (json) {
		printf("%s{\"ifname\":", st->count ? "," : "");
		rz_json_string(mnl_attr_get_str(tb[MYVXLAN_ATTR_IFNAME]));
		printf(",\"ifindex\":%u",
		       mnl_attr_get_u32(tb[MYVXLAN_ATTR_IFINDEX]));
	} else {
		printf("%s:", mnl_attr_get_str(tb[MYVXLAN_ATTR_IFNAME]));
	}
	print_config(tb[MYVXLAN_ATTR_CONFIG]);
	swctl_print_counters("stats", tb[MYVXLAN_ATTR_STATS], stat_names + 1,
			     MYVXLAN_STATS_MAX, 1);
	swctl_print_counters("drops", tb[MYVXLAN_ATTR_DROPS], drop_names,
			     MYVXLAN_DROP_MAX, 1);
	printf(json ? "}" : "\n");
	st->count++;
	return MNL_CB_OK;
}

static int fdb_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[MYVXLAN_ATTR_MAX + 1];
	const struct nlattr *fdb[MYVXLAN_FDB_MAX + 1];
	struct dump_state *st = data;
	char mac[18], ip[INET6_ADDRSTRLEN];
	const unsigned char *m;
	const char *kind;

	rz_genl_parse(nlh, tb, MYVXLAN_ATTR_MAX);
	rz_genl_parse_nested(tb[MYVXLAN_ATTR_FDB], fdb, MYVXLAN_FDB_MAX);
	if (!fdb[MYVXLAN_FDB_MAC] || !fdb[MYVXLAN_FDB_REMOTE] ||
	    mnl_attr_get_payload_len(fdb[MYVXLAN_FDB_MAC]) != 6)
		return MNL_CB_OK;
	m = mnl_attr_get_payload(fdb[MYVXLAN_FDB_MAC]);
	swctl_mac_str(m, mac);
	addr_str(fdb[MYVXLAN_FDB_REMOTE], ip, sizeof(ip));
	kind = fdb[MYVXLAN_FDB_LEARNED] ? "learned" :
	       fdb[MYVXLAN_FDB_STATE] &&
	       mnl_attr_get_u16(fdb[MYVXLAN_FDB_STATE]) == 0x02 ? "dynamic" :
								 "static";
	if (json) {
		printf("%s{\"mac\":\"%s\",\"dst\":\"%s\",\"type\":\"%s\"",
		       st->count ? "," : "", mac, ip, kind);
		if (fdb[MYVXLAN_FDB_AGE])
			printf(",\"age\":%u",
			       mnl_attr_get_u32(fdb[MYVXLAN_FDB_AGE]));
		printf("}");
	} else {
		printf("%s dst %s %s", mac, ip, kind);
		if (fdb[MYVXLAN_FDB_AGE])
			printf(" age %us", mnl_attr_get_u32(fdb[MYVXLAN_FDB_AGE]));
		printf("\n");
	}
	st->count++;
	return MNL_CB_OK;
}

static int vxlan_dump(uint8_t cmd, const char *dev, mnl_cb_t cb)
{
	return swctl_dump(MYVXLAN_GENL_NAME, cmd, MYVXLAN_ATTR_IFINDEX, dev, cb,
			  MYVXLAN_CMD_GET_DEVICE, "myvxlan");
}

static int vxlan_flush(const char *dev, bool dynamic)
{
	int ifindex = swctl_ifindex(dev);

	if (!ifindex ||
	    rz_genl_call(MYVXLAN_GENL_NAME, MYVXLAN_CMD_FLUSH_FDB, 0,
			 MYVXLAN_ATTR_IFINDEX, ifindex,
			 dynamic ? MYVXLAN_ATTR_FLUSH_DYNAMIC : 0, NULL, NULL))
		return 1;
	return 0;
}

int cmd_vxlan(int argc, char **argv)
{
	if (argc >= 1 && !strcmp(argv[0], "show") && argc <= 2)
		return vxlan_dump(MYVXLAN_CMD_GET_DEVICE,
				  argc == 2 ? argv[1] : NULL, device_cb);
	if (argc == 2 && !strcmp(argv[0], "fdb"))
		return vxlan_dump(MYVXLAN_CMD_GET_FDB, argv[1], fdb_cb);
	if (argc >= 2 && argc <= 3 && !strcmp(argv[0], "flush") &&
	    (argc == 2 || !strcmp(argv[2], "dynamic")))
		return vxlan_flush(argv[1], argc == 3);
	fprintf(stderr,
		"usage: swctl [-j] vxlan show [DEV] | fdb DEV | flush DEV [dynamic]\n");
	return 2;
}
