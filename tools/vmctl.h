/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vmctl's commands and shared helpers.
 */
#ifndef RZ_TOOLS_VMCTL_H
#define RZ_TOOLS_VMCTL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <myvmx.h>

/* Open /dev/myvmx; prints why and returns -1 on failure. */
int vmctl_open_dev(void);
/* Print "vmctl: WHAT: strerror(errno)" and return 1. */
int vmctl_fail(const char *what);

int vmctl_run(int argc, char **argv);
/* Sizes: 4K-aligned, 1M to 4G, with K/M/G; timeouts: seconds (0, 1 day]. */
int vmctl_parse_size(const char *s, uint64_t *out);
int vmctl_parse_timeout(const char *s, double *out);

/* vmctl_start.c: VMs the kernel runs */
int vmctl_start(int argc, char **argv, bool foreground);
int vmctl_console(const char *name);
int vmctl_control(const char *name, uint8_t cmd);
/* Seconds on CLOCK_MONOTONIC. */
double vmctl_now_s(void);

/* vmctl_stop.c */
int vmctl_stop(int argc, char **argv);

/* vmctl_devices.c: a Linux guest's virtio disks and NICs */
#define VMCTL_MAX_DEVICES	8
#define VMCTL_DEVICE_BASE	0xd0000000ULL

struct vmctl_device {
	uint32_t type;			/* enum myvmx_device_type */
	const char *spec;		/* as given, for messages */
	const char *path;		/* the disk's file, or the bridge */
	bool read_only;
	uint64_t mac;			/* 0: the kernel picks one */
	const char *name;		/* a NIC's netdev name, or NULL */
};

struct vmctl_devices {
	unsigned int n;
	struct vmctl_device d[VMCTL_MAX_DEVICES];
};

/* --disk and --net arguments (changed in place); -1 after saying why. */
int vmctl_parse_disk(struct vmctl_devices *ds, char *arg);
int vmctl_parse_net(struct vmctl_devices *ds, char *arg);
int vmctl_devices_cmdline(const struct vmctl_devices *ds, uint64_t mem_size,
			  char *cmdline, size_t size);
int vmctl_devices_create(const struct vmctl_devices *ds, int vm,
			 uint64_t mem_size);

/* vmctl_boot.c: Linux's boot protocol */
int vmctl_load_linux(uint8_t *mem, uint64_t mem_size, const char *kernel,
		     const char *initrd, const char *cmdline);
void vmctl_linux_entry(struct myvmx_regs *regs, struct myvmx_sregs *sregs);
void vmctl_flat_segment(struct myvmx_segment *s, uint16_t sel, uint8_t type,
			bool code64);
int vmctl_list(bool json);
uint32_t vmctl_vm_id(const char *vm);
int vmctl_vm_state(uint32_t id, uint32_t *state, uint32_t *reason,
		   char *name);
const char *vmctl_state_name(uint32_t state);
const char *vmctl_exit_name(uint32_t reason);
int vmctl_stats(const char *vm, bool json);

#endif /* RZ_TOOLS_VMCTL_H */
