// SPDX-License-Identifier: GPL-2.0
/*
 * vmctl run: load a flat binary guest at 0x7c00, run it under myvmx and
 * serve its exits: port 0x3f8 is a serial line to stdout (a line at a
 * time per vCPU), other ports read all-ones; guest-physical 0xc0000000-
 * 0xc0000fff is a scratch device that keeps what is written, any other
 * MMIO reads all-ones.  The run ends when every vCPU has stopped; the
 * reason is printed as "exit: REASON".  -v traces every exit on stderr.
 * --timeout SECONDS (decimals allowed) stops vCPUs still running then (a signal makes RUN
 * return EINTR): their reason is "timeout".
 * --platform gives the VM myvdev's in-kernel PC platform instead (PICs,
 * PIT, UART, CMOS, i8042): the guest's serial output then comes from the
 * UART's console ring, copied to stdout as it comes, and an i8042 reset
 * ends the run with "exit: reset".  With it, --disk and --net add virtio
 * devices as for Linux guests (vmctl_devices.c): registers at 0xd0000000,
 * 0xd0001000, ... and IRQ 5, 6, 7, ... in the order disks, then NICs.
 * tests/guests/kvm-run.c does the same under KVM, for comparison.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>

#include <myvmx.h>
#include "vmctl.h"

#define LOAD_ADDR	0x7c00u
#define COM1		0x3f8u
#define SCRATCH_BASE	0xc0000000ULL
#define SCRATCH_SIZE	0x1000u
#define LINE_MAX_LEN	256

struct vm_run {
	int vm_fd;
	uint8_t *mem;
	uint64_t mem_size;
	unsigned int nr_vcpus;
	bool verbose;
	bool long_mode;
	double timeout_s;		/* 0: none */
	bool timed_out;			/* under lock */
	int console_fd;			/* the platform device, or -1 */
	bool console_done;		/* under lock: drain and stop */
	unsigned int running;		/* vCPU threads not done */
	pthread_cond_t done;
	pthread_mutex_t lock;		/* output and the scratch device */
	uint8_t scratch[SCRATCH_SIZE];
};

struct vcpu_run {
	struct vm_run *vm;
	unsigned int index;
	int fd;
	struct myvmx_run *run;
	char line[LINE_MAX_LEN];
	size_t line_len;
	char result[128];
};

static void trace(struct vcpu_run *v, const char *fmt, ...)
{
	va_list ap;

	if (!v->vm->verbose)
		return;
	pthread_mutex_lock(&v->vm->lock);
	if (v->vm->nr_vcpus > 1)
		fprintf(stderr, "vcpu=%u ", v->index);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	pthread_mutex_unlock(&v->vm->lock);
}

static void flush_line(struct vcpu_run *v)
{
	if (!v->line_len)
		return;
	pthread_mutex_lock(&v->vm->lock);
	fwrite(v->line, 1, v->line_len, stdout);
	fflush(stdout);
	pthread_mutex_unlock(&v->vm->lock);
	v->line_len = 0;
}

static void serial_out(struct vcpu_run *v, uint8_t c)
{
	v->line[v->line_len++] = c;
	if (c == '\n' || v->line_len == sizeof(v->line))
		flush_line(v);
}

static void hex(char *buf, const uint8_t *data, unsigned int size)
{
	unsigned int i;

	for (i = 0; i < size; i++)
		sprintf(buf + 2 * i, "%02x", data[size - 1 - i]);
}

static void handle_io(struct vcpu_run *v)
{
	struct myvmx_run *run = v->run;
	uint8_t *data = (uint8_t *)run + run->io.data_offset;
	bool in = run->io.direction == MYVMX_IO_IN;
	char buf[17];
	uint32_t i;

	if (in)
		memset(data, 0xff, (size_t)run->io.size * run->io.count);
	hex(buf, data, run->io.size);
	trace(v, "io %s port=0x%x size=%u count=%u data=0x%s\n",
	      in ? "in" : "out", run->io.port, run->io.size, run->io.count,
	      buf);
	if (!in && run->io.port == COM1 && run->io.size == 1)
		for (i = 0; i < run->io.count; i++)
			serial_out(v, data[i]);
}

static void handle_mmio(struct vcpu_run *v)
{
	struct myvmx_run *run = v->run;
	uint64_t addr = run->mmio.addr;
	unsigned int size = run->mmio.size;
	bool scratch = addr >= SCRATCH_BASE &&
		       addr + size <= SCRATCH_BASE + SCRATCH_SIZE;
	char buf[17];

	pthread_mutex_lock(&v->vm->lock);
	if (run->mmio.is_write) {
		if (scratch)
			memcpy(v->vm->scratch + (addr - SCRATCH_BASE),
			       run->mmio.data, size);
	} else if (scratch) {
		memcpy(run->mmio.data, v->vm->scratch + (addr - SCRATCH_BASE),
		       size);
	} else {
		memset(run->mmio.data, 0xff, size);
	}
	pthread_mutex_unlock(&v->vm->lock);
	hex(buf, run->mmio.data, size);
	trace(v, "mmio %s addr=0x%llx size=%u data=0x%s\n",
	      run->mmio.is_write ? "write" : "read", (unsigned long long)addr,
	      size, buf);
}

static bool timed_out(struct vm_run *vm)
{
	bool ret;

	pthread_mutex_lock(&vm->lock);
	ret = vm->timed_out;
	pthread_mutex_unlock(&vm->lock);
	return ret;
}

/* Run one vCPU to its end; the reason goes to v->result. */
static void *vcpu_thread(void *arg)
{
	struct vcpu_run *v = arg;
	struct myvmx_run *run = v->run;

	for (;;) {
		if (timed_out(v->vm)) {
			strcpy(v->result, "timeout");
			break;
		}
		if (ioctl(v->fd, MYVMX_RUN, 0) < 0) {
			if (errno == EINTR && timed_out(v->vm))
				strcpy(v->result, "timeout");
			else if (errno == EINTR)
				continue;
			else
				snprintf(v->result, sizeof(v->result),
					 "run-error %s", strerror(errno));
			break;
		}
		switch (run->exit_reason) {
		case MYVMX_EXIT_IO:
			handle_io(v);
			continue;
		case MYVMX_EXIT_MMIO:
			handle_mmio(v);
			continue;
		case MYVMX_EXIT_HLT:
			strcpy(v->result, "hlt");
			break;
		case MYVMX_EXIT_SHUTDOWN:
			strcpy(v->result, "shutdown");
			break;
		case MYVMX_EXIT_RESET:
			strcpy(v->result, "reset");
			break;
		case MYVMX_EXIT_STOPPED:	/* vmctl stop */
			strcpy(v->result, "stopped");
			break;
		case MYVMX_EXIT_FAIL_ENTRY:
			snprintf(v->result, sizeof(v->result),
				 "fail-entry reason=0x%llx",
				 (unsigned long long)
				 run->fail_entry.hardware_reason);
			break;
		case MYVMX_EXIT_INTERNAL_ERROR:
			snprintf(v->result, sizeof(v->result),
				 "internal-error suberror=%u",
				 run->internal.suberror);
			trace(v, "internal-error hw_reason=%u qualification=0x%llx\n",
			      run->internal.hw_reason,
			      (unsigned long long)run->internal.qualification);
			break;
		default:
			snprintf(v->result, sizeof(v->result), "myvmx-%u",
				 run->exit_reason);
			break;
		}
		break;
	}
	flush_line(v);
	pthread_mutex_lock(&v->vm->lock);
	v->vm->running--;
	pthread_cond_signal(&v->vm->done);
	pthread_mutex_unlock(&v->vm->lock);
	return NULL;
}

static bool console_done(struct vm_run *vm)
{
	bool ret;

	pthread_mutex_lock(&vm->lock);
	ret = vm->console_done;
	pthread_mutex_unlock(&vm->lock);
	return ret;
}

/* Copy the in-kernel UART's output to stdout until the vCPUs are done. */
static void *console_thread(void *arg)
{
	struct vm_run *vm = arg;
	struct pollfd pfd = { .fd = vm->console_fd, .events = POLLIN };
	char buf[4096];
	bool last = false;
	ssize_t n;

	for (;;) {
		if (!last && console_done(vm))
			last = true;	/* one more pass takes the rest */
		if (!last && poll(&pfd, 1, 100) <= 0)
			continue;
		n = read(vm->console_fd, buf, sizeof(buf));
		if (n > 0) {
			pthread_mutex_lock(&vm->lock);
			fwrite(buf, 1, n, stdout);
			fflush(stdout);
			pthread_mutex_unlock(&vm->lock);
			continue;
		}
		if (last)
			return NULL;
	}
}

static void on_stop_signal(int sig)
{
	(void)sig;	/* only there to interrupt MYVMX_RUN */
}

/*
 * Wait for every vCPU; after the timeout, interrupt those still running,
 * again each second in case a signal landed outside MYVMX_RUN.
 */
static void wait_vcpus(struct vm_run *vm, pthread_t *threads)
{
	struct sigaction sa = { .sa_handler = on_stop_signal };
	struct timespec deadline;
	unsigned int i;

	sigaction(SIGUSR1, &sa, NULL);	/* no SA_RESTART */
	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += (time_t)vm->timeout_s;
	deadline.tv_nsec += (long)((vm->timeout_s - (time_t)vm->timeout_s) * 1e9);
	if (deadline.tv_nsec >= 1000000000L) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&vm->lock);
	while (vm->running) {
		if (!vm->timeout_s) {
			pthread_cond_wait(&vm->done, &vm->lock);
			continue;
		}
		if (pthread_cond_timedwait(&vm->done, &vm->lock,
					   &deadline) != ETIMEDOUT)
			continue;
		vm->timed_out = true;
		for (i = 0; i < vm->nr_vcpus; i++)
			pthread_kill(threads[i], SIGUSR1);
		deadline.tv_sec += 1;
	}
	pthread_mutex_unlock(&vm->lock);
	for (i = 0; i < vm->nr_vcpus; i++)
		pthread_join(threads[i], NULL);
}

static int load_image(const char *path, struct vm_run *vm)
{
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "vmctl: %s: %s\n", path, strerror(errno));
		return -1;
	}
	n = read(fd, vm->mem + LOAD_ADDR, vm->mem_size - LOAD_ADDR);
	close(fd);
	if (n < 0) {
		fprintf(stderr, "vmctl: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* GDT at 0x500; identity map of 1 GiB in 2 MiB pages at 0x1000-0x3fff. */
static void build_long_mode_tables(struct vm_run *vm)
{
	uint64_t *gdt = (uint64_t *)(vm->mem + 0x500);
	uint64_t *pml4 = (uint64_t *)(vm->mem + 0x1000);
	uint64_t *pdpt = (uint64_t *)(vm->mem + 0x2000);
	uint64_t *pd = (uint64_t *)(vm->mem + 0x3000);
	unsigned int i;

	gdt[0] = 0;
	gdt[1] = 0x00af9b000000ffffULL;	/* 64-bit code */
	gdt[2] = 0x00cf93000000ffffULL;	/* data */
	pml4[0] = 0x2000 | 3;
	pdpt[0] = 0x3000 | 3;
	for (i = 0; i < 512; i++)
		pd[i] = ((uint64_t)i << 21) | 0x83;
}

static int setup_vcpu(struct vm_run *vm, struct vcpu_run *v)
{
	struct myvmx_regs regs = { 0 };
	struct myvmx_sregs sregs;

	if (ioctl(v->fd, MYVMX_GET_SREGS, &sregs) < 0)
		return -1;
	if (vm->long_mode) {
		vmctl_flat_segment(&sregs.cs, 0x08, 0xb, true);
		vmctl_flat_segment(&sregs.ds, 0x10, 0x3, false);
		sregs.es = sregs.ds;
		sregs.ss = sregs.ds;
		sregs.gdt.base = 0x500;
		sregs.gdt.limit = 3 * 8 - 1;
		sregs.cr0 = 0x80050033;
		sregs.cr3 = 0x1000;
		sregs.cr4 = 0x20;
		sregs.efer = 0x500;
	} else {
		sregs.cs.selector = 0;
		sregs.cs.base = 0;
		sregs.cs.type = 0xb;
		sregs.ds = sregs.cs;
		sregs.ds.type = 3;
		sregs.es = sregs.ds;
		sregs.ss = sregs.ds;
	}
	if (ioctl(v->fd, MYVMX_SET_SREGS, &sregs) < 0)
		return -1;
	regs.rip = LOAD_ADDR;
	regs.rsp = LOAD_ADDR;
	regs.rflags = 0x2;
	return ioctl(v->fd, MYVMX_SET_REGS, &regs);
}

int vmctl_parse_size(const char *s, uint64_t *out)
{
	char *end;
	unsigned long long v = strtoull(s, &end, 0);

	switch (*end) {
	case 'k': case 'K':
		v <<= 10;
		end++;
		break;
	case 'm': case 'M':
		v <<= 20;
		end++;
		break;
	case 'g': case 'G':
		v <<= 30;
		end++;
		break;
	}
	if (*end || v < (1 << 20) || v > (4ULL << 30) || (v & 0xfff))
		return -1;
	*out = v;
	return 0;
}

int vmctl_parse_timeout(const char *s, double *out)
{
	char *end;
	double v = strtod(s, &end);

	if (end == s || *end || !(v > 0) || v > 86400)
		return -1;
	*out = v;
	return 0;
}

int vmctl_run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "mem", required_argument, NULL, 'm' },
		{ "mode", required_argument, NULL, 'M' },
		{ "vcpus", required_argument, NULL, 'c' },
		{ "timeout", required_argument, NULL, 't' },
		{ "platform", no_argument, NULL, 'P' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "disk", required_argument, NULL, 'd' },
		{ "net", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct vmctl_devices devices = { 0 };
	struct vm_run vm = { .mem_size = 1 << 20, .nr_vcpus = 1,
			     .console_fd = -1 };
	struct myvmx_create_device platform = {
		.type = MYVMX_DEVICE_PLATFORM,
	};
	bool want_platform = false;
	pthread_t console;
	struct myvmx_memory_region region = { 0 };
	struct myvmx_vm_create create = { .name = "vmctl-run" };
	struct vcpu_run vcpus[MYVMX_MAX_VCPUS];
	pthread_t threads[MYVMX_MAX_VCPUS];
	const char *image;
	unsigned int i;
	int dev, opt;
	char *end;

	/* Linux: vmctl start's, in the foreground (vmctl_start.c). */
	for (i = 1; i < (unsigned int)argc; i++)
		if (!strncmp(argv[i], "--kernel", 8))
			return vmctl_start(argc, argv, true);
	/* 0: a full reset, so options may follow IMAGE (GNU order). */
	optind = 0;
	while ((opt = getopt_long(argc, argv, "v", opts, NULL)) != -1) {
		switch (opt) {
		case 'm':
			if (vmctl_parse_size(optarg, &vm.mem_size)) {
				fprintf(stderr, "vmctl: --mem: 1M to 4G, in pages\n");
				return 2;
			}
			break;
		case 'M':
			if (!strcmp(optarg, "long")) {
				vm.long_mode = true;
			} else if (strcmp(optarg, "real")) {
				fprintf(stderr, "vmctl: --mode: real or long\n");
				return 2;
			}
			break;
		case 'c':
			vm.nr_vcpus = strtoul(optarg, &end, 10);
			if (*end || !vm.nr_vcpus ||
			    vm.nr_vcpus > MYVMX_MAX_VCPUS) {
				fprintf(stderr, "vmctl: --vcpus: 1 to %d\n",
					MYVMX_MAX_VCPUS);
				return 2;
			}
			break;
		case 't':
			if (vmctl_parse_timeout(optarg, &vm.timeout_s)) {
				fprintf(stderr, "vmctl: --timeout: seconds\n");
				return 2;
			}
			break;
		case 'P':
			want_platform = true;
			break;
		case 'v':
			vm.verbose = true;
			break;
		case 'd':
			if (vmctl_parse_disk(&devices, optarg))
				return 2;
			break;
		case 'n':
			if (vmctl_parse_net(&devices, optarg))
				return 2;
			break;
		default:
			return 2;
		}
	}
	if (optind + 1 != argc || (devices.n && !want_platform)) {
		fprintf(stderr, "usage: vmctl run IMAGE [--mem SIZE] [--mode real|long]\n"
			"                 [--vcpus N] [--timeout S] [--platform] [-v]\n"
			"                 [--disk FILE[,ro]]...\n"
			"                 [--net BRIDGE[,mac=MAC][,name=IF]]...\n"
			"                 (disks and NICs need the platform)\n"
			"       vmctl run NAME --kernel BZIMAGE [--initrd FILE]\n"
			"                 [--cmdline TEXT] [--mem SIZE] [--timeout S] [-v]\n");
		return 2;
	}
	image = argv[optind];
	pthread_mutex_init(&vm.lock, NULL);
	pthread_cond_init(&vm.done, NULL);

	vm.mem = mmap(NULL, vm.mem_size, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (vm.mem == MAP_FAILED)
		return vmctl_fail("mmap guest memory");
	if (load_image(image, &vm))
		return 1;
	if (vm.long_mode)
		build_long_mode_tables(&vm);

	dev = vmctl_open_dev();
	if (dev < 0)
		return 1;
	vm.vm_fd = ioctl(dev, MYVMX_CREATE_VM, &create);
	if (vm.vm_fd < 0)
		return vmctl_fail("MYVMX_CREATE_VM");
	region.size = vm.mem_size;
	region.userspace_addr = (uintptr_t)vm.mem;
	if (ioctl(vm.vm_fd, MYVMX_SET_MEMORY, &region) < 0)
		return vmctl_fail("MYVMX_SET_MEMORY");
	if (want_platform) {
		vm.console_fd = ioctl(vm.vm_fd, MYVMX_CREATE_DEVICE, &platform);
		if (vm.console_fd < 0 && errno == ENODEV) {
			fprintf(stderr, "vmctl: no in-kernel platform device: is myvdev loaded?\n");
			return 1;
		}
		if (vm.console_fd < 0)
			return vmctl_fail("MYVMX_CREATE_DEVICE");
		if (vmctl_devices_create(&devices, vm.vm_fd, vm.mem_size))
			return 1;
		/* The last pass of console_thread must not wait. */
		if (fcntl(vm.console_fd, F_SETFL, O_NONBLOCK) < 0)
			return vmctl_fail("fcntl");
		if (pthread_create(&console, NULL, console_thread, &vm))
			return vmctl_fail("pthread_create");
	}
	for (i = 0; i < vm.nr_vcpus; i++) {
		struct vcpu_run *v = &vcpus[i];

		memset(v, 0, sizeof(*v));
		v->vm = &vm;
		v->index = i;
		v->fd = ioctl(vm.vm_fd, MYVMX_CREATE_VCPU, i);
		if (v->fd < 0)
			return vmctl_fail("MYVMX_CREATE_VCPU");
		v->run = mmap(NULL, MYVMX_RUN_SIZE, PROT_READ | PROT_WRITE,
			      MAP_SHARED, v->fd, 0);
		if (v->run == MAP_FAILED)
			return vmctl_fail("mmap run structure");
		if (setup_vcpu(&vm, v) < 0)
			return vmctl_fail("setting vCPU registers");
	}
	vm.running = vm.nr_vcpus;
	for (i = 0; i < vm.nr_vcpus; i++)
		if (pthread_create(&threads[i], NULL, vcpu_thread, &vcpus[i]))
			return vmctl_fail("pthread_create");
	wait_vcpus(&vm, threads);
	if (vm.console_fd >= 0) {
		pthread_mutex_lock(&vm.lock);
		vm.console_done = true;
		pthread_mutex_unlock(&vm.lock);
		pthread_join(console, NULL);
	}
	for (i = 0; i < vm.nr_vcpus; i++) {
		if (vm.nr_vcpus > 1)
			printf("exit: vcpu=%u %s\n", i, vcpus[i].result);
		else
			printf("exit: %s\n", vcpus[i].result);
	}
	return 0;
}
