/* SPDX-License-Identifier: GPL-2.0 */
/*
 * myvmx: the backend-independent VM and vCPU, and the interface a
 * hardware backend (VT-x today, AMD-V later) implements.
 */
#ifndef _MYVMX_VMM_H
#define _MYVMX_VMM_H

#include <linux/kref.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/types.h>
#include <myvmx.h>

#include "decode.h"

/* Exit statistics kept per vCPU: one counter per hardware exit reason. */
#define MYVMX_NR_EXIT_STATS	80

struct myvmx_region {
	u64 gpa;
	u64 size;
	u64 uaddr;
	unsigned long npages;
	struct page **pages;
};

struct myvmx_vm {
	struct kref kref;
	struct mutex lock;		/* regions and vcpus */
	struct list_head node;		/* on myvmx_vms */
	u32 id;
	pid_t owner;
	char name[MYVMX_NAME_LEN];
	struct myvmx_region regions[MYVMX_MAX_REGIONS];
	unsigned int nr_regions;
	struct myvmx_vcpu *vcpus[MYVMX_MAX_VCPUS];
	void *arch;			/* the backend's (EPT root, ...) */
};

/* What the last exit to user space still waits for. */
enum myvmx_pending {
	MYVMX_PENDING_NONE,
	MYVMX_PENDING_IO_IN,		/* IN: data into RAX */
	MYVMX_PENDING_INS,		/* INS: data to ES:rDI */
	MYVMX_PENDING_MMIO_READ,	/* MOV/MOVZX/MOVSX into a register */
	MYVMX_PENDING_MMIO_MOVS,	/* MOVS from MMIO to ES:rDI */
};

/* The guest's addressing state, as the emulation helpers need it. */
struct myvmx_cpu_mode {
	u64 cr0, cr3, cr4, efer;
	u64 cs_base, ds_base, es_base, ss_base, fs_base, gs_base;
	bool cs_l, cs_db;
};

struct myvmx_vcpu {
	struct myvmx_vm *vm;
	unsigned int index;
	struct mutex run_lock;		/* one thread in RUN/GET/SET */
	struct myvmx_run *run;		/* the mmap'ed page */

	/* Guest GPRs in x86 encoding order (RAX, RCX, ..., R15). */
	u64 gpr[16];
	u64 rip, rflags;

	enum myvmx_pending pending;
	struct myvmx_insn insn;		/* the decoded MMIO instruction */
	u64 insn_rip_next;		/* RIP after it */
	u64 pending_linear;		/* INS: the element's address */
	unsigned int io_size;
	unsigned int io_count;		/* INS elements read ahead */
	bool io_rep;
	unsigned int io_addr_size;	/* 2, 4, 8 */

	u64 exit_stats[MYVMX_NR_EXIT_STATS];
	u64 exits;
	bool in_run;			/* a thread is inside RUN */
	void *arch;			/* the backend's (VMCS, ...) */
};

/*
 * A hardware backend.  get/put enable and disable virtualization on every
 * CPU (counted: the first VM enables, the last disables); run enters the
 * guest until an exit for user space (0) or a signal (-EINTR).
 */
struct myvmx_backend {
	const char *name;
	int (*get)(void);
	void (*put)(void);
	int (*vm_init)(struct myvmx_vm *vm);
	void (*vm_destroy)(struct myvmx_vm *vm);
	int (*map_region)(struct myvmx_vm *vm, struct myvmx_region *r);
	int (*vcpu_init)(struct myvmx_vcpu *vcpu);
	void (*vcpu_destroy)(struct myvmx_vcpu *vcpu);
	int (*vcpu_run)(struct myvmx_vcpu *vcpu);
	int (*get_sregs)(struct myvmx_vcpu *vcpu, struct myvmx_sregs *s);
	int (*set_sregs)(struct myvmx_vcpu *vcpu,
			 const struct myvmx_sregs *s);
	int (*inject)(struct myvmx_vcpu *vcpu, const struct myvmx_event *e);
	void (*cpu_mode)(struct myvmx_vcpu *vcpu, struct myvmx_cpu_mode *m);
	const char *(*exit_name)(u32 reason);
};

extern const struct myvmx_backend *myvmx_backend;

/* vm.c */
int myvmx_vm_create(const struct myvmx_vm_create __user *arg);
void myvmx_vm_put(struct myvmx_vm *vm);
struct myvmx_region *myvmx_find_region(struct myvmx_vm *vm, u64 gpa);
struct myvmx_vm *myvmx_vm_get(u32 id);
int myvmx_vm_walk(int skip, int (*fn)(struct myvmx_vm *vm, void *arg),
		  void *arg);
u64 myvmx_vm_memory(struct myvmx_vm *vm);

/* vcpu.c */
int myvmx_vcpu_create(struct myvmx_vm *vm, unsigned long index);

/* guest_mem.c: guest-physical and guest-linear memory access */
int myvmx_read_gpa(struct myvmx_vm *vm, u64 gpa, void *buf,
		   unsigned int len);
int myvmx_write_gpa(struct myvmx_vm *vm, u64 gpa, const void *buf,
		    unsigned int len);
int myvmx_gva_to_gpa(struct myvmx_vcpu *vcpu, const struct myvmx_cpu_mode *m,
		     u64 gva, u64 *gpa);
int myvmx_read_gva(struct myvmx_vcpu *vcpu, const struct myvmx_cpu_mode *m,
		   u64 gva, void *buf, unsigned int len);
int myvmx_write_gva(struct myvmx_vcpu *vcpu, const struct myvmx_cpu_mode *m,
		    u64 gva, const void *buf, unsigned int len);

/* emulate.c: exits completed with user space's help */
enum myvmx_handled {
	MYVMX_TO_USER = 0,		/* the run structure says why */
	MYVMX_RESUME = 1,		/* enter the guest again */
};

struct myvmx_io_exit {
	u16 port;
	u8 size;
	bool in, string, rep;
	u8 addr_size;			/* 2, 4, 8: for strings */
	u64 linear;			/* the string element's address */
	u8 insn_len;
};

int myvmx_emulate_io(struct myvmx_vcpu *vcpu, const struct myvmx_io_exit *io);
int myvmx_emulate_mmio(struct myvmx_vcpu *vcpu, u64 gpa, bool is_write);
int myvmx_complete_user_exit(struct myvmx_vcpu *vcpu);
int myvmx_exit_internal(struct myvmx_vcpu *vcpu, u32 suberror, u32 reason,
			u64 qualification);

/* cpuid.c */
void myvmx_cpuid(unsigned int index, u32 leaf, u32 subleaf, u32 *eax,
		 u32 *ebx, u32 *ecx, u32 *edx);
void myvmx_cpuid_filter(unsigned int index, u32 leaf, u32 subleaf, u32 *eax,
			u32 *ebx, u32 *ecx, u32 *edx);

#endif /* _MYVMX_VMM_H */
