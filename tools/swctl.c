// SPDX-License-Identifier: GPL-2.0
/*
 * swctl: control ringzero's switch (mybridge.ko) and VXLAN (myvxlan.ko)
 * devices.
 *
 *   swctl [-j] version    versions of swctl and of the two modules
 *   swctl [-j] vxlan ...  myvxlan devices (swctl_vxlan.c)
 */
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
		"  vxlan show [DEV] | fdb DEV | flush DEV [dynamic]\n"
		"             myvxlan devices, their counters and FDB\n"
		"  -j         JSON output\n");
}

static int cmd_version(void)
{
	static const char *const families[] = {
		MYBRIDGE_GENL_NAME, MYVXLAN_GENL_NAME,
	};
	struct rz_version ver[2];
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

int main(int argc, char **argv)
{
	int cmd = rz_tool_options(argc, argv, print_usage, &json);

	if (!strcmp(argv[cmd], "version") && cmd + 1 == argc)
		return cmd_version();
	if (!strcmp(argv[cmd], "vxlan"))
		return cmd_vxlan(argc - cmd - 1, argv + cmd + 1);
	fprintf(stderr, "swctl: unknown command '%s'\n", argv[cmd]);
	print_usage(stderr);
	return 2;
}
