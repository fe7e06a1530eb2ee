// SPDX-License-Identifier: GPL-2.0
/*
 * Loading Linux into guest memory with the x86 boot protocol
 * (Documentation/x86/boot.rst), entered at its 32-bit entry point, so
 * that no BIOS is needed: the loader does what the real-mode setup code
 * would.  The layout of guest-physical memory:
 *
 *   0x00500   the GDT: flat 32-bit code at 0x10 and data at 0x18
 *             (__BOOT_CS and __BOOT_DS)
 *   0x07000   boot_params (the "zero page"), with the bzImage's setup
 *             header, an e820 map and the initrd's place
 *   0x20000   the command line
 *   1 MiB     the protected-mode kernel
 *   the top   the initrd, page aligned, below initrd_addr_max
 *
 * The e820 map gives all of RAM but the 384 KiB below 1 MiB where a PC
 * has its video memory and ROMs.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "vmctl.h"

#define GDT_ADDR		0x500u
#define BOOT_PARAMS_ADDR	0x7000u
#define CMDLINE_ADDR		0x20000u
#define CMDLINE_MAX		4096u
#define KERNEL_ADDR		0x100000u

/* Offsets in boot_params and its setup header (boot.rst). */
#define BP_E820_ENTRIES		0x1e8
#define BP_SETUP_SECTS		0x1f1
#define BP_VID_MODE		0x1fa
#define BP_HEADER_MAGIC		0x202
#define BP_VERSION		0x206
#define BP_TYPE_OF_LOADER	0x210
#define BP_LOADFLAGS		0x211
#define BP_RAMDISK_IMAGE	0x218
#define BP_RAMDISK_SIZE		0x21c
#define BP_HEAP_END_PTR		0x224
#define BP_CMD_LINE_PTR		0x228
#define BP_INITRD_ADDR_MAX	0x22c
#define BP_E820_TABLE		0x2d0
#define E820_MAX		128

#define LOADED_HIGH		0x01
#define CAN_USE_HEAP		0x80

static void put16(uint8_t *p, uint16_t v)
{
	memcpy(p, &v, sizeof(v));
}

static void put32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, sizeof(v));
}

static uint32_t get32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* Read all of @path into @buf (at most @max bytes); returns its size. */
static ssize_t read_file(const char *path, uint8_t *buf, uint64_t max)
{
	struct stat st;
	ssize_t n, done = 0;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) < 0) {
		fprintf(stderr, "vmctl: %s: %s\n", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if ((uint64_t)st.st_size > max) {
		fprintf(stderr, "vmctl: %s: too large for guest memory\n",
			path);
		close(fd);
		return -1;
	}
	while (done < st.st_size) {
		n = read(fd, buf + done, st.st_size - done);
		if (n <= 0) {
			fprintf(stderr, "vmctl: %s: %s\n", path,
				n ? strerror(errno) : "short read");
			close(fd);
			return -1;
		}
		done += n;
	}
	close(fd);
	return done;
}

static void e820_add(uint8_t *bp, uint64_t addr, uint64_t size, uint32_t type)
{
	uint8_t *e = bp + BP_E820_TABLE + 20 * bp[BP_E820_ENTRIES]++;

	memcpy(e, &addr, 8);
	memcpy(e + 8, &size, 8);
	put32(e + 16, type);
}

int vmctl_load_linux(uint8_t *mem, uint64_t mem_size, const char *kernel,
		     const char *initrd, const char *cmdline)
{
	uint8_t *bp = mem + BOOT_PARAMS_ADDR, *image;
	uint64_t *gdt = (uint64_t *)(mem + GDT_ADDR);
	unsigned int setup_sects, hdr_end;
	uint64_t initrd_max, limit, lowest, top;
	ssize_t size, setup_size, rd_size = 0;

	if (mem_size < 2 * KERNEL_ADDR) {
		fprintf(stderr, "vmctl: at least 2 MiB of guest memory for Linux\n");
		return -1;
	}
	if (strlen(cmdline) >= CMDLINE_MAX) {
		fprintf(stderr, "vmctl: --cmdline: at most %u bytes\n",
			CMDLINE_MAX - 1);
		return -1;
	}
	/* The file goes to 1 MiB first; its setup part is moved out. */
	image = mem + KERNEL_ADDR;
	size = read_file(kernel, image, mem_size - KERNEL_ADDR);
	if (size < 0)
		return -1;
	if (size < 0x300 || memcmp(image + BP_HEADER_MAGIC, "HdrS", 4) ||
	    image[BP_VERSION + 1] < 2 ||
	    (image[BP_VERSION + 1] == 2 && image[BP_VERSION] < 0x0c) ||
	    !(image[BP_LOADFLAGS] & LOADED_HIGH)) {
		fprintf(stderr, "vmctl: %s: not a bzImage of boot protocol 2.12 or later\n",
			kernel);
		return -1;
	}
	setup_sects = image[BP_SETUP_SECTS] ?: 4;
	setup_size = (setup_sects + 1) * 512;
	hdr_end = 0x202 + image[0x201];
	if (setup_size >= size || hdr_end > 0x300) {
		fprintf(stderr, "vmctl: %s: a bad setup header\n", kernel);
		return -1;
	}
	memset(bp, 0, 4096);
	memcpy(bp + BP_SETUP_SECTS, image + BP_SETUP_SECTS,
	       hdr_end - BP_SETUP_SECTS);
	memmove(image, image + setup_size, size - setup_size);
	memset(image + size - setup_size, 0, setup_size);

	bp[BP_TYPE_OF_LOADER] = 0xff;
	bp[BP_LOADFLAGS] |= CAN_USE_HEAP;
	put16(bp + BP_HEAP_END_PTR, 0xfe00);
	put16(bp + BP_VID_MODE, 0xffff);
	strcpy((char *)mem + CMDLINE_ADDR, cmdline);
	put32(bp + BP_CMD_LINE_PTR, CMDLINE_ADDR);

	if (initrd) {
		initrd_max = get32(bp + BP_INITRD_ADDR_MAX);
		limit = mem_size < initrd_max + 1 ? mem_size : initrd_max + 1;
		/* The lowest it may go: above the kernel and room to unpack. */
		lowest = KERNEL_ADDR + 2 * (uint64_t)size;
		/* The header is the file's: it may put the limit anywhere. */
		top = 0;
		if (limit >= lowest) {
			rd_size = read_file(initrd, mem + KERNEL_ADDR + size,
					    limit - KERNEL_ADDR - size);
			if (rd_size < 0)
				return -1;
			/* Move it to the top, out of the kernel's way. */
			top = (limit - rd_size) & ~0xfffULL;
		}
		if (top < lowest) {
			fprintf(stderr, "vmctl: %s: no room for it below %#llx\n",
				initrd, (unsigned long long)limit);
			return -1;
		}
		memmove(mem + top, mem + KERNEL_ADDR + size, rd_size);
		memset(mem + KERNEL_ADDR + size, 0, rd_size);
		put32(bp + BP_RAMDISK_IMAGE, top);
		put32(bp + BP_RAMDISK_SIZE, rd_size);
	}

	e820_add(bp, 0, 0x9fc00, 1);
	e820_add(bp, 0x9fc00, KERNEL_ADDR - 0x9fc00, 2);
	e820_add(bp, KERNEL_ADDR, mem_size - KERNEL_ADDR, 1);

	gdt[0] = 0;
	gdt[1] = 0;
	gdt[2] = 0x00cf9b000000ffffULL;	/* 0x10: 32-bit code, 4 GiB */
	gdt[3] = 0x00cf93000000ffffULL;	/* 0x18: data, 4 GiB */
	return 0;
}

/* A flat 4 GiB code or data segment: 64-bit code with @code64. */
void vmctl_flat_segment(struct myvmx_segment *s, uint16_t sel, uint8_t type,
			bool code64)
{
	memset(s, 0, sizeof(*s));
	s->selector = sel;
	s->limit = 0xffffffff;
	s->type = type;
	s->s = 1;
	s->present = 1;
	s->g = 1;
	s->l = code64;
	s->db = !code64;
}

/* The 32-bit entry's state: flat segments, no paging, ESI: boot_params. */
void vmctl_linux_entry(struct myvmx_regs *regs, struct myvmx_sregs *sregs)
{
	vmctl_flat_segment(&sregs->cs, 0x10, 0xb, false);
	vmctl_flat_segment(&sregs->ds, 0x18, 0x3, false);
	sregs->es = sregs->ds;
	sregs->fs = sregs->ds;
	sregs->gs = sregs->ds;
	sregs->ss = sregs->ds;
	sregs->gdt.base = GDT_ADDR;
	sregs->gdt.limit = 4 * 8 - 1;
	sregs->cr0 = 0x11;		/* PE, ET */
	sregs->cr3 = 0;
	sregs->cr4 = 0;
	sregs->efer = 0;
	memset(regs, 0, sizeof(*regs));
	regs->rip = KERNEL_ADDR;
	regs->rsi = BOOT_PARAMS_ADDR;
	regs->rflags = 0x2;
}
