// SPDX-License-Identifier: GPL-2.0
/*
 * myvmx-api: the /dev/myvmx ioctls against bad input and rough use.  Each
 * check prints "ok: WHAT" or "FAIL: WHAT (why)"; the exit status is the
 * number of failures.
 *
 *   myvmx-api checks       every refusal (EINVAL, EEXIST, EBUSY, ENOTTY)
 *   myvmx-api hold         create a VM, run its vCPU to a HLT (3 OUTs and
 *                          a CPUID before), print "holding ...", wait
 *   myvmx-api kvm-hold     the same with /dev/kvm (KVM turns on VMX or SVM)
 *   myvmx-api spin         create a VM "api" whose vCPU spins ("jmp $"),
 *                          print "spinning", RUN it until a signal
 *   myvmx-api close-run    close the vCPU and VM fds while RUN is spinning
 *                          in another thread, then stop it with a signal
 *   myvmx-api as-nobody    drop to uid/gid 65534: opening /dev/myvmx must
 *                          fail with EACCES
 *   myvmx-api device       MYVMX_CREATE_DEVICE's refusals and the platform
 *                          device fd, MYVMX_START's and MYVMX_OPEN_DEVICE's
 *                          (myvdev loaded)
 *   myvmx-api device-hold  create a VM with the platform device, print
 *                          "holding", wait
 *   myvmx-api virtio       the virtio devices' refusals (bases, lines,
 *                          disks, MACs) and a NIC's name on its fd
 *                          (myvdev loaded)
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <linux/kvm.h>
#include <grp.h>

#include "../../uapi/myvmx.h"

#define MEM_SIZE	(1u << 20)

static int failures;

static void expect(const char *what, int ret, int want_errno)
{
	int err = ret < 0 ? errno : 0;

	if (err == want_errno) {
		printf("ok: %s\n", what);
		return;
	}
	printf("FAIL: %s (got %s, want %s)\n", what,
	       err ? strerror(err) : "success",
	       want_errno ? strerror(want_errno) : "success");
	failures++;
}

static int create_vm(int dev)
{
	struct myvmx_vm_create c = { .name = "api" };
	int vm = ioctl(dev, MYVMX_CREATE_VM, &c);

	if (vm < 0) {
		perror("MYVMX_CREATE_VM");
		exit(100);
	}
	return vm;
}

/* A VM with 1 MiB of RAM holding @code at 0x7c00, and vCPU 0 there. */
static int vcpu_with(int dev, int *vm_out, const char *code, size_t len)
{
	struct myvmx_memory_region r = { .size = MEM_SIZE };
	struct myvmx_regs regs = { .rip = 0x7c00, .rflags = 2 };
	struct myvmx_sregs s;
	uint8_t *mem;
	int vm, vcpu;

	vm = create_vm(dev);
	mem = mmap(NULL, MEM_SIZE, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memcpy(mem + 0x7c00, code, len);
	r.userspace_addr = (uintptr_t)mem;
	if (ioctl(vm, MYVMX_SET_MEMORY, &r) < 0) {
		perror("MYVMX_SET_MEMORY");
		exit(100);
	}
	vcpu = ioctl(vm, MYVMX_CREATE_VCPU, 0);
	if (vcpu < 0 || ioctl(vcpu, MYVMX_GET_SREGS, &s) < 0) {
		perror("setting up a vCPU");
		exit(100);
	}
	s.cs.selector = 0;
	s.cs.base = 0;
	if (ioctl(vcpu, MYVMX_SET_SREGS, &s) < 0 ||
	    ioctl(vcpu, MYVMX_SET_REGS, &regs) < 0) {
		perror("setting registers");
		exit(100);
	}
	*vm_out = vm;
	return vcpu;
}

/*
 * "jmp $": RUN stays in the kernel (the VMX preemption timer or, on SVM,
 * the host timer's interrupt brings it back to check for signals).
 */
static int spinning_vcpu(int dev, int *vm_out)
{
	return vcpu_with(dev, vm_out, "\xeb\xfe", 2);
}

/* RUN stays in the kernel until a signal: for the scheduler's counters. */
static int spin(int dev)
{
	int vm, vcpu = spinning_vcpu(dev, &vm);

	printf("spinning\n");
	ioctl(vcpu, MYVMX_RUN, 0);
	perror("MYVMX_RUN");
	return 100;
}

/*
 * Three OUTs to port 0x80, a CPUID and a HLT, run to the HLT: then the
 * VM waits with known exit counters (vmctl stats).
 */
static int hold(int dev)
{
	static const char code[] = "\xb0\x41\xe6\x80\xe6\x80\xe6\x80"
				   "\x0f\xa2\xf4";
	struct myvmx_run *run;
	int vm, vcpu;

	vcpu = vcpu_with(dev, &vm, code, sizeof(code) - 1);
	run = mmap(NULL, MYVMX_RUN_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED,
		   vcpu, 0);
	if (run == MAP_FAILED) {
		perror("mmap run");
		return 100;
	}
	do {
		if (ioctl(vcpu, MYVMX_RUN, 0) < 0) {
			perror("MYVMX_RUN");
			return 100;
		}
	} while (run->exit_reason == MYVMX_EXIT_IO);
	printf("holding after exit %u\n", run->exit_reason);
	pause();
	return 0;
}

static void checks(int dev)
{
	struct myvmx_vm_create c = { 0 };
	struct myvmx_memory_region r = { .size = MEM_SIZE };
	struct myvmx_regs regs = { .rflags = 2 };
	struct myvmx_event ev = { 0 };
	struct myvmx_sregs s;
	void *mem, *p;
	int vm, vcpu;

	expect("unknown ioctl on /dev/myvmx: ENOTTY",
	       ioctl(dev, _IO(MYVMX_IOC_MAGIC, 0x7f), 0), ENOTTY);
	c.flags = 1;
	expect("CREATE_VM with flags: EINVAL",
	       ioctl(dev, MYVMX_CREATE_VM, &c), EINVAL);
	c.flags = 0;
	memset(c.name, 'x', sizeof(c.name));
	expect("CREATE_VM with an unterminated name: EINVAL",
	       ioctl(dev, MYVMX_CREATE_VM, &c), EINVAL);
	expect("CREATE_VM with a bad pointer: EFAULT",
	       ioctl(dev, MYVMX_CREATE_VM, (void *)8), EFAULT);

	vm = create_vm(dev);
	mem = mmap(NULL, 2 * MEM_SIZE, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	r.userspace_addr = (uintptr_t)mem + 1;
	expect("SET_MEMORY unaligned: EINVAL",
	       ioctl(vm, MYVMX_SET_MEMORY, &r), EINVAL);
	r.userspace_addr = (uintptr_t)mem;
	r.size = 0;
	expect("SET_MEMORY of 0 bytes: EINVAL",
	       ioctl(vm, MYVMX_SET_MEMORY, &r), EINVAL);
	r.size = MEM_SIZE;
	r.guest_phys = 1ULL << 48;
	expect("SET_MEMORY beyond 48 bits: EINVAL",
	       ioctl(vm, MYVMX_SET_MEMORY, &r), EINVAL);
	r.guest_phys = 0;
	r.flags = 4;
	expect("SET_MEMORY with flags: EINVAL",
	       ioctl(vm, MYVMX_SET_MEMORY, &r), EINVAL);
	r.flags = 0;
	r.userspace_addr = 0x1000;
	expect("SET_MEMORY of unmapped memory: EFAULT",
	       ioctl(vm, MYVMX_SET_MEMORY, &r), EFAULT);
	r.userspace_addr = (uintptr_t)mem;
	expect("SET_MEMORY", ioctl(vm, MYVMX_SET_MEMORY, &r), 0);
	r.guest_phys = MEM_SIZE / 2;
	r.userspace_addr = (uintptr_t)mem + MEM_SIZE;
	expect("SET_MEMORY overlapping in the guest: EEXIST",
	       ioctl(vm, MYVMX_SET_MEMORY, &r), EEXIST);
	r.guest_phys = 16 * MEM_SIZE;
	r.userspace_addr = (uintptr_t)mem;
	expect("SET_MEMORY overlapping in the process: EEXIST",
	       ioctl(vm, MYVMX_SET_MEMORY, &r), EEXIST);

	expect("CREATE_VCPU 8: EINVAL",
	       ioctl(vm, MYVMX_CREATE_VCPU, MYVMX_MAX_VCPUS), EINVAL);
	vcpu = ioctl(vm, MYVMX_CREATE_VCPU, 0);
	expect("CREATE_VCPU 0", vcpu, 0);
	expect("CREATE_VCPU 0 again: EEXIST",
	       ioctl(vm, MYVMX_CREATE_VCPU, 0), EEXIST);
	r.userspace_addr = (uintptr_t)mem + MEM_SIZE;
	expect("SET_MEMORY once vCPUs exist: EBUSY",
	       ioctl(vm, MYVMX_SET_MEMORY, &r), EBUSY);

	regs.rflags = 0;
	expect("SET_REGS with RFLAGS bit 1 clear: EINVAL",
	       ioctl(vcpu, MYVMX_SET_REGS, &regs), EINVAL);
	regs.rflags = 2 | (1ULL << 17);
	expect("SET_REGS with RFLAGS.VM: EINVAL",
	       ioctl(vcpu, MYVMX_SET_REGS, &regs), EINVAL);
	ioctl(vcpu, MYVMX_GET_SREGS, &s);
	s.cr4 |= 1 << 13;
	expect("SET_SREGS with CR4.VMXE: EINVAL",
	       ioctl(vcpu, MYVMX_SET_SREGS, &s), EINVAL);
	ioctl(vcpu, MYVMX_GET_SREGS, &s);
	s.efer = 1ULL << 8;	/* LME */
	s.cr0 |= 0x80000001;	/* PG, PE: would need LMA and PAE */
	expect("SET_SREGS with inconsistent long mode: EINVAL",
	       ioctl(vcpu, MYVMX_SET_SREGS, &s), EINVAL);
	ioctl(vcpu, MYVMX_GET_SREGS, &s);
	s.cs.type = 16;
	expect("SET_SREGS with a 5-bit segment type: EINVAL",
	       ioctl(vcpu, MYVMX_SET_SREGS, &s), EINVAL);
	ev.type = MYVMX_EVENT_INTERRUPT;
	ev.vector = 8;
	expect("INJECT an interrupt below 32: EINVAL",
	       ioctl(vcpu, MYVMX_INJECT, &ev), EINVAL);
	ev.type = MYVMX_EVENT_EXCEPTION;
	ev.vector = 2;
	expect("INJECT an NMI as an exception: EINVAL",
	       ioctl(vcpu, MYVMX_INJECT, &ev), EINVAL);
	ev.type = 7;
	expect("INJECT an unknown type: EINVAL",
	       ioctl(vcpu, MYVMX_INJECT, &ev), EINVAL);
	ev.type = MYVMX_EVENT_EXCEPTION;
	ev.vector = 6;
	expect("INJECT an exception: queued",
	       ioctl(vcpu, MYVMX_INJECT, &ev), 0);
	expect("INJECT another while one waits: EBUSY",
	       ioctl(vcpu, MYVMX_INJECT, &ev), EBUSY);
	expect("RUN with an argument: EINVAL",
	       ioctl(vcpu, MYVMX_RUN, 1), EINVAL);
	expect("unknown vCPU ioctl: ENOTTY",
	       ioctl(vcpu, _IO(MYVMX_IOC_MAGIC, 0x7f), 0), ENOTTY);
	p = mmap(NULL, 2 * MYVMX_RUN_SIZE, PROT_READ, MAP_SHARED, vcpu, 0);
	expect("mmap of two pages of a vCPU: EINVAL",
	       p == MAP_FAILED ? -1 : 0, EINVAL);
	p = mmap(NULL, MYVMX_RUN_SIZE, PROT_READ, MAP_SHARED, vcpu, 4096);
	expect("mmap at an offset: EINVAL", p == MAP_FAILED ? -1 : 0, EINVAL);
	close(vm);
	expect("a vCPU outlives its VM fd: GET_REGS",
	       ioctl(vcpu, MYVMX_GET_REGS, &regs), 0);
	close(vcpu);
}

static void on_signal(int sig)
{
	(void)sig;
}

struct runner {
	int vcpu;
	int ret, err;
};

static void *run_thread(void *arg)
{
	struct runner *r = arg;

	r->ret = ioctl(r->vcpu, MYVMX_RUN, 0);
	r->err = errno;
	return NULL;
}

static void close_run(int dev)
{
	struct sigaction sa = { .sa_handler = on_signal };
	struct runner r = { 0 };
	pthread_t t;
	int vm;

	sigaction(SIGUSR1, &sa, NULL);
	r.vcpu = spinning_vcpu(dev, &vm);
	pthread_create(&t, NULL, run_thread, &r);
	sleep(1);
	close(r.vcpu);
	close(vm);
	sleep(1);
	pthread_kill(t, SIGUSR1);
	pthread_join(t, NULL);
	errno = r.err;
	expect("RUN on a closed fd ends with EINTR at a signal", r.ret, EINTR);
}

static int create_platform(int vm, uint32_t flags, uint64_t arg0)
{
	struct myvmx_create_device d = {
		.type = MYVMX_DEVICE_PLATFORM,
		.flags = flags,
		.args = { arg0 },
	};

	return ioctl(vm, MYVMX_CREATE_DEVICE, &d);
}

/* Writes "hi" to COM1, then HLT with interrupts off. */
static const char serial_hi[] = "\xba\xf8\x03\xb0\x68\xee\xb0\x69\xee\xf4";

static void device_checks(int dev)
{
	struct myvmx_create_device bad = { .type = 99 };
	struct myvmx_run *run;
	char buf[64];
	int vm, vcpu, fd;

	vcpu = vcpu_with(dev, &vm, serial_hi, sizeof(serial_hi) - 1);
	expect("CREATE_DEVICE of an unknown type: ENODEV",
	       ioctl(vm, MYVMX_CREATE_DEVICE, &bad), ENODEV);
	bad.type = 0;
	expect("CREATE_DEVICE of type 0: ENODEV",
	       ioctl(vm, MYVMX_CREATE_DEVICE, &bad), ENODEV);
	expect("CREATE_DEVICE with flags: EINVAL",
	       create_platform(vm, 1, 0), EINVAL);
	expect("the platform with an argument: EINVAL",
	       create_platform(vm, 0, 1), EINVAL);
	expect("CREATE_DEVICE from a bad address: EFAULT",
	       ioctl(vm, MYVMX_CREATE_DEVICE, (void *)16), EFAULT);
	fd = create_platform(vm, 0, 0);
	expect("the platform device", fd, 0);
	expect("a second platform: EEXIST", create_platform(vm, 0, 0),
	       EEXIST);
	fcntl(fd, F_SETFL, O_NONBLOCK);
	expect("no console output yet: EAGAIN", read(fd, buf, sizeof(buf)),
	       EAGAIN);
	expect("the UART takes input", write(fd, "abc", 3) == 3 ? 0 : -1, 0);
	memset(buf, 'x', 20);
	expect("up to its 16-byte FIFO",
	       write(fd, buf, 20) == 13 ? 0 : (errno = ERANGE, -1), 0);
	expect("then no more: EAGAIN", write(fd, buf, 1), EAGAIN);

	run = mmap(NULL, MYVMX_RUN_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED,
		   vcpu, 0);
	expect("the guest writes to COM1 and halts",
	       ioctl(vcpu, MYVMX_RUN, 0) == 0 &&
	       run->exit_reason == MYVMX_EXIT_HLT ? 0 : (errno = EIO, -1), 0);
	memset(buf, 0, sizeof(buf));
	expect("its output is on the device fd, not in the run structure",
	       read(fd, buf, sizeof(buf)) == 2 && !strcmp(buf, "hi") ?
	       0 : (errno = EIO, -1), 0);
	munmap(run, MYVMX_RUN_SIZE);
	close(vcpu);
	close(vm);
	expect("the device fd keeps the VM: still readable, empty",
	       read(fd, buf, sizeof(buf)), EAGAIN);
	close(fd);
}

/* MYVMX_START and MYVMX_OPEN_DEVICE: refusals, and a VM that stops. */
static void start_checks(int dev)
{
	struct myvmx_open_device open_req = { .type = MYVMX_DEVICE_PLATFORM };
	char buf[64] = { 0 };
	int vm, vcpu, fd, id, again;
	ssize_t n;

	vm = create_vm(dev);
	expect("START without vCPUs: EINVAL", ioctl(vm, MYVMX_START, 0),
	       EINVAL);
	close(vm);

	vcpu = vcpu_with(dev, &vm, serial_hi, sizeof(serial_hi) - 1);
	fd = create_platform(vm, 0, 0);
	expect("START with an argument: EINVAL", ioctl(vm, MYVMX_START, 1),
	       EINVAL);
	id = ioctl(vm, MYVMX_START, 0);
	expect("START returns the VM's id", id > 0 ? 0 : -1, 0);
	expect("START again: EBUSY", ioctl(vm, MYVMX_START, 0), EBUSY);
	expect("RUN on a started vCPU: EBUSY", ioctl(vcpu, MYVMX_RUN, 0),
	       EBUSY);
	expect("a vCPU after START: EBUSY", ioctl(vm, MYVMX_CREATE_VCPU, 1),
	       EBUSY);
	expect("a device after START: EBUSY", create_platform(vm, 0, 0),
	       EBUSY);
	open_req.vm_id = 0;
	expect("OPEN_DEVICE of no VM: ENOENT",
	       ioctl(dev, MYVMX_OPEN_DEVICE, &open_req), ENOENT);
	open_req.vm_id = id;
	open_req.type = 99;
	expect("OPEN_DEVICE of a device it lacks: ENODEV",
	       ioctl(dev, MYVMX_OPEN_DEVICE, &open_req), ENODEV);
	open_req.type = MYVMX_DEVICE_PLATFORM;
	again = ioctl(dev, MYVMX_OPEN_DEVICE, &open_req);
	expect("OPEN_DEVICE of its platform", again, 0);
	close(vcpu);
	close(vm);
	/* The guest writes "hi" and halts for good: the VM stops. */
	n = read(fd, buf, sizeof(buf) - 1);
	while (n > 0 && n < 2) {
		ssize_t more = read(fd, buf + n, sizeof(buf) - 1 - n);

		if (more <= 0)
			break;
		n += more;
	}
	expect("a started VM's console has its output",
	       n == 2 && !strcmp(buf, "hi") ? 0 : (errno = EIO, -1), 0);
	expect("and ends once the VM has stopped",
	       read(fd, buf, sizeof(buf)) == 0 ? 0 : (errno = EIO, -1), 0);
	expect("on every fd of the device",
	       read(again, buf, sizeof(buf)) == 0 ? 0 : (errno = EIO, -1), 0);
	close(again);
	close(fd);
}

static int create_virtio(int vm, uint32_t type, uint64_t base, uint64_t irq,
			 uint64_t arg2, uint64_t arg3)
{
	struct myvmx_create_device d = {
		.type = type,
		.args = { base, irq, arg2, arg3 },
	};

	return ioctl(vm, MYVMX_CREATE_DEVICE, &d);
}

/* The virtio devices' arguments, each checked. */
static void virtio_checks(int dev)
{
	const uint32_t blk = MYVMX_DEVICE_VIRTIO_BLK;
	const uint32_t net = MYVMX_DEVICE_VIRTIO_NET;
	const uint64_t base = 0xd0000000;
	char disk[] = "/tmp/myvmx-api-diskXXXXXX", name[32] = { 0 };
	int vm, vcpu, fd, dir, a, b, n;

	fd = mkstemp(disk);
	if (fd < 0 || ftruncate(fd, 65536)) {
		perror("a disk file");
		exit(100);
	}
	dir = open("/tmp", O_RDONLY | O_DIRECTORY);
	vcpu = vcpu_with(dev, &vm, serial_hi, sizeof(serial_hi) - 1);
	expect("a disk before the platform (no PIC): ENODEV",
	       create_virtio(vm, blk, base, 5, fd, 0), ENODEV);
	expect("the platform", create_platform(vm, 0, 0) < 0 ? -1 : 0, 0);
	expect("a disk at an unaligned base: EINVAL",
	       create_virtio(vm, blk, base + 0x200, 5, fd, 0), EINVAL);
	expect("a disk in RAM: EEXIST",
	       create_virtio(vm, blk, 0x1000, 5, fd, 0), EEXIST);
	expect("a disk on the UART's line: EBUSY",
	       create_virtio(vm, blk, base, 4, fd, 0), EBUSY);
	expect("a disk on line 16: EINVAL",
	       create_virtio(vm, blk, base, 16, fd, 0), EINVAL);
	expect("a disk on fd -1: EINVAL",
	       create_virtio(vm, blk, base, 5, -1ULL, 0), EINVAL);
	expect("a disk on a closed fd: EBADF",
	       create_virtio(vm, blk, base, 5, 1000, 0), EBADF);
	expect("a directory as a disk: EINVAL",
	       create_virtio(vm, blk, base, 5, dir, 0), EINVAL);
	expect("a disk with unknown flags: EINVAL",
	       create_virtio(vm, blk, base, 5, fd, 2), EINVAL);
	a = create_virtio(vm, blk, base, 5, fd, MYVMX_VIRTIO_BLK_RO);
	expect("a read-only disk", a < 0 ? -1 : 0, 0);
	expect("a second device at its base: EEXIST",
	       create_virtio(vm, blk, base, 6, fd, 0), EEXIST);
	expect("a second device on its line: EBUSY",
	       create_virtio(vm, blk, base + 0x1000, 5, fd, 0), EBUSY);
	expect("a NIC with a multicast MAC: EINVAL",
	       create_virtio(vm, net, base + 0x1000, 6, 0x01005e000001ULL, 0),
	       EINVAL);
	expect("a NIC with a MAC beyond 48 bits: EINVAL",
	       create_virtio(vm, net, base + 0x1000, 6, 1ULL << 48, 0),
	       EINVAL);
	expect("a NIC with a fourth argument: EINVAL",
	       create_virtio(vm, net, base + 0x1000, 6, 0, 1), EINVAL);
	b = create_virtio(vm, net, base + 0x1000, 6, 0x525400000001ULL, 0);
	expect("a NIC", b < 0 ? -1 : 0, 0);
	n = read(b, name, 2);
	expect("its name does not fit in 2 bytes: EINVAL", n, EINVAL);
	n = read(b, name, sizeof(name) - 1);
	expect("its fd reads its netdev's name, vm<ID>n0",
	       n > 4 && !strncmp(name, "vm", 2) && !strcmp(name + n - 3, "n0\n") ?
	       0 : (errno = EIO, -1), 0);
	expect("the disk's fd reads nothing: EINVAL", read(a, name, 8),
	       EINVAL);
	expect("a device after START: EBUSY",
	       ioctl(vm, MYVMX_START, 0) < 0 ? -1 :
	       create_virtio(vm, blk, base + 0x2000, 7, fd, 0), EBUSY);
	close(a);
	close(b);
	close(vcpu);
	close(vm);
	close(dir);
	close(fd);
	unlink(disk);
}

static int device_hold(int dev)
{
	int vm = create_vm(dev);

	if (create_platform(vm, 0, 0) < 0) {
		perror("MYVMX_CREATE_DEVICE");
		return 100;
	}
	printf("holding\n");
	pause();
	return 0;
}

static int as_nobody(void)
{
	if (setgroups(0, NULL) || setgid(65534) || setuid(65534)) {
		perror("dropping privileges");
		return 100;
	}
	expect("/dev/myvmx refuses uid 65534: EACCES",
	       open("/dev/myvmx", O_RDWR), EACCES);
	return failures;
}

/* Hold a KVM VM: KVM turns on VMX or SVM for its first VM. */
static int kvm_hold(void)
{
	int kvm = open("/dev/kvm", O_RDWR);

	if (kvm < 0 || ioctl(kvm, KVM_CREATE_VM, 0) < 0) {
		perror("KVM_CREATE_VM");
		return 100;
	}
	printf("holding\n");
	pause();
	return 0;
}

int main(int argc, char **argv)
{
	int dev;

	setvbuf(stdout, NULL, _IONBF, 0);
	if (argc == 2 && !strcmp(argv[1], "as-nobody"))
		return as_nobody();
	if (argc == 2 && !strcmp(argv[1], "kvm-hold"))
		return kvm_hold();
	dev = open("/dev/myvmx", O_RDWR);
	if (dev < 0) {
		perror("/dev/myvmx");
		return 100;
	}
	if (argc == 2 && !strcmp(argv[1], "checks")) {
		checks(dev);
	} else if (argc == 2 && !strcmp(argv[1], "hold")) {
		return hold(dev);
	} else if (argc == 2 && !strcmp(argv[1], "spin")) {
		return spin(dev);
	} else if (argc == 2 && !strcmp(argv[1], "close-run")) {
		close_run(dev);
	} else if (argc == 2 && !strcmp(argv[1], "device")) {
		device_checks(dev);
		start_checks(dev);
	} else if (argc == 2 && !strcmp(argv[1], "device-hold")) {
		return device_hold(dev);
	} else if (argc == 2 && !strcmp(argv[1], "virtio")) {
		virtio_checks(dev);
	} else {
		fprintf(stderr,
			"usage: myvmx-api checks|close-run|hold|spin|kvm-hold|\n"
			"                 as-nobody|device|device-hold|virtio\n");
		return 2;
	}
	return failures;
}
