// SPDX-License-Identifier: GPL-2.0
/*
 * kvm-run: run a flat guest image under the kernel's KVM, the reference
 * the myvmx tests compare against (vmctl run implements the same).
 *
 *   kvm-run [-v] [--mem SIZE] [--mode real|long] [--vcpus N] IMAGE
 *
 * Guest RAM covers guest-physical 0..SIZE (bytes, suffix K, M or G;
 * default 1M) and the image is loaded at 0x7c00.  In real mode (the
 * default) every vCPU starts at 0000:7c00 with DS = ES = SS = 0 and
 * SP = 0x7c00.  In long mode the runner builds a GDT at 0x500 (null,
 * 64-bit code 0x08, data 0x10) and page tables identity-mapping the first
 * GiB with 2 MiB pages (PML4 0x1000, PDPT 0x2000, PD 0x3000), and every
 * vCPU starts in 64-bit mode at 0x7c00 with RSP = 0x7c00.  N vCPUs (1..8)
 * run the same image in their own threads; CPUID leaf 1 EBX[31:24] tells
 * each its index.
 *
 * Bytes written to port 0x3f8 go to stdout, a whole line at a time per
 * vCPU.  Port reads return all-ones.  Guest-physical 0xc0000000..0xc0000fff
 * is a scratch device (writes store, reads return what was stored); any
 * other MMIO reads all-ones and drops writes.  With -v every I/O and MMIO
 * exit is traced on stderr, one line each.  A vCPU stops at its first exit
 * of another kind; when all have stopped, "exit: REASON" is printed per
 * vCPU ("exit: vcpu=I REASON" with more than one).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/kvm.h>
#include <sys/ioctl.h>
#include <sys/mman.h>

#define LOAD_ADDR	0x7c00u
#define COM1		0x3f8u
#define SCRATCH_BASE	0xc0000000ull
#define SCRATCH_SIZE	0x1000u
#define MAX_VCPUS	8
#define MEM_MIN		0x8000u	/* --mem: 32K..3G, in whole pages */
#define OUT_LINE_MAX	4096

/* The long-mode setup: a GDT and identity page tables in guest RAM. */
#define GDT_ADDR	0x500u
#define PML4_ADDR	0x1000u
#define PDPT_ADDR	0x2000u
#define PD_ADDR		0x3000u
#define PTE_P		0x1ull
#define PTE_W		0x2ull
#define PTE_PS		0x80ull
#define CR0_LONG	0x80050033ull	/* PE MP ET NE WP PG */
#define CR4_PAE		0x20ull
#define EFER_LONG	0x500ull	/* LME LMA */

/* CPUID.1:ECX bits the runner hides or shows. */
#define CPUID1_ECX_VMX		(1u << 5)
#define CPUID1_ECX_XSAVE	(1u << 26)
#define CPUID1_ECX_OSXSAVE	(1u << 27)
#define CPUID1_ECX_AVX		(1u << 28)
#define CPUID1_ECX_HYPERVISOR	(1u << 31)

struct vcpu {
	int index;
	int fd;
	struct kvm_run *run;
	pthread_t thread;
	char line[OUT_LINE_MAX];	/* serial output not yet written */
	size_t len;
	char reason[64];		/* why it stopped */
};

static int verbose, long_mode, nr_vcpus = 1;
static uint64_t mem_size = 1u << 20;
static uint8_t *mem;
static int run_size;
static struct kvm_cpuid2 *supported_cpuid;
static struct vcpu vcpus[MAX_VCPUS];
static uint8_t scratch[SCRATCH_SIZE];
static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t scratch_lock = PTHREAD_MUTEX_INITIALIZER;

static void die(const char *what)
{
	fprintf(stderr, "kvm-run: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void print_usage(void)
{
	fputs("usage: kvm-run [OPTION]... IMAGE\n"
	      "  -v                trace I/O and MMIO exits on stderr\n"
	      "  --mem SIZE        guest RAM, 32K..3G (K, M, G; default 1M)\n"
	      "  --mode real|long  the mode vCPUs start in (default real)\n"
	      "  --vcpus N         vCPUs, 1..8 (default 1)\n", stderr);
	exit(2);
}

static void write_all(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(fd, buf, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			die("write");
		}
		buf += n;
		len -= n;
	}
}

/* One trace line on stderr, prefixed with the vCPU when there are several. */
static void trace(struct vcpu *v, const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n = 0;

	if (nr_vcpus > 1)
		n = snprintf(buf, sizeof(buf), "vcpu=%d ", v->index);
	va_start(ap, fmt);
	n += vsnprintf(buf + n, sizeof(buf) - n - 1, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(buf) - 2)
		n = sizeof(buf) - 2;
	buf[n++] = '\n';
	pthread_mutex_lock(&out_lock);
	write_all(2, buf, n);
	pthread_mutex_unlock(&out_lock);
}

static void flush_line(struct vcpu *v)
{
	pthread_mutex_lock(&out_lock);
	write_all(1, v->line, v->len);
	pthread_mutex_unlock(&out_lock);
	v->len = 0;
}

static void serial_byte(struct vcpu *v, uint8_t c)
{
	v->line[v->len++] = c;
	if (c == '\n' || v->len == sizeof(v->line))
		flush_line(v);
}

/* SIZE bytes of little-endian DATA as hex, most significant byte first. */
static void hex(char *buf, const uint8_t *data, unsigned int size)
{
	unsigned int i;

	for (i = 0; i < size; i++)
		sprintf(buf + 2 * i, "%02x", data[size - 1 - i]);
	buf[2 * size] = '\0';
}

static void handle_io(struct vcpu *v)
{
	struct kvm_run *run = v->run;
	uint8_t *data = (uint8_t *)run + run->io.data_offset;
	int out = run->io.direction == KVM_EXIT_IO_OUT;
	char buf[2 * 8 + 1];
	uint32_t i;

	/* Nothing is attached: reads float high, as on a bare bus. */
	if (!out)
		memset(data, 0xff, (size_t)run->io.size * run->io.count);
	if (verbose) {
		hex(buf, data, run->io.size);
		trace(v, "io %s port=0x%x size=%u count=%u data=0x%s",
		      out ? "out" : "in", run->io.port, run->io.size,
		      run->io.count, buf);
	}
	if (out && run->io.port == COM1 && run->io.size == 1)
		for (i = 0; i < run->io.count; i++)
			serial_byte(v, data[i]);
}

static void handle_mmio(struct vcpu *v)
{
	struct kvm_run *run = v->run;
	uint64_t addr = run->mmio.phys_addr;
	uint8_t *data = run->mmio.data;
	char buf[2 * 8 + 1];
	uint32_t i;

	pthread_mutex_lock(&scratch_lock);
	for (i = 0; i < run->mmio.len; i++) {
		uint64_t a = addr + i;

		if (a >= SCRATCH_BASE && a < SCRATCH_BASE + SCRATCH_SIZE) {
			if (run->mmio.is_write)
				scratch[a - SCRATCH_BASE] = data[i];
			else
				data[i] = scratch[a - SCRATCH_BASE];
		} else if (!run->mmio.is_write) {
			data[i] = 0xff;
		}
	}
	pthread_mutex_unlock(&scratch_lock);
	if (verbose) {
		hex(buf, data, run->mmio.len);
		trace(v, "mmio %s addr=0x%llx size=%u data=0x%s",
		      run->mmio.is_write ? "write" : "read",
		      (unsigned long long)addr, run->mmio.len, buf);
	}
}

static void *vcpu_thread(void *arg)
{
	struct vcpu *v = arg;
	struct kvm_run *run = v->run;

	for (;;) {
		if (ioctl(v->fd, KVM_RUN, 0) < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			die("KVM_RUN");
		}
		switch (run->exit_reason) {
		case KVM_EXIT_IO:
			handle_io(v);
			continue;
		case KVM_EXIT_MMIO:
			handle_mmio(v);
			continue;
		case KVM_EXIT_HLT:
			snprintf(v->reason, sizeof(v->reason), "hlt");
			break;
		case KVM_EXIT_SHUTDOWN:
			snprintf(v->reason, sizeof(v->reason), "shutdown");
			break;
		case KVM_EXIT_FAIL_ENTRY:
			snprintf(v->reason, sizeof(v->reason),
				 "fail-entry reason=0x%llx",
				 (unsigned long long)
				 run->fail_entry.hardware_entry_failure_reason);
			break;
		case KVM_EXIT_INTERNAL_ERROR:
			snprintf(v->reason, sizeof(v->reason),
				 "internal-error suberror=%u",
				 run->internal.suberror);
			break;
		default:
			snprintf(v->reason, sizeof(v->reason), "kvm-%u",
				 run->exit_reason);
			break;
		}
		break;
	}
	/* End a last unfinished line, so that the exit line stands alone. */
	if (v->len) {
		v->line[v->len++] = '\n';
		flush_line(v);
	}
	return NULL;
}

/* A size in bytes with an optional K, M or G suffix. */
static int parse_size(const char *s, uint64_t *size)
{
	unsigned long long n;
	char *end;

	errno = 0;
	n = strtoull(s, &end, 0);
	if (errno || end == s)
		return -1;
	switch (*end) {
	case 'K': case 'k':
		n <<= 10;
		end++;
		break;
	case 'M': case 'm':
		n <<= 20;
		end++;
		break;
	case 'G': case 'g':
		n <<= 30;
		end++;
		break;
	}
	if (*end)
		return -1;
	*size = n;
	return 0;
}

static void load_image(const char *path)
{
	ssize_t n;
	char c;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0)
		die(path);
	n = read(fd, mem + LOAD_ADDR, mem_size - LOAD_ADDR);
	if (n < 0)
		die(path);
	if (read(fd, &c, 1) > 0) {
		fprintf(stderr, "kvm-run: %s does not fit in guest RAM\n",
			path);
		exit(1);
	}
	close(fd);
}

static void put64(uint64_t addr, uint64_t val)
{
	memcpy(mem + addr, &val, sizeof(val));
}

static void build_long_mode_tables(void)
{
	unsigned int i;

	put64(GDT_ADDR, 0);
	put64(GDT_ADDR + 0x08, 0x00af9b000000ffffull);	/* code, L=1 */
	put64(GDT_ADDR + 0x10, 0x00cf93000000ffffull);	/* data, flat */
	put64(PML4_ADDR, PDPT_ADDR | PTE_P | PTE_W);
	put64(PDPT_ADDR, PD_ADDR | PTE_P | PTE_W);
	for (i = 0; i < 512; i++)
		put64(PD_ADDR + 8 * i,
		      ((uint64_t)i << 21) | PTE_P | PTE_W | PTE_PS);
}

static void get_supported_cpuid(int kvm)
{
	int nent = 64;

	for (;;) {
		size_t size = sizeof(*supported_cpuid) +
			      nent * sizeof(struct kvm_cpuid_entry2);

		supported_cpuid = calloc(1, size);
		if (!supported_cpuid)
			die("calloc");
		supported_cpuid->nent = nent;
		if (ioctl(kvm, KVM_GET_SUPPORTED_CPUID, supported_cpuid) == 0)
			return;
		if (errno != E2BIG)
			die("KVM_GET_SUPPORTED_CPUID");
		free(supported_cpuid);
		nent *= 2;
	}
}

static void set_cpuid(struct vcpu *v)
{
	size_t size = sizeof(*supported_cpuid) +
		      supported_cpuid->nent * sizeof(struct kvm_cpuid_entry2);
	struct kvm_cpuid2 *cpuid = malloc(size);
	struct kvm_cpuid_entry2 *e;
	uint32_t i;

	if (!cpuid)
		die("malloc");
	memcpy(cpuid, supported_cpuid, size);
	for (i = 0; i < cpuid->nent; i++) {
		e = &cpuid->entries[i];
		if (e->function != 1)
			continue;
		e->ecx |= CPUID1_ECX_HYPERVISOR;
		e->ecx &= ~(CPUID1_ECX_VMX | CPUID1_ECX_XSAVE |
			    CPUID1_ECX_OSXSAVE | CPUID1_ECX_AVX);
		e->ebx = (e->ebx & 0x00ffffff) | (uint32_t)v->index << 24;
	}
	if (ioctl(v->fd, KVM_SET_CPUID2, cpuid) < 0)
		die("KVM_SET_CPUID2");
	free(cpuid);
}

static void set_real_mode(struct kvm_sregs *sregs)
{
	sregs->cs.base = 0;
	sregs->cs.selector = 0;
	sregs->ds = sregs->es = sregs->ss = sregs->cs;
	sregs->ds.type = sregs->es.type = sregs->ss.type = 3;
}

static void set_long_mode(struct kvm_sregs *sregs)
{
	struct kvm_segment code = {
		.base = 0, .limit = 0xffffffff, .selector = 0x08,
		.type = 0xb, .present = 1, .dpl = 0, .db = 0, .s = 1,
		.l = 1, .g = 1,
	};
	struct kvm_segment data = {
		.base = 0, .limit = 0xffffffff, .selector = 0x10,
		.type = 0x3, .present = 1, .dpl = 0, .db = 1, .s = 1,
		.l = 0, .g = 1,
	};

	sregs->cs = code;
	sregs->ds = sregs->es = sregs->ss = data;
	sregs->gdt.base = GDT_ADDR;
	sregs->gdt.limit = 3 * 8 - 1;
	sregs->cr0 = CR0_LONG;
	sregs->cr3 = PML4_ADDR;
	sregs->cr4 = CR4_PAE;
	sregs->efer = EFER_LONG;
}

static void create_vcpu(int vm, struct vcpu *v)
{
	struct kvm_regs regs = { 0 };
	struct kvm_sregs sregs;

	v->fd = ioctl(vm, KVM_CREATE_VCPU, v->index);
	if (v->fd < 0)
		die("KVM_CREATE_VCPU");
	v->run = mmap(NULL, run_size, PROT_READ | PROT_WRITE, MAP_SHARED,
		      v->fd, 0);
	if (v->run == MAP_FAILED)
		die("mmap kvm_run");
	set_cpuid(v);

	if (ioctl(v->fd, KVM_GET_SREGS, &sregs) < 0)
		die("KVM_GET_SREGS");
	if (long_mode)
		set_long_mode(&sregs);
	else
		set_real_mode(&sregs);
	if (ioctl(v->fd, KVM_SET_SREGS, &sregs) < 0)
		die("KVM_SET_SREGS");
	regs.rip = LOAD_ADDR;
	regs.rsp = LOAD_ADDR;
	regs.rflags = 0x2;
	if (ioctl(v->fd, KVM_SET_REGS, &regs) < 0)
		die("KVM_SET_REGS");
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "mem", required_argument, NULL, 'm' },
		{ "mode", required_argument, NULL, 'M' },
		{ "vcpus", required_argument, NULL, 'n' },
		{ "verbose", no_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 },
	};
	struct kvm_userspace_memory_region region = { 0 };
	char buf[128];
	int kvm, vm, opt, i;
	char *end;

	while ((opt = getopt_long(argc, argv, "v", opts, NULL)) != -1) {
		switch (opt) {
		case 'v':
			verbose = 1;
			break;
		case 'm':
			if (parse_size(optarg, &mem_size) ||
			    mem_size < MEM_MIN || mem_size > SCRATCH_BASE ||
			    mem_size & 0xfff) {
				fprintf(stderr, "kvm-run: bad --mem %s\n",
					optarg);
				print_usage();
			}
			break;
		case 'M':
			if (!strcmp(optarg, "real"))
				long_mode = 0;
			else if (!strcmp(optarg, "long"))
				long_mode = 1;
			else
				print_usage();
			break;
		case 'n':
			nr_vcpus = strtol(optarg, &end, 10);
			if (*end || nr_vcpus < 1 || nr_vcpus > MAX_VCPUS) {
				fprintf(stderr, "kvm-run: bad --vcpus %s\n",
					optarg);
				print_usage();
			}
			break;
		default:
			print_usage();
		}
	}
	if (optind + 1 != argc)
		print_usage();

	kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (kvm < 0)
		die("/dev/kvm");
	vm = ioctl(kvm, KVM_CREATE_VM, 0);
	if (vm < 0)
		die("KVM_CREATE_VM");
	mem = mmap(NULL, mem_size, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (mem == MAP_FAILED)
		die("mmap guest memory");
	if (long_mode)
		build_long_mode_tables();
	load_image(argv[optind]);
	region.memory_size = mem_size;
	region.userspace_addr = (uintptr_t)mem;
	if (ioctl(vm, KVM_SET_USER_MEMORY_REGION, &region) < 0)
		die("KVM_SET_USER_MEMORY_REGION");
	run_size = ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0);
	if (run_size < 0)
		die("KVM_GET_VCPU_MMAP_SIZE");
	get_supported_cpuid(kvm);

	for (i = 0; i < nr_vcpus; i++) {
		vcpus[i].index = i;
		create_vcpu(vm, &vcpus[i]);
	}
	for (i = 0; i < nr_vcpus; i++) {
		errno = pthread_create(&vcpus[i].thread, NULL, vcpu_thread,
				       &vcpus[i]);
		if (errno)
			die("pthread_create");
	}
	for (i = 0; i < nr_vcpus; i++)
		pthread_join(vcpus[i].thread, NULL);

	for (i = 0; i < nr_vcpus; i++) {
		int n;

		if (nr_vcpus > 1)
			n = snprintf(buf, sizeof(buf), "exit: vcpu=%d %s\n",
				     i, vcpus[i].reason);
		else
			n = snprintf(buf, sizeof(buf), "exit: %s\n",
				     vcpus[i].reason);
		write_all(1, buf, n);
	}
	return 0;
}
