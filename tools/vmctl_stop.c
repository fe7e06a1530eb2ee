// SPDX-License-Identifier: GPL-2.0
/*
 * vmctl stop [--hard] [--timeout S] VM
 *
 * A clean stop first: the guest is asked to shut down (MYVMX_CMD_SHUTDOWN:
 * Ctrl-Alt-Del on its i8042 keyboard, as a PC without ACPI is asked) and
 * given S seconds (30 by default) to power the VM off or reset it.  A VM
 * whose guest cannot be asked (no keyboard driver yet, no platform
 * device), a paused VM, and a guest still running after S seconds are
 * stopped hard (MYVMX_CMD_STOP), and vmctl says so on stderr.  --hard
 * skips the question.  Exits 0 once the VM has stopped either way.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <myvmx.h>
#include "genl.h"
#include "vmctl.h"

#define VMCTL_STOP_TIMEOUT_S	30
#define VMCTL_STOP_POLL_NS	50000000L

/* @cmd on VM @id: 0, or the kernel's errno, which vmctl explains. */
static int quiet_call(uint32_t id, uint8_t cmd)
{
	int ret;

	rz_genl_quiet = true;
	ret = rz_genl_call(MYVMX_GENL_NAME, cmd, 0, MYVMX_ATTR_VM_ID, id, 0,
			   NULL, NULL);
	rz_genl_quiet = false;
	return ret < 0 ? errno : 0;
}

/* Stopped, or gone meanwhile (stopped by itself, and freed): 0. */
static int hard_stop(uint32_t id)
{
	int err = quiet_call(id, MYVMX_CMD_STOP);

	if (!err || err == EALREADY || err == ENOENT)
		return 0;
	errno = err;
	return vmctl_fail("stopping the VM");
}

static const char *why_not_asked(int err)
{
	switch (err) {
	case ENODEV:
		return "no driver in the guest listens to its keyboard";
	case EOPNOTSUPP:
		return "the VM has no platform device";
	case EBUSY:
		return "the guest's keyboard buffer is full";
	}
	return strerror(err);
}

/*
 * Wait until VM @id, named @name, stops or @timeout_s passes: 1 when it
 * stopped (or is gone: a stopped VM nobody holds is freed at once, and
 * its id may then name a new VM), 0 if it still runs.
 */
static int wait_stopped(uint32_t id, const char *name, double timeout_s)
{
	const struct timespec poll = { .tv_nsec = VMCTL_STOP_POLL_NS };
	double deadline = vmctl_now_s() + timeout_s;
	char now_named[MYVMX_NAME_LEN];
	uint32_t state, reason;
	int ret;

	do {
		rz_genl_quiet = true;
		ret = vmctl_vm_state(id, &state, &reason, now_named);
		rz_genl_quiet = false;
		if ((ret < 0 && errno == ENOENT) ||
		    (!ret && strcmp(now_named, name)))
			return 1;
		if (ret < 0) {
			vmctl_fail("waiting for the VM");
			return -1;
		}
		if (state == MYVMX_STATE_STOPPED)
			return 1;
		nanosleep(&poll, NULL);
	} while (vmctl_now_s() < deadline);
	return 0;
}

int vmctl_stop(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "hard", no_argument, NULL, 'h' },
		{ "timeout", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	double timeout_s = VMCTL_STOP_TIMEOUT_S;
	char name[MYVMX_NAME_LEN];
	uint32_t id, state, reason;
	bool hard = false;
	int opt, err;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			hard = true;
			break;
		case 't':
			if (!vmctl_parse_timeout(optarg, &timeout_s))
				break;
			fprintf(stderr, "vmctl: --timeout: seconds\n");
			return 2;
		default:
			return 2;
		}
	}
	if (optind + 1 != argc) {
		fprintf(stderr, "usage: vmctl stop [--hard] [--timeout S] VM\n");
		return 2;
	}
	id = vmctl_vm_id(argv[optind]);
	if (!id || vmctl_vm_state(id, &state, &reason, name) < 0)
		return 1;
	if (state == MYVMX_STATE_STOPPED) {
		fprintf(stderr, "vmctl: VM %s has already stopped\n",
			argv[optind]);
		return 1;
	}
	if (hard)
		return hard_stop(id);
	if (state == MYVMX_STATE_PAUSED) {
		fprintf(stderr, "vmctl: VM %s is paused: stopping it hard\n",
			argv[optind]);
		return hard_stop(id);
	}
	err = quiet_call(id, MYVMX_CMD_SHUTDOWN);
	if (err == EALREADY || err == ENOENT)
		return 0;		/* it stopped meanwhile */
	if (err) {
		fprintf(stderr, "vmctl: VM %s: %s: stopping it hard\n",
			argv[optind], why_not_asked(err));
		return hard_stop(id);
	}
	switch (wait_stopped(id, name, timeout_s)) {
	case 1:
		return 0;
	case 0:
		fprintf(stderr,
			"vmctl: VM %s did not shut down in %g s: stopping it hard\n",
			argv[optind], timeout_s);
		return hard_stop(id);
	}
	return 1;
}
