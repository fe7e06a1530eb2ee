// SPDX-License-Identifier: GPL-2.0
/*
 * kvm-run: run a flat real-mode guest image under the kernel's KVM, the
 * reference the myvmx tests compare against.
 *
 *   kvm-run [-v] IMAGE
 *
 * The image is loaded at guest-physical 0x7c00 in 1 MiB of RAM and entered
 * at 0000:7c00 in real mode.  Bytes the guest writes to port 0x3f8 go to
 * stdout.  With -v every I/O exit is traced on stderr, one line each.  The run
 * ends at the first exit that is not port I/O, printed as "exit: REASON".
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/kvm.h>
#include <sys/ioctl.h>
#include <sys/mman.h>

#define GUEST_MEM	(1u << 20)
#define LOAD_ADDR	0x7c00u
#define COM1		0x3f8u

static int verbose;

static void die(const char *what)
{
	fprintf(stderr, "kvm-run: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void load_image(const char *path, uint8_t *mem)
{
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0)
		die(path);
	n = read(fd, mem + LOAD_ADDR, GUEST_MEM - LOAD_ADDR);
	if (n < 0)
		die(path);
	close(fd);
}

static void handle_io(struct kvm_run *run)
{
	uint8_t *data = (uint8_t *)run + run->io.data_offset;
	uint32_t i;

	if (verbose) {
		fprintf(stderr, "io %s port=0x%x size=%u count=%u data=0x",
		       run->io.direction == KVM_EXIT_IO_OUT ? "out" : "in",
		       run->io.port, run->io.size, run->io.count);
		for (i = run->io.size; i > 0; i--)
			fprintf(stderr, "%02x", data[i - 1]);
		fprintf(stderr, "\n");
	}
	if (run->io.direction == KVM_EXIT_IO_OUT && run->io.port == COM1 &&
	    run->io.size == 1) {
		for (i = 0; i < run->io.count; i++)
			putchar(data[i]);
	} else if (run->io.direction == KVM_EXIT_IO_IN) {
		/* Nothing is attached: reads float high, as on a bare bus. */
		memset(data, 0xff, (size_t)run->io.size * run->io.count);
	}
}

int main(int argc, char **argv)
{
	struct kvm_userspace_memory_region region = { 0 };
	struct kvm_sregs sregs;
	struct kvm_regs regs = { 0 };
	struct kvm_run *run;
	int kvm, vm, vcpu, opt, run_size;
	uint8_t *mem;

	while ((opt = getopt(argc, argv, "v")) != -1) {
		if (opt != 'v') {
			fprintf(stderr, "usage: kvm-run [-v] IMAGE\n");
			return 2;
		}
		verbose = 1;
	}
	if (optind + 1 != argc) {
		fprintf(stderr, "usage: kvm-run [-v] IMAGE\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IONBF, 0);

	kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (kvm < 0)
		die("/dev/kvm");
	vm = ioctl(kvm, KVM_CREATE_VM, 0);
	if (vm < 0)
		die("KVM_CREATE_VM");
	mem = mmap(NULL, GUEST_MEM, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (mem == MAP_FAILED)
		die("mmap guest memory");
	load_image(argv[optind], mem);
	region.memory_size = GUEST_MEM;
	region.userspace_addr = (uintptr_t)mem;
	if (ioctl(vm, KVM_SET_USER_MEMORY_REGION, &region) < 0)
		die("KVM_SET_USER_MEMORY_REGION");
	vcpu = ioctl(vm, KVM_CREATE_VCPU, 0);
	if (vcpu < 0)
		die("KVM_CREATE_VCPU");
	run_size = ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0);
	if (run_size < 0)
		die("KVM_GET_VCPU_MMAP_SIZE");
	run = mmap(NULL, run_size, PROT_READ | PROT_WRITE, MAP_SHARED, vcpu,
		   0);
	if (run == MAP_FAILED)
		die("mmap kvm_run");

	if (ioctl(vcpu, KVM_GET_SREGS, &sregs) < 0)
		die("KVM_GET_SREGS");
	sregs.cs.base = 0;
	sregs.cs.selector = 0;
	sregs.ds = sregs.es = sregs.ss = sregs.cs;
	sregs.ds.type = sregs.es.type = sregs.ss.type = 3;
	if (ioctl(vcpu, KVM_SET_SREGS, &sregs) < 0)
		die("KVM_SET_SREGS");
	regs.rip = LOAD_ADDR;
	regs.rsp = LOAD_ADDR;
	regs.rflags = 0x2;
	if (ioctl(vcpu, KVM_SET_REGS, &regs) < 0)
		die("KVM_SET_REGS");

	for (;;) {
		if (ioctl(vcpu, KVM_RUN, 0) < 0)
			die("KVM_RUN");
		switch (run->exit_reason) {
		case KVM_EXIT_IO:
			handle_io(run);
			continue;
		case KVM_EXIT_HLT:
			printf("exit: hlt\n");
			return 0;
		case KVM_EXIT_SHUTDOWN:
			printf("exit: shutdown\n");
			return 0;
		case KVM_EXIT_FAIL_ENTRY:
			printf("exit: fail-entry reason=0x%llx\n",
			       (unsigned long long)
			       run->fail_entry.hardware_entry_failure_reason);
			return 0;
		case KVM_EXIT_INTERNAL_ERROR:
			printf("exit: internal-error suberror=%u\n",
			       run->internal.suberror);
			return 0;
		default:
			printf("exit: kvm-%u\n", run->exit_reason);
			return 0;
		}
	}
}
