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
#include <linux/preempt.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <asm/fpu/types.h>
#include <myvmx.h>

#include "decode.h"
#include "myvmx_device.h"

struct sk_buff;

/* Exit statistics kept per vCPU: one counter per enum myvmx_exit_kind. */
#define MYVMX_NR_EXIT_STATS	MYVMX_KIND_COUNT

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
	/* Set under lock; read under RCU by kicks (vCPUs are freed after a
	 * grace period once the VM has devices).
	 */
	struct myvmx_vcpu *vcpus[MYVMX_MAX_VCPUS];
	void *arch;			/* the backend's (EPT root, ...) */

	/* In-kernel devices (device.c); published ranges and chip stay. */
	struct mutex dev_lock;		/* devices, the staged fields */
	struct list_head devices;
	struct myvmx_iodev *iodevs[MYVMX_MAX_IODEVS];
	unsigned int nr_iodevs, nr_iodevs_staged;
	const struct myvmx_irqchip_ops *irqchip, *irqchip_staged;
	void *irqchip_data;
	u16 irq_lines, irq_lines_staged;	/* claimed input lines */
	bool had_devices;		/* kicks may come: see vcpu.c */
	u32 exit_request;		/* MYVMX_EXIT_* for every vCPU, or 0 */

	/* Started VMs (runner.c); under lock. */
	u32 state;			/* enum myvmx_vm_state */
	u32 stop_reason;		/* enum myvmx_exit_reason */
	unsigned int threads;		/* kernel threads not yet done */
	bool paused;			/* also read without the lock */
	wait_queue_head_t state_wq;	/* paused threads wait here */
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

	/* MYVMX_INJECT's event, until the backend delivers it. */
	struct myvmx_event pending_event;
	bool event_pending;
	/* The guest's x87/SSE registers (FXSAVE layout), 16-byte aligned. */
	struct fxregs_state *guest_fpu;

	u64 exit_stats[MYVMX_NR_EXIT_STATS];
	u64 exits;
	/* vcpu_load.c: follows the thread that holds the vCPU */
	struct preempt_notifier preempt;
	int loaded_cpu;			/* where vcpu_load ran last, or -1 */
	u64 preemptions;		/* switched out while runnable */
	u64 migrations;			/* loaded on another CPU */
	u64 msr_misc_enable;		/* IA32_MISC_ENABLE, kept as written */
	bool in_run;			/* a thread is inside RUN */
	bool started;			/* kernel-run: RUN is EBUSY */
	struct file *file;		/* the vCPU fd's */
	int guest_cpu;			/* the CPU of the pass, or -1 */
	wait_queue_head_t wq;		/* HLT waits here */
	void *arch;			/* the backend's (VMCS, ...) */
};

/*
 * A hardware backend.  cpu_setup/cpu_teardown allocate and free per-CPU
 * areas at load and unload; cpu_enable/cpu_disable turn virtualization on
 * and off on the CPU they run on, with interrupts off (cpu.c calls them).
 * With preemption off, vcpu_load makes the vCPU's state usable on this
 * CPU (vcpu_load.c calls it whenever the scheduler brings the vCPU's
 * thread in) and vcpu_enter runs the guest once and handles the exit
 * (MYVMX_RESUME or MYVMX_TO_USER); vcpu.c loops over vcpu_enter.
 * get_sregs/set_sregs too run with the vCPU loaded (myvmx_vcpu_get).
 * msr_get/msr_set reach the MSRs the backend keeps in its guest state
 * (EFER, PAT, the SYSENTER and SYSCALL MSRs); msr.c emulates RDMSR and
 * WRMSR with them.  name ("vmx", "svm") is reported through genl.
 */
struct myvmx_backend {
	const char *name;
	int (*cpu_setup)(void);
	void (*cpu_teardown)(void);
	int (*cpu_enable)(void);
	void (*cpu_disable)(void);
	int (*vm_init)(struct myvmx_vm *vm);
	void (*vm_destroy)(struct myvmx_vm *vm);
	int (*map_region)(struct myvmx_vm *vm, struct myvmx_region *r);
	int (*vcpu_init)(struct myvmx_vcpu *vcpu);
	void (*vcpu_destroy)(struct myvmx_vcpu *vcpu);
	void (*vcpu_load)(struct myvmx_vcpu *vcpu);
	int (*vcpu_enter)(struct myvmx_vcpu *vcpu);
	int (*get_sregs)(struct myvmx_vcpu *vcpu, struct myvmx_sregs *s);
	int (*set_sregs)(struct myvmx_vcpu *vcpu,
			 const struct myvmx_sregs *s);
	void (*cpu_mode)(struct myvmx_vcpu *vcpu, struct myvmx_cpu_mode *m);
	u64 (*msr_get)(struct myvmx_vcpu *vcpu, u32 msr);
	void (*msr_set)(struct myvmx_vcpu *vcpu, u32 msr, u64 value);
};

extern const struct myvmx_backend *myvmx_backend;

/* vmx_backend.c, svm_backend.c: the backend for this CPU, or an error. */
int myvmx_vmx_init(void);
int myvmx_svm_init(void);

/* cpu.c: virtualization on every CPU while VMs exist */
int myvmx_hw_get(void);
void myvmx_hw_put(void);
int myvmx_cpu_init(void);
void myvmx_cpu_exit(void);

/* msr.c: RDMSR and WRMSR; false means #GP */
bool myvmx_emulate_rdmsr(struct myvmx_vcpu *vcpu);
bool myvmx_emulate_wrmsr(struct myvmx_vcpu *vcpu);

/* exit_stats.c: the exit counters' shared vocabulary */
const char *myvmx_exit_kind_name(unsigned int kind);

static inline void myvmx_count_exit(struct myvmx_vcpu *vcpu,
				    enum myvmx_exit_kind kind)
{
	vcpu->exits++;
	vcpu->exit_stats[kind]++;
}

/* The guest's x87/SSE registers, switched around each entry. */
static __always_inline void myvmx_fxrstor(struct fxregs_state *fx)
{
	asm volatile("fxrstor64 %0" : : "m"(*fx));
}

static __always_inline void myvmx_fxsave(struct fxregs_state *fx)
{
	asm volatile("fxsave64 %0" : "=m"(*fx));
}

/* Whether [@a, @a + @alen) and [@b, @b + @blen) share a byte. */
static inline bool myvmx_overlaps(u64 a, u64 alen, u64 b, u64 blen)
{
	return a < b + blen && b < a + alen;
}

/*
 * vcpu_load.c: between myvmx_vcpu_get and myvmx_vcpu_put the vCPU's
 * state stays loaded on whatever CPU its thread runs (a preempt notifier).
 */
void myvmx_vcpu_load_init(struct myvmx_vcpu *vcpu);
void myvmx_vcpu_load_fini(struct myvmx_vcpu *vcpu);
void myvmx_vcpu_get(struct myvmx_vcpu *vcpu);
void myvmx_vcpu_put(struct myvmx_vcpu *vcpu);

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
int myvmx_vcpu_run(struct myvmx_vcpu *vcpu);

/* runner.c: VMs the kernel runs */
int myvmx_vm_start(struct myvmx_vm *vm);
int myvmx_vm_stop(struct myvmx_vm *vm);
int myvmx_vm_shutdown(struct myvmx_vm *vm);
int myvmx_vm_pause(struct myvmx_vm *vm, bool pause);

/* device.c, iodev.c: in-kernel devices */
int myvmx_device_create(struct myvmx_vm *vm,
			const struct myvmx_create_device __user *arg);
void myvmx_devices_destroy(struct myvmx_vm *vm);
void myvmx_devices_vm_stopped(struct myvmx_vm *vm);
int myvmx_devices_put_stats(struct sk_buff *msg, struct myvmx_vm *vm);
int myvmx_devices_shutdown(struct myvmx_vm *vm);
int myvmx_device_open(const struct myvmx_open_device __user *arg);
int myvmx_iodev_serve(struct myvmx_vcpu *vcpu);

/* irq.c: the guest's interrupts, HLT, kicks */
enum myvmx_next {
	MYVMX_NEXT_NONE,		/* nothing to deliver */
	MYVMX_NEXT_WAIT,		/* an interrupt waits for the window */
	MYVMX_NEXT_NOW,			/* deliver this event now */
};

bool myvmx_event_waiting(struct myvmx_vcpu *vcpu);
enum myvmx_next myvmx_next_event(struct myvmx_vcpu *vcpu, bool can_interrupt,
				 struct myvmx_event *e);
int myvmx_halt(struct myvmx_vcpu *vcpu);
void myvmx_vm_kick_all(struct myvmx_vm *vm);

/* guest_mem.c: guest-physical (myvmx_device.h) and guest-linear access */
int myvmx_gva_to_gpa(struct myvmx_vcpu *vcpu, const struct myvmx_cpu_mode *m,
		     u64 gva, u64 *gpa);
int myvmx_read_gva(struct myvmx_vcpu *vcpu, const struct myvmx_cpu_mode *m,
		   u64 gva, void *buf, unsigned int len);
int myvmx_write_gva(struct myvmx_vcpu *vcpu, const struct myvmx_cpu_mode *m,
		    u64 gva, const void *buf, unsigned int len);

/* emulate.c: exits completed with user space's help */
#define MYVMX_IO_DATA_OFFSET	256	/* in the run page */
#define MYVMX_IO_DATA_MAX	1024

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
enum myvmx_cpu_bits myvmx_code_bits(const struct myvmx_cpu_mode *m);
int myvmx_fetch_insn(struct myvmx_vcpu *vcpu, const struct myvmx_cpu_mode *m,
		     u8 *code);
u64 myvmx_string_linear(struct myvmx_vcpu *vcpu, const struct myvmx_cpu_mode *m,
			int seg, unsigned int addr_size, bool source);
int myvmx_emulate_mmio(struct myvmx_vcpu *vcpu, u64 gpa, bool is_write);
int myvmx_complete_user_exit(struct myvmx_vcpu *vcpu);
int myvmx_exit_internal(struct myvmx_vcpu *vcpu, u32 suberror, u32 reason,
			u64 qualification);

/* cpuid.c */
void myvmx_emulate_cpuid(struct myvmx_vcpu *vcpu);
void myvmx_cpuid(unsigned int index, u32 leaf, u32 subleaf, u32 *eax,
		 u32 *ebx, u32 *ecx, u32 *edx);
void myvmx_cpuid_filter(unsigned int index, u32 leaf, u32 subleaf, u32 *eax,
			u32 *ebx, u32 *ecx, u32 *edx);

#endif /* _MYVMX_VMM_H */
