// SPDX-License-Identifier: GPL-2.0
/*
 * vmctl: control ringzero virtual machines (myvmx.ko).
 *
 *   vmctl [-j] version    versions of vmctl, the myvmx module and its
 *                         /dev/myvmx API
 *   vmctl run IMAGE [--mem SIZE] [--mode real|long] [--vcpus N]
 *             [--timeout S] [--platform] [-v]
 *                         run a flat binary guest (vmctl_run.c)
 *   vmctl run NAME --kernel BZIMAGE [--initrd FILE] [--cmdline TEXT]
 *             [--mem SIZE] [--vcpus 1] [--timeout S]
 *             [--disk FILE[,ro]]... [--net BRIDGE[,mac=MAC][,name=IF]]...
 *                         boot Linux, with its console, until it stops
 *   vmctl start NAME --kernel ...   the same in the background
 *                         (vmctl_start.c)
 *   vmctl console VM      the serial console of a started VM
 *   vmctl stop [--hard] [--timeout S] VM
 *                         ask the guest to shut down (Ctrl-Alt-Del on its
 *                         keyboard), stop it hard if it cannot or after S
 *                         seconds (vmctl_stop.c)
 *   vmctl pause|resume VM
 *   vmctl [-j] list       the VMs (vmctl_list.c)
 *   vmctl [-j] stats VM   their vCPUs' exits by reason, preemptions and
 *                         migrations, their devices' counters
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>

#include <myvmx.h>
#include "cli.h"
#include "genl.h"
#include "vmctl.h"

static bool json;

static void print_usage(FILE *f)
{
	fprintf(f,
		"usage: vmctl [-j] COMMAND\n"
		"  version    versions of vmctl, myvmx.ko and /dev/myvmx\n"
		"  run IMAGE [--mem SIZE] [--mode real|long] [--vcpus N]\n"
		"      [--timeout S] [--platform] [-v]\n"
		"             run a flat binary guest loaded at 0x7c00\n"
		"  run NAME --kernel BZIMAGE [--initrd FILE] [--cmdline TEXT]\n"
		"      [--mem SIZE] [--vcpus 1] [--timeout S]\n"
		"      [--disk FILE[,ro]]... [--net BRIDGE[,mac=MAC][,name=IF]]...\n"
		"             boot Linux in the kernel, with its console\n"
		"  start NAME --kernel ...   the same, in the background\n"
		"  console VM the serial console of a started VM\n"
		"  stop [--hard] [--timeout S] VM\n"
		"             a clean shutdown (Ctrl-Alt-Del), hard if the guest\n"
		"             cannot be asked or has not stopped after S (30) s\n"
		"  pause VM, resume VM\n"
		"  list       the VMs: id, name, owner, vCPUs, memory\n"
		"  stats VM   exits of the VM's vCPUs by reason (VM: id or name),\n"
		"             their preemptions and migrations, its devices'\n"
		"             counters\n"
		"  -j         JSON output\n");
}

int vmctl_open_dev(void)
{
	int fd = open("/dev/myvmx", O_RDWR | O_CLOEXEC);

	if (fd < 0)
		fprintf(stderr, "/dev/myvmx: %s\n", strerror(errno));
	return fd;
}

int vmctl_fail(const char *what)
{
	fprintf(stderr, "vmctl: %s: %s\n", what, strerror(errno));
	return 1;
}

static int dev_api_version(void)
{
	int fd, api;

	fd = vmctl_open_dev();
	if (fd < 0)
		return -1;
	api = ioctl(fd, MYVMX_GET_API_VERSION, 0);
	if (api < 0)
		fprintf(stderr, "/dev/myvmx: MYVMX_GET_API_VERSION: %s\n",
			strerror(errno));
	close(fd);
	return api;
}

static int cmd_version(void)
{
	struct rz_version ver = { .extra_attr = MYVMX_ATTR_BACKEND };
	int dev_api;

	if (rz_genl_get_version(MYVMX_GENL_NAME, &ver) < 0)
		return 1;
	dev_api = dev_api_version();
	if (dev_api < 0)
		return 1;
	if (json) {
		printf("{\"vmctl\":");
		rz_json_string(RINGZERO_VERSION);
		printf(",\"myvmx\":{\"version\":");
		rz_json_string(ver.version);
		printf(",\"genl_api\":%u,\"dev_api\":%d,\"backend\":",
		       ver.api, dev_api);
		rz_json_string(ver.extra);
		printf("}}\n");
	} else {
		printf("vmctl %s\n", RINGZERO_VERSION);
		printf("myvmx %s (genl api %u, /dev/myvmx api %d)\n",
		       ver.version, ver.api, dev_api);
		printf("backend: %s\n", ver.extra);
	}
	return 0;
}

int main(int argc, char **argv)
{
	int cmd = rz_tool_options(argc, argv, print_usage, &json);

	if (!strcmp(argv[cmd], "version") && cmd + 1 == argc)
		return cmd_version();
	if (!strcmp(argv[cmd], "run"))
		return vmctl_run(argc - cmd, argv + cmd);
	if (!strcmp(argv[cmd], "list") && cmd + 1 == argc)
		return vmctl_list(json);
	if (!strcmp(argv[cmd], "stats") && cmd + 2 == argc)
		return vmctl_stats(argv[cmd + 1], json);
	if (!strcmp(argv[cmd], "start"))
		return vmctl_start(argc - cmd, argv + cmd, false);
	if (!strcmp(argv[cmd], "console") && cmd + 2 == argc)
		return vmctl_console(argv[cmd + 1]);
	if (!strcmp(argv[cmd], "stop"))
		return vmctl_stop(argc - cmd, argv + cmd);
	if (!strcmp(argv[cmd], "pause") && cmd + 2 == argc)
		return vmctl_control(argv[cmd + 1], MYVMX_CMD_PAUSE);
	if (!strcmp(argv[cmd], "resume") && cmd + 2 == argc)
		return vmctl_control(argv[cmd + 1], MYVMX_CMD_RESUME);
	fprintf(stderr, "vmctl: unknown command '%s'\n", argv[cmd]);
	print_usage(stderr);
	return 2;
}
