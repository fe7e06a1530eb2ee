// SPDX-License-Identifier: GPL-2.0
/*
 * vmctl list and vmctl stats: the VMs myvmx runs and their vCPUs' exit
 * counters, from the "myvmx" generic netlink family.
 *
 *   vmctl [-j] list        one line per VM: id, name, owner pid, vCPUs,
 *                          guest memory, vCPUs inside RUN now, the
 *                          backend (vmx or svm)
 *   vmctl [-j] stats VM    exits per vCPU by kind (VM: id or name), in
 *                          the vocabulary both backends share
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/genetlink.h>

#include <myvmx.h>
#include "cli.h"
#include "genl.h"
#include "vmctl.h"

struct list_ctx {
	bool json;
	unsigned int count;
	const char *want_name;		/* name lookup: the VM wanted */
	uint32_t found_id;
};

static void print_vm(const struct nlattr **tb, struct list_ctx *ctx)
{
	uint32_t id = mnl_attr_get_u32(tb[MYVMX_ATTR_VM_ID]);
	const char *name = mnl_attr_get_str(tb[MYVMX_ATTR_VM_NAME]);
	uint32_t owner = mnl_attr_get_u32(tb[MYVMX_ATTR_VM_OWNER]);
	uint32_t vcpus = mnl_attr_get_u32(tb[MYVMX_ATTR_VM_VCPUS]);
	uint64_t mem = mnl_attr_get_u64(tb[MYVMX_ATTR_VM_MEMORY]);
	uint32_t running = mnl_attr_get_u32(tb[MYVMX_ATTR_VM_RUNNING]);
	const char *backend = mnl_attr_get_str(tb[MYVMX_ATTR_BACKEND]);

	if (ctx->json) {
		printf("%s{\"id\":%u,\"name\":", ctx->count ? "," : "", id);
		rz_json_string(name);
		printf(",\"owner\":%u,\"vcpus\":%u,\"memory\":%llu,\"running\":%u,\"backend\":",
		       owner, vcpus, (unsigned long long)mem, running);
		rz_json_string(backend);
		printf("}");
	} else {
		if (!ctx->count)
			printf("%-4s %-16s %-8s %-5s %-12s %-7s %s\n", "ID",
			       "NAME", "OWNER", "VCPUS", "MEMORY", "RUNNING",
			       "BACKEND");
		printf("%-4u %-16s %-8u %-5u %-12llu %-7u %s\n", id,
		       *name ? name : "-", owner, vcpus,
		       (unsigned long long)mem, running, backend);
	}
	ctx->count++;
}

static bool vm_complete(const struct nlattr **tb)
{
	return tb[MYVMX_ATTR_VM_ID] && tb[MYVMX_ATTR_VM_NAME] &&
	       tb[MYVMX_ATTR_VM_OWNER] && tb[MYVMX_ATTR_VM_VCPUS] &&
	       tb[MYVMX_ATTR_VM_MEMORY] && tb[MYVMX_ATTR_VM_RUNNING] &&
	       tb[MYVMX_ATTR_BACKEND];
}

static int list_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[MYVMX_ATTR_MAX + 1] = { 0 };
	struct list_ctx *ctx = data;

	rz_genl_parse(nlh, tb, MYVMX_ATTR_MAX);
	if (!vm_complete(tb))
		return MNL_CB_OK;
	if (ctx->want_name) {
		if (!strcmp(mnl_attr_get_str(tb[MYVMX_ATTR_VM_NAME]),
			    ctx->want_name) && !ctx->found_id)
			ctx->found_id = mnl_attr_get_u32(tb[MYVMX_ATTR_VM_ID]);
		return MNL_CB_OK;
	}
	print_vm(tb, ctx);
	return MNL_CB_OK;
}

int vmctl_list(bool json)
{
	struct list_ctx ctx = { .json = json };

	if (json)
		printf("[");
	if (rz_genl_call(MYVMX_GENL_NAME, MYVMX_CMD_GET_VM, NLM_F_DUMP, 0, 0,
			 0, list_cb, &ctx) < 0)
		return 1;
	if (json)
		printf("]\n");
	return 0;
}

static void print_exit(const struct nlattr *nest, bool json, bool first)
{
	const struct nlattr *tb[MYVMX_EXIT_STAT_MAX + 1] = { 0 };
	const char *name;
	unsigned long long count;
	char lower[64];
	size_t i;

	rz_genl_parse_nested(nest, tb, MYVMX_EXIT_STAT_MAX);
	if (!tb[MYVMX_EXIT_STAT_NAME] || !tb[MYVMX_EXIT_STAT_COUNT])
		return;
	name = mnl_attr_get_str(tb[MYVMX_EXIT_STAT_NAME]);
	count = mnl_attr_get_u64(tb[MYVMX_EXIT_STAT_COUNT]);
	for (i = 0; name[i] && i < sizeof(lower) - 1; i++)
		lower[i] = tolower((unsigned char)name[i]);
	lower[i] = '\0';
	if (json) {
		printf("%s", first ? "" : ",");
		rz_json_string(lower);
		printf(":%llu", count);
	} else {
		printf("  %-20s %llu\n", lower, count);
	}
}

static void print_vcpu(const struct nlattr *nest, bool json, bool first)
{
	const struct nlattr *tb[MYVMX_VCPU_MAX + 1] = { 0 };
	const struct nlattr *attr;
	bool first_exit = true;

	rz_genl_parse_nested(nest, tb, MYVMX_VCPU_MAX);
	if (!tb[MYVMX_VCPU_INDEX] || !tb[MYVMX_VCPU_EXITS])
		return;
	if (json)
		printf("%s{\"index\":%u,\"exits\":%llu,\"reasons\":{",
		       first ? "" : ",", mnl_attr_get_u32(tb[MYVMX_VCPU_INDEX]),
		       (unsigned long long)
		       mnl_attr_get_u64(tb[MYVMX_VCPU_EXITS]));
	else
		printf("vcpu %u: %llu exits\n",
		       mnl_attr_get_u32(tb[MYVMX_VCPU_INDEX]),
		       (unsigned long long)
		       mnl_attr_get_u64(tb[MYVMX_VCPU_EXITS]));
	mnl_attr_for_each_nested(attr, nest) {
		if (mnl_attr_get_type(attr) != MYVMX_VCPU_EXIT)
			continue;
		print_exit(attr, json, first_exit);
		first_exit = false;
	}
	if (json)
		printf("}}");
}

static int stats_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[MYVMX_ATTR_MAX + 1] = { 0 };
	bool json = *(bool *)data, first = true;
	const struct nlattr *attr;

	rz_genl_parse(nlh, tb, MYVMX_ATTR_MAX);
	if (!vm_complete(tb))
		return MNL_CB_OK;
	if (json) {
		printf("{\"id\":%u,\"name\":",
		       mnl_attr_get_u32(tb[MYVMX_ATTR_VM_ID]));
		rz_json_string(mnl_attr_get_str(tb[MYVMX_ATTR_VM_NAME]));
		printf(",\"backend\":");
		rz_json_string(mnl_attr_get_str(tb[MYVMX_ATTR_BACKEND]));
		printf(",\"vcpus\":[");
	} else {
		printf("vm %u (%s): %u vcpus, %llu bytes of memory, backend %s\n",
		       mnl_attr_get_u32(tb[MYVMX_ATTR_VM_ID]),
		       mnl_attr_get_str(tb[MYVMX_ATTR_VM_NAME]),
		       mnl_attr_get_u32(tb[MYVMX_ATTR_VM_VCPUS]),
		       (unsigned long long)
		       mnl_attr_get_u64(tb[MYVMX_ATTR_VM_MEMORY]),
		       mnl_attr_get_str(tb[MYVMX_ATTR_BACKEND]));
	}
	mnl_attr_for_each(attr, nlh, sizeof(struct genlmsghdr)) {
		if (mnl_attr_get_type(attr) != MYVMX_ATTR_VCPU)
			continue;
		print_vcpu(attr, json, first);
		first = false;
	}
	if (json)
		printf("]}\n");
	return MNL_CB_OK;
}

int vmctl_stats(const char *vm, bool json)
{
	struct list_ctx ctx = { .want_name = vm };
	unsigned long id;
	char *end;

	id = strtoul(vm, &end, 10);
	if (*end || !*vm) {
		if (rz_genl_call(MYVMX_GENL_NAME, MYVMX_CMD_GET_VM, NLM_F_DUMP,
				 0, 0, 0, list_cb, &ctx) < 0)
			return 1;
		if (!ctx.found_id) {
			fprintf(stderr, "vmctl: no VM named '%s'\n", vm);
			return 1;
		}
		id = ctx.found_id;
	}
	if (!id || id > UINT32_MAX) {
		fprintf(stderr, "vmctl: bad VM id '%s'\n", vm);
		return 2;
	}
	return rz_genl_call(MYVMX_GENL_NAME, MYVMX_CMD_GET_STATS, 0,
			    MYVMX_ATTR_VM_ID, id, 0, stats_cb, &json) < 0;
}
