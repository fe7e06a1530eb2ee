// SPDX-License-Identifier: GPL-2.0
/*
 * vmctl list and vmctl stats: the VMs myvmx runs and their vCPUs' exit
 * counters, from the "myvmx" generic netlink family.
 *
 *   vmctl [-j] list        one line per VM: id, name, owner pid, vCPUs,
 *                          guest memory, vCPUs inside RUN now, the
 *                          backend (vmx or svm), the state (created,
 *                          running, paused, stopped: REASON)
 *   vmctl [-j] stats VM    exits per vCPU by kind (VM: id or name), in
 *                          the vocabulary both backends share, and how
 *                          often the scheduler preempted the vCPU's thread
 *                          or moved it to another CPU; then each
 *                          in-kernel device's counters
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

static const char *const state_names[] = {
	[MYVMX_STATE_CREATED] = "created",
	[MYVMX_STATE_RUNNING] = "running",
	[MYVMX_STATE_PAUSED] = "paused",
	[MYVMX_STATE_STOPPED] = "stopped",
};

const char *vmctl_state_name(uint32_t state)
{
	return state < ARRAY_SIZE(state_names) ?
	       state_names[state] : "unknown";
}

static const char *const exit_names[] = {
	[MYVMX_EXIT_NONE] = "none", [MYVMX_EXIT_IO] = "io",
	[MYVMX_EXIT_MMIO] = "mmio", [MYVMX_EXIT_HLT] = "hlt",
	[MYVMX_EXIT_SHUTDOWN] = "shutdown",
	[MYVMX_EXIT_FAIL_ENTRY] = "fail-entry",
	[MYVMX_EXIT_INTERNAL_ERROR] = "internal-error",
	[MYVMX_EXIT_INTR] = "intr", [MYVMX_EXIT_RESET] = "reset",
	[MYVMX_EXIT_STOPPED] = "stopped",
};

const char *vmctl_exit_name(uint32_t reason)
{
	return reason < ARRAY_SIZE(exit_names) &&
	       exit_names[reason] ? exit_names[reason] : "unknown";
}

/* "running", or "stopped: REASON" */
static void state_text(const struct nlattr **tb, char *buf, size_t len)
{
	uint32_t state = mnl_attr_get_u32(tb[MYVMX_ATTR_VM_STATE]);
	const struct nlattr *reason = tb[MYVMX_ATTR_VM_STOP_REASON];

	if (state == MYVMX_STATE_STOPPED && reason)
		snprintf(buf, len, "stopped: %s",
			 vmctl_exit_name(mnl_attr_get_u32(reason)));
	else
		snprintf(buf, len, "%s", vmctl_state_name(state));
}

static void print_vm(const struct nlattr **tb, struct list_ctx *ctx)
{
	uint32_t id = mnl_attr_get_u32(tb[MYVMX_ATTR_VM_ID]);
	const char *name = mnl_attr_get_str(tb[MYVMX_ATTR_VM_NAME]);
	uint32_t owner = mnl_attr_get_u32(tb[MYVMX_ATTR_VM_OWNER]);
	uint32_t vcpus = mnl_attr_get_u32(tb[MYVMX_ATTR_VM_VCPUS]);
	uint64_t mem = mnl_attr_get_u64(tb[MYVMX_ATTR_VM_MEMORY]);
	uint32_t running = mnl_attr_get_u32(tb[MYVMX_ATTR_VM_RUNNING]);
	const char *backend = mnl_attr_get_str(tb[MYVMX_ATTR_BACKEND]);
	const struct nlattr *reason = tb[MYVMX_ATTR_VM_STOP_REASON];
	uint32_t state_id = mnl_attr_get_u32(tb[MYVMX_ATTR_VM_STATE]);
	char state[64];

	state_text(tb, state, sizeof(state));
	if (ctx->json) {
		printf("%s{\"id\":%u,\"name\":", ctx->count ? "," : "", id);
		rz_json_string(name);
		printf(",\"owner\":%u,\"vcpus\":%u,\"memory\":%llu,\"running\":%u,\"backend\":",
		       owner, vcpus, (unsigned long long)mem, running);
		rz_json_string(backend);
		printf(",\"state\":");
		rz_json_string(vmctl_state_name(state_id));
		if (reason) {
			printf(",\"stop_reason\":");
			rz_json_string(vmctl_exit_name(mnl_attr_get_u32(reason)));
		}
		printf("}");
	} else {
		if (!ctx->count)
			printf("%-4s %-16s %-8s %-5s %-12s %-7s %-7s %s\n",
			       "ID", "NAME", "OWNER", "VCPUS", "MEMORY",
			       "RUNNING", "BACKEND", "STATE");
		printf("%-4u %-16s %-8u %-5u %-12llu %-7u %-7s %s\n", id,
		       *name ? name : "-", owner, vcpus,
		       (unsigned long long)mem, running, backend, state);
	}
	ctx->count++;
}

static bool vm_complete(const struct nlattr **tb)
{
	return tb[MYVMX_ATTR_VM_ID] && tb[MYVMX_ATTR_VM_NAME] &&
	       tb[MYVMX_ATTR_VM_OWNER] && tb[MYVMX_ATTR_VM_VCPUS] &&
	       tb[MYVMX_ATTR_VM_MEMORY] && tb[MYVMX_ATTR_VM_RUNNING] &&
	       tb[MYVMX_ATTR_BACKEND] && tb[MYVMX_ATTR_VM_STATE];
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

/* A u64 attribute a module may be too old to send: 0 then. */
static unsigned long long u64_or_zero(const struct nlattr *attr)
{
	return attr ? (unsigned long long)mnl_attr_get_u64(attr) : 0;
}

/*
 * "vcpu N: E exits", its exits by kind ("  KIND COUNT"), then what the
 * scheduler did to it ("  sched: P preemptions, M migrations").
 */
static void print_vcpu(const struct nlattr *nest, bool json, bool first)
{
	const struct nlattr *tb[MYVMX_VCPU_MAX + 1] = { 0 };
	const struct nlattr *attr;
	bool first_exit = true;
	unsigned long long preemptions, migrations;

	rz_genl_parse_nested(nest, tb, MYVMX_VCPU_MAX);
	if (!tb[MYVMX_VCPU_INDEX] || !tb[MYVMX_VCPU_EXITS])
		return;
	preemptions = u64_or_zero(tb[MYVMX_VCPU_PREEMPTIONS]);
	migrations = u64_or_zero(tb[MYVMX_VCPU_MIGRATIONS]);
	if (json) {
		printf("%s{\"index\":%u,\"exits\":%llu,",
		       first ? "" : ",", mnl_attr_get_u32(tb[MYVMX_VCPU_INDEX]),
		       u64_or_zero(tb[MYVMX_VCPU_EXITS]));
		printf("\"preemptions\":%llu,\"migrations\":%llu,\"reasons\":{",
		       preemptions, migrations);
	} else {
		printf("vcpu %u: %llu exits\n",
		       mnl_attr_get_u32(tb[MYVMX_VCPU_INDEX]),
		       u64_or_zero(tb[MYVMX_VCPU_EXITS]));
	}
	mnl_attr_for_each_nested(attr, nest) {
		if (mnl_attr_get_type(attr) != MYVMX_VCPU_EXIT)
			continue;
		print_exit(attr, json, first_exit);
		first_exit = false;
	}
	if (json)
		printf("}}");
	else
		printf("  sched: %llu preemptions, %llu migrations\n",
		       preemptions, migrations);
}

/* A device's counters ("  NAME VALUE", or a JSON object). */
static void print_device(const struct nlattr *nest, bool json, bool first)
{
	const struct nlattr *tb[MYVMX_DEVICE_ATTR_MAX + 1] = { 0 };
	const struct nlattr *attr;
	bool first_counter = true;

	rz_genl_parse_nested(nest, tb, MYVMX_DEVICE_ATTR_MAX);
	if (!tb[MYVMX_DEVICE_ATTR_TYPE] || !tb[MYVMX_DEVICE_ATTR_NAME])
		return;
	if (json) {
		printf("%s{\"type\":%u,\"name\":", first ? "" : ",",
		       mnl_attr_get_u32(tb[MYVMX_DEVICE_ATTR_TYPE]));
		rz_json_string(mnl_attr_get_str(tb[MYVMX_DEVICE_ATTR_NAME]));
		printf(",\"counters\":{");
	} else {
		printf("device %s\n", mnl_attr_get_str(tb[MYVMX_DEVICE_ATTR_NAME]));
	}
	mnl_attr_for_each_nested(attr, nest) {
		const struct nlattr *c[MYVMX_COUNTER_MAX + 1] = { 0 };

		if (mnl_attr_get_type(attr) != MYVMX_DEVICE_ATTR_COUNTER)
			continue;
		rz_genl_parse_nested(attr, c, MYVMX_COUNTER_MAX);
		if (!c[MYVMX_COUNTER_NAME] || !c[MYVMX_COUNTER_VALUE])
			continue;
		if (json) {
			printf("%s", first_counter ? "" : ",");
			rz_json_string(mnl_attr_get_str(c[MYVMX_COUNTER_NAME]));
			printf(":%llu", (unsigned long long)
			       mnl_attr_get_u64(c[MYVMX_COUNTER_VALUE]));
		} else {
			printf("  %-20s %llu\n",
			       mnl_attr_get_str(c[MYVMX_COUNTER_NAME]),
			       (unsigned long long)
			       mnl_attr_get_u64(c[MYVMX_COUNTER_VALUE]));
		}
		first_counter = false;
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
		printf("],\"devices\":[");
	first = true;
	mnl_attr_for_each(attr, nlh, sizeof(struct genlmsghdr)) {
		if (mnl_attr_get_type(attr) != MYVMX_ATTR_DEVICE)
			continue;
		print_device(attr, json, first);
		first = false;
	}
	if (json)
		printf("]}\n");
	return MNL_CB_OK;
}

/*
 * The id of VM @vm (an id, or the name of the first VM with that name);
 * 0 after saying why there is none.
 */
uint32_t vmctl_vm_id(const char *vm)
{
	struct list_ctx ctx = { .want_name = vm };
	unsigned long id;
	char *end;

	id = strtoul(vm, &end, 10);
	if (*end || !*vm) {
		if (rz_genl_call(MYVMX_GENL_NAME, MYVMX_CMD_GET_VM, NLM_F_DUMP,
				 0, 0, 0, list_cb, &ctx) < 0)
			return 0;
		if (!ctx.found_id)
			fprintf(stderr, "vmctl: no VM named '%s'\n", vm);
		return ctx.found_id;
	}
	if (!id || id > UINT32_MAX) {
		fprintf(stderr, "vmctl: bad VM id '%s'\n", vm);
		return 0;
	}
	return id;
}

struct vm_state {
	uint32_t state, reason;
	char name[MYVMX_NAME_LEN];
};

static int state_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[MYVMX_ATTR_MAX + 1] = { 0 };
	struct vm_state *out = data;

	rz_genl_parse(nlh, tb, MYVMX_ATTR_MAX);
	if (!vm_complete(tb))
		return MNL_CB_OK;
	out->state = mnl_attr_get_u32(tb[MYVMX_ATTR_VM_STATE]);
	if (tb[MYVMX_ATTR_VM_STOP_REASON])
		out->reason = mnl_attr_get_u32(tb[MYVMX_ATTR_VM_STOP_REASON]);
	snprintf(out->name, sizeof(out->name), "%s",
		 mnl_attr_get_str(tb[MYVMX_ATTR_VM_NAME]));
	return MNL_CB_OK;
}

/*
 * The state of VM @id and, once stopped, why; -1 on failure.  With
 * @name (MYVMX_NAME_LEN bytes), also its name.
 */
int vmctl_vm_state(uint32_t id, uint32_t *state, uint32_t *reason,
		   char *name)
{
	struct vm_state out = { MYVMX_STATE_STOPPED, MYVMX_EXIT_NONE, "" };

	if (rz_genl_call(MYVMX_GENL_NAME, MYVMX_CMD_GET_VM, 0,
			 MYVMX_ATTR_VM_ID, id, 0, state_cb, &out) < 0)
		return -1;
	*state = out.state;
	*reason = out.reason;
	if (name)
		memcpy(name, out.name, sizeof(out.name));
	return 0;
}

int vmctl_stats(const char *vm, bool json)
{
	uint32_t id = vmctl_vm_id(vm);

	if (!id)
		return 1;
	return rz_genl_call(MYVMX_GENL_NAME, MYVMX_CMD_GET_STATS, 0,
			    MYVMX_ATTR_VM_ID, id, 0, stats_cb, &json) < 0;
}
