/* SPDX-License-Identifier: GPL-2.0 */
/*
 * myvmx's AMD-V backend: what its files share.  The VMCB layout, intercept
 * numbers and exit codes are the kernel's own (asm/svm.h).
 */
#ifndef _MYVMX_SVM_H
#define _MYVMX_SVM_H

#include <linux/types.h>
#include <asm/svm.h>

#include "tdp.h"
#include "vmm.h"

/* What CPUID 0x8000000A says the CPU offers. */
struct myvmx_svm_caps {
	u32 nr_asids;
	bool nrips;		/* next RIP saved on exits */
	bool decode_assists;	/* instruction bytes on nested page faults */
	bool vmcb_clean;	/* VMCB clean bits honoured */
	bool flush_by_asid;	/* TLB_CONTROL 3 */
};

extern struct myvmx_svm_caps myvmx_svm_caps;

/*
 * The VMCB clean bits: areas the CPU may keep cached from the last VMRUN
 * of the same VMCB on the same CPU (AMD APM vol. 2, 15.15.3).
 */
#define MYVMX_VMCB_INTERCEPTS	BIT(0)	/* intercepts, TSC offset */
#define MYVMX_VMCB_PERM_MAP	BIT(1)	/* IOPM and MSRPM bases */
#define MYVMX_VMCB_ASID		BIT(2)
#define MYVMX_VMCB_INTR		BIT(3)	/* V_IRQ, V_TPR and friends */
#define MYVMX_VMCB_NPT		BIT(4)	/* nCR3, guest PAT */
#define MYVMX_VMCB_CR		BIT(5)	/* CR0, CR3, CR4, EFER */
#define MYVMX_VMCB_DR		BIT(6)	/* DR6, DR7 */
#define MYVMX_VMCB_DT		BIT(7)	/* GDTR, IDTR */
#define MYVMX_VMCB_SEG		BIT(8)	/* CS, DS, SS, ES, CPL */
#define MYVMX_VMCB_CR2		BIT(9)
#define MYVMX_VMCB_ALL		0x3ff

/*
 * A CPU's address space IDs, handed out in generations: a vCPU arriving
 * on a CPU takes the next free one; when none is left, a new generation
 * starts from 1 and that entry flushes every ASID's TLB entries.
 */
struct myvmx_asid_space {
	u32 next;
	u32 max;		/* the highest usable ASID */
	u64 generation;
};

u8 myvmx_asid_new(struct myvmx_asid_space *space, u32 *asid, u64 *generation);
void myvmx_asid_reset(struct myvmx_asid_space *space, u32 nr_asids);

/* The per-VM AMD-V state. */
struct myvmx_svm_vm {
	struct myvmx_tdp npt;
};

/* The per-vCPU AMD-V state. */
struct myvmx_svm_vcpu {
	struct myvmx_vcpu *vcpu;
	struct vmcb *vmcb;
	int cpu;			/* the CPU it was last loaded on, or -1 */
	u32 asid;
	u64 asid_generation;
	u32 dirty;			/* MYVMX_VMCB_* changed since */
	u32 reinject, reinject_err;	/* an event the exit interrupted */
	bool virq;			/* V_IRQ holds an interrupt to take */
	bool window;			/* V_IRQ asks for a VINTR exit */
	u64 exit_rip;			/* the guest's RIP at the last exit */
};

/* svm_caps.c */
int myvmx_svm_probe(void);

/* svm_cpu.c: SVM on one CPU */
int myvmx_svm_cpu_setup(void);
void myvmx_svm_cpu_teardown(void);
int myvmx_svm_cpu_enable(void);
void myvmx_svm_cpu_disable(void);
struct myvmx_asid_space *myvmx_svm_asids(void);
u64 myvmx_svm_host_save_pa(void);
u64 myvmx_svm_iopm_pa(void);
u64 myvmx_svm_msrpm_pa(void);
void myvmx_msrpm_passthrough(u8 *msrpm, u32 msr);

/* svm_vmcb.c */
void myvmx_vmcb_setup(struct myvmx_svm_vcpu *sv, u64 ncr3);
void myvmx_vmcb_intercept(struct vmcb *vmcb, unsigned int bit, bool on);
void myvmx_svm_get_sregs(struct myvmx_svm_vcpu *sv, struct myvmx_sregs *s);
void myvmx_svm_set_sregs(struct myvmx_svm_vcpu *sv,
			 const struct myvmx_sregs *s);

/* svm_run.c, svm_exit.c */
void myvmx_svm_vcpu_load(struct myvmx_vcpu *vcpu);
int myvmx_svm_vcpu_enter(struct myvmx_vcpu *vcpu);
int myvmx_svm_handle_exit(struct myvmx_vcpu *vcpu, u32 code);
enum myvmx_exit_kind myvmx_svm_exit_kind(u32 code, u64 info1);
void myvmx_svm_set_window(struct myvmx_svm_vcpu *sv, bool on);
void myvmx_svm_inject(struct myvmx_svm_vcpu *sv, u8 type, u8 vector,
		      bool has_error, u32 error);
u64 myvmx_svm_msr_get(struct myvmx_vcpu *vcpu, u32 msr);
void myvmx_svm_msr_set(struct myvmx_vcpu *vcpu, u32 msr, u64 val);

/* svm_enter.S: VMRUN with the guest's GPRs (RAX, RSP in the VMCB). */
void myvmx_svm_enter(u64 *gpr, u64 vmcb_pa, u64 host_save_pa);

#endif /* _MYVMX_SVM_H */
