// SPDX-License-Identifier: GPL-2.0
/*
 * Linux guests the kernel runs (MYVMX_START):
 *
 *   vmctl start NAME --kernel BZIMAGE [--initrd FILE] [--cmdline TEXT]
 *                    [--mem SIZE] [--vcpus 1] [--disk FILE[,ro]]...
 *                    [--net BRIDGE[,mac=MAC][,name=IF]]...
 *       loads the kernel with Linux's boot protocol (vmctl_boot.c) into a
 *       VM with myvdev's PC platform and virtio devices (vmctl_devices.c),
 *       starts it and returns: the VM runs in kernel threads.  The kernel
 *       command line is "console=ttyS0 reboot=k panic=-1", TEXT and the
 *       devices.  Prints "started vm ID (NAME)".
 *   vmctl run NAME --kernel ... [--timeout S]
 *       the same, then the console in the foreground until the VM stops;
 *       the last line is "exit: REASON" (hlt: the guest powered off).
 *       After S seconds the VM is stopped: "exit: timeout".
 *   vmctl console VM      the VM's serial console: its output (the last
 *       64 KiB first), and stdin as its input, until the VM stops
 *   vmctl pause VM, vmctl resume VM
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>

#include <myvmx.h>
#include "genl.h"
#include "vmctl.h"

#define BASE_CMDLINE	"console=ttyS0 reboot=k panic=-1"

struct linux_vm {
	const char *name, *kernel, *initrd, *cmdline;
	uint64_t mem_size;
	double timeout_s;		/* run: 0 for none */
	struct vmctl_devices devices;
};

static int setup_vcpu(int vcpu)
{
	struct myvmx_sregs sregs;
	struct myvmx_regs regs;

	if (ioctl(vcpu, MYVMX_GET_SREGS, &sregs) < 0)
		return -1;
	vmctl_linux_entry(&regs, &sregs);
	if (ioctl(vcpu, MYVMX_SET_SREGS, &sregs) < 0 ||
	    ioctl(vcpu, MYVMX_SET_REGS, &regs) < 0)
		return -1;
	return 0;
}

static uint32_t start_failed(const char *what)
{
	vmctl_fail(what);
	return 0;
}

/*
 * Build and start the VM; returns its id, with its fd in @vm_fd and its
 * console in @console_fd, or 0 after saying why.
 */
static uint32_t start_linux(const struct linux_vm *l, int *vm_fd,
			    int *console_fd)
{
	struct myvmx_create_device platform = { .type = MYVMX_DEVICE_PLATFORM };
	struct myvmx_memory_region region = { .size = l->mem_size };
	struct myvmx_vm_create create = { 0 };
	char cmdline[4096];
	uint8_t *mem;
	int dev, vm, vcpu, id;

	snprintf(cmdline, sizeof(cmdline), "%s%s%s", BASE_CMDLINE,
		 *l->cmdline ? " " : "", l->cmdline);
	if (vmctl_devices_cmdline(&l->devices, l->mem_size, cmdline,
				  sizeof(cmdline)))
		return 0;
	mem = mmap(NULL, l->mem_size, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (mem == MAP_FAILED)
		return start_failed("mmap guest memory");
	if (vmctl_load_linux(mem, l->mem_size, l->kernel, l->initrd, cmdline))
		return 0;
	dev = vmctl_open_dev();
	if (dev < 0)
		return 0;
	strcpy(create.name, l->name);
	vm = ioctl(dev, MYVMX_CREATE_VM, &create);
	close(dev);
	if (vm < 0)
		return start_failed("MYVMX_CREATE_VM");
	region.userspace_addr = (uintptr_t)mem;
	if (ioctl(vm, MYVMX_SET_MEMORY, &region) < 0)
		return start_failed("MYVMX_SET_MEMORY");
	*console_fd = ioctl(vm, MYVMX_CREATE_DEVICE, &platform);
	if (*console_fd < 0 && errno == ENODEV) {
		fprintf(stderr, "vmctl: no in-kernel platform device: is myvdev loaded?\n");
		return 0;
	}
	if (*console_fd < 0)
		return start_failed("MYVMX_CREATE_DEVICE");
	if (vmctl_devices_create(&l->devices, vm, l->mem_size))
		return 0;
	vcpu = ioctl(vm, MYVMX_CREATE_VCPU, 0);
	if (vcpu < 0)
		return start_failed("MYVMX_CREATE_VCPU");
	if (setup_vcpu(vcpu) < 0)
		return start_failed("setting vCPU registers");
	id = ioctl(vm, MYVMX_START, 0);
	if (id < 0)
		return start_failed("MYVMX_START");
	/* The kernel's threads hold the vCPU and the memory now. */
	close(vcpu);
	munmap(mem, l->mem_size);
	*vm_fd = vm;
	return id;
}

double vmctl_now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * Copy the console to stdout, and stdin to the console, until the VM
 * stops (end of file on the console) or, with @deadline, until then:
 * returns 1 when the deadline came first.
 */
static int console_loop(int console, double deadline)
{
	struct pollfd pfd[2] = {
		{ .fd = console, .events = POLLIN },
		{ .fd = STDIN_FILENO, .events = POLLIN },
	};
	char buf[4096];
	ssize_t n;
	int wait_ms;

	for (;;) {
		wait_ms = -1;
		if (deadline) {
			wait_ms = (int)((deadline - vmctl_now_s()) * 1000);
			if (wait_ms <= 0)
				return 1;
		}
		if (poll(pfd, pfd[1].fd < 0 ? 1 : 2, wait_ms) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (pfd[1].revents) {
			n = read(STDIN_FILENO, buf, sizeof(buf));
			if (n <= 0)
				pfd[1].fd = -1;		/* stdin is done */
			else if (write(console, buf, n) < 0 && errno != EAGAIN)
				return -1;
		}
		if (!pfd[0].revents)
			continue;
		n = read(console, buf, sizeof(buf));
		if (n == 0)
			return 0;		/* the VM has stopped */
		if (n < 0 && errno != EAGAIN && errno != EINTR)
			return -1;
		if (n > 0 && fwrite(buf, 1, n, stdout) != (size_t)n)
			return -1;
		fflush(stdout);
	}
}

/* run: the console until the VM stops, then why. */
static int run_foreground(uint32_t id, int console, double timeout_s)
{
	uint32_t state, reason;
	int ret;

	ret = console_loop(console, timeout_s ? vmctl_now_s() + timeout_s : 0);
	if (ret == 1) {
		rz_genl_call(MYVMX_GENL_NAME, MYVMX_CMD_STOP, 0,
			     MYVMX_ATTR_VM_ID, id, 0, NULL, NULL);
		ret = console_loop(console, 0);
		if (!ret) {
			printf("exit: timeout\n");
			return 0;
		}
	}
	if (ret < 0 || vmctl_vm_state(id, &state, &reason, NULL) < 0)
		return vmctl_fail("console");
	printf("exit: %s\n", vmctl_exit_name(reason));
	return 0;
}

int vmctl_start(int argc, char **argv, bool foreground)
{
	static const struct option opts[] = {
		{ "kernel", required_argument, NULL, 'k' },
		{ "initrd", required_argument, NULL, 'i' },
		{ "cmdline", required_argument, NULL, 'C' },
		{ "mem", required_argument, NULL, 'm' },
		{ "vcpus", required_argument, NULL, 'c' },
		{ "timeout", required_argument, NULL, 't' },
		{ "disk", required_argument, NULL, 'd' },
		{ "net", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	static struct linux_vm l;
	int opt, vm, console;
	uint32_t id;

	memset(&l, 0, sizeof(l));
	l.cmdline = "";
	l.mem_size = 256 << 20;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'd':
			if (vmctl_parse_disk(&l.devices, optarg))
				return 2;
			break;
		case 'n':
			if (vmctl_parse_net(&l.devices, optarg))
				return 2;
			break;
		case 'k':
			l.kernel = optarg;
			break;
		case 'i':
			l.initrd = optarg;
			break;
		case 'C':
			l.cmdline = optarg;
			break;
		case 'm':
			if (vmctl_parse_size(optarg, &l.mem_size) ||
			    l.mem_size < (32 << 20)) {
				fprintf(stderr, "vmctl: --mem: 32M to 4G, in pages\n");
				return 2;
			}
			break;
		case 'c':
			if (strcmp(optarg, "1")) {
				fprintf(stderr,
					"vmctl: --vcpus: one for Linux (no local APIC yet)\n");
				return 2;
			}
			break;
		case 't':
			if (!foreground ||
			    vmctl_parse_timeout(optarg, &l.timeout_s)) {
				fprintf(stderr, "vmctl: --timeout: seconds, with run\n");
				return 2;
			}
			break;
		default:
			return 2;
		}
	}
	if (optind + 1 != argc || !l.kernel) {
		fprintf(stderr,
			"usage: vmctl %s NAME --kernel BZIMAGE [--initrd FILE]\n"
			"       [--cmdline TEXT] [--mem SIZE] [--vcpus 1]\n"
			"       [--disk FILE[,ro]]... [--net BRIDGE[,mac=MAC][,name=IF]]...%s\n",
			foreground ? "run" : "start",
			foreground ? " [--timeout S]" : "");
		return 2;
	}
	l.name = argv[optind];
	if (strlen(l.name) >= MYVMX_NAME_LEN) {
		fprintf(stderr, "vmctl: NAME: at most %d bytes\n",
			MYVMX_NAME_LEN - 1);
		return 2;
	}
	id = start_linux(&l, &vm, &console);
	if (!id)
		return 1;
	if (foreground)
		return run_foreground(id, console, l.timeout_s);
	printf("started vm %u (%s)\n", id, l.name);
	return 0;
}

int vmctl_console(const char *name)
{
	struct myvmx_open_device req = { .type = MYVMX_DEVICE_PLATFORM };
	int dev, console;

	req.vm_id = vmctl_vm_id(name);
	if (!req.vm_id)
		return 1;
	dev = vmctl_open_dev();
	if (dev < 0)
		return 1;
	console = ioctl(dev, MYVMX_OPEN_DEVICE, &req);
	close(dev);
	if (console < 0 && errno == ENODEV) {
		fprintf(stderr, "vmctl: VM %s has no console\n", name);
		return 1;
	}
	if (console < 0)
		return vmctl_fail("MYVMX_OPEN_DEVICE");
	return console_loop(console, 0) < 0 ? vmctl_fail("console") : 0;
}

/* pause, resume */
int vmctl_control(const char *name, uint8_t cmd)
{
	uint32_t id = vmctl_vm_id(name);

	if (!id)
		return 1;
	return rz_genl_call(MYVMX_GENL_NAME, cmd, 0, MYVMX_ATTR_VM_ID, id, 0,
			    NULL, NULL) < 0;
}
