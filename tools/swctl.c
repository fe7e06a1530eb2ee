// SPDX-License-Identifier: GPL-2.0
/*
 * swctl: control ringzero's switch (mybridge.ko) and VXLAN (myvxlan.ko)
 * devices.
 *
 *   swctl [-j] version    versions of swctl and of the two modules
 *   swctl [-j] show|fdb|flush ...  mybridge switches (swctl_bridge.c)
 *   swctl port|mirror|police ...    port set-up (swctl_port.c)
 *   swctl flow|flows|monitor ...    flow table (swctl_flow.c)
 *   swctl export ...                flow export (swctl_export.c)
 *   swctl save|restore ...          configuration (swctl_save.c)
 *   swctl [-j] vxlan ...  myvxlan devices (swctl_vxlan.c)
 */
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <mybridge.h>
#include <myvxlan.h>
#include "cli.h"
#include "genl.h"
#include "swctl.h"

bool json;

static void print_usage(FILE *f)
{
	fprintf(f,
		"usage: swctl [-j] COMMAND\n"
		"  version    versions of swctl, mybridge.ko and myvxlan.ko\n"
		"  show [BRIDGE]\n"
		"             mybridge switches: ports, FDB size, counters\n"
		"  fdb BRIDGE | flush BRIDGE [dynamic]\n"
		"             a switch's forwarding database\n"
		"  port BRIDGE PORT vlan access VID | trunk VIDS | none\n"
		"  mirror add BRIDGE src PORT dst PORT [ingress|egress]\n"
		"  mirror del BRIDGE src PORT [ingress|egress]\n"
		"  police BRIDGE PORT rate RATE burst SIZE | off\n"
		"             a port's VLANs, mirroring and policing\n"
		"  flow add BRIDGE [prio N] [MATCH] actions=ACTIONS [replace]\n"
		"  flow del BRIDGE [prio N] [MATCH] | flows BRIDGE\n"
		"             the flow table (swctl flow for the syntax)\n"
		"  monitor [BRIDGE] [count N]\n"
		"             frames that rules send to the controller\n"
		"  export BRIDGE ipfix|netflow ADDR:PORT [active S] [idle S] | off\n"
		"             flow records to a collector\n"
		"  save BRIDGE > FILE | restore < FILE\n"
		"             a switch's configuration as swctl commands\n"
		"  vxlan show [DEV] | fdb DEV | flush DEV [dynamic]\n"
		"             myvxlan devices, their counters and FDB\n"
		"  -j         JSON output\n");
}

int swctl_ifindex(const char *name)
{
	unsigned int idx = if_nametoindex(name);

	if (!idx)
		fprintf(stderr, "swctl: %s: no such device\n", name);
	return (int)idx;
}

void swctl_print_u(const char *key, unsigned long long v)
{
	if (json)
		printf(",\"%s\":%llu", key, v);
	else
		printf(" %s %llu", key, v);
}

void swctl_print_counters(const char *key, const struct nlattr *nest,
			  const char *const *names, int max, int offset)
{
	const struct nlattr *tb[64];
	int i, first = 1;

	rz_genl_parse_nested(nest, tb, max);
	if (json)
		printf(",\"%s\":{", key);
	else
		printf("\n  %s:", key);
	for (i = 0; i <= max - offset; i++) {
		const struct nlattr *a = tb[i + offset];

		if (!names[i] || !a)
			continue;
		if (json)
			printf("%s\"%s\":%llu", first ? "" : ",", names[i],
			       (unsigned long long)mnl_attr_get_u64(a));
		else
			printf(" %s %llu", names[i],
			       (unsigned long long)mnl_attr_get_u64(a));
		first = 0;
	}
	if (json)
		printf("}");
}

int swctl_dump(const char *family, uint8_t cmd, uint16_t attr,
	       const char *dev, mnl_cb_t cb, uint8_t dev_cmd,
	       const char *kind)
{
	struct dump_state st = { 0 };
	int ifindex = 0, ret;

	if (dev) {
		ifindex = swctl_ifindex(dev);
		if (!ifindex)
			return 1;
	}
	if (json)
		printf("[");
	ret = rz_genl_call(family, cmd, NLM_F_DUMP, ifindex ? attr : 0,
			   ifindex, 0, cb, &st);
	if (json)
		printf("]\n");
	if (ret < 0)
		return 1;
	if (dev && !st.count && cmd == dev_cmd) {
		fprintf(stderr, "swctl: %s is not a %s device\n", dev, kind);
		return 1;
	}
	return 0;
}

const char *swctl_ifname(unsigned int ifindex, char *buf)
{
	if (!if_indextoname(ifindex, buf))
		snprintf(buf, IF_NAMESIZE, "%u", ifindex);
	return buf;
}

const char *swctl_mac_str(const unsigned char *m, char *buf)
{
	snprintf(buf, 18, "%02x:%02x:%02x:%02x:%02x:%02x",
		 m[0], m[1], m[2], m[3], m[4], m[5]);
	return buf;
}

static int cmd_version(void)
{
	static const char *const families[] = {
		MYBRIDGE_GENL_NAME, MYVXLAN_GENL_NAME,
	};
	struct rz_version ver[2] = { 0 };
	unsigned int i;
	int ret = 0;

	for (i = 0; i < 2; i++)
		if (rz_genl_get_version(families[i], &ver[i]) < 0)
			ret = 1;
	if (ret)
		return ret;
	if (json) {
		printf("{\"swctl\":");
		rz_json_string(RINGZERO_VERSION);
		for (i = 0; i < 2; i++) {
			printf(",\"%s\":{\"version\":", families[i]);
			rz_json_string(ver[i].version);
			printf(",\"genl_api\":%u}", ver[i].api);
		}
		printf("}\n");
	} else {
		printf("swctl %s\n", RINGZERO_VERSION);
		for (i = 0; i < 2; i++)
			printf("%s %s (genl api %u)\n", families[i],
			       ver[i].version, ver[i].api);
	}
	return 0;
}

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
} bridge_cmds[] = {
	{ "port", cmd_bridge_port },
	{ "mirror", cmd_bridge_mirror },
	{ "police", cmd_bridge_police },
	{ "flow", cmd_bridge_flow },
	{ "flows", cmd_bridge_flows },
	{ "monitor", cmd_bridge_monitor },
	{ "export", cmd_bridge_export },
	{ "save", cmd_bridge_save },
	{ "restore", cmd_bridge_restore },
};

int main(int argc, char **argv)
{
	int cmd = rz_tool_options(argc, argv, print_usage, &json);
	unsigned int i;

	if (!strcmp(argv[cmd], "version") && cmd + 1 == argc)
		return cmd_version();
	if (!strcmp(argv[cmd], "vxlan"))
		return cmd_vxlan(argc - cmd - 1, argv + cmd + 1);
	if (!strcmp(argv[cmd], "show"))
		return cmd_bridge_show(argc - cmd - 1, argv + cmd + 1);
	if (!strcmp(argv[cmd], "fdb"))
		return cmd_bridge_fdb(argc - cmd - 1, argv + cmd + 1);
	if (!strcmp(argv[cmd], "flush"))
		return cmd_bridge_flush(argc - cmd - 1, argv + cmd + 1);
	for (i = 0; i < ARRAY_SIZE(bridge_cmds); i++)
		if (!strcmp(argv[cmd], bridge_cmds[i].name))
			return bridge_cmds[i].run(argc - cmd - 1,
						  argv + cmd + 1);
	fprintf(stderr, "swctl: unknown command '%s'\n", argv[cmd]);
	print_usage(stderr);
	return 2;
}
