// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test of vmctl's Linux loader (tools/vmctl_boot.c), built with
 * AddressSanitizer: made-up bzImages and initrds go into a buffer that
 * stands for guest memory, and the test reads back boot_params (the
 * setup header, the e820 map, the command line, the initrd's place),
 * the GDT and the kernel's place.  Bad images, including headers that
 * lie, are refused without writing outside that memory.  Prints one
 * "ok"/"not ok" line per check, exits non-zero on a failure.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vmctl.h"

#define MEM_SIZE	(32u << 20)
#define BODY_SIZE	8192u
#define SETUP_SECTS	4u
#define SETUP_SIZE	((SETUP_SECTS + 1) * 512)
#define BIG_IMAGE	(SETUP_SIZE + (1u << 20) + 4096)

static int failures;
/* mkstemp templates, filled in by main() */
static char kernel_path[64];
static char initrd_path[64];

static void check(bool ok, const char *what)
{
	printf("%s: %s\n", ok ? "ok" : "not ok", what);
	if (!ok)
		failures++;
}

static uint32_t get32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static uint64_t get64(const uint8_t *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static void put32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, sizeof(v));
}

/* A bzImage as far as the loader looks: a setup header, then a body. */
static void make_image(uint8_t *img, size_t size)
{
	size_t i;

	memset(img, 0, size);
	img[0x1f1] = SETUP_SECTS;
	img[0x1fe] = 0x55;
	img[0x1ff] = 0xaa;
	img[0x200] = 0xeb;		/* jmp over the header to 0x26c */
	img[0x201] = 0x6a;
	memcpy(img + 0x202, "HdrS", 4);
	img[0x206] = 0x0f;		/* protocol 2.15 */
	img[0x207] = 0x02;
	img[0x211] = 0x01;		/* LOADED_HIGH */
	put32(img + 0x22c, 0x7fffffff);	/* initrd_addr_max */
	for (i = SETUP_SIZE; i < size; i++)
		img[i] = (uint8_t)(i * 7 + 1);
}

static void write_file(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(data, 1, size, f) != size || fclose(f)) {
		perror(path);
		exit(2);
	}
}

/* Load @img (and an initrd of @rd_size bytes, if not 0) into @mem. */
static int load(uint8_t *mem, uint64_t mem_size, const uint8_t *img,
		size_t size, size_t rd_size, const char *cmdline)
{
	static uint8_t rd[3 << 20];
	size_t i;

	for (i = 0; i < rd_size; i++)
		rd[i] = (uint8_t)(i * 13 + 5);
	write_file(kernel_path, img, size);
	write_file(initrd_path, rd, rd_size);
	memset(mem, 0xcc, mem_size);
	return vmctl_load_linux(mem, mem_size, kernel_path,
				rd_size ? initrd_path : NULL, cmdline);
}

static bool body_in_place(const uint8_t *mem, const uint8_t *img,
			  size_t size)
{
	return !memcmp(mem + 0x100000, img + SETUP_SIZE, size - SETUP_SIZE);
}

static bool e820_is(const uint8_t *bp, unsigned int i, uint64_t addr,
		    uint64_t len, uint32_t type)
{
	const uint8_t *e = bp + 0x2d0 + 20 * i;

	return get64(e) == addr && get64(e + 8) == len &&
	       get32(e + 16) == type;
}

static void test_kernel_alone(uint8_t *mem, uint8_t *img)
{
	const uint8_t *bp = mem + 0x7000;
	const uint64_t *gdt = (const uint64_t *)(mem + 0x500);
	size_t size = SETUP_SIZE + BODY_SIZE;

	make_image(img, size);
	check(!load(mem, MEM_SIZE, img, size, 0, "console=ttyS0"),
	      "a bzImage of protocol 2.15 loads");
	check(body_in_place(mem, img, size),
	      "its protected-mode part is at 1 MiB");
	check(mem[0x100000 + BODY_SIZE] == 0,
	      "the setup part it moved out leaves zeroes");
	check(!memcmp(bp + 0x202, "HdrS", 4) && bp[0x1f1] == SETUP_SECTS,
	      "boot_params at 0x7000 holds the setup header");
	check(bp[0x210] == 0xff, "type_of_loader: 0xff (undefined)");
	check(bp[0x211] == 0x81, "loadflags: LOADED_HIGH and CAN_USE_HEAP");
	check(bp[0x224] == 0x00 && bp[0x225] == 0xfe, "heap_end_ptr: 0xfe00");
	check(bp[0x1fa] == 0xff && bp[0x1fb] == 0xff, "vid_mode: normal");
	check(get32(bp + 0x228) == 0x20000 &&
	      !strcmp((char *)mem + 0x20000, "console=ttyS0"),
	      "cmd_line_ptr points to the command line");
	check(get32(bp + 0x218) == 0 && get32(bp + 0x21c) == 0,
	      "no initrd: ramdisk_image and ramdisk_size are 0");
	check(bp[0x1e8] == 3, "three e820 entries");
	check(e820_is(bp, 0, 0, 0x9fc00, 1), "e820: RAM below 639 KiB");
	check(e820_is(bp, 1, 0x9fc00, 0x100000 - 0x9fc00, 2),
	      "e820: reserved up to 1 MiB");
	check(e820_is(bp, 2, 0x100000, MEM_SIZE - 0x100000, 1),
	      "e820: RAM from 1 MiB to the end");
	check(gdt[2] == 0x00cf9b000000ffffULL && gdt[3] == 0x00cf93000000ffffULL,
	      "GDT: flat code at 0x10 and data at 0x18");
}

static void test_initrd(uint8_t *mem, uint8_t *img)
{
	const uint8_t *bp = mem + 0x7000;
	size_t size = SETUP_SIZE + BODY_SIZE, rd_size = 5000, i;
	uint32_t at;
	bool same = true;

	make_image(img, size);
	check(!load(mem, MEM_SIZE, img, size, rd_size, ""),
	      "with an initrd it loads");
	at = get32(bp + 0x218);
	for (i = 0; i < rd_size; i++)
		same &= mem[at + i] == (uint8_t)(i * 13 + 5);
	check(at == ((MEM_SIZE - rd_size) & ~0xfffu) && same,
	      "the initrd is at the top of memory, page aligned");
	check(get32(bp + 0x21c) == rd_size, "ramdisk_size is its size");
	check(mem[0x100000 + size] == 0,
	      "where it was read first is cleared");

	put32(img + 0x22c, 0x00ffffff);		/* below 16 MiB */
	check(!load(mem, MEM_SIZE, img, size, rd_size, "") &&
	      get32(bp + 0x218) == ((0x1000000 - rd_size) & ~0xfffu),
	      "initrd_addr_max caps where the initrd goes");

	put32(img + 0x22c, 0x1000);		/* below the kernel */
	check(load(mem, MEM_SIZE, img, size, rd_size, ""),
	      "an initrd_addr_max below the kernel is refused");
	put32(img + 0x22c, 0x7fffffff);
	check(load(mem, 4u << 20, img, size, 3u << 20, ""),
	      "an initrd larger than memory is refused");
}

static void test_refused(uint8_t *mem, uint8_t *img)
{
	size_t size = SETUP_SIZE + BODY_SIZE;
	char *long_cmdline = malloc(4097);

	make_image(img, size);
	img[0x202] = 'X';
	check(load(mem, MEM_SIZE, img, size, 0, ""), "no HdrS: refused");

	make_image(img, size);
	img[0x206] = 0x0b;			/* 2.11 */
	check(load(mem, MEM_SIZE, img, size, 0, ""),
	      "boot protocol 2.11: refused");

	make_image(img, size);
	img[0x211] = 0;
	check(load(mem, MEM_SIZE, img, size, 0, ""),
	      "a zImage (not LOADED_HIGH): refused");

	make_image(img, size);
	img[0x1f1] = 200;			/* past the end of the file */
	check(load(mem, MEM_SIZE, img, size, 0, ""),
	      "setup_sects past the file's end: refused");

	make_image(img, size);
	img[0x201] = 0xff;			/* header to 0x301 */
	check(load(mem, MEM_SIZE, img, size, 0, ""),
	      "a header that runs past 0x300: refused");

	check(load(mem, MEM_SIZE, img, 0x200, 0, ""),
	      "a file shorter than a setup header: refused");

	make_image(img, size);
	memset(long_cmdline, 'a', 4096);
	long_cmdline[4096] = 0;
	check(load(mem, MEM_SIZE, img, size, 0, long_cmdline),
	      "a 4096-byte command line: refused");
	free(long_cmdline);

	check(load(mem, 0x100000, img, size, 0, ""),
	      "less than 2 MiB of memory: refused");
	make_image(img, BIG_IMAGE);
	check(load(mem, 0x200000, img, BIG_IMAGE, 0, ""),
	      "a kernel larger than memory above 1 MiB: refused");
}

int main(void)
{
	uint8_t *mem = malloc(MEM_SIZE);
	uint8_t *img = malloc(BIG_IMAGE);
	int fd;

	if (!mem || !img)
		return 2;
	strcpy(kernel_path, "/tmp/vmctl-boot-test-kernel.XXXXXX");
	strcpy(initrd_path, "/tmp/vmctl-boot-test-initrd.XXXXXX");
	fd = mkstemp(kernel_path);
	if (fd < 0)
		return 2;
	close(fd);
	fd = mkstemp(initrd_path);
	if (fd < 0)
		return 2;
	close(fd);

	test_kernel_alone(mem, img);
	test_initrd(mem, img);
	test_refused(mem, img);

	unlink(kernel_path);
	unlink(initrd_path);
	free(img);
	free(mem);
	printf("%d failed\n", failures);
	return failures ? 1 : 0;
}
